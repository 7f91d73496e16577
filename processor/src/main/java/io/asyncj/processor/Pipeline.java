package io.asyncj.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import io.asyncj.processor.analyze.Awaits;
import io.asyncj.processor.check.AnalyzedChecks;
import io.asyncj.processor.check.BodyChecks;
import io.asyncj.processor.check.MethodChecks;
import io.asyncj.processor.emit.Emitter;
import io.asyncj.processor.find.Targets;
import io.asyncj.processor.javac.JavacBridge;
import io.asyncj.processor.javac.TypedBody;
import io.asyncj.processor.lower.LoweringException;
import io.asyncj.processor.lower.Lowerer;
import io.asyncj.processor.lower.StateMachine;
import io.asyncj.processor.lower.Text;
import io.asyncj.processor.splice.Splicer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic;

/** Runs the stages for each recorded method: check, analyze, lower, emit, splice. */
final class Pipeline {
    private final ProcessingEnvironment env;
    private final JavacBridge bridge;
    private final Targets targets = new Targets();
    private final Set<Tree> rewrittenLocals = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Splicer splicer;
    private Set<String> coroutineMembers;

    private Pipeline(ProcessingEnvironment env, JavacBridge bridge) {
        this.env = env;
        this.bridge = bridge;
        this.splicer = new Splicer(bridge, env.getFiler());
    }

    static Pipeline create(ProcessingEnvironment env) {
        JavacBridge bridge = JavacBridge.create(env);
        if (bridge == null) {
            return null;
        }
        Pipeline p = new Pipeline(env, bridge);
        AnalyzedChecks analyzed = new AnalyzedChecks(Trees.instance(env), env.getTypeUtils(), p::isRewrittenLocal);
        bridge.listen(p::rewriteAll, (unit, type) -> {
            try {
                analyzed.check(unit, type);
            } catch (RuntimeException | LinkageError e) {
                env.getMessager().printMessage(Diagnostic.Kind.WARNING,
                        "[AsyncInternalError] asyncj could not check " + type + ": " + e);
            }
        });
        return p;
    }

