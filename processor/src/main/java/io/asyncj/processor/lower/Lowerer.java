package io.asyncj.processor.lower;

import com.sun.source.tree.*;
import com.sun.source.util.TreeScanner;
import io.asyncj.processor.analyze.Awaits;
import io.asyncj.processor.javac.TypedBody;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Turns an attributed {@code @Async} body into a {@link StateMachine}.
 *
 * <p>Statements without a suspension point are copied verbatim (with small edits: renamed locals,
 * {@code this} to {@code Outer.this}, {@code return completed(v)} to {@code $complete(v)}, jumps
 * that leave a lowered statement). Statements with one are split into states: expressions are
 * normalized left to right, spilling already evaluated operands into temporaries before a later
 * operand suspends (as Roslyn's spiller does), so Java's evaluation order and short-circuiting are
 * kept exactly. {@code try} statements with suspension points become nested dispatch regions
 * inside real Java {@code try} statements; their {@code finally} blocks become states entered with
 * a pending exception or a pending jump.
 *
 * <p>Runs twice: the first pass treats every local as a field and records which states touch it;
 * the second hoists only the locals touched by more than one state.
 */
public final class Lowerer {
    private static final String FUTURE = "io.asyncj.Future";
    private static final Set<ElementKind> LOCAL_KINDS = Set.of(ElementKind.LOCAL_VARIABLE,
            ElementKind.PARAMETER, ElementKind.EXCEPTION_PARAMETER, ElementKind.RESOURCE_VARIABLE,
            ElementKind.valueOf("BINDING_VARIABLE"));

    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "char", "int", "long",
            "float", "double");

    private final TypedBody typed;
    private final Awaits awaits;
    private final CharSequence src;
    private final MethodTree method;
    /** The simple name of the method's class, or null for an anonymous class (its this is then $this). */
    private final String outerName;
    private boolean usesAnonymousThis;
    private final boolean isStatic;
    private final String valueType;
    private final Set<String> coroutineMemberNames;

    // ---- decided before pass 2 ----
    private Set<Element> hoisted; // null in pass 1: every candidate is hoisted
    private final Map<Element, String> names = new HashMap<>();
    private final Set<Element> fieldParams = new HashSet<>();

    // ---- per pass ----
    private int nextBlock;
    private int nextRegion;
    private int nextTemp;
    private Block cur;
    private Region region;
    private Region root;
    private List<Field> fields;
    private List<Block> allBlocks;
    private Map<Region, List<Block>> inlineHandlers;
    private Map<Element, Set<Block>> touches;
    private Set<Element> candidates;
    private Set<Element> forceHoist;
    private Deque<Jumpable> jumpables;
    private Deque<FinallyFrame> frames;
    private boolean needsSneaky;
    private boolean needsRet;
    /** Whether some await takes the {@code $awaitFuture} fast path (the machine then declares {@code $f}). */
    private boolean awaitsFuture;
    private int stmtPos;
    private String pendingLabel;
    private int snapshotCounter;
    private final Block returnTarget = new Block(-1, null);
    private List<Text> memberTypes;
    private final Map<Element, Tree> localClasses = new HashMap<>();

    /** A statement {@code break}, {@code continue} or {@code yield} can leave. */
    private record Jumpable(Tree tree, String label, Block breakTo, Block continueTo, String yieldTemp) {}

    /** A {@code finally} block that jumps leaving its {@code try} must pass through. */
    private static final class FinallyFrame {
        final int id;
        final Region region;
        final Block start;
        final Map<Block, Integer> exits = new LinkedHashMap<>();

        FinallyFrame(int id, Region region, Block start) {
            this.id = id;
            this.region = region;
            this.start = start;
        }

        int exitCode(Block target) {
            return exits.computeIfAbsent(target, t -> exits.size() + 1);
        }
    }

    public Lowerer(TypedBody typed, Awaits awaits, CharSequence src, MethodTree method, String outerName,
            boolean isStatic, String valueType, Set<String> coroutineMemberNames) {
        this.typed = typed;
        this.awaits = awaits;
        this.src = src;
        this.method = method;
        this.outerName = outerName;
        this.isStatic = isStatic;
        this.valueType = valueType;
        this.coroutineMemberNames = coroutineMemberNames;
    }

    /** Lowers the body. */
    public StateMachine lower() {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void p) {
                if (unparen(node.getVariable()) instanceof IdentifierTree id) {
                    lvalueIds.add(id);
                }
                return super.visitAssignment(node, p);
            }
        }.scan(typed.body(), null);
        nameVariables();
        findReassignedParameters();
        hoisted = null;
        pass();
        Set<Element> keep = new HashSet<>(forceHoist);
        keep.removeIf(this::isConstant);
        for (Map.Entry<Element, Set<Block>> e : touches.entrySet()) {
            if (e.getValue().size() > 1 && !isConstant(e.getKey())) {
                if (localClasses.containsKey(e.getKey())) {
                    throw localClassAcrossAwait(e.getKey());
                }
                keep.add(e.getKey());
            }
        }
        // a local held across an await is a field, whose type cannot name a class local to a state
        Element stuck = null;
        for (Element e : keep) {
            Element cls = candidates.contains(e) ? localClassIn(e.asType()) : null;
            if (cls != null && (stuck == null || typed.start(localClasses.get(cls)) < typed.start(localClasses.get(stuck)))) {
                stuck = cls;
            }
        }
        if (stuck != null) {
            throw localClassAcrossAwait(stuck);
        }
        hoisted = keep;
        checkAnonymousTypedLocals(keep);
        checkInaccessibleTypedLocals(keep);
        for (Tree id : lvalueIds) {
            Element el = typed.element(id);
            if (el != null && keep.contains(el) && candidates.contains(el) && typedWithTypeVariable(el)
                    && !typed.attributionErrors().isEmpty()) {
                // (without errors, the value goes through $cast, which would hide one on this line)
                throw unsupported(id, "'" + el.getSimpleName() + "' has a type no declaration can write (an"
                        + " intersection as a type argument), lives across an await, and is assigned again:"
                        + " declare it with an explicit type instead of var");
            }
        }
        pass();
        Map<String, Element> locals = new HashMap<>();
        Set<Element> references = new java.util.LinkedHashSet<>();
        for (Element e : keep) {
            if (candidates.contains(e)) {
                locals.put(nameOf(e), e);
                if (!typed.isPrimitive(e.asType())) {
                    references.add(e);
                }
            }
        }
        Map<Block, Set<Object>> touched = new HashMap<>();
        for (Map.Entry<Element, Set<Block>> e : touches.entrySet()) {
            for (Block b : e.getValue()) {
                touched.computeIfAbsent(b, x -> new HashSet<>()).add(e.getKey());
            }
        }
        Map<Block, Liveness.Park> parks = new Liveness(allBlocks, inlineHandlers, touched, references).parks();
        for (Map.Entry<Block, Liveness.Park> p : parks.entrySet()) {
            saveOnPark(p.getKey(), p.getValue(), locals);
        }
        List<String> ctorParams = new ArrayList<>();
        for (VariableTree p : method.getParameters()) {
            Element sym = typed.element(p);
            if (fieldParams.contains(sym)) {
                ctorParams.add(p.getName().toString());
            }
        }
        String className = method.getName() + "$Coroutine";
        return new StateMachine(className, valueType, root, fields, ctorParams, needsSneaky,
                typed.start(typed.body()), typed.end(typed.body()), memberTypes, awaitsFuture, usesAnonymousThis,
                typeVariables, needsCast);
    }

    private void touchLocalClass(TypeMirror t) {
        Element cls = localClassIn(t);
        if (cls != null) {
            touch(cls);
        }
    }

    /** A class of {@link #localClasses} that {@code t} names (as itself, an element type or a type argument). */
    private Element localClassIn(TypeMirror t) {
        if (t instanceof javax.lang.model.type.ArrayType a) {
            return localClassIn(a.getComponentType());
        }
        if (!(t instanceof DeclaredType d)) {
            return null;
        }
        if (localClasses.containsKey(d.asElement())) {
            return d.asElement();
        }
        for (TypeMirror arg : d.getTypeArguments()) {
            Element e = localClassIn(arg instanceof javax.lang.model.type.WildcardType w
                    ? (w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound()) : arg);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private LoweringException localClassAcrossAwait(Element cls) {
        ClassTree c = (ClassTree) localClasses.get(cls);
        Element captured = capturedLocal(c, new HashSet<>());
        String kind = switch (c.getKind()) {
            case RECORD -> "record";
            case ENUM -> "enum";
            case INTERFACE -> "interface";
            default -> "class";
        };
        if (captured == null) {
            return new LoweringException(c, "AsyncLocalClassAcrossAwait", "the local " + kind + " '"
                    + cls.getSimpleName() + "' is used across an await and its name also denotes another type in"
                    + " this method, which is not supported: rename one of them");
        }
        return new LoweringException(c, "AsyncLocalClassAcrossAwait", "the local " + kind + " '" + cls.getSimpleName()
                + "' is used across an await and captures the local variable '" + captured.getSimpleName()
                + "', which is not supported: pass it to the class's constructor instead, or declare the class"
                + " outside the method");
    }

    /**
     * A hoisted {@code var} of an anonymous class is a field of a named supertype (the anonymous
     * type has no name to declare it with), where the class's own members are out of reach: said
     * on the first use of one, rather than javac's "cannot find symbol" on the generated code.
     */
    /** A {@code var} local of a type the class cannot name (only a field could hold it across an await). */
    private void checkInaccessibleTypedLocals(Set<Element> keep) {
        VariableTree[] first = {null};
        String[] hidden = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void p) {
                Element local = typed.element(node);
                if (first[0] == null && local != null && keep.contains(local) && candidates.contains(local)) {
                    hidden[0] = typed.inaccessibleIn(local.asType());
                    if (hidden[0] != null) {
                        first[0] = node;
                    }
                }
                return super.visitVariable(node, p);
            }
        }.scan(typed.body(), null);
        if (first[0] != null) {
            throw unsupported(first[0], "'" + first[0].getName() + "' has a type that mentions " + hidden[0]
                    + ", which this class cannot name, and lives across an await (held in a field, whose"
                    + " declaration must name its type): declare it with an accessible type (an interface or"
                    + " superclass of it) instead of var");
        }
    }

    private void checkAnonymousTypedLocals(Set<Element> keep) {
        for (Element local : keep) {
            if (!candidates.contains(local) || !(local.asType() instanceof DeclaredType dt)
                    || !(dt.asElement() instanceof TypeElement anonymous)
                    || anonymous.getNestingKind() != NestingKind.ANONYMOUS) {
                continue;
            }
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitMemberSelect(MemberSelectTree node, Void p) {
                    Element member = typed.element(node);
                    if (unparen(node.getExpression()) instanceof IdentifierTree id && local.equals(typed.element(id))
                            && member != null && anonymous.equals(member.getEnclosingElement())) {
                        throw unsupported(node, "'" + local.getSimpleName() + "' holds an instance of an anonymous"
                                + " class and lives across an await, where only a named type can hold it, so its"
                                + " member '" + node.getIdentifier() + "' is out of reach: declare a named class"
                                + " (a local class, record or member class) instead of the anonymous one");
                    }
                    return super.visitMemberSelect(node, p);
                }
            }.scan(typed.body(), null);
        }
    }

    /**
     * The path of {@code b}'s await that parks the machine: {@code $resume} keeps the fields in
     * locals of the same names while it runs, so they are written back here: every field the
     * resume state may read (hoisted locals by liveness; temporaries and bookkeeping always), and
     * {@code null} into the reference fields whose locals are dead.
     */
    private void saveOnPark(Block b, Liveness.Park park, Map<String, Element> locals) {
        StringBuilder save = new StringBuilder();
        for (Field f : fields) {
            Element e = locals.get(f.name());
            if (e == null && tempNames.contains(f.name()) && !b.liveTemps.contains(f.name())) {
                continue; // a temporary of a statement that is over, or not begun, at this await
            }
            if (e == null || park.save().contains(e)) {
                save.append("this.").append(f.name()).append(" = ").append(f.name()).append(";\n");
            } else if (park.clear().contains(e)) {
                save.append("this.").append(f.name()).append(" = null;\n");
            }
        }
        if (save.length() == 0) {
            return;
        }
        String open = "{\n" + save;
        b.code.insertGlue(b.awaitAt, b.awaitPos, open);
        int afterReturn = b.awaitEnd + Text.glueLength(b.awaitPos, open);
        b.code.insertGlue(afterReturn, b.awaitPos, "}\n");
    }

    private final Map<Element, Tree> bindingDecls = new HashMap<>();
    /** Reads of hoisted intersection-typed locals whose member select needs another component's type. */
    private final Map<Tree, String> memberCasts = new HashMap<>();
    /** Identifiers assigned to (never cast). */
    private final Set<Tree> lvalueIds = new HashSet<>();
    /** Simple names of the local classes made members of the state machine in this pass. */
    private Set<String> memberNames = new HashSet<>();
    /** Local classes of the body (declared at any depth outside lambdas), by symbol. */
    private final Map<Element, ClassTree> bodyClasses = new HashMap<>();
    /** Bindings read under their pattern's own name (in a case guard, before they are stored). */
    private Set<Element> patternScope = Set.of();

    // ------------------------------------------------------------------------------------------
    // names

    /** Gives every local a name that is unique in the body (so scopes can be merged safely). */
    private void nameVariables() {
        Map<String, Set<Element>> byName = new LinkedHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void p) {
                add(typed.element(node));
                return super.visitVariable(node, p);
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void p) {
                Element e = typed.element(node);
                if (e != null && (e.getKind().isField() || LOCAL_KINDS.contains(e.getKind()))) {
                    add(e);
                }
                return null;
            }

            int nested;

            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void p) {
                Element e = typed.element(node.getVariable());
                if (e != null && nested == 0) {
                    bindingDecls.put(e, node);
                }
                return super.visitBindingPattern(node, p);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
                nested++;
                try {
                    return super.visitLambdaExpression(node, p);
                } finally {
                    nested--;
                }
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                Element e = typed.element(node);
                if (e != null && node.getKind() == Tree.Kind.CLASS && !node.getSimpleName().isEmpty()) {
                    bodyClasses.put(e, node);
                }
                nested++;
                try {
                    return super.visitClass(node, p);
                } finally {
                    nested--;
                }
            }

            private void add(Element e) {
                if (e != null) {
                    byName.computeIfAbsent(e.getSimpleName().toString(), k -> new java.util.LinkedHashSet<>()).add(e);
                }
            }
        }.scan(typed.body(), null);
        for (VariableTree p : method.getParameters()) {
            Element e = typed.element(p);
            if (e != null) {
                byName.computeIfAbsent(p.getName().toString(), k -> new java.util.LinkedHashSet<>()).add(e);
            }
        }
        for (VariableTree p : method.getParameters()) {
            if (p.getName().toString().indexOf('$') >= 0) {
                // parameters keep their names (the state machine captures them): one with a '$' could
                // be shadowed by, or shadow, a name the state machine declares
                throw unsupported(p, "the parameter name '" + p.getName() + "' contains '$', which names"
                        + " in the code asyncj generates for an @Async body use: rename the parameter");
            }
        }
        int dollars = 0;
        for (Map.Entry<String, Set<Element>> group : byName.entrySet()) {
            int i = 0;
            for (Element e : group.getValue()) {
                if (LOCAL_KINDS.contains(e.getKind()) && e.getKind() != ElementKind.PARAMETER) {
                    if (group.getKey().indexOf('$') >= 0) {
                        // `$t0`, `x$1`, ... could be a temporary's or a renamed local's name: every
                        // user name with a '$' becomes `$u<n>`, a form nothing else is given
                        names.put(e, "$u" + (dollars++));
                        continue;
                    }
                    boolean unique = group.getValue().size() == 1 && !coroutineMemberNames.contains(group.getKey());
                    names.put(e, unique ? group.getKey() : group.getKey() + "$" + (++i));
                }
            }
        }
    }

    /** Parameters the body assigns cannot be captured: they become fields set by the constructor. */
    private void findReassignedParameters() {
        Set<Element> params = new HashSet<>();
        for (VariableTree p : method.getParameters()) {
            params.add(typed.element(p));
        }
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void p) {
                mark(node.getVariable());
                return super.visitAssignment(node, p);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
                mark(node.getVariable());
                return super.visitCompoundAssignment(node, p);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void p) {
                switch (node.getKind()) {
                    case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> mark(node.getExpression());
                    default -> { }
                }
                return super.visitUnary(node, p);
            }

            private void mark(ExpressionTree target) {
                if (target instanceof IdentifierTree id) {
                    Element e = typed.element(id);
                    if (params.contains(e)) {
                        fieldParams.add(e);
                    }
                }
            }
        }.scan(typed.body(), null);
    }

    private String nameOf(Element local) {
        String n = names.get(local);
        return n != null ? n : local.getSimpleName().toString();
    }

    /** Type variables of the machine: name, then bounds (see {@link StateMachine}). */
    private List<List<String>> typeVariables = new ArrayList<>();

    /** The type of the field that holds hoisted {@code local}. */
    private String fieldType(Element local) {
        return printWithTypeVariables(local.asType());
    }

    private String printWithTypeVariables(TypeMirror type) {
        return typed.printWithTypeVariables(type, bounds -> {
            for (List<String> tv : typeVariables) {
                if (tv.subList(1, tv.size()).equals(bounds)) {
                    return tv.get(0);
                }
            }
            List<String> tv = new ArrayList<>();
            tv.add("$I" + typeVariables.size());
            tv.addAll(bounds);
            typeVariables.add(tv);
            return tv.get(0);
        });
    }

    /** Whether the field of hoisted {@code local} is typed with a type variable of the machine. */
    private boolean typedWithTypeVariable(Element local) {
        boolean[] found = {false};
        typed.printWithTypeVariables(local.asType(), bounds -> {
            found[0] = true;
            return "$I";
        });
        return found[0];
    }

    /** {@code value} as written into hoisted {@code local}: through $cast when its field has a type variable. */
    private Text written(Element local, Text value) {
        if (!isHoisted(local) || !typedWithTypeVariable(local)) {
            return value;
        }
        return glue("this.$cast(").append(value).append(glue(")"));
    }

    private boolean isHoisted(Element local) {
        return candidates.contains(local) && !isConstant(local) && (hoisted == null || hoisted.contains(local));
    }

    /**
     * A constant variable ({@code final int K = 3;}): it must stay one (switch labels, implicit
     * narrowing, interned concatenations), so it is a final member of the state machine with its
     * constant initializer, never a hoisted field.
     */
    private boolean isConstant(Element local) {
        return local instanceof VariableElement v && v.getKind() == ElementKind.LOCAL_VARIABLE
                && v.getModifiers().contains(Modifier.FINAL) && v.getConstantValue() != null;
    }

    // ------------------------------------------------------------------------------------------
    // one pass

    private void pass() {
        nextBlock = 0;
        nextRegion = 0;
        nextTemp = 0;
        snapshotCounter = 0;
        fields = new ArrayList<>();
        allBlocks = new ArrayList<>();
        inlineHandlers = new HashMap<>();
        memberTypes = new ArrayList<>();
        typeVariables = new ArrayList<>();
        needsCast = false;
        castTemps = new HashSet<>();
        tempNames = new HashSet<>();
        liveTemps = new HashSet<>();
        memberNames = new HashSet<>();
        touches = new LinkedHashMap<>();
        candidates = new HashSet<>(bindingDecls.keySet());
        forceHoist = new HashSet<>();
        jumpables = new ArrayDeque<>();
        frames = new ArrayDeque<>();
        needsSneaky = false;
        needsRet = false;
        awaitsFuture = false;
        root = new Region(nextRegion++, null);
        region = root;
        cur = null;
        stmtPos = typed.start(typed.body());
        place(newBlock(), null);
        for (VariableTree p : method.getParameters()) {
            Element e = typed.element(p);
            if (fieldParams.contains(e)) {
                fields.add(new Field(typed.print(e.asType()), p.getName().toString(), true, "parameter assigned in the body"));
            }
        }
        for (StatementTree s : typed.body().getStatements()) {
            stmt(s);
        }
        if (!cur.terminated) {
            emit("$complete(null);\nreturn;\n");
            cur.terminated = true;
        }
        if (needsRet) {
            fields.add(new Field(valueType, "$ret", false, "value of a return that runs a finally block first"));
        }
        if (hoisted != null) {
            List<Field> locals = new ArrayList<>();
            for (Element e : candidates) {
                if (hoisted.contains(e)) {
                    locals.add(new Field(fieldType(e), nameOf(e), false, null));
                }
            }
            locals.sort(java.util.Comparator.comparing(Field::name));
            fields.addAll(0, locals);
        }
    }

    private Block newBlock() {
        Block b = new Block(nextBlock++, region);
        allBlocks.add(b);
        return b;
    }

    /**
     * {@code if ($await(a, k)) return;}, remembering where the fields get saved before the return.
     * An awaitable typed {@code Future} takes the fast path: {@code if ($awaitFuture($f = a, k))},
     * read back with {@code $result($f)}.
     */
    private void emitAwait(Text awaitable, Block k, boolean future) {
        if (future) {
            awaitsFuture = true;
            emit(glue("if ($awaitFuture($f = ").append(awaitable).append(glue(", " + k.id + ")) ")));
        } else {
            emit(glue("if ($await(").append(awaitable).append(glue(", " + k.id + ")) ")));
        }
        cur.awaitAt = cur.code.length();
        cur.liveTemps = new HashSet<>(liveTemps);
        cur.awaitTarget = k;
        cur.awaitPos = stmtPos;
        emit("return;\n");
        cur.awaitEnd = cur.code.length();
    }

    /** Lays out {@code b} next in the current region and makes it current. */
    private void place(Block b, Tree startedBy) {
        if (b.region != region) {
            throw new IllegalStateException("block placed outside its region");
        }
        if (cur != null && !cur.terminated) {
            cur.next = b;
            cur.terminated = true;
        }
        b.placed = true;
        region.items.add(b);
        cur = b;
        if (startedBy != null) {
            b.commentPos = typed.start(startedBy);
            b.comment = firstLine(startedBy);
        }
    }

    private String firstLine(Tree t) {
        int s = typed.start(t);
        int e = Math.min(typed.end(t), src.length());
        String text = src.subSequence(Math.max(0, s), Math.max(s, e)).toString();
        int nl = text.indexOf('\n');
        if (nl >= 0) {
            text = text.substring(0, nl).stripTrailing() + " ...";
        }
        return text.replace("*/", "* /");
    }

    private void emit(String glue) {
        cur.code.glue(stmtPos, glue);
    }

    private void emit(Text t) {
        cur.code.append(t);
        for (Object local : t.locals) {
            touch((Element) local);
        }
    }

    private Text glue(String s) {
        return new Text().glue(stmtPos, s);
    }

    /** Ends the current block with a jump to {@code target} (through finally blocks as needed). */
    private void jumpEnd(Block target) {
        if (cur.terminated) {
            return;
        }
        if (target != returnTarget && crossing(target) == null) {
            cur.next = target;
            cur.terminated = true;
        } else {
            emit(jump(target));
            cur.terminated = true;
        }
    }

    private FinallyFrame crossing(Block target) {
        for (FinallyFrame f : frames) {
            if (target != returnTarget && f.region.contains(target.region)) {
                return null;
            }
            return f;
        }
        return null;
    }

    /** Code that jumps to {@code target} from the current region, through finally blocks. */
    private Text jump(Block target) {
        FinallyFrame f = crossing(target);
        if (f != null) {
            int code = f.exitCode(target);
            return glue("$fin" + f.id + " = " + code + ";\n" + goTo(f.start));
        }
        if (target == returnTarget) {
            return glue("$complete($ret);\nreturn;\n");
        }
        return glue(goTo(target));
    }

    private String goTo(Block target) {
        return "$state = " + target.id + ";\ncontinue " + Region.lca(region, target.region).label() + ";\n";
    }

    private void touch(Element local) {
        touches.computeIfAbsent(local, k -> new java.util.LinkedHashSet<>()).add(cur);
    }

    private String temp(TypeMirror type, String prefix) {
        Element local = localClassIn(type);
        if (local != null) {
            throw localClassAcrossAwait(local); // a field cannot be typed with a class local to a state
        }
        String name = "$" + prefix + nextTemp++;
        tempNames.add(name);
        liveTemps.add(name);
        String printed = type == null ? "java.lang.Object" : printWithTypeVariables(type);
        if (type != null && !printed.equals(typed.print(type))) {
            castTemps.add(name);
        }
        fields.add(new Field(printed, name, false, null));
        return name;
    }

    /** Whether {@code $cast} is used outside the type variables' fields (see {@link #argumentTemp}). */
    private boolean needsCast;

    /** Whether child {@code i} of {@code e} (see {@link #generic}) is an argument of a call or instance creation. */
    private static boolean argumentOf(ExpressionTree e, int i) {
        if (e instanceof MethodInvocationTree) {
            return i >= 1; // child 0: the receiver or the method's name
        }
        return e instanceof NewClassTree n && (n.getEnclosingExpression() == null || i >= 1)
                && (n.getClassBody() == null || i < n.getArguments().size() + (n.getEnclosingExpression() == null ? 0 : 1));
    }

    /**
     * A temporary for an argument whose type has an intersection among its type arguments: typed
     * with the intersection's first bound (written through $cast), as {@code combine(List.of(1, 2L),
     * await(x))} needs: a type variable of the machine in its place would be the call's type
     * argument exactly, which the other arguments cannot match. Null for other types.
     */
    private String argumentTemp(TypeMirror type) {
        if (type == null || localClassIn(type) != null) {
            return null;
        }
        String projected = typed.print(type);
        if (projected.equals(printWithTypeVariablesDry(type))) {
            return null;
        }
        String name = temp(projected, "t");
        castTemps.add(name);
        needsCast = true;
        return name;
    }

    /** {@link #printWithTypeVariables} without adding type variables to the machine. */
    private String printWithTypeVariablesDry(TypeMirror type) {
        return typed.printWithTypeVariables(type, bounds -> "$I");
    }

    /** Every temporary of this pass, and those the statements being lowered have made (see {@link #stmt}). */
    private Set<String> tempNames = new HashSet<>();
    private Set<String> liveTemps = new HashSet<>();

    /** Temporaries whose field is typed with a type variable of the machine: written through $cast. */
    private Set<String> castTemps = new HashSet<>();

    /** {@code temp = value}, through $cast when the temporary's type has a type variable of the machine. */
    private Text assign(String temp, Text value) {
        Text out = glue(temp + " = ");
        return castTemps.contains(temp) ? out.append(glue("this.$cast(")).append(value).append(glue(")")) : out.append(value);
    }

    private String temp(String type, String prefix) {
        String name = "$" + prefix + nextTemp++;
        tempNames.add(name);
        liveTemps.add(name);
        fields.add(new Field(type, name, false, null));
        return name;
    }

    private LoweringException unsupported(Tree tree, String what) {
        return new LoweringException(tree, "AsyncUnsupported", what);
    }

    // ------------------------------------------------------------------------------------------
    // statements

    private void stmt(StatementTree s) {
        if (cur.terminated) {
            place(newBlock(), s); // unreachable in the user's code too; javac says so there
        }
        int savedPos = stmtPos;
        stmtPos = typed.start(s);
        int tempsBefore = fields.size();
        try {
            stmt0(s);
            // Spilled temporaries live only within the statement that spilled them: drop their
            // references so a parked coroutine does not retain them.
            if (!cur.terminated) {
                StringBuilder clear = new StringBuilder();
                for (Field f : fields.subList(tempsBefore, fields.size())) {
                    if (f.name().startsWith("$t") && !PRIMITIVES.contains(f.type())) {
                        clear.append(f.name()).append(" = null;\n");
                    }
                }
                if (clear.length() > 0) {
                    emit(clear.toString());
                }
            }
        } finally {
            stmtPos = savedPos;
            for (Field f : fields.subList(tempsBefore, fields.size())) {
                liveTemps.remove(f.name()); // no await after this statement reads them
            }
        }
    }

    private void stmt0(StatementTree s) {
        if (s instanceof VariableTree v) {
            localDecl(v);
            return;
        }
        if (s instanceof ClassTree c) {
            Element cls = typed.element(c);
            // records, enums and interfaces capture nothing, nor does a class that reads no local
            // of the body: members of the state machine, which every state sees (their instances
            // read nothing the machine later changes or nulls). Unless the name also denotes
            // another type in the body (two local records P in sibling blocks, say), which a
            // member type would shadow or clash with: those stay where they are.
            if (cls != null && (c.getKind() != Tree.Kind.CLASS || capturedLocal(c, new HashSet<>()) == null)
                    && !nameMeansAnotherType(c) && memberNames.add(c.getSimpleName().toString())) {
                memberTypes.add(verbatim(s));
                return;
            }
            if (cls != null) {
                localClasses.put(cls, c);
                touch(cls);
            }
        }
        String label = pendingLabel;
        pendingLabel = null;
        if (!awaits.needsLowering(s)) {
            emit(verbatim(s));
            emit("\n");
            if (!completesNormally(s)) {
                cur.terminated = true;
            }
            return;
        }
        switch (s.getKind()) {
            case BLOCK -> {
                for (StatementTree t : ((BlockTree) s).getStatements()) {
                    stmt(t);
                }
            }
            case EXPRESSION_STATEMENT -> {
                emit(expr(((ExpressionStatementTree) s).getExpression()));
                emit(";\n");
            }
            case IF -> ifStmt((IfTree) s);
            case WHILE_LOOP -> whileLoop((WhileLoopTree) s, label);
            case DO_WHILE_LOOP -> doLoop((DoWhileLoopTree) s, label);
            case FOR_LOOP -> forLoop((ForLoopTree) s, label);
            case ENHANCED_FOR_LOOP -> forEach((EnhancedForLoopTree) s, label);
            case LABELED_STATEMENT -> labeled((LabeledStatementTree) s);
            case SWITCH -> switchStmt((SwitchTree) s, label);
            case TRY -> tryStmt((TryTree) s);
            case RETURN -> returnStmt((ReturnTree) s);
            case THROW -> {
                ThrowTree t = (ThrowTree) s;
                Text e = expr(t.getExpression());
                Text precise = preciseRethrow(t);
                emit(precise != null ? precise : glue("throw ").append(e).append(glue(";\n")));
                cur.terminated = true;
            }
            case YIELD -> yieldStmt((YieldTree) s);
            case ASSERT -> assertStmt((AssertTree) s);
            case SYNCHRONIZED -> {
                // an explicit await there is BodyChecks' error: here, a `return f();` that awaits f()
                ReturnTree ret = awaits.coroutineReturn(s);
                if (ret != null && unparen(ret.getExpression()).getKind() == Tree.Kind.NULL_LITERAL) {
                    throw returnNull(ret.getExpression());
                }
                if (ret != null) {
                    throw new LoweringException(ret, "AsyncAwaitInSynchronized", "returning a coroutine (other than"
                            + " completed(...)) awaits it, which inside a synchronized block would suspend while"
                            + " holding the monitor; await it after the block, or use an io.asyncj Lock");
                }
                throw new LoweringException(s, "AsyncAwaitInSynchronized",
                        "await inside a synchronized block would suspend while holding the monitor;"
                                + " use an io.asyncj Lock, or move the await out of the synchronized block");
            }
            default -> throw unsupported(s, "this statement (" + s.getKind()
                    + ") cannot contain an await yet; move the await into a local variable before it");
        }
    }

    /**
     * {@code assert c : d;} runs neither {@code c} nor {@code d} when assertions are disabled for
     * the class: {@code assert $on = true;} tells, as the class's own assertion status decides it.
     */
    private void assertStmt(AssertTree s) {
        String on = temp("boolean", "assert");
        Block end = newBlock();
        emit(glue(on + " = false;\nassert " + on + " = true;\nif (!" + on + ") {\n").append(jump(end)).append(glue("}\n")));
        Text c = expr(unparen(s.getCondition()));
        emit(glue("if (").append(c).append(glue(") {\n")).append(jump(end)).append(glue("}\n")));
        Text d = s.getDetail() == null ? new Text() : expr(s.getDetail());
        emit(glue("throw new java.lang.AssertionError(").append(d).append(glue(");\n")));
        cur.terminated = true;
        place(end, null);
    }

    private void localDecl(VariableTree v) {
        Element sym = typed.element(v);
        candidates.add(sym);
        if (isConstant(sym) && v.getInitializer() != null && !awaits.containsAwait(v.getInitializer())) {
            memberTypes.add(glue("final " + typed.print(sym.asType()) + " " + nameOf(sym) + " = ")
                    .append(verbatim(v.getInitializer())).append(glue(";")));
            return;
        }
        ExpressionTree init = v.getInitializer();
        Text value = init == null ? null : expr(init);
        touch(sym); // in the state that assigns it, after its initializer's awaits
        touchLocalClass(sym.asType());
        if (value != null && init instanceof NewArrayTree na && na.getType() == null && na.getDimensions().isEmpty()
                && !awaits.containsAwait(init)) { // (with an await, NEW_ARRAY below adds the `new T[]`)
            // `int[] a = {1, 2}` becomes an assignment, where a bare initializer is not allowed
            value = glue("new " + typed.print(sym.asType()) + " ").append(value);
        }
        // annotations stay on a declaration, so @SuppressWarnings("unchecked") T x = ...; keeps
        // covering its initializer
        Text annotations = new Text();
        for (AnnotationTree a : v.getModifiers().getAnnotations()) {
            annotations.append(verbatim(a)).append(glue(" "));
        }
        if (isHoisted(sym)) {
            if (value != null && !v.getModifiers().getAnnotations().isEmpty()) {
                // the value goes through an annotated local of the same type on its way into the field
                String through = nameOf(sym) + "$init";
                emit(glue("{\n").append(annotations).append(glue(declaredType(v, sym) + " " + through + " = "))
                        .append(value).append(glue(";\n" + nameOf(sym) + " = ")).append(written(sym, glue(through)))
                        .append(glue(";\n}\n")));
            } else if (value != null) {
                emit(glue(nameOf(sym) + " = ").append(written(sym, value)).append(glue(";\n")));
            }
        } else {
            String type = declaredType(v, sym);
            Text t = annotations.append(glue(type + " " + nameOf(sym)));
            if (value != null) {
                t.append(glue(" = ")).append(value);
            }
            emit(t.append(glue(";\n")));
        }
    }

    private String declaredType(VariableTree v, Element sym) {
        if (typed.declaredWithVar(v)) {
            return "var";
        }
        return typed.print(sym.asType());
    }

    private void ifStmt(IfTree s) {
        Text c = expr(unparen(s.getCondition()));
        if (!awaits.needsLowering(s.getThenStatement()) && !awaits.needsLowering(s.getElseStatement())) {
            Text t = glue("if (").append(c).append(glue(") ")).append(verbatim(s.getThenStatement()));
            if (s.getElseStatement() != null) {
                t.append(glue(" else ")).append(verbatim(s.getElseStatement()));
            }
            emit(t.append(glue("\n")));
            if (s.getElseStatement() != null && !completesNormally(s.getThenStatement())
                    && !completesNormally(s.getElseStatement())) {
                cur.terminated = true;
            }
            return;
        }
        Block els = s.getElseStatement() != null ? newBlock() : null;
        Block end = newBlock();
        emit(glue("if (!(").append(c).append(glue(")) {\n")).append(jump(els != null ? els : end)).append(glue("}\n")));
        stmt(s.getThenStatement());
        jumpEnd(end);
        if (els != null) {
            place(els, s.getElseStatement());
            stmt(s.getElseStatement());
            jumpEnd(end);
        }
        place(end, null);
    }

    private static ExpressionTree unparen(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }

    private void whileLoop(WhileLoopTree s, String label) {
        Block head = newBlock();
        Block exit = newBlock();
        place(head, s);
        jumpables.push(new Jumpable(s, label, exit, head, null));
        condExit(s.getCondition(), exit);
        stmt(s.getStatement());
        jumpEnd(head);
        jumpables.pop();
        place(exit, null);
    }

    private void condExit(ExpressionTree cond, Block exit) {
        ExpressionTree c = unparen(cond);
        if (c instanceof LiteralTree lit && Boolean.TRUE.equals(lit.getValue())) {
            return;
        }
        Text ct = expr(c);
        emit(glue("if (!(").append(ct).append(glue(")) {\n")).append(jump(exit)).append(glue("}\n")));
    }

    private void doLoop(DoWhileLoopTree s, String label) {
        Block body = newBlock();
        Block cont = newBlock();
        Block exit = newBlock();
        place(body, s);
        jumpables.push(new Jumpable(s, label, exit, cont, null));
        stmt(s.getStatement());
        jumpEnd(cont);
        place(cont, s.getCondition());
        int saved = stmtPos;
        stmtPos = typed.start(s.getCondition());
        Text c = expr(unparen(s.getCondition()));
        emit(glue("if (").append(c).append(glue(") {\n")).append(jump(body)).append(glue("}\n")));
        stmtPos = saved;
        jumpables.pop();
        jumpEnd(exit);
        place(exit, null);
    }

    private void forLoop(ForLoopTree s, String label) {
        for (StatementTree init : s.getInitializer()) {
            if (init instanceof ExpressionStatementTree es) {
                // `for (i = 0, j = f(); ...)`: its parts are no statements of their own (no `;`)
                int saved = stmtPos;
                stmtPos = typed.start(es);
                emit(expr(es.getExpression()));
                emit(";\n");
                stmtPos = saved;
            } else {
                stmt(init);
            }
        }
        Block head = newBlock();
        Block update = newBlock();
        Block exit = newBlock();
        place(head, s);
        if (s.getCondition() != null) {
            condExit(s.getCondition(), exit);
        }
        jumpables.push(new Jumpable(s, label, exit, update, null));
        stmt(s.getStatement());
        jumpEnd(update);
        jumpables.pop();
        place(update, s.getUpdate().isEmpty() ? null : s.getUpdate().get(0));
        for (ExpressionStatementTree u : s.getUpdate()) {
            int saved = stmtPos;
            stmtPos = typed.start(u);
            emit(expr(u.getExpression()));
            emit(";\n");
            stmtPos = saved;
        }
        jumpEnd(head);
        place(exit, null);
    }

    private void forEach(EnhancedForLoopTree s, String label) {
        VariableTree v = s.getVariable();
        Element sym = typed.element(v);
        TypeMirror exprType = typed.type(s.getExpression());
        Text source = expr(s.getExpression());
        boolean array = exprType != null && exprType.getKind() == TypeKind.ARRAY;
        String holder;
        String index = null;
        if (array) {
            holder = temp(exprType, "array");
            index = temp("int", "index");
            emit(assign(holder, source).append(glue(";\n" + index + " = 0;\n")));
        } else {
            // the iterator's own element type: `for (long x : List<Integer>)` unboxes, then widens
            String elem = typed.printIterableElement(exprType);
            String elemTv = typed.printIterableElement(exprType, this::printWithTypeVariables);
            holder = temp("java.util.Iterator<? extends " + elemTv + ">", "iterator");
            if (!elemTv.equals(elem)) {
                castTemps.add(holder);
            }
            emit(assign(holder, glue("(").append(source).append(glue(").iterator()"))).append(glue(";\n")));
        }
        Block head = newBlock();
        Block update = newBlock();
        Block exit = newBlock();
        place(head, s);
        String has = array ? index + " < " + holder + ".length" : holder + ".hasNext()";
        emit(glue("if (!(" + has + ")) {\n").append(jump(exit)).append(glue("}\n")));
        candidates.add(sym);
        touch(sym);
        String next = array ? holder + "[" + index + "]" : holder + ".next()";
        if (isHoisted(sym)) {
            emit(glue(nameOf(sym) + " = ").append(written(sym, glue(next))).append(glue(";\n")));
        } else {
            emit(declaredType(v, sym) + " " + nameOf(sym) + " = " + next + ";\n");
        }
        jumpables.push(new Jumpable(s, label, exit, update, null));
        stmt(s.getStatement());
        jumpEnd(update);
        jumpables.pop();
        place(update, null);
        if (array) {
            emit(index + "++;\n");
        }
        jumpEnd(head);
        place(exit, null);
        emit(holder + " = null;\n");
    }

    private void labeled(LabeledStatementTree s) {
        StatementTree inner = s.getStatement();
        String label = s.getLabel().toString();
        switch (inner.getKind()) {
            case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, SWITCH -> {
                pendingLabel = label;
                stmt0(inner);
            }
            default -> {
                Block exit = newBlock();
                jumpables.push(new Jumpable(s, label, exit, null, null));
                stmt(inner);
                jumpEnd(exit);
                jumpables.pop();
                place(exit, null);
            }
        }
    }

    private void switchStmt(SwitchTree s, String label) {
        Text sel = expr(unparen(s.getExpression()));
        Block exit = newBlock();
        List<? extends CaseTree> cases = s.getCases();
        List<Block> bodies = new ArrayList<>();
        boolean hasDefault = false;
        Text dispatch = glue("switch (").append(sel).append(glue(") {\n"));
        for (CaseTree c : cases) {
            Block b = newBlock();
            bodies.add(b);
            dispatch.append(caseLabel(c));
            dispatch.append(glue(" {\n")).append(bindCase(c)).append(jump(b)).append(glue("}\n"));
            hasDefault |= isDefault(c);
        }
        dispatch.append(glue("}\n"));
        emit(dispatch);
        if (hasDefault || isEnhanced(cases)) {
            cur.terminated = true;
        } else {
            jumpEnd(exit);
        }
        jumpables.push(new Jumpable(s, label, exit, null, null));
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            place(bodies.get(i), c);
            caseBody(c, null);
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                jumpEnd(exit);
            } else {
                jumpEnd(i + 1 < cases.size() ? bodies.get(i + 1) : exit);
            }
        }
        jumpables.pop();
        place(exit, null);
    }

    private Text caseLabel(CaseTree c) {
        List<? extends Tree> labels = c.getLabels();
        if (labels.size() == 1 && isDefaultLabel(labels.get(0))) {
            return glue("default:");
        }
        // constants, patterns (bindings declared under their $p names when hoisted), null, default
        Text t = glue("case ");
        boolean first = true;
        for (Tree l : labels) {
            if (!first) {
                t.append(glue(", "));
            }
            first = false;
            t.append(isDefaultLabel(l) ? glue("default") : verbatim(l));
        }
        Tree guard = guard(c);
        if (guard != null && awaits.containsAwait(guard)) {
            throw unsupported(guard, "an await in a case guard ('when ...') cannot be lowered: the guard runs while"
                    + " the switch chooses its case. Await before the switch (var v = await(...);) and test v in the"
                    + " guard, or move the test into the case's body");
        }
        if (guard != null) {
            // the guard runs before the case's bindings are stored: it reads the pattern's own names
            Set<Element> saved = patternScope;
            patternScope = bindingsOf(c);
            try {
                t.append(glue(" when ")).append(verbatim(guard));
            } finally {
                patternScope = saved;
            }
        }
        return t.append(glue(":"));
    }

    /** {@code f = f$p;} for each binding a case's patterns declare that lives in a field. */
    private Text bindCase(CaseTree c) {
        Text t = new Text();
        for (Element b : bindingsOf(c)) {
            if (isHoisted(b)) {
                t.append(glue(nameOf(b) + " = " + nameOf(b) + "$p;\n"));
                t.locals.add(b);
            }
        }
        return t;
    }

    private Set<Element> bindingsOf(CaseTree c) {
        Set<Element> out = new java.util.LinkedHashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void p) {
                Element el = typed.element(node.getVariable());
                if (el != null && candidates.contains(el)) {
                    out.add(el);
                }
                return super.visitBindingPattern(node, p);
            }
        }.scan(c.getLabels(), null);
        return out;
    }

    private static boolean isDefaultLabel(Tree label) {
        return label.getKind().name().equals("DEFAULT_CASE_LABEL");
    }

    /** Whether the case is {@code default}, alone or with other labels ({@code case null, default}). */
    private static boolean isDefault(CaseTree c) {
        for (Tree l : c.getLabels()) {
            if (isDefaultLabel(l)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code when} guard of a case (JDK 21+), or null. */
    private static Tree guard(CaseTree c) {
        try {
            return (Tree) CaseTree.class.getMethod("getGuard").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether a switch uses patterns or {@code case null}: then it is exhaustive (JLS 14.11.1.1),
     * as javac checks on the dispatch switch too, and cannot complete normally past its cases.
     */
    private static boolean isEnhanced(List<? extends CaseTree> cases) {
        for (CaseTree c : cases) {
            for (Tree l : c.getLabels()) {
                if (isDefaultLabel(l)) {
                    continue;
                }
                String k = l.getKind().name();
                if (k.equals("PATTERN_CASE_LABEL") || l instanceof PatternTree) {
                    return true;
                }
            }
            for (ExpressionTree e : c.getExpressions()) {
                if (e.getKind() == Tree.Kind.NULL_LITERAL) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The statements of a case; for a rule whose body is an expression, {@code resultTemp = expr}. */
    private void caseBody(CaseTree c, String resultTemp) {
        if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
            Tree body = c.getBody();
            if (body instanceof ExpressionTree e) {
                int saved = stmtPos;
                stmtPos = typed.start(e);
                Text v = expr(e);
                if (resultTemp != null) {
                    emit(assign(resultTemp, v).append(glue(";\n")));
                } else {
                    emit(v);
                    emit(";\n");
                }
                stmtPos = saved;
            } else {
                stmt((StatementTree) body);
            }
        } else {
            for (StatementTree t : c.getStatements()) {
                stmt(t);
            }
        }
    }

    private void yieldStmt(YieldTree s) {
        Jumpable target = null;
        for (Jumpable j : jumpables) {
            if (j.yieldTemp != null) {
                target = j;
                break;
            }
        }
        if (target == null) {
            throw unsupported(s, "yield outside a switch expression");
        }
        Text v = expr(s.getValue());
        emit(assign(target.yieldTemp, v).append(glue(";\n")));
        jumpEnd(target.breakTo);
    }

    private void returnStmt(ReturnTree s) {
        ExpressionTree e = s.getExpression();
        if (e == null) {
            emit(returnCode(glue("null")));
        } else if (awaits.isCompleted(e)) {
            MethodInvocationTree call = (MethodInvocationTree) e;
            Text v = call.getArguments().isEmpty() ? glue("null") : expr(call.getArguments().get(0));
            emit(returnCode(v));
        } else if (unparen(e).getKind() == Tree.Kind.NULL_LITERAL) {
            throw returnNull(e);
        } else {
            // returning a coroutine: await it and complete with its value. Held in a variable of
            // the return type first, so javac checks `return x;` as on the method as written
            // (incompatible types), not as an argument of $await
            String held = temp("io.asyncj.Coroutine<? extends " + valueType + ">", "t");
            emit(glue(held + " = ").append(expr(e)).append(glue(";\n")));
            Block k = newBlock();
            emitAwait(glue(held), k, false);
            place(k, null);
            emit(returnCode(glue("this.<" + valueType + ">$get()")));
        }
        cur.terminated = true;
    }

    private LoweringException returnNull(Tree e) {
        return unsupported(e, "return null is not a coroutine to complete with: write return completed(null)"
                + " (completed() for Coroutine<Void>)");
    }

    private Text returnCode(Text value) {
        if (frames.isEmpty()) {
            return glue("$complete(").append(value).append(glue(");\nreturn;\n"));
        }
        needsRet = true;
        return glue("$ret = ").append(value).append(glue(";\n")).append(jump(returnTarget));
    }

    // ---- try ----

    private void tryStmt(TryTree s) {
        BlockTree fin = s.getFinallyBlock();
        Runnable body = s.getResources().isEmpty() ? () -> stmt(s.getBlock()) : () -> resources(s, 0);
        java.util.function.IntConsumer finBody = fin == null ? null : id -> {
            stmtPos = typed.start(fin);
            stmt(fin);
        };
        lowerTry(s.getBlock(), body, s.getCatches(), fin, finBody, () -> typed.thrownBeforeFinally(s));
    }

    /**
     * try-with-resources, as JLS 14.20.3 desugars it: each resource is its own try/finally
     * around the next ones and the body, whose finally closes it when it is not null, adding an
     * exception close() throws to the pending one as suppressed.
     */
    private void resources(TryTree s, int i) {
        if (i == s.getResources().size()) {
            stmt(s.getBlock());
            return;
        }
        Tree r = s.getResources().get(i);
        int saved = stmtPos;
        stmtPos = typed.start(r);
        Element sym;
        String holder;
        if (r instanceof VariableTree v) {
            localDecl(v);
            sym = typed.element(v);
            holder = null;
        } else {
            // try (existing): the value is held as a fresh resource variable would hold it
            Text value = expr((ExpressionTree) r);
            sym = null;
            holder = temp(typed.type(r), "resource");
            emit(assign(holder, value).append(glue(";\n")));
        }
        int resourcePos = stmtPos;
        stmtPos = saved;
        lowerTry(i + 1 < s.getResources().size() ? s.getResources().get(i + 1) : s.getBlock(),
                () -> resources(s, i + 1), List.of(), r, id -> {
                    stmtPos = resourcePos;
                    String ex = "$ex" + id;
                    String name = sym != null ? nameOf(sym) : holder;
                    String closer = typed.intersectionCastForClose(sym != null ? sym.asType() : typed.type(r));
                    if (closer != null) {
                        name = "((" + closer + ") " + name + ")";
                    }
                    Text close = glue("if (" + name + " != null) {\nif (" + ex + " != null) {\ntry {\n" + name
                            + ".close();\n} catch (java.lang.Throwable $suppressed" + id + ") {\n" + ex
                            + ".addSuppressed($suppressed" + id + ");\n}\n} else {\n" + name + ".close();\n}\n}\n");
                    if (holder != null) {
                        close.append(glue(holder + " = null;\n"));
                    }
                    if (sym != null) {
                        close.locals.add(sym);
                    }
                    emit(close);
                }, () -> typed.thrownByResourcesFrom(s, i + 1));
    }

    /**
     * A try statement with suspension points: the body in a region inside a real Java
     * {@code try} whose catch clauses are the user's, and a finally (when {@code finBody} is not
     * null) that the body and catches reach with a pending jump or a pending exception.
     */
    private void lowerTry(Tree bodyTree, Runnable body, List<? extends CatchTree> catches, Tree fin,
            java.util.function.IntConsumer finBody, java.util.function.Supplier<List<TypedBody.Thrown>> thrown) {
        Region parent = region;
        Block after = newBlock();
        FinallyFrame frame = null;
        Region fr = null;
        if (finBody != null) {
            Block fstart = newBlock();
            frame = new FinallyFrame(nextTemp++, null, fstart);
            fields.add(new Field("int", "$fin" + frame.id, false, "pending jump through finally"));
            fields.add(new Field("java.lang.Throwable", "$ex" + frame.id, false, "pending exception through finally"));
            emit("$fin" + frame.id + " = 0;\n$ex" + frame.id + " = null;\n");
            fr = new Region(nextRegion++, region);
            fr.pos = stmtPos;
            String t = "$t" + frame.id;
            fr.handlers.append(glue(" catch (java.lang.Throwable " + t + ") {\n$ex" + frame.id + " = " + t + ";\n"))
                    .append(jump(fstart)).append(glue("}"));
            frame = new FinallyFrame(frame.id, fr, fstart);
        }
        Region protectedRegion = fr != null ? fr : parent;
        Region cr = null;
        if (!catches.isEmpty()) {
            cr = new Region(nextRegion++, protectedRegion);
            cr.pos = stmtPos;
        }
        Region bodyRegion = cr != null ? cr : fr;
        if (bodyRegion == null) {
            // no catch, no finally: not a try at all (javac rejects it); keep the block
            body.run();
            return;
        }
        // enter the try
        region = bodyRegion;
        Block tstart = newBlock();
        region = parent;
        jumpEnd(tstart);
        if (fr != null) {
            parent.items.add(fr);
        }
        if (cr != null) {
            protectedRegion.items.add(cr);
        }
        region = bodyRegion;
        cur = null;
        if (frame != null) {
            frames.push(frame);
        }
        place(tstart, bodyTree);
        body.run();
        jumpEnd(after);
        // catches
        region = protectedRegion;
        if (cr != null) {
            List<Runnable> movedBodies = new ArrayList<>();
            for (CatchTree c : catches) {
                VariableTree param = c.getParameter();
                Element sym = typed.element(param);
                int saved = stmtPos;
                stmtPos = typed.start(c);
                if (!awaits.needsLowering(c.getBlock())) {
                    Block inline = newBlock();
                    Block outer = cur;
                    cur = inline;
                    stmt(c.getBlock());
                    jumpEnd(after);
                    renderInline(inline);
                    inlineHandlers.computeIfAbsent(cr, x -> new ArrayList<>()).add(inline);
                    cur = outer;
                    cr.handlers.append(glue(" catch (")).append(verbatim(param)).append(glue(") {\n"))
                            .append(inline.code).append(glue("}"));
                } else {
                    candidates.add(sym);
                    forceHoist.add(sym);
                    Block cb = newBlock();
                    String tmp = "$c" + cb.id;
                    // a multi-catch keeps its alternatives (their lub would catch more than the user's)
                    Text type = param.getType() instanceof UnionTypeTree ? verbatim(param.getType()) : glue(catchType(param));
                    cr.handlers.append(glue(" catch (final ")).append(type).append(glue(" " + tmp + ") {\n" + nameOf(sym)
                            + " = " + tmp + ";\n")).append(jump(cb)).append(glue("}"));
                    movedBodies.add(() -> {
                        place(cb, c);
                        touch(sym);
                        stmt(c.getBlock());
                        jumpEnd(after);
                    });
                }
                stmtPos = saved;
            }
            cur = null;
            for (Runnable r : movedBodies) {
                r.run();
            }
        }
        region = parent;
        if (frame != null) {
            frames.pop();
            cur = null;
            place(frame.start, fin);
            int saved = stmtPos;
            finBody.accept(frame.id);
            if (!cur.terminated) {
                Text end = glue("if ($ex" + frame.id + " != null) {\n").append(rethrow(thrown.get(), "$ex" + frame.id))
                        .append(glue("}\n"));
                end.append(glue("switch ($fin" + frame.id + ") {\n"));
                for (Map.Entry<Block, Integer> exit : frame.exits.entrySet()) {
                    end.append(glue("case " + exit.getValue() + ": {\n")).append(jump(exit.getKey())).append(glue("}\n"));
                }
                end.append(glue("default:\nthrow $badState($state);\n}\n"));
                emit(end);
                cur.terminated = true;
            }
            stmtPos = saved;
        }
        cur = null;
        place(after, null);
    }

    /**
     * Rethrows the exception a finally block held, with the static types javac would have seen
     * leave the try statement: one typed {@code throw} per checked exception its resources, body
     * and catches can throw (positioned where it is thrown, so an undeclared one is reported
     * there), then {@code $rethrow} for the unchecked rest. Outer catch clauses stay legal and
     * javac keeps checking checked exceptions as written.
     */
    private Text rethrow(List<TypedBody.Thrown> thrown, String held) {
        Text out = new Text();
        for (TypedBody.Thrown t : thrown) {
            String value;
            if (t.typeVariable()) {
                needsSneaky = true;
                value = "this.<" + t.type() + ">$as(" + held + ")";
            } else {
                value = "(" + t.type() + ") " + held;
            }
            out.glue(typed.start(t.origin()), "if (" + held + " instanceof " + t.erasure() + ") {\nthrow " + value
                    + ";\n}\n");
        }
        return out.append(glue("throw $rethrow(" + held + ");\n"));
    }

    /**
     * {@code throw e} of a catch parameter that lives in a field, which javac would type as the
     * declared catch type: rethrown with the precise types javac computes for the method as
     * written ({@code catch (Exception e) { await(..); throw e; }} in a method that throws only
     * {@code IOException}). Null when {@code t} is not such a throw.
     */
    private Text preciseRethrow(ThrowTree t) {
        if (!(unparen(t.getExpression()) instanceof IdentifierTree id)) {
            return null;
        }
        Element el = typed.element(id);
        if (el == null || el.getKind() != ElementKind.EXCEPTION_PARAMETER || !candidates.contains(el) || !isHoisted(el)) {
            return null;
        }
        List<TypedBody.Thrown> types = typed.preciseRethrow(t);
        if (types == null) {
            return null;
        }
        touch(el);
        Text out = glue("{\n");
        out.locals.add(el);
        if (el.asType() instanceof DeclaredType d) {
            String declared = ((TypeElement) d.asElement()).getQualifiedName().toString();
            for (TypedBody.Thrown th : types) {
                if (!th.typeVariable() && th.erasure().equals(declared)) {
                    // its declared type is thrown as it is: no test, no (redundant) cast
                    return out.glue(typed.start(th.origin()), "throw " + nameOf(el) + ";\n").append(glue("}\n"));
                }
            }
        }
        return out.append(rethrow(types, nameOf(el))).append(glue("}\n"));
    }

    /** Appends an inline block's closing jump, so its text can stand inside a catch clause. */
    private void renderInline(Block inline) {
        if (inline.next != null) {
            inline.code.glue(stmtPos, goTo(inline.next));
            inline.next = null;
        }
    }

    private String catchType(VariableTree param) {
        Tree t = param.getType();
        if (t instanceof UnionTypeTree) {
            TypeMirror type = typed.type(t);
            return type != null ? typed.print(type) : "java.lang.Throwable";
        }
        Element sym = typed.element(param);
        return typed.print(sym.asType());
    }

    // ------------------------------------------------------------------------------------------
    // expressions

    /** Lowers an expression: emits what must run before it, returns its value's text. */
    private Text expr(ExpressionTree e) {
        Text out = expr0(e);
        if (awaits.containsAwait(e)) {
            touchLocalClass(typed.type(e)); // `new P(await(..))` uses P in the state after the await
        }
        return out;
    }

    private Text expr0(ExpressionTree e) {
        if (!awaits.containsAwait(e)) {
            return verbatim(e);
        }
        ExpressionTree awaited = awaits.awaited(e);
        if (awaited != null) {
            Text a = expr(awaited);
            Block k = newBlock();
            boolean future = typed.isSubtypeOf(typed.type(awaited), FUTURE);
            emitAwait(a, k, future);
            place(k, null);
            TypeMirror t = typed.type(e);
            return glue("this.<" + (t == null ? "java.lang.Object" : typed.printBoxed(t)) + ">"
                    + (future ? "$result($f)" : "$get()"));
        }
        switch (e.getKind()) {
            case CONDITIONAL_AND, CONDITIONAL_OR -> {
                BinaryTree b = (BinaryTree) e;
                if (!awaits.containsAwait(b.getRightOperand())) {
                    return generic(e, List.of(b.getLeftOperand(), b.getRightOperand()));
                }
                hoistBindings(b.getLeftOperand()); // in scope in the right operand, a statement of its own
                Text l = expr(b.getLeftOperand());
                String t = temp("boolean", "cond");
                emit(glue(t + " = ").append(l).append(glue(";\n")));
                Block end = newBlock();
                boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
                emit(glue("if (" + (and ? "!" : "") + t + ") {\n").append(jump(end)).append(glue("}\n")));
                Text r = expr(b.getRightOperand());
                emit(glue(t + " = ").append(r).append(glue(";\n")));
                jumpEnd(end);
                place(end, null);
                return glue(t);
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree c = (ConditionalExpressionTree) e;
                if (!awaits.containsAwait(c.getTrueExpression()) && !awaits.containsAwait(c.getFalseExpression())) {
                    return generic(e, List.of(c.getCondition(), c.getTrueExpression(), c.getFalseExpression()));
                }
                hoistBindings(c.getCondition()); // in scope in an arm, a statement of its own
                Text ct = expr(c.getCondition());
                String t = temp(typed.type(e), "cond");
                Block els = newBlock();
                Block end = newBlock();
                emit(glue("if (!(").append(ct).append(glue(")) {\n")).append(jump(els)).append(glue("}\n")));
                Text a = expr(c.getTrueExpression());
                emit(assign(t, a).append(glue(";\n")));
                jumpEnd(end);
                place(els, null);
                Text b = expr(c.getFalseExpression());
                emit(assign(t, b).append(glue(";\n")));
                jumpEnd(end);
                place(end, null);
                return glue(castBack(typed.type(e), t));
            }
            case ASSIGNMENT -> {
                AssignmentTree a = (AssignmentTree) e;
                if (unparen(a.getVariable()) instanceof IdentifierTree id && typed.element(id) != null
                        && candidates.contains(typed.element(id)) && isHoisted(typed.element(id))
                        && typedWithTypeVariable(typed.element(id))) {
                    Text lhs = verbatim(id);
                    return new Text().append(lhs).append(glue(" = ")).append(written(typed.element(id), expr(a.getExpression())));
                }
                List<Tree> kids = new ArrayList<>(lvalueParts(a.getVariable()));
                kids.add(a.getExpression());
                Tree lhs = unparen(a.getVariable());
                return generic(e, kids, lhs instanceof IdentifierTree ? lhs : null);
            }
            case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
                    LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, AND_ASSIGNMENT,
                    XOR_ASSIGNMENT, OR_ASSIGNMENT -> {
                return compound((CompoundAssignmentTree) e);
            }
            case PARENTHESIZED -> {
                return generic(e, List.of(((ParenthesizedTree) e).getExpression()));
            }
            case METHOD_INVOCATION -> {
                MethodInvocationTree m = (MethodInvocationTree) e;
                List<Tree> kids = new ArrayList<>();
                if (m.getMethodSelect() instanceof MemberSelectTree ms) {
                    kids.add(ms.getExpression());
                } else {
                    kids.add(m.getMethodSelect());
                }
                kids.addAll(m.getArguments());
                return generic(e, kids);
            }
            case NEW_CLASS -> {
                NewClassTree n = (NewClassTree) e;
                if (n.getClassBody() != null && awaits.containsAwait(n.getClassBody())) {
                    throw unsupported(n.getClassBody(), "await inside an anonymous class body");
                }
                List<Tree> kids = new ArrayList<>();
                if (n.getEnclosingExpression() != null) {
                    kids.add(n.getEnclosingExpression());
                }
                kids.addAll(n.getArguments());
                if (n.getClassBody() != null) {
                    kids.add(n.getClassBody()); // copied with its edits (snapshots of hoisted locals)
                }
                return generic(e, kids);
            }
            case NEW_ARRAY -> {
                NewArrayTree n = (NewArrayTree) e;
                List<Tree> kids = new ArrayList<>(n.getDimensions());
                if (n.getInitializers() != null) {
                    kids.addAll(n.getInitializers());
                }
                Text out = generic(e, kids);
                if (n.getType() == null && n.getDimensions().isEmpty()) {
                    // a bare `{a, b}` (a declaration's or a nested initializer) may be spilled into a
                    // temp or assigned to a hoisted field, where only `new T[] {a, b}` is allowed
                    out = glue("new " + typed.print(typed.type(e)) + " ").append(out);
                }
                return out;
            }
            case ARRAY_ACCESS -> {
                ArrayAccessTree a = (ArrayAccessTree) e;
                return generic(e, List.of(a.getExpression(), a.getIndex()));
            }
            case MEMBER_SELECT -> {
                return generic(e, List.of(((MemberSelectTree) e).getExpression()));
            }
            case TYPE_CAST -> {
                return generic(e, List.of(((TypeCastTree) e).getExpression()));
            }
            case INSTANCE_OF -> {
                InstanceOfTree io = (InstanceOfTree) e;
                Tree tail = io.getPattern() != null ? io.getPattern() : io.getType();
                Text lhs = expr(io.getExpression());
                String suffix = bindings(tail);
                Text out = new Text();
                if (!suffix.isEmpty()) {
                    out.append(glue("("));
                }
                out.append(lhs).verbatim(src, typed.end(io.getExpression()), typed.start(tail)).append(verbatim(tail));
                if (!suffix.isEmpty()) {
                    out.append(glue(suffix + ")"));
                }
                return out;
            }
            case SWITCH_EXPRESSION -> {
                return switchExpr((SwitchExpressionTree) e);
            }
            case MEMBER_REFERENCE -> {
                // `await(x)::m`: the receiver is evaluated (and null-checked) where the reference is made
                return generic(e, List.of(((MemberReferenceTree) e).getQualifierExpression()));
            }
            case LAMBDA_EXPRESSION -> throw new LoweringException(e, "AsyncAwaitInLambda",
                    "await inside a lambda cannot suspend the @Async method; make the lambda's work an @Async"
                            + " method and await it, or await before creating the lambda");
            default -> {
                if (e instanceof BinaryTree b) {
                    return generic(e, List.of(b.getLeftOperand(), b.getRightOperand()));
                }
                if (e instanceof UnaryTree u) {
                    return generic(e, List.of(u.getExpression()));
                }
                throw unsupported(e, "await inside this expression (" + e.getKind()
                        + ") is not supported yet; assign the awaited value to a local variable first");
            }
        }
    }

    /**
     * Hoists the pattern bindings {@code t} declares: a condition that is split from the operand
     * or arm it guards (into statements of their own) no longer scopes its bindings over them.
     */
    private void hoistBindings(Tree t) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void p) {
                Element el = typed.element(node.getVariable());
                if (el != null && candidates.contains(el)) {
                    forceHoist.add(el);
                }
                return super.visitBindingPattern(node, p);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                return null;
            }
        }.scan(t, null);
    }

    /** A read of temporary {@code t}: cast back to the intersection its value has, if that is one. */
    private String castBack(TypeMirror type, String t) {
        String cast = typed.intersectionCast(type);
        return cast == null ? t : "((" + cast + ") " + t + ")";
    }

    /** The parts of an assignment target evaluated before the right-hand side, as trees. */
    private List<Tree> lvalueParts(ExpressionTree target) {
        ExpressionTree t = unparen(target);
        if (t instanceof ArrayAccessTree a) {
            return List.of(a.getExpression(), a.getIndex());
        }
        if (t instanceof MemberSelectTree ms) {
            return List.of(ms.getExpression());
        }
        return List.of(t); // identifier: a fixed part (never spilled), kept for renaming
    }

    /**
     * Lowers the children of {@code e} left to right, spilling each one evaluated before a later
     * child suspends, and rebuilds {@code e}'s text around the children's new texts.
     */
    private Text generic(ExpressionTree e, List<? extends Tree> kids) {
        return generic(e, kids, null);
    }

    private Text generic(ExpressionTree e, List<? extends Tree> kids, Tree fixed) {
        int last = -1;
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i) != null && awaits.containsAwait(kids.get(i))) {
                last = i;
            }
        }
        List<Text> parts = new ArrayList<>();
        for (int i = 0; i < kids.size(); i++) {
            Tree k = kids.get(i);
            if (k == null) {
                parts.add(null);
                continue;
            }
            Text p;
            if (k == fixed || !(k instanceof ExpressionTree ke) || !isValue(ke)) {
                p = verbatim(k);
            } else {
                p = expr(ke);
                String unboxed = i < last ? unboxedAtOnce(e, i, ke) : null;
                // `outer.new In(..)`: javac null-checks the outer instance before the arguments run
                boolean outer = i < last && e instanceof NewClassTree nc && nc.getEnclosingExpression() == k;
                if (outer) {
                    p = glue("java.util.Objects.requireNonNull(").append(p).append(glue(")"));
                }
                if (i < last && (unboxed != null || outer || stringifiedAtOnce(e, ke)
                        || needsSpill(ke, kids.subList(i + 1, last + 1)))) {
                    if (ke instanceof NewArrayTree na && na.getType() == null && na.getDimensions().isEmpty()
                            && !awaits.containsAwait(ke)) {
                        p = glue("new " + typed.print(typed.type(ke)) + " ").append(p); // `{}` alone is no expression
                    }
                    if (unboxed == null && stringifiedAtOnce(e, ke)) {
                        // javac converts a concatenation's operand to a string as soon as it is
                        // evaluated: its toString() must not see what the later awaits do
                        String t = temp("java.lang.String", "t");
                        emit(glue(t + " = " + stringOf(typed.type(ke))).append(p).append(glue("));\n")));
                        parts.add(glue(t));
                        continue;
                    }
                    if (unboxed != null) {
                        // javac unboxes it as soon as it is evaluated: a null throws before the rest runs
                        String t = temp(unboxed, "t");
                        emit(glue(t + " = ").append(p).append(glue(";\n")));
                        parts.add(glue(t));
                        continue;
                    }
                    String t = argumentOf(e, i) ? argumentTemp(typed.type(ke)) : null;
                    if (t == null) {
                        t = temp(typed.type(ke), "t");
                    }
                    emit(assign(t, p).append(glue(";\n")));
                    // an intersection-typed value is held as one of its types: cast back where read
                    String cast = typed.intersectionCast(typed.type(ke));
                    if (cast == null) {
                        cast = typed.intersectionCastFor(typed.type(ke), typed.element(e));
                    }
                    p = glue(cast == null ? t : "((" + cast + ") " + t + ")");
                }
            }
            parts.add(p);
        }
        Text out = new Text();
        int pos = typed.start(e);
        for (int i = 0; i < kids.size(); i++) {
            Tree k = kids.get(i);
            if (k == null) {
                continue;
            }
            int ks = typed.start(k);
            int ke = typed.end(k);
            out.verbatim(src, pos, ks);
            out.append(parts.get(i));
            pos = ke;
        }
        out.verbatim(src, pos, typed.end(e));
        return out;
    }

    /**
     * The primitive (its name) that javac unboxes child {@code i} of {@code e} to right after
     * evaluating it, before {@code e}'s later children run (binary numeric promotion, a primitive
     * parameter, an array index or dimension, an element of a primitive array); null when the child
     * is not a boxed value unboxed there. A spilled child must be held unboxed, or a null would only
     * throw after the later children (the awaits among them) ran.
     */
    private String unboxedAtOnce(ExpressionTree e, int i, ExpressionTree kid) {
        TypeMirror kt = typed.type(kid);
        if (kt == null || kt.getKind().isPrimitive()) {
            return null;
        }
        TypeKind k = unboxedKind(kt);
        if (k == null) {
            return null;
        }
        boolean unbox = switch (e.getKind()) {
            case PLUS -> !isString(typed.type(e));
            case MINUS, MULTIPLY, DIVIDE, REMAINDER, LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT, LESS_THAN,
                    GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL, AND, OR, XOR -> true;
            case EQUAL_TO, NOT_EQUAL_TO -> {
                BinaryTree b = (BinaryTree) e;
                TypeMirror other = typed.type(i == 0 ? b.getRightOperand() : b.getLeftOperand());
                yield other != null && other.getKind().isPrimitive();
            }
            case METHOD_INVOCATION -> typed.argumentIsPrimitive(e, i - 1); // child 0: receiver or name
            case NEW_CLASS -> typed.argumentIsPrimitive(e, i - (((NewClassTree) e).getEnclosingExpression() != null ? 1 : 0));
            case NEW_ARRAY -> {
                NewArrayTree n = (NewArrayTree) e;
                if (i < n.getDimensions().size()) {
                    yield true;
                }
                yield typed.type(e) instanceof javax.lang.model.type.ArrayType at
                        && at.getComponentType().getKind().isPrimitive();
            }
            case ARRAY_ACCESS -> i == 1;
            case ASSIGNMENT -> unparen(((AssignmentTree) e).getVariable()) instanceof ArrayAccessTree aa
                    && aa.getIndex() == kid;
            default -> false;
        };
        return unbox ? k.name().toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** Whether {@code kid} is an operand of the string concatenation {@code e} that is not already a string or primitive. */
    private boolean stringifiedAtOnce(ExpressionTree e, ExpressionTree kid) {
        if (e.getKind() != Tree.Kind.PLUS || !isString(typed.type(e))) {
            return false;
        }
        TypeMirror kt = typed.type(kid);
        return kt != null && !kt.getKind().isPrimitive() && !isString(kt) && kt.getKind() != TypeKind.NULL;
    }

    /**
     * The opening of a string conversion, which the value's text and two closing parentheses
     * complete: a concatenation with "", which converts as the user's concatenation does ({@code
     * char[]} as an object) and names nothing a local of the body could obscure (a local named
     * {@code java}).
     */
    private static String stringOf(TypeMirror type) {
        return "\"\" + ((";
    }

    /** Whether {@code e} denotes a value (not a type or package name, not {@code super}). */
    private boolean isValue(ExpressionTree e) {
        if (e instanceof IdentifierTree id && id.getName().contentEquals("super")) {
            return false;
        }
        if (e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("super")) {
            return false; // `Outer.super.m(..)` or `Iface.super.m(..)`: a qualifier, never a value to spill
        }
        if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
            Element el = typed.element(e);
            if (el instanceof TypeElement || (el != null && el.getKind() == ElementKind.PACKAGE)) {
                return false;
            }
            if (el != null && el.getKind() == ElementKind.METHOD) {
                return false; // an unqualified method name
            }
        }
        return true;
    }

    /** Whether {@code e}'s value must be saved before {@code later} runs. */
    private boolean needsSpill(ExpressionTree e, List<? extends Tree> later) {
        ExpressionTree u = unparen(e);
        if (u instanceof LiteralTree || u.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
            return false;
        }
        if (u instanceof IdentifierTree id) {
            if (id.getName().contentEquals("this")) {
                return false;
            }
            Element el = typed.element(id);
            if (el != null && LOCAL_KINDS.contains(el.getKind())) {
                return assignsIn(el, later);
            }
        }
        return true;
    }

    private boolean assignsIn(Element local, List<? extends Tree> trees) {
        boolean[] found = {false};
        TreeScanner<Void, Void> scanner = new TreeScanner<>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void p) {
                check(node.getVariable());
                return super.visitAssignment(node, p);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
                check(node.getVariable());
                return super.visitCompoundAssignment(node, p);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void p) {
                check(node.getExpression());
                return super.visitUnary(node, p);
            }

            private void check(ExpressionTree t) {
                if (unparen(t) instanceof IdentifierTree id && local.equals(typed.element(id))) {
                    found[0] = true;
                }
            }
        };
        for (Tree t : trees) {
            scanner.scan(t, null);
        }
        return found[0];
    }

    private Text compound(CompoundAssignmentTree e) {
        if (!awaits.containsAwait(e.getExpression())) {
            Tree lhs = unparen(e.getVariable());
            // the right-hand side is a part too: copied with its edits (renames, touches), not raw
            List<Tree> kids = new ArrayList<>(lvalueParts(e.getVariable()));
            kids.add(e.getExpression());
            return generic(e, kids, lhs instanceof IdentifierTree ? lhs : null);
        }
        String op = operator(e.getKind());
        ExpressionTree target = unparen(e.getVariable());
        String type = typed.print(typed.type(target));
        Text lv;
        if (target instanceof IdentifierTree id) {
            Element el = typed.element(id);
            lv = verbatim(id);
            TypeMirror lt = typed.type(target);
            boolean boxed = lt != null && !lt.getKind().isPrimitive()
                    && (unboxedKind(lt) != null || !isString(lt) && e.getKind() == Tree.Kind.PLUS_ASSIGNMENT);
            // a boxed local is unboxed when read, before the right-hand side runs (an object one
            // concatenated to, converted to a string): not kept in place
            if (el != null && LOCAL_KINDS.contains(el.getKind()) && !boxed && !assignsIn(el, List.of(e.getExpression()))) {
                Text v = expr(e.getExpression());
                return new Text().append(lv).append(glue(" " + op + "= ")).append(v);
            }
        } else if (target instanceof MemberSelectTree ms) {
            Text o;
            if (isValue(ms.getExpression()) && needsSpill(ms.getExpression(), List.of(e.getExpression()))) {
                String t = temp(typed.type(ms.getExpression()), "t");
                emit(assign(t, expr(ms.getExpression())).append(glue(";\n")));
                o = glue(t);
            } else {
                o = expr(ms.getExpression()); // (a type name, `this`, or a local no later part assigns)
            }
            lv = new Text().append(o).append(glue("." + ms.getIdentifier()));
        } else if (target instanceof ArrayAccessTree aa) {
            String a = temp(typed.type(aa.getExpression()), "t");
            emit(assign(a, expr(aa.getExpression())).append(glue(";\n")));
            String i = temp("int", "t");
            emit(glue(i + " = ").append(expr(aa.getIndex())).append(glue(";\n")));
            lv = glue(a + "[" + i + "]");
        } else {
            throw unsupported(e, "compound assignment to this target with an await on the right");
        }
        TypeMirror targetType = typed.type(target);
        TypeKind unboxed = targetType != null && !targetType.getKind().isPrimitive() ? unboxedKind(targetType) : null;
        String old;
        if (e.getKind() == Tree.Kind.PLUS_ASSIGNMENT && targetType != null && !targetType.getKind().isPrimitive()
                && !isString(targetType) && isString(typed.type(e.getExpression()))) {
            // `o += s` with a non-string `o`: javac converts o to a string before the right-hand side runs
            old = temp("java.lang.String", "t");
            emit(glue(old + " = " + stringOf(targetType)).append(lv).append(glue("));\n")));
        } else if (unboxed != null) {
            // a boxed target is unboxed as soon as it is read, before the right-hand side runs
            type = unboxed.name().toLowerCase(java.util.Locale.ROOT);
            old = temp(type, "t");
            emit(glue(old + " = ").append(lv).append(glue(";\n")));
        } else {
            old = temp(targetType, "t");
            emit(assign(old, lv).append(glue(";\n")));
        }
        Text v = expr(e.getExpression());
        // E1 op= E2 is E1 = (T) ((E1) op (E2)): the right-hand side keeps its own grouping, and the
        // cast is written only where it converts (a redundant one is an -Xlint:cast warning)
        String cast = compoundNeedsCast(e.getKind(), targetType, typed.type(e.getExpression()))
                ? "(" + type + ") " : "";
        return new Text().append(lv).append(glue(" = " + cast + "(" + old + " " + op + " (")).append(v).append(glue("))"));
    }

    /** Whether {@code (T) (a op b)} needs its cast to {@code T}, the type of {@code a}. */
    private static boolean compoundNeedsCast(Tree.Kind kind, TypeMirror target, TypeMirror value) {
        if (isString(target) || isString(value)) {
            return false; // a string concatenation, assignable wherever javac accepted the +=
        }
        TypeKind t = unboxedKind(target);
        TypeKind v = unboxedKind(value);
        if (t == null || v == null) {
            return true;
        }
        TypeKind result;
        if (t == TypeKind.BOOLEAN) {
            result = t;
        } else if (kind == Tree.Kind.LEFT_SHIFT_ASSIGNMENT || kind == Tree.Kind.RIGHT_SHIFT_ASSIGNMENT
                || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT_ASSIGNMENT) {
            result = t == TypeKind.LONG ? t : TypeKind.INT;
        } else if (t == TypeKind.DOUBLE || v == TypeKind.DOUBLE) {
            result = TypeKind.DOUBLE;
        } else if (t == TypeKind.FLOAT || v == TypeKind.FLOAT) {
            result = TypeKind.FLOAT;
        } else if (t == TypeKind.LONG || v == TypeKind.LONG) {
            result = TypeKind.LONG;
        } else {
            result = TypeKind.INT;
        }
        return result != t;
    }

    private static boolean isString(TypeMirror t) {
        return t instanceof DeclaredType d
                && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    /** The primitive kind of {@code t} or of the primitive it boxes; null for other types. */
    private static TypeKind unboxedKind(TypeMirror t) {
        if (t == null) {
            return null;
        }
        if (t.getKind().isPrimitive()) {
            return t.getKind();
        }
        if (!(t instanceof DeclaredType d)) {
            return null;
        }
        return switch (((TypeElement) d.asElement()).getQualifiedName().toString()) {
            case "java.lang.Boolean" -> TypeKind.BOOLEAN;
            case "java.lang.Byte" -> TypeKind.BYTE;
            case "java.lang.Short" -> TypeKind.SHORT;
            case "java.lang.Character" -> TypeKind.CHAR;
            case "java.lang.Integer" -> TypeKind.INT;
            case "java.lang.Long" -> TypeKind.LONG;
            case "java.lang.Float" -> TypeKind.FLOAT;
            case "java.lang.Double" -> TypeKind.DOUBLE;
            default -> null;
        };
    }

    private static String operator(Tree.Kind kind) {
        return switch (kind) {
            case PLUS_ASSIGNMENT -> "+";
            case MINUS_ASSIGNMENT -> "-";
            case MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND_ASSIGNMENT -> "&";
            case XOR_ASSIGNMENT -> "^";
            case OR_ASSIGNMENT -> "|";
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private Text switchExpr(SwitchExpressionTree s) {
        Text sel = expr(unparen(s.getExpression()));
        String result = temp(typed.type(s), "switch");
        Block exit = newBlock();
        List<? extends CaseTree> cases = s.getCases();
        List<Block> bodies = new ArrayList<>();
        boolean hasDefault = false;
        Text dispatch = glue("switch (").append(sel).append(glue(") {\n"));
        for (CaseTree c : cases) {
            Block b = newBlock();
            bodies.add(b);
            dispatch.append(caseLabel(c)).append(glue(" {\n")).append(bindCase(c)).append(jump(b)).append(glue("}\n"));
            hasDefault |= isDefault(c);
        }
        if (!hasDefault && !isEnhanced(cases)) {
            // an exhaustive enum switch expression: javac throws IncompatibleClassChangeError here
            dispatch.append(glue("default:\nthrow new java.lang.IncompatibleClassChangeError();\n"));
        }
        dispatch.append(glue("}\n"));
        emit(dispatch);
        cur.terminated = true;
        jumpables.push(new Jumpable(s, null, exit, null, result));
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            place(bodies.get(i), c);
            caseBody(c, result);
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                jumpEnd(exit);
            } else {
                jumpEnd(i + 1 < cases.size() ? bodies.get(i + 1) : exit);
            }
        }
        jumpables.pop();
        place(exit, null);
        return glue(castBack(typed.type(s), result));
    }

    // ------------------------------------------------------------------------------------------
    // verbatim copies with edits

    private record Edit(int start, int end, Text text) {}

    /**
     * The source text of {@code tree} (which has no suspension point), with the edits the state
     * machine needs: locals renamed or read from a snapshot, {@code this}/{@code super} qualified
     * with the outer class, members hidden by {@code Coroutine} qualified, {@code return}s and
     * jumps out of lowered statements rewritten.
     */
    private Text verbatim(Tree tree) {
        List<Edit> edits = new ArrayList<>();
        Map<Element, String> snapshots = new LinkedHashMap<>();
        Set<Element> readLocals = new java.util.LinkedHashSet<>();
        Deque<Tree> inner = new ArrayDeque<>(); // breakables inside the copied tree
        Set<String> innerLabels = new HashSet<>();
        new TreeScanner<Void, Void>() {
            int lambdaDepth;
            int classDepth;
            Deque<Tree> yieldables = new ArrayDeque<>();

            @Override
            public Void visitIdentifier(IdentifierTree node, Void p) {
                Element el = typed.element(node);
                String name = node.getName().toString();
                if (classDepth == 0 && (name.equals("this") || name.equals("super")) && !isStatic) {
                    if (outerName == null && name.equals("super")) {
                        throw anonymousThis(node, name);
                    }
                    if (outerName == null) {
                        usesAnonymousThis = true;
                    }
                    edits.add(new Edit(typed.start(node), typed.end(node),
                            glue(outerName == null ? "$this" : outerName + "." + name)));
                    return null;
                }
                if (el != null && candidates.contains(el)) {
                    touch(el);
                    readLocals.add(el);
                    String n = patternScope.contains(el) ? declaredBindingName(el) : nameOf(el);
                    if (!patternScope.contains(el) && isHoisted(el) && (lambdaDepth > 0 || classDepth > 0)) {
                        if (typed.flowAnalyzed() && !typed.isEffectivelyFinal(el)) {
                            // a snapshot would hide javac's own check of the method as written
                            throw new LoweringException(node, "AsyncNotEffectivelyFinal", "local variables referenced from "
                                    + (lambdaDepth > 0 ? "a lambda expression" : "an inner class")
                                    + " must be final or effectively final");
                        }
                        n = snapshots.computeIfAbsent(el, k -> nameOf(k) + "$snapshot" + (snapshotCounter++));
                    }
                    String cast = memberCasts.get(node);
                    if (cast == null && isHoisted(el) && !lvalueIds.contains(node)) {
                        cast = typed.intersectionCast(el.asType());
                    }
                    if (cast != null) {
                        // a field holds the intersection as one of its types: the member's is cast back
                        edits.add(new Edit(typed.start(node), typed.end(node), glue("((" + cast + ") " + n + ")")));
                    } else if (!n.equals(name)) {
                        edits.add(new Edit(typed.start(node), typed.end(node), glue(n)));
                    }
                    return null;
                }
                if (el != null && localClasses.containsKey(el)) {
                    touch(el);
                    readLocals.add(el);
                }
                if (el != null && classDepth == 0 && el.getKind().isField() && coroutineMemberNames.contains(name)) {
                    edits.add(new Edit(typed.start(node), typed.end(node), glue(qualifier(el) + name)));
                }
                return null;
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void p) {
                if (classDepth == 0 && lambdaDepth == 0 && unparen(node.getVariable()) instanceof IdentifierTree id) {
                    Element el = typed.element(id);
                    if (el != null && candidates.contains(el) && isHoisted(el) && typedWithTypeVariable(el)) {
                        // its field has a type variable of the machine: the value goes in through $cast
                        int at = typed.start(node.getExpression());
                        edits.add(new Edit(at, at, glue("this.$cast(")));
                        super.visitAssignment(node, p);
                        int end = typed.end(node.getExpression());
                        edits.add(new Edit(end, end, glue(")")));
                        return null;
                    }
                }
                return super.visitAssignment(node, p);
            }

            @Override
            public Void visitThrow(ThrowTree node, Void p) {
                Text precise = classDepth == 0 && lambdaDepth == 0 ? preciseRethrow(node) : null;
                if (precise == null) {
                    return super.visitThrow(node, p);
                }
                for (Object l : precise.locals) {
                    readLocals.add((Element) l);
                }
                edits.add(new Edit(typed.start(node), typed.end(node), precise));
                return null;
            }

            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void p) {
                VariableTree v = node.getVariable();
                Element el = typed.element(v);
                if (el != null && candidates.contains(el)) {
                    touch(el);
                    readLocals.add(el);
                    String declared = declaredBindingName(el);
                    if (!declared.contentEquals(v.getName())) {
                        int at = typed.position(v);
                        edits.add(new Edit(at, at + v.getName().length(), glue(declared)));
                    }
                }
                return super.visitBindingPattern(node, p);
            }

            @Override
            public Void visitInstanceOf(InstanceOfTree node, Void p) {
                String suffix = bindings(node.getPattern());
                if (suffix.isEmpty()) {
                    return super.visitInstanceOf(node, p);
                }
                // a pattern whose binding lives across an await: the match also stores it in its field
                edits.add(new Edit(typed.start(node), typed.start(node), glue("(")));
                super.visitInstanceOf(node, p);
                edits.add(new Edit(typed.end(node), typed.end(node), glue(suffix + ")")));
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void p) {
                if (unparen(node.getExpression()) instanceof IdentifierTree id) {
                    Element local = typed.element(id);
                    if (local != null && candidates.contains(local) && isHoisted(local)) {
                        String cast = typed.intersectionCastFor(local.asType(), typed.element(node));
                        if (cast != null) {
                            memberCasts.put(id, cast);
                        }
                    }
                }
                if (classDepth == 0 && node.getIdentifier().contentEquals("super")
                        && typed.element(node.getExpression()) instanceof TypeElement t
                        && t.getKind() == ElementKind.INTERFACE) {
                    // only the class itself may name its superinterface's method, and the state
                    // machine is a class of its own (Java has no Outer.I.super)
                    throw unsupported(node, t.getSimpleName() + ".super cannot be used in an @Async body (it"
                            + " runs in a class of its own): call it through a method of this class, e.g. a"
                            + " private method that returns " + t.getSimpleName() + ".super." + "m(...)");
                }
                return super.visitMemberSelect(node, p);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                if (classDepth == 0 && lambdaDepth == 0 && awaits.awaited(node) != null) {
                    // copied as written, it would call Asyncio.await at run time, which throws:
                    // a position the lowering does not reach is refused, never compiled wrong
                    throw unsupported(node, "asyncj cannot lower an await in this position: assign it to a local"
                            + " variable in a statement of its own first (var v = await(...);) and use v here");
                }
                if (classDepth == 0 && node.getMethodSelect() instanceof IdentifierTree id
                        && coroutineMemberNames.contains(id.getName().toString())) {
                    Element el = typed.element(node);
                    edits.add(new Edit(typed.start(id), typed.end(id), glue(qualifier(el) + id.getName())));
                    scan(node.getTypeArguments(), p);
                    scan(node.getArguments(), p);
                    return null;
                }
                return super.visitMethodInvocation(node, p);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
                lambdaDepth++;
                try {
                    return super.visitLambdaExpression(node, p);
                } finally {
                    lambdaDepth--;
                }
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                classDepth++;
                try {
                    return super.visitClass(node, p);
                } finally {
                    classDepth--;
                }
            }

            @Override
            public Void visitReturn(ReturnTree node, Void p) {
                if (classDepth > 0 || lambdaDepth > 0) {
                    return super.visitReturn(node, p);
                }
                ExpressionTree e = node.getExpression();
                Text value;
                if (e == null) {
                    value = glue("null");
                } else if (awaits.isCompleted(e)) {
                    MethodInvocationTree call = (MethodInvocationTree) e;
                    value = call.getArguments().isEmpty() ? glue("null") : verbatim(call.getArguments().get(0));
                } else {
                    throw new IllegalStateException("return of a coroutine in a verbatim statement");
                }
                edits.add(new Edit(typed.start(node), typed.end(node),
                        glue("{\n").append(returnCode(value)).append(glue("}"))));
                return null;
            }

            @Override
            public Void visitBreak(BreakTree node, Void p) {
                jumpOut(node, node.getLabel(), false);
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree node, Void p) {
                jumpOut(node, node.getLabel(), true);
                return null;
            }

            /**
             * A break or continue that leaves the verbatim statement for a state of the machine
             * becomes a jump to that state; one that stays inside the statement is kept as written.
             */
            private void jumpOut(Tree node, javax.lang.model.element.Name label, boolean isContinue) {
                if (classDepth != 0 || lambdaDepth != 0) {
                    return;
                }
                Block target = label == null
                        ? (hasInnerBreakable(isContinue) ? null : contextTarget(null, isContinue, node))
                        : (innerLabels.contains(label.toString()) ? null
                                : contextTarget(label.toString(), isContinue, node));
                if (target != null) {
                    edits.add(new Edit(typed.start(node), typed.end(node),
                            glue("{\n").append(jump(target)).append(glue("}"))));
                }
            }

            @Override
            public Void visitYield(YieldTree node, Void p) {
                if (classDepth == 0 && lambdaDepth == 0 && yieldables.isEmpty()) {
                    Jumpable target = null;
                    for (Jumpable j : jumpables) {
                        if (j.yieldTemp != null) {
                            target = j;
                            break;
                        }
                    }
                    if (target != null) {
                        Text v = verbatim(node.getValue());
                        edits.add(new Edit(typed.start(node), typed.end(node), glue("{\n")
                                .append(assign(target.yieldTemp, v)).append(glue(";\n")).append(jump(target.breakTo)).append(glue("}"))));
                        return null;
                    }
                }
                return super.visitYield(node, p);
            }

            private boolean hasInnerBreakable(boolean loopsOnly) {
                for (Tree t : inner) {
                    if (!loopsOnly || t.getKind() != Tree.Kind.SWITCH) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Void visitLabeledStatement(LabeledStatementTree node, Void p) {
                innerLabels.add(node.getLabel().toString());
                return super.visitLabeledStatement(node, p);
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree node, Void p) {
                return breakable(node, () -> super.visitWhileLoop(node, p));
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree node, Void p) {
                return breakable(node, () -> super.visitDoWhileLoop(node, p));
            }

            @Override
            public Void visitForLoop(ForLoopTree node, Void p) {
                return breakable(node, () -> super.visitForLoop(node, p));
            }

            @Override
            public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void p) {
                return breakable(node, () -> super.visitEnhancedForLoop(node, p));
            }

            @Override
            public Void visitSwitch(SwitchTree node, Void p) {
                return breakable(node, () -> super.visitSwitch(node, p));
            }

            @Override
            public Void visitSwitchExpression(SwitchExpressionTree node, Void p) {
                yieldables.push(node);
                try {
                    return super.visitSwitchExpression(node, p);
                } finally {
                    yieldables.pop();
                }
            }

            private Void breakable(Tree node, java.util.function.Supplier<Void> body) {
                inner.push(node);
                try {
                    return body.get();
                } finally {
                    inner.pop();
                }
            }
        }.scan(tree, null);
        Text out = new Text();
        for (Map.Entry<Element, String> s : snapshots.entrySet()) {
            emit("final var " + s.getValue() + " = " + nameOf(s.getKey()) + ";\n");
        }
        edits.sort(java.util.Comparator.comparingInt(Edit::start));
        int pos = typed.start(tree);
        for (Edit e : edits) {
            if (e.start < pos) {
                continue; // nested in an edit already applied
            }
            out.verbatim(src, pos, e.start);
            out.append(e.text);
            pos = e.end;
        }
        out.verbatim(src, pos, typed.end(tree));
        for (Element e : readLocals) {
            if (!snapshots.containsKey(e)) {
                out.locals.add(e);
            }
        }
        return out;
    }

    /**
     * A local variable of the body (declared outside {@code c}) that the local class {@code c}
     * reads, directly or through another local class it uses; null when it captures none.
     */
    private Element capturedLocal(ClassTree c, Set<Element> visiting) {
        Element self = typed.element(c);
        if (self == null || !visiting.add(self)) {
            return null;
        }
        Set<Element> declaredInside = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void p) {
                declaredInside.add(typed.element(node));
                return super.visitVariable(node, p);
            }
        }.scan(c, null);
        Element[] found = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void p) {
                Element el = typed.element(node);
                if (found[0] != null || el == null || declaredInside.contains(el)) {
                    return null;
                }
                if (LOCAL_KINDS.contains(el.getKind()) && el.getKind() != ElementKind.PARAMETER && !isConstant(el)) {
                    found[0] = el; // (a constant variable is no capture: it is a member of the machine)
                } else if (el.getKind() == ElementKind.PARAMETER && fieldParams.contains(el)) {
                    found[0] = el;
                } else if (bodyClasses.containsKey(el) && el != self) {
                    found[0] = capturedLocal(bodyClasses.get(el), visiting);
                }
                return null;
            }
        }.scan(c, null);
        return found[0];
    }

    /**
     * Whether the class's simple name denotes another type somewhere in the body (before its
     * declaration, say): as a member of the state machine it would shadow that type everywhere.
     */
    private boolean nameMeansAnotherType(ClassTree c) {
        Element self = typed.element(c);
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void p) {
                if (node.getName().contentEquals(c.getSimpleName())) {
                    Element el = typed.element(node);
                    if (el != null && el != self) {
                        found[0] = true;
                    }
                }
                return null;
            }
        }.scan(typed.body(), null);
        return found[0];
    }

    /** The name a pattern declares its binding with: its field's name plus {@code $p} when hoisted. */
    private String declaredBindingName(Element binding) {
        return isHoisted(binding) ? nameOf(binding) + "$p" : nameOf(binding);
    }

    /**
     * For a pattern whose bindings are hoisted: {@code " && ((s = s$p) == s$p || true)"} per
     * binding, which stores each matched value in its field (always true once matched).
     */
    private String bindings(Tree pattern) {
        if (pattern == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(BindingPatternTree node, Void p) {
                Element el = typed.element(node.getVariable());
                if (el != null && candidates.contains(el) && isHoisted(el)) {
                    String f = nameOf(el);
                    sb.append(" && ((").append(f).append(" = ").append(f).append("$p) == ").append(f)
                            .append("$p || true)");
                }
                return super.visitBindingPattern(node, p);
            }
        }.scan(pattern, null);
        return sb.toString();
    }

    private LoweringException anonymousThis(Tree at, String name) {
        return unsupported(at, "'" + name + "' in an @Async method of an anonymous class cannot be named from the"
                + " state machine the body becomes (a class of its own; the anonymous class has no name to qualify"
                + " it with): make the class a named local class, or call the superclass's method through another"
                + " method of the class");
    }

    private String qualifier(Element member) {
        if (outerName == null) {
            usesAnonymousThis = true; // the anonymous class's this, kept in a local before the state machine
            return "$this.";
        }
        if (member != null && member.getModifiers().contains(Modifier.STATIC)) {
            return outerName + ".";
        }
        return outerName + ".this.";
    }

    /** The state a {@code break}/{@code continue} in a copied statement jumps to. */
    private Block contextTarget(String label, boolean isContinue, Tree at) {
        for (Jumpable j : jumpables) {
            if (j.yieldTemp != null && label == null) {
                continue;
            }
            if (label != null ? label.equals(j.label) : (!isContinue || j.continueTo != null)
                    && !(j.tree instanceof LabeledStatementTree)) {
                Block b = isContinue ? j.continueTo : j.breakTo;
                if (b == null) {
                    throw unsupported(at, "cannot find the target of this jump");
                }
                return b;
            }
        }
        throw unsupported(at, "cannot find the target of this jump");
    }

    /** JLS 14.22, for the statements copied verbatim: can {@code s} complete normally? */
    private boolean completesNormally(StatementTree s) {
        switch (s.getKind()) {
            case RETURN, THROW, BREAK, CONTINUE, YIELD:
                return false;
            case BLOCK: {
                for (StatementTree t : ((BlockTree) s).getStatements()) {
                    if (!completesNormally(t)) {
                        return false;
                    }
                }
                return true;
            }
            case IF: {
                IfTree i = (IfTree) s;
                return i.getElseStatement() == null || completesNormally(i.getThenStatement())
                        || completesNormally(i.getElseStatement());
            }
            case WHILE_LOOP: {
                WhileLoopTree w = (WhileLoopTree) s;
                return !isTrue(w.getCondition()) || breaksOut(w.getStatement());
            }
            case DO_WHILE_LOOP: {
                DoWhileLoopTree d = (DoWhileLoopTree) s;
                return !isTrue(d.getCondition()) || breaksOut(d.getStatement());
            }
            case FOR_LOOP: {
                ForLoopTree f = (ForLoopTree) s;
                return (f.getCondition() != null && !isTrue(f.getCondition())) || breaksOut(f.getStatement());
            }
            case LABELED_STATEMENT:
                return completesNormally(((LabeledStatementTree) s).getStatement()) || true;
            case SYNCHRONIZED:
                return completesNormally(((SynchronizedTree) s).getBlock());
            case TRY: {
                TryTree t = (TryTree) s;
                boolean any = completesNormally(t.getBlock());
                for (CatchTree c : t.getCatches()) {
                    any |= completesNormally(c.getBlock());
                }
                return any && (t.getFinallyBlock() == null || completesNormally(t.getFinallyBlock()));
            }
            case SWITCH: {
                SwitchTree sw = (SwitchTree) s;
                boolean hasDefault = false;
                for (CaseTree c : sw.getCases()) {
                    hasDefault |= isDefault(c);
                }
                hasDefault |= isEnhanced(sw.getCases());
                if (!hasDefault || breaksOut(sw)) {
                    return true;
                }
                List<? extends CaseTree> cases = sw.getCases();
                if (cases.isEmpty()) {
                    return true;
                }
                for (CaseTree c : cases) {
                    if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                        Tree body = c.getBody();
                        if (body instanceof ExpressionTree || (body instanceof StatementTree st && completesNormally(st))) {
                            return true;
                        }
                    }
                }
                CaseTree last = cases.get(cases.size() - 1);
                if (last.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
                    List<? extends StatementTree> st = last.getStatements();
                    return st.isEmpty() || completesNormally(st.get(st.size() - 1));
                }
                return false;
            }
            default:
                return true;
        }
    }

    private static boolean isTrue(ExpressionTree e) {
        return unparen(e) instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue());
    }

    /** Whether {@code body} has an unlabeled break that leaves the enclosing loop (approximately). */
    private static boolean breaksOut(Tree body) {
        boolean[] found = {false};
        new TreeScanner<Void, Integer>() {
            @Override
            public Void visitBreak(BreakTree node, Integer depth) {
                if (node.getLabel() != null || depth == 0) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree node, Integer d) {
                return super.visitWhileLoop(node, d + 1);
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree node, Integer d) {
                return super.visitDoWhileLoop(node, d + 1);
            }

            @Override
            public Void visitForLoop(ForLoopTree node, Integer d) {
                return super.visitForLoop(node, d + 1);
            }

            @Override
            public Void visitEnhancedForLoop(EnhancedForLoopTree node, Integer d) {
                return super.visitEnhancedForLoop(node, d + 1);
            }

            @Override
            public Void visitSwitch(SwitchTree node, Integer d) {
                scan(node.getExpression(), d);
                scan(node.getCases(), d + 1);
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Integer d) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Integer d) {
                return null;
            }
        }.scan(body instanceof SwitchTree sw ? sw.getCases() : List.of(body), 0); // a break directly in the switch leaves it
        return found[0];
    }
}
