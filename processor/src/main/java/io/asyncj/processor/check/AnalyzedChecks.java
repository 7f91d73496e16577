package io.asyncj.processor.check;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.asyncj.processor.analyze.Awaits;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks that need javac's own attribution of the whole class, run once javac has analyzed it:
 * {@code await} outside an {@code @Async} method (found by what the call resolves to, whatever it
 * is named or imported as), and coroutines dropped without being awaited or scheduled.
 */
public final class AnalyzedChecks {
    /** A function that awaits, called later by whoever it is passed to: never inside the @Async body. */
    public static final String AWAIT_REFERENCE = "[AsyncAwaitInLambda] a method reference to await cannot suspend"
            + " an @Async method (it runs later, as a plain function): await each value in the @Async method"
            + " itself, in a loop, or combine the awaitables with gather(...) and await that";

    /**
     * Annotation processing never sees the methods of local and anonymous classes; asyncj finds
     * those declared in methods, constructors and field values in the trees, but not those in an
     * {@code @Async} body or in an initializer block; without this error their awaits would fail
     * at run time.
     */
    public static final String LOCAL_CLASS_METHOD = "[AsyncInLocalClass] asyncj cannot rewrite an @Async method"
            + " of a local or anonymous class declared in an @Async method or in an initializer block: declare the"
            + " class in a plain method or a field's value, or as a member class";

    private final Trees trees;
    private final Types types;
    private final Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<>());

    private final java.util.function.Predicate<Tree> rewrittenLocal;

    /** {@code rewrittenLocal} tells the methods of local and anonymous classes asyncj did rewrite. */
    public AnalyzedChecks(Trees trees, Types types, java.util.function.Predicate<Tree> rewrittenLocal) {
        this.trees = trees;
        this.types = types;
        this.rewrittenLocal = rewrittenLocal;
    }

    public void check(CompilationUnitTree unit, TypeElement type) {
        Tree classTree = type == null ? null : trees.getTree(type);
        if (classTree == null) {
            return;
        }
        TreePath path = trees.getPath(type);
        if (path == null) {
            return;
        }
        new TreePathScanner<Void, Void>() {
            int asyncDepth;
            int initializerDepth;
            boolean inAsyncBody;

            @Override
            public Void visitMethod(MethodTree node, Void p) {
                Element e = trees.getElement(getCurrentPath());
                boolean async = e != null && isAsync(e);
                // inside an @Async body, BodyChecks reported it already (and left that body as written)
                if (async && !inAsyncBody && inLocalClass(e) && !rewrittenLocal.test(node) && reported.add(node)) {
                    trees.printMessage(Diagnostic.Kind.ERROR, LOCAL_CLASS_METHOD, node, unit);
                }
                int savedInit = initializerDepth;
                initializerDepth = 0;
                if (async) {
                    asyncDepth++;
                }
                try {
                    return super.visitMethod(node, p);
                } finally {
                    if (async) {
                        asyncDepth--;
                    }
                    initializerDepth = savedInit;
                }
            }

            @Override
            public Void visitVariable(VariableTree node, Void p) {
                boolean field = getCurrentPath().getParentPath().getLeaf() instanceof ClassTree;
                if (field) {
                    initializerDepth++;
                }
                try {
                    return super.visitVariable(node, p);
                } finally {
                    if (field) {
                        initializerDepth--;
                    }
                }
            }

            @Override
            public Void visitBlock(BlockTree node, Void p) {
                boolean init = getCurrentPath().getParentPath().getLeaf() instanceof ClassTree;
                if (init) {
                    initializerDepth++;
                }
                try {
                    return super.visitBlock(node, p);
                } finally {
                    if (init) {
                        initializerDepth--;
                    }
                }
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                // A class body nested in an @Async method is not the @Async method.
                int saved = asyncDepth;
                int savedInit = initializerDepth;
                boolean savedInAsyncBody = inAsyncBody;
                inAsyncBody |= asyncDepth > 0;
                asyncDepth = 0;
                initializerDepth = 0;
                try {
                    return super.visitClass(node, p);
                } finally {
                    asyncDepth = saved;
                    initializerDepth = savedInit;
                    inAsyncBody = savedInAsyncBody;
                }
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                Element e = trees.getElement(getCurrentPath());
                if (e != null && Awaits.isAwaitMethod(e) && asyncDepth == 0 && reported.add(node)) {
                    String msg = initializerDepth > 0
                            ? "[AsyncAwaitInInitializer] await in an initializer cannot suspend anything: move this"
                                    + " code into an @Async method"
                            : "[AsyncAwaitOutsideAsync] await can only be used inside an @Async method: annotate"
                                    + " the enclosing method with @Async (returning Coroutine<T>), or call"
                                    + " Asyncio.run(...) from synchronous code";
                    trees.printMessage(Diagnostic.Kind.ERROR, msg, node, unit);
                }
                return super.visitMethodInvocation(node, p);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree node, Void p) {
                // inside an @Async body BodyChecks reported it already (and left that body as written)
                Element e = trees.getElement(getCurrentPath());
                if (e != null && Awaits.isAwaitMethod(e) && asyncDepth == 0 && reported.add(node)) {
                    trees.printMessage(Diagnostic.Kind.ERROR, AWAIT_REFERENCE, node, unit);
                }
                return super.visitMemberReference(node, p);
            }

            @Override
            public Void visitExpressionStatement(ExpressionStatementTree node, Void p) {
                if (node.getExpression() instanceof MethodInvocationTree call) {
                    TreePath callPath = new TreePath(getCurrentPath(), call);
                    Element e = trees.getElement(callPath);
                    if (e instanceof ExecutableElement m && isCoroutine(m.getReturnType()) && reported.add(node)) {
                        trees.printMessage(Diagnostic.Kind.WARNING, "[AsyncDroppedCoroutine] the coroutine returned"
                                + " by " + m.getSimpleName() + "(...) is dropped, so its body never runs: await it,"
                                + " or schedule it with createTask(...)", node, unit);
                    }
                }
                return super.visitExpressionStatement(node, p);
            }
        }.scan(path, null);
    }

    private boolean isCoroutine(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeMirror erased = types.erasure(t);
        for (TypeMirror s = erased; s != null && s.getKind() == TypeKind.DECLARED; ) {
            TypeElement te = (TypeElement) ((DeclaredType) s).asElement();
            if (te.getQualifiedName().contentEquals(Awaits.COROUTINE)) {
                return true;
            }
            s = te.getSuperclass();
        }
        return false;
    }

    /** Whether {@code e} is declared in a local or anonymous class, or in a class nested in one. */
    private static boolean inLocalClass(Element e) {
        for (Element x = e.getEnclosingElement(); x != null; x = x.getEnclosingElement()) {
            if (x instanceof TypeElement t && t.getNestingKind() != NestingKind.TOP_LEVEL
                    && t.getNestingKind() != NestingKind.MEMBER) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} carries {@code @io.asyncj.Async}. */
    public static boolean isAsync(Element e) {
        if (e == null) {
            return false;
        }
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals("io.asyncj.Async")) {
                return true;
            }
        }
        return false;
    }
}
