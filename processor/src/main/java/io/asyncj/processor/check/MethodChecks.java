package io.asyncj.processor.check;

import io.asyncj.processor.analyze.Awaits;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** What makes an {@code @Async} method unusable before its body is looked at. */
public final class MethodChecks {
    private MethodChecks() {}

    /** The problems of {@code method}, each a diagnostic message with its id; empty if none. */
    public static List<String> check(ExecutableElement method) {
        List<String> problems = new ArrayList<>();
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            problems.add("[AsyncNoBody] @Async rewrites a method body, and " + method.getSimpleName()
                    + " has none (abstract or native): remove @Async here and put it on the implementations");
        }
        if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
            // the call only creates the coroutine; its body runs later, when awaited, outside the monitor
            problems.add("[AsyncSynchronizedMethod] a synchronized @Async method would hold its monitor only while"
                    + " its coroutine is created, not while its body runs: remove synchronized, and guard the body"
                    + " with an io.asyncj AsyncLock if it needs mutual exclusion");
        }
        if (!returnsCoroutine(method.getReturnType())) {
            problems.add("[AsyncNotCoroutine] an @Async method must be declared to return io.asyncj.Coroutine<T>, not "
                    + method.getReturnType() + ": declare Coroutine<T> and return completed(value)");
        }
        return problems;
    }

    private static boolean returnsCoroutine(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(Awaits.COROUTINE);
    }

    /** The type the coroutine completes with: {@code T} of {@code Coroutine<T>}, as source text. */
    public static TypeMirror valueType(ExecutableElement method) {
        DeclaredType t = (DeclaredType) method.getReturnType();
        return t.getTypeArguments().isEmpty() ? null : t.getTypeArguments().get(0);
    }
}