    /** Called from {@code process()}: checks the method's declaration and remembers its tree. */
    void record(ExecutableElement method) {
        List<String> problems = MethodChecks.check(method);
        for (String problem : problems) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, problem, method);
        }
        if (!problems.isEmpty()) {
            return;
        }
        JavacBridge.MethodTarget target = bridge.locate(method);
        if (target == null) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[AsyncNoSource] asyncj can only rewrite methods compiled from source in this compilation", method);
            return;
        }
        targets.add(target);
    }

    private void rewriteAll() {
        for (JavacBridge.MethodTarget target : targets.drain()) {
            rewriteReporting(target, () -> rewrite(target, null));
        }
        // methods of local and anonymous classes: processing never sees them, so they are found
        // in the trees, and typed through the member method that declares their class
        for (CompilationUnitTree unit : bridge.pendingUnits()) {
            for (Map.Entry<JavacBridge.MethodTarget, List<JavacBridge.MethodTarget>> group
                    : bridge.localTargets(unit).entrySet()) {
                Map<JavacBridge.MethodTarget, TypedBody> typed = new java.util.IdentityHashMap<>();
                rewriteReporting(group.getValue().get(0),
                        () -> typed.putAll(bridge.attributeLocals(group.getKey(), group.getValue())));
                for (JavacBridge.MethodTarget local : group.getValue()) {
                    TypedBody body = typed.get(local);
                    if (body != null && AnalyzedChecks.isAsync(local.symbol())) {
                        rewriteReporting(local, () -> rewriteLocal(local, body));
                    }
                }
            }
        }
    }

    /** Whether {@code method} (a real tree) is a rewritten method of a local or anonymous class. */
    boolean isRewrittenLocal(Tree method) {
        return rewrittenLocals.contains(method);
    }

    private void rewriteLocal(JavacBridge.MethodTarget target, TypedBody typed) throws java.io.IOException {
        rewrittenLocals.add(target.method()); // its errors are reported here, not as [AsyncInLocalClass]
        List<String> problems = MethodChecks.check(target.symbol());
        for (String problem : problems) {
            report(target, target.method(), problem);
        }
        if (problems.isEmpty()) {
            rewrite(target, typed);
        }
    }

    private interface Step {
        void run() throws java.io.IOException;
    }

    private void rewriteReporting(JavacBridge.MethodTarget target, Step step) {
        try {
            step.run();
        } catch (LoweringException e) {
            report(target, e.tree(), "[" + e.id() + "] " + e.getMessage());
        } catch (java.io.IOException e) {
            report(target, target.method(), "[AsyncIoError] asyncj could not write the readable source of"
                    + " this method: " + e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            if (System.getenv("ASYNCJ_DEBUG") != null) {
                e.printStackTrace();
            }
            report(target, target.method(), "[AsyncInternalError] asyncj failed to rewrite this method (" + e
                    + "); please report it with the method's source. As a workaround, simplify the"
                    + " expression around the await");
        }
    }

    private void report(JavacBridge.MethodTarget target, Tree tree, String message) {
        bridge.report(Diagnostic.Kind.ERROR, message, tree == null ? target.method() : tree, target.unit());
    }

    /** Rewrites {@code target}'s body; {@code typed} is its attributed copy, or null to attribute it here. */
    private void rewrite(JavacBridge.MethodTarget target, TypedBody typed) throws java.io.IOException {
        if (!target.unattributed()) {
            report(target, target.method(), "[AsyncTooLate] the class was already analyzed before asyncj could"
                    + " rewrite this method; another processor may have forced attribution");
            return;
        }
        if (typed == null) {
            typed = bridge.attribute(target);
        }
        if (typed == null) {
            report(target, target.method(), "[AsyncInternalError] asyncj could not attribute this method");
            return;
        }
        if (typed.flowErrors() != null && !typed.flowErrors().isEmpty()) {
            // javac's own definite-assignment errors, on the method as written: left as written
            bridge.reportAgain(typed.flowErrors(), target);
            return;
        }
        List<BodyChecks.Problem> problems = BodyChecks.check(typed);
        for (BodyChecks.Problem p : problems) {
            report(target, p.tree(), p.message());
        }
        if (!problems.isEmpty()) {
            return;
        }
        try {
            lowerAndSplice(target, typed);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            if (e instanceof LoweringException || typed.attributionErrors().isEmpty()) {
                throw e;
            }
            // The method does not type-check (a misspelled type, a missing import), so its
            // erroneous types could not be lowered: javac's own errors say what is wrong, on the
            // user's lines (reported once: javac drops a second error at the same position), and
            // asyncj adds no internal error of its own.
            bridge.reportAgain(typed.attributionErrors(), target);
        }
    }

    private void lowerAndSplice(JavacBridge.MethodTarget target, TypedBody typed) throws java.io.IOException {
        ExecutableElement sym = target.symbol();
        CharSequence source = target.source();
        String outer = target.ownerName();
        boolean isStatic = sym.getModifiers().contains(Modifier.STATIC);
        String valueType = valueType(typed, sym.getReturnType());
        Lowerer lowerer = new Lowerer(typed, new Awaits(typed), source, target.declaration(), outer, isStatic, valueType,
                coroutineMembers());
        StateMachine machine = lowerer.lower();
        List<String> thrown = new ArrayList<>();
        for (ExpressionTree t : target.declaration().getThrows()) {
            thrown.add(source.subSequence(typed.start(t), typed.end(t)).toString());
        }
        String marked = new Emitter(machine, source, thrown).body();
        if (System.getenv("ASYNCJ_DEBUG") != null) {
            System.err.println(Text.strip(marked));
        }
        int bodyPos = typed.start(typed.body());
        splicer.splice(target, marked, source, bodyPos);
        String pkg = packageOf(sym);
        String header = "// asyncj: the state machine that replaced the body of " + enclosingName(sym) + "."
                + sym.getSimpleName() + " (" + target.unit().getSourceFile().getName() + ").\n"
                + "// For reading only: this exact code was compiled in place of the method body.\n";
        splicer.write(pkg, enclosingName(sym), sym.getSimpleName().toString(), header,
                io.asyncj.processor.emit.Reindent.of(Text.strip(marked)));
    }

    private static String valueType(TypedBody typed, TypeMirror returnType) {
        if (returnType.getKind() != TypeKind.DECLARED || ((DeclaredType) returnType).getTypeArguments().isEmpty()) {
            return "java.lang.Object";
        }
        TypeMirror arg = ((DeclaredType) returnType).getTypeArguments().get(0);
        if (arg instanceof WildcardType w) {
            return w.getExtendsBound() != null ? typed.printBoxed(w.getExtendsBound()) : "java.lang.Object";
        }
        return typed.printBoxed(arg);
    }

    private static String packageOf(Element e) {
        while (e != null && !(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
    }

    private static String enclosingName(Element method) {
        StringBuilder sb = new StringBuilder();
        for (Element e = method.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            sb.insert(0, sb.length() == 0 ? e.getSimpleName() : e.getSimpleName() + "$");
        }
        return sb.toString();
    }

    /** Names the state machine inherits from Coroutine, which would hide the user's members. */
    private Set<String> coroutineMembers() {
        if (coroutineMembers == null) {
            coroutineMembers = new HashSet<>(Set.of("await", "isDone", "toString", "equals", "hashCode", "getClass",
                    "notify", "notifyAll", "wait", "clone", "finalize",
                    "$f")); // a local of $resume (the future of the fast path)
            TypeElement coroutine = env.getElementUtils().getTypeElement(Awaits.COROUTINE);
            if (coroutine != null) {
                for (Element m : env.getElementUtils().getAllMembers(coroutine)) {
                    if ((m.getKind() == ElementKind.METHOD || m.getKind() == ElementKind.FIELD)
                            && !m.getModifiers().contains(Modifier.PRIVATE)) {
                        coroutineMembers.add(m.getSimpleName().toString());
                    }
                }
            }
        }
        return coroutineMembers;
    }
}
