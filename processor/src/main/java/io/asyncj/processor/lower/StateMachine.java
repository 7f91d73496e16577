package io.asyncj.processor.lower;

import java.util.List;

/**
 * What {@link Lowerer} produces and the emitter writes: the regions and states of the machine and
 * the fields it needs. Immutable once built. {@code capturesAnonymousThis}: the body of an
 * anonymous class's method names its {@code this} as {@code $this}, a local declared before the
 * state machine (the class has no name to qualify {@code this} with).
 */
// typeVariables: each the name of a type variable of the machine then its bounds, for intersections
// met as type arguments of hoisted locals' types (written through $cast, an unchecked cast);
// needsCast: $cast is used without them (a call's argument held as a projection of its type)
public record StateMachine(
        String className,
        String valueType,
        Region root,
        List<Field> fields,
        List<String> constructorParameters,
        boolean needsThrowableCast,
        int bodyPos,
        int bodyEnd,
        List<Text> memberTypes,
        boolean awaitsFuture,
        boolean capturesAnonymousThis,
        List<List<String>> typeVariables,
        boolean needsCast) {}
