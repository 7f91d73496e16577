package io.asyncj.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Attr;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.comp.Flow;
import com.sun.tools.javac.util.JCDiagnostic;
import java.util.ArrayList;
import java.util.List;
import com.sun.tools.javac.comp.MemberEnter;
import com.sun.tools.javac.parser.ParserFactory;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.TreeCopier;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeMaker;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The one place the processor touches javac's internal API (STYLE.md habit 4). Everything a later
 * stage needs from javac crosses this boundary as public {@code com.sun.source} trees and
 * {@code javax.lang.model} types: when to run, where a method's tree is, the types of a copy of its
 * body, and how to put a new body in its place. JDK-version drift is handled here.
 */
public final class JavacBridge {
    private final ProcessingEnvironment env;
    private final Context context;
    private final Trees trees;

    private JavacBridge(ProcessingEnvironment env, Context context) {
        this.env = env;
        this.context = context;
        this.trees = Trees.instance(env);
    }

    /**
     * The bridge for {@code env}, or {@code null} when {@code env} is not javac's own (another
     * compiler, or a wrapper such as an IDE's). Call only once {@link Exports#missing()} is empty.
     */
    public static JavacBridge create(ProcessingEnvironment env) {
        ProcessingEnvironment unwrapped = unwrap(env);
        if (!(unwrapped instanceof JavacProcessingEnvironment javacEnv)) {
            return null;
        }
        return new JavacBridge(env, javacEnv.getContext());
    }

    private static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
        // Some build tools (Gradle's incremental processing, IntelliJ) wrap the environment in a
        // proxy or delegate; look one level down for javac's own.
        if (env instanceof JavacProcessingEnvironment) {
            return env;
        }
        for (Class<?> c = env.getClass(); c != null; c = c.getSuperclass()) {
            for (var field : c.getDeclaredFields()) {
                if (ProcessingEnvironment.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        Object inner = field.get(env);
                        if (inner instanceof JavacProcessingEnvironment) {
                            return (ProcessingEnvironment) inner;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return env;
                    }
                }
            }
        }
        return env;
    }

    /**
     * Registers the two moments the processor acts: {@code afterProcessing} once the last
     * annotation-processing round is over (trees entered, nothing attributed yet), and
     * {@code afterAnalyze} for each class javac has attributed and flow-checked.
     */
    public void listen(Runnable afterProcessing, BiConsumer<CompilationUnitTree, TypeElement> afterAnalyze) {
        JavacTask.instance(env).addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
                    afterProcessing.run();
                } else if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getCompilationUnit() != null) {
                    afterAnalyze.accept(e.getCompilationUnit(), e.getTypeElement());
                }
            }
        });
    }

    /** Where {@code method} is declared, or {@code null} if it has no source tree. */
    public MethodTarget locate(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof JCMethodDecl md)) {
            return null;
        }
        TreePath classPath = path.getParentPath();
        if (classPath == null || !(classPath.getLeaf() instanceof JCClassDecl cls)) {
            return null;
        }
        return new MethodTarget((JCCompilationUnit) path.getCompilationUnit(), cls, md);
    }

    /** A method tree with the tree of the class that declares it and its compilation unit. */
    public static final class MethodTarget {
        final JCCompilationUnit unit;
        final JCClassDecl owner;
        final JCMethodDecl method;
        /** Instead of a method: a field whose initializer declares local targets' classes (an enum constant's body). */
        final JCTree.JCVariableDecl field;
        /** For a method of a local or anonymous class: its attributed copy (the real tree has no symbol yet). */
        JCMethodDecl attributed;

        MethodTarget(JCCompilationUnit unit, JCClassDecl owner, JCMethodDecl method) {
            this.unit = unit;
            this.owner = owner;
            this.method = method;
            this.field = null;
        }

        MethodTarget(JCCompilationUnit unit, JCClassDecl owner, JCTree.JCVariableDecl field) {
            this.unit = unit;
            this.owner = owner;
            this.method = null;
            this.field = field;
        }

        /** The tree whose symbols the later stages read: the method, or its attributed copy. */
        public MethodTree declaration() {
            return attributed != null ? attributed : method;
        }

        /** The simple name of the declaring class, or null for an anonymous class. */
        public String ownerName() {
            return owner.name.isEmpty() ? null : owner.name.toString();
        }

        public CompilationUnitTree unit() {
            return unit;
        }

        public ClassTree owner() {
            return owner;
        }

        public MethodTree method() {
            return method;
        }

        /** The method's current symbol (re-entered by javac after the last round). */
        public javax.lang.model.element.ExecutableElement symbol() {
            return attributed != null ? attributed.sym : method.sym;
        }

        /** Whether javac has not attributed the class yet, so a new body will still be compiled. */
        public boolean unattributed() {
            return owner.sym == null || (owner.sym.flags_field & Flags.UNATTRIBUTED) != 0;
        }

        /** The original source text of the compilation unit. */
        public CharSequence source() {
            try {
                return unit.getSourceFile().getCharContent(true);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + unit.getSourceFile().getName(), e);
            }
        }
    }

    /**
     * Attributes a copy of the method's body in the method's own scope and returns it with the
     * types and symbols javac found. The real tree stays unattributed; diagnostics about the copy
     * are collected and dropped (javac reports the user's real errors later, on the real body).
     */
    public TypedBody attribute(MethodTarget target) {
        return attribute(target, List.of(), new IdentityHashMap<>());
    }

    /**
     * Attributes a copy of {@code member}'s body, and returns the typed bodies of {@code locals},
     * methods of local and anonymous classes declared in it (found by {@link #localTargets}): javac
     * enters such classes only while it attributes the method around them, so their types come
     * from that method's copy. Each local target then carries its attributed copy.
     */
    public Map<MethodTarget, TypedBody> attributeLocals(MethodTarget member, List<MethodTarget> locals) {
        Map<MethodTarget, TypedBody> out = new IdentityHashMap<>();
        attribute(member, locals, out);
        return out;
    }

    private TypedBody attribute(MethodTarget target, List<MethodTarget> locals, Map<MethodTarget, TypedBody> localOut) {
        Attr attr = Attr.instance(context);
        Enter enter = Enter.instance(context);
        MemberEnter memberEnter = MemberEnter.instance(context);
        Log log = Log.instance(context);
        JCMethodDecl md = target.method;
        JCTree.JCVariableDecl field = target.field;
        if (target.owner.sym != null) {
            target.owner.sym.complete();
        }
        if (field != null ? field.sym == null || field.init == null : md.sym == null || md.body == null) {
            return null;
        }
        Env<AttrContext> classEnv = enter.getClassEnv(target.owner.sym);
        if (classEnv == null) {
            return null;
        }
        Env<AttrContext> env = field != null ? memberEnter.getInitEnv(field, classEnv) : memberEnter.getMethodEnv(md, classEnv);
        Map<JCTree, JCTree> copyToOriginal = new IdentityHashMap<>();
        TreeCopier<Void> copier = new TreeCopier<>(TreeMaker.instance(context).forToplevel(target.unit)) {
            @Override
            public <T extends JCTree> T copy(T tree, Void p) {
                T copy = super.copy(tree, p);
                if (tree != null && copy != null) {
                    copyToOriginal.put(copy, tree);
                }
                return copy;
            }
        };
        JCTree original = field != null ? field.init : md.body;
        JCTree copy = copier.copy(original, null);
        shareRuleBodies(copy);
        Log.DiagnosticHandler hidden = deferredHandler(log);
        JavaFileObject previous = log.useSource(target.unit.sourcefile);
        // Attributing an anonymous or local class in the copy attributes its superclass and that
        // class's owner first (Attr.attribClass): for `new Outer.Nested(1) {}` that would attribute
        // the whole enclosing class now, this method with the copy swapped in among it (javac then
        // fails an assertion), and mark it analyzed. Every source class still waiting for Attr
        // looks attributed while the copy is attributed; the flags are restored after.
        Map<Symbol.ClassSymbol, Long> pending = hideUnattributed();
        List<JCDiagnostic> flow = null;
        List<JCDiagnostic> attributionErrors = new ArrayList<>();
        // `A.super.m()` resolves through the class tree's type, which javac sets only when it
        // attributes the class (the trees were cleaned between rounds): null there crashed Resolve
        Type ownerType = target.owner.type;
        if (ownerType == null) {
            target.owner.type = target.owner.sym.type;
        }
        Runnable restorePermits = field != null ? savePermits(target.owner.sym) : () -> { };
        try {
            if (field != null) {
                // a field's value: its local targets' classes are all this attribution is for
                field.init = (JCTree.JCExpression) copy;
                attr.attribExpr(copy, env, field.sym.type);
            } else {
                md.body = (JCBlock) copy;
                attr.attribStat(copy, env);
            }
            List<JCDiagnostic> attributed = diagnostics(hidden);
            int attribution = attributed == null ? Integer.MAX_VALUE : attributed.size();
            if (attributed != null) {
                for (JCDiagnostic d : attributed) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        attributionErrors.add(d);
                    }
                }
            }
            // the local targets' flow checks first: the member's own also analyzes their classes,
            // and its errors there would read as attribution errors to theirs
            attributeLocals(locals, copyToOriginal, hidden, attribution, attributionErrors, localOut);
            if (field == null) {
                flow = flowCheck(md, env, hidden, classRanges((JCBlock) original, target.unit), attribution);
                if (flow != null) {
                    flow.addAll(reachability((JCBlock) copy, (JCBlock) original, env));
                }
            }
        } finally {
            restoreUnattributed(pending);
            restorePermits.run();
            target.owner.type = ownerType;
            if (field != null) {
                field.init = (JCTree.JCExpression) original;
            } else {
                md.body = (JCBlock) original;
            }
            try {
                enter.unenter(target.unit, copy);
            } finally {
                log.popDiagnosticHandler(hidden);
                log.useSource(previous);
            }
        }
        return field != null ? null : new TypedBody(context, target, (JCBlock) copy, copyToOriginal, flow,
                attributionErrors);
    }

    /**
     * What to run to put back the permitted subclasses of {@code c} after a copy of an enum
     * constant's body is attributed: javac adds each enum constant class it enters to the enum's
     * list, the copy's too, and on JDK 21+ keeps one per source position, so the copy's would shut
     * out the real one ("class is not allowed to extend sealed class"). A public field on JDK 17;
     * private with public accessors later.
     */
    private static Runnable savePermits(Symbol.ClassSymbol c) {
        try {
            java.lang.reflect.Field f = Symbol.ClassSymbol.class.getField("permitted");
            Object saved = f.get(c);
            return () -> {
                try {
                    f.set(c, saved);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // left as it is: at worst javac reports the sealed-class error itself
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            com.sun.tools.javac.util.List<Type> saved = c.getPermittedSubclasses();
            return () -> {
                try {
                    Symbol.ClassSymbol.class.getMethod("clearPermittedSubclasses").invoke(c);
                    java.lang.reflect.Method add = Symbol.ClassSymbol.class.getMethod("addPermittedSubclass",
                            Symbol.ClassSymbol.class, int.class);
                    int pos = -saved.size(); // before every real position, in the same order
                    for (Type t : saved) {
                        add.invoke(c, t.tsym, pos++);
                    }
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    // left as it is: at worst javac reports the sealed-class error itself
                }
            };
        }
    }

    /** While the copy around them is entered: each local target's copy, its env and its flow checks. */
    private void attributeLocals(List<MethodTarget> locals, Map<JCTree, JCTree> copyToOriginal,
            Log.DiagnosticHandler hidden, int attribution, List<JCDiagnostic> attributionErrors,
            Map<MethodTarget, TypedBody> out) {
        if (locals.isEmpty()) {
            return;
        }
        Map<JCTree, JCTree> originalToCopy = new IdentityHashMap<>();
        for (Map.Entry<JCTree, JCTree> e : copyToOriginal.entrySet()) {
            originalToCopy.put(e.getValue(), e.getKey());
        }
        Enter enter = Enter.instance(context);
        MemberEnter memberEnter = MemberEnter.instance(context);
        for (MethodTarget local : locals) {
            if (!(originalToCopy.get(local.method) instanceof JCMethodDecl lm)
                    || !(originalToCopy.get(local.owner) instanceof JCClassDecl lc)
                    || lm.sym == null || lc.sym == null || lm.body == null) {
                continue;
            }
            Env<AttrContext> classEnv = enter.getClassEnv(lc.sym);
            if (classEnv == null) {
                continue;
            }
            Env<AttrContext> methodEnv = memberEnter.getMethodEnv(lm, classEnv);
            List<JCDiagnostic> flow = flowCheck(lm, methodEnv, hidden, classRanges(local.method.body, local.unit),
                    attribution);
            if (flow != null) {
                flow.addAll(reachability(lm.body, local.method.body, methodEnv));
            }
            local.attributed = lm;
            out.put(local, new TypedBody(context, local, lm.body, copyToOriginal, flow, attributionErrors));
        }
    }

    /**
     * The methods annotated {@code @Async} (by name: attribution confirms it) of local and
     * anonymous classes declared in the methods, constructors and field values of {@code unit}'s classes, by the
     * member method that declares the class. Annotation processing never sees those classes. Those
     * inside an {@code @Async} method are left out (that method's checks refuse them), and so are
     * those in initializer blocks. A field's value (an enum constant's body) stands in for the
     * member method of the classes declared in it.
     */
    public Map<MethodTarget, List<MethodTarget>> localTargets(CompilationUnitTree unit) {
        JCCompilationUnit cu = (JCCompilationUnit) unit;
        Map<MethodTarget, List<MethodTarget>> out = new java.util.LinkedHashMap<>();
        new TreeScanner() {
            JCClassDecl memberOwner;
            MethodTarget member; // the member method being scanned, null outside one
            JCClassDecl localOwner;

            @Override
            public void visitClassDef(JCClassDecl tree) {
                JCClassDecl savedOwner = localOwner;
                JCClassDecl savedMemberOwner = memberOwner;
                if (member == null) {
                    memberOwner = tree;
                } else {
                    localOwner = tree;
                }
                try {
                    super.visitClassDef(tree);
                } finally {
                    localOwner = savedOwner;
                    memberOwner = savedMemberOwner;
                }
            }

            @Override
            public void visitMethodDef(JCMethodDecl tree) {
                boolean async = annotatedAsync(tree);
                if (member == null) {
                    if (async || tree.body == null) {
                        return;
                    }
                    member = new MethodTarget(cu, memberOwner, tree);
                    try {
                        super.visitMethodDef(tree);
                    } finally {
                        member = null;
                    }
                    return;
                }
                if (async) {
                    if (tree.body != null && localOwner != null) {
                        out.computeIfAbsent(member, k -> new ArrayList<>()).add(new MethodTarget(cu, localOwner, tree));
                    }
                    return;
                }
                super.visitMethodDef(tree);
            }

            @Override
            public void visitVarDef(JCTree.JCVariableDecl tree) {
                if (member == null) {
                    // a field's value (an enum constant's body among them) is typed as a whole
                    if (tree.init != null) {
                        member = new MethodTarget(cu, memberOwner, tree);
                        try {
                            scan(tree.init);
                        } finally {
                            member = null;
                        }
                    }
                    return;
                }
                super.visitVarDef(tree);
            }

            @Override
            public void visitBlock(JCBlock tree) {
                if (member == null) {
                    return; // an initializer block
                }
                super.visitBlock(tree);
            }
        }.scan(cu);
        return out;
    }

    /** The compilation units javac has yet to attribute, in its order. */
    public List<CompilationUnitTree> pendingUnits() {
        Map<JCCompilationUnit, Boolean> seen = new java.util.LinkedHashMap<>();
        for (Env<AttrContext> env : com.sun.tools.javac.comp.Todo.instance(context)) {
            if (env.toplevel != null) {
                seen.put(env.toplevel, true);
            }
        }
        return new ArrayList<>(seen.keySet());
    }

    private static boolean annotatedAsync(JCMethodDecl tree) {
        for (JCTree.JCAnnotation a : tree.mods.annotations) {
            String name = a.annotationType.toString();
            if (name.equals("Async") || name.equals("io.asyncj.Async")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs javac's definite-assignment analysis ({@code Flow.AssignAnalyzer}) on the attributed
     * copy, as javac would on the method as written: its errors (a local read before it is
     * assigned, a final assigned twice) and the copy's {@code EFFECTIVELY_FINAL} flags are then
     * the user's, although the generated code hoists locals into fields javac cannot check.
     * Returns the errors, or null when the analysis could not run (attribution errors, or a
     * JDK whose analyzer needs more context than a lone method).
     */
    private List<JCDiagnostic> flowCheck(JCMethodDecl md, Env<AttrContext> methodEnv, Log.DiagnosticHandler hidden,
            List<int[]> classRanges, int attribution) {
        List<JCDiagnostic> before = diagnostics(hidden);
        if (before == null) {
            return null;
        }
        // the first `attribution` diagnostics are the attribution's; later ones, other methods' flow checks
        for (JCDiagnostic d : before.subList(0, Math.min(attribution, before.size()))) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                return null;
            }
        }
        Map<Symbol, Long> paramFlags = new IdentityHashMap<>();
        for (JCTree.JCVariableDecl p : md.params) {
            if (p.sym != null) {
                paramFlags.put(p.sym, p.sym.flags_field);
            }
        }
        try {
            Flow flow = Flow.instance(context);
            TreeMaker make = TreeMaker.instance(context).forToplevel(methodEnv.toplevel);
            // JDK 21+: the assignment analyzer reads whether each switch is exhaustive (a default
            // label makes an old-style switch so), which the liveness analyzer works out first, as
            // in javac's own pass; without it, `String r; switch (v) { case 1: r = "a"; break;
            // default: r = "b"; }` left r "not initialized". Its diagnostics are discarded.
            flow.aliveAfter(methodEnv, md.body, make);
            flow.new AssignAnalyzer().analyzeTree(methodEnv, md, make);
        } catch (RuntimeException | AssertionError e) {
            return null;
        } finally {
            for (Map.Entry<Symbol, Long> e : paramFlags.entrySet()) {
                e.getKey().flags_field = e.getValue();
            }
        }
        List<JCDiagnostic> after = diagnostics(hidden);
        if (after == null) {
            return null;
        }
        List<JCDiagnostic> out = new ArrayList<>();
        next:
        for (JCDiagnostic d : after.subList(before.size(), after.size())) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                // class bodies in the method (records' generated members among them) are copied
                // as written and javac checks them there; the lone analyzer misreads records
                for (int[] r : classRanges) {
                    if (d.getPosition() >= r[0] && d.getPosition() < r[1]) {
                        continue next;
                    }
                }
                out.add(d);
            }
        }
        return out;
    }

    /**
     * javac's reachability errors for the method as written, which the state machine would hide
     * (every state is reachable through the dispatch switch, and a body that falls off its end
     * completes with null): "missing return statement" when the body can complete normally, and
     * the first "unreachable statement" of each statement list, decided by javac's own
     * {@code Flow.aliveAfter} per statement. Lambda and class bodies stay as written and javac
     * checks them on the generated code.
     */
    private List<JCDiagnostic> reachability(JCBlock copy, JCBlock original, Env<AttrContext> env) {
        List<JCDiagnostic> out = new ArrayList<>();
        Flow flow = Flow.instance(context);
        TreeMaker make = TreeMaker.instance(context).forToplevel(env.toplevel);
        Log log = Log.instance(context);
        JCDiagnostic.Factory factory = JCDiagnostic.Factory.instance(context);
        try {
            new TreeScanner() {
                @Override
                public void visitBlock(JCBlock tree) {
                    check(tree.stats);
                    super.visitBlock(tree);
                }

                @Override
                public void visitCase(JCTree.JCCase tree) {
                    check(tree.stats);
                    super.visitCase(tree);
                }

                @Override
                public void visitLambda(JCTree.JCLambda tree) {
                }

                @Override
                public void visitClassDef(JCClassDecl tree) {
                }

                private void check(com.sun.tools.javac.util.List<JCTree.JCStatement> stats) {
                    for (com.sun.tools.javac.util.List<JCTree.JCStatement> l = stats; l.nonEmpty() && l.tail.nonEmpty(); l = l.tail) {
                        if (l.head instanceof JCClassDecl) {
                            continue;
                        }
                        if (!flow.aliveAfter(env, l.head, make)) {
                            out.add(factory.create(log.currentSource(), l.tail.head.pos(),
                                    new JCDiagnostic.Error("compiler", "unreachable.stmt")));
                            return;
                        }
                    }
                }
            }.scan(copy);
            if (out.isEmpty() && flow.aliveAfter(env, copy, make)) { // after an unreachable one, javac stays quiet
                out.add(factory.create(log.currentSource(), new JCDiagnostic.SimpleDiagnosticPosition(
                        TreeInfo.endPos(original)), new JCDiagnostic.Error("compiler", "missing.ret.stmt")));
            }
        } catch (RuntimeException | AssertionError e) {
            return List.of();
        }
        return out;
    }

    /** Source ranges of the class declarations (local, anonymous, records) inside {@code body}. */
    private static List<int[]> classRanges(JCBlock body, JCCompilationUnit unit) {
        List<int[]> out = new ArrayList<>();
        new TreeScanner() {
            @Override
            public void visitClassDef(JCClassDecl tree) {
                int end = unit.endPositions == null ? -1 : TreeInfo.getEndPos(tree, unit.endPositions);
                out.add(new int[] {TreeInfo.getStartPos(tree), end < 0 ? Integer.MAX_VALUE : end});
            }
        }.scan(body);
        return out;
    }

    private static List<JCDiagnostic> diagnostics(Log.DiagnosticHandler handler) {
        try {
            Object diags = handler.getClass().getMethod("getDiagnostics").invoke(handler);
            List<JCDiagnostic> out = new ArrayList<>();
            for (Object d : (Iterable<?>) diags) {
                out.add((JCDiagnostic) d);
            }
            return out;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Reports javac's own diagnostics again (they were collected while the copy was analyzed). */
    public void reportAgain(List<JCDiagnostic> diagnostics, MethodTarget target) {
        Log log = Log.instance(context);
        JavaFileObject previous = log.useSource(target.unit.sourcefile);
        try {
            for (JCDiagnostic d : diagnostics) {
                log.report(d);
            }
        } finally {
            log.useSource(previous);
        }
    }

    private static final long ATTRIBUTION_FLAGS = Flags.UNATTRIBUTED | Flags.SUPER_OWNER_ATTRIBUTED;

    private Map<Symbol.ClassSymbol, Long> hideUnattributed() {
        Map<Symbol.ClassSymbol, Long> out = new IdentityHashMap<>();
        for (Env<AttrContext> env : com.sun.tools.javac.comp.Todo.instance(context)) {
            if (env.enclClass != null && env.enclClass.sym != null) {
                hide(env.enclClass.sym, out);
            }
        }
        return out;
    }

    private static void hide(Symbol.ClassSymbol c, Map<Symbol.ClassSymbol, Long> out) {
        if (out.containsKey(c)) {
            return;
        }
        out.put(c, c.flags_field & ATTRIBUTION_FLAGS);
        if ((c.flags_field & Flags.UNATTRIBUTED) != 0) {
            c.flags_field = (c.flags_field & ~Flags.UNATTRIBUTED) | Flags.SUPER_OWNER_ATTRIBUTED;
        }
        if (c.members_field != null) {
            for (Symbol m : c.members_field.getSymbols(com.sun.tools.javac.code.Scope.LookupKind.NON_RECURSIVE)) {
                if (m instanceof Symbol.ClassSymbol member) {
                    hide(member, out);
                }
            }
        }
    }

    private static void restoreUnattributed(Map<Symbol.ClassSymbol, Long> saved) {
        for (Map.Entry<Symbol.ClassSymbol, Long> e : saved.entrySet()) {
            Symbol.ClassSymbol c = e.getKey();
            c.flags_field = (c.flags_field & ~ATTRIBUTION_FLAGS) | e.getValue();
        }
    }

    /**
     * A {@code case X -> body} keeps its body twice: as {@code body} and inside {@code stats} (the
     * parser shares one node). {@link TreeCopier} copies both separately and {@code Attr} only
     * attributes {@code stats}; point {@code body} back into the attributed copy.
     */
    private static void shareRuleBodies(JCTree tree) {
        new TreeScanner() {
            @Override
            public void visitCase(JCTree.JCCase c) {
                if (c.caseKind == com.sun.source.tree.CaseTree.CaseKind.RULE && c.stats != null && !c.stats.isEmpty()) {
                    JCTree first = c.stats.head;
                    if (first instanceof JCTree.JCExpressionStatement exec) {
                        c.body = exec.expr;
                    } else if (first instanceof JCTree.JCYield yield) {
                        c.body = yield.value;
                    } else {
                        c.body = first;
                    }
                }
                super.visitCase(c);
            }
        }.scan(tree);
    }

    private static Log.DiagnosticHandler deferredHandler(Log log) {
        // JDK 17: static nested class with a (Log) constructor; JDK 21+: inner class of Log, whose
        // constructor takes the enclosing Log. Reflection on (Log) reaches both.
        try {
            var ctor = Log.DeferredDiagnosticHandler.class.getDeclaredConstructor(Log.class);
            ctor.setAccessible(true);
            return (Log.DiagnosticHandler) ctor.newInstance(log);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK's Log.DeferredDiagnosticHandler is not supported", e);
        }
    }

    /**
     * Replaces the method's body with {@code text} (a block), parsed by javac's own parser, with
     * every node's position moved to the original position {@code toOriginal} gives, so that
     * diagnostics, stack traces and breakpoints land on the user's lines.
     *
     * @throws IllegalArgumentException if {@code text} does not parse (a processor bug)
     */
    public void splice(MethodTarget target, String text, IntUnaryOperator toOriginal) {
        Log log = Log.instance(context);
        Log.DiagnosticHandler collected = deferredHandler(log);
        JavaFileObject previous = log.useSource(target.unit.sourcefile);
        JCBlock block;
        String failed;
        try {
            block = ParserFactory.instance(context).newParser(text, false, false, false).block();
            failed = firstError(collected, text);
        } finally {
            log.popDiagnosticHandler(collected);
            log.useSource(previous);
        }
        if (failed != null || block == null) {
            if (System.getenv("ASYNCJ_DEBUG") != null) {
                System.err.println(text);
            }
            throw new IllegalArgumentException("generated body does not parse: " + failed);
        }
        new TreeScanner() {
            @Override
            public void scan(JCTree t) {
                if (t == null) {
                    return;
                }
                t.pos = toOriginal.applyAsInt(t.pos);
                if (t instanceof JCBlock b) {
                    b.endpos = toOriginal.applyAsInt(b.endpos);
                } else if (t instanceof JCTree.JCSwitch s) {
                    s.endpos = toOriginal.applyAsInt(s.endpos);
                }
                super.scan(t);
            }
        }.scan(block);
        target.method.body = block;
    }

    private static String firstError(Log.DiagnosticHandler handler, String text) {
        try {
            Object diags = handler.getClass().getMethod("getDiagnostics").invoke(handler);
            for (Object d : (Iterable<?>) diags) {
                var diag = (com.sun.tools.javac.util.JCDiagnostic) d;
                if (diag.getKind() == Diagnostic.Kind.ERROR) {
                    int p = (int) diag.getPosition();
                    int ls = text.lastIndexOf('\n', Math.max(0, p - 1)) + 1;
                    int le = text.indexOf('\n', p);
                    return diag.getMessage(null) + " at: " + text.substring(ls, le < 0 ? text.length() : le).strip();
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            return "unknown";
        }
    }

    /** Reports {@code message} on {@code tree} of {@code unit}: file, line and caret of that node. */
    public void report(Diagnostic.Kind kind, String message, Tree tree, CompilationUnitTree unit) {
        trees.printMessage(kind, message, tree, unit);
    }

    /** The method symbol's flags say it is abstract or native (no body to rewrite). */
    static boolean hasNoBody(Symbol sym) {
        return (sym.flags() & (Flags.ABSTRACT | Flags.NATIVE)) != 0;
    }
}
