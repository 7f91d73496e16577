package io.asyncj.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.asyncj.processor.analyze.Awaits;
import io.asyncj.processor.javac.TypedBody;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** Suspension points in an {@code @Async} body that cannot be lowered, found before lowering. */
public final class BodyChecks {
    /** A problem: the tree to report on and the message with its id. */
    public record Problem(Tree tree, String message) {}

    private BodyChecks() {}

    public static List<Problem> check(TypedBody typed) {
        List<Problem> problems = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            int lambdas;
            int classes;
            int synchronizeds;

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                if (Awaits.isAwaitMethod(typed.element(node))) {
                    if (classes > 0) {
                        problems.add(new Problem(node, "[AsyncAwaitInClass] await inside a local or anonymous class"
                                + " body cannot suspend the @Async method: make that method @Async itself, or await"
                                + " outside the class body"));
                    } else if (lambdas > 0) {
                        problems.add(new Problem(node, "[AsyncAwaitInLambda] await inside a lambda cannot suspend"
                                + " the @Async method: make the lambda's work an @Async method and await it, or"
                                + " await before creating the lambda"));
                    } else if (synchronizeds > 0) {
                        problems.add(new Problem(node, "[AsyncAwaitInSynchronized] await inside synchronized would"
                                + " suspend while holding the monitor: use an io.asyncj Lock, or move the await out"
                                + " of the synchronized block"));
                    }
                }
                return super.visitMethodInvocation(node, p);
            }

            @Override
            public Void visitMethod(MethodTree node, Void p) {
                if (classes > 0 && annotatedAsync(node)) {
                    // its awaits are its own, not this method's: one error on it says why it cannot be rewritten
                    problems.add(new Problem(node, AnalyzedChecks.LOCAL_CLASS_METHOD));
                    return null;
                }
                return super.visitMethod(node, p);
            }

            private boolean annotatedAsync(MethodTree node) {
                for (AnnotationTree a : node.getModifiers().getAnnotations()) {
                    if (typed.element(a.getAnnotationType()) instanceof TypeElement t
                            && t.getQualifiedName().contentEquals("io.asyncj.Async")) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree node, Void p) {
                if (Awaits.isAwaitMethod(typed.element(node))) {
                    problems.add(new Problem(node, AnalyzedChecks.AWAIT_REFERENCE));
                }
                return super.visitMemberReference(node, p);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
                lambdas++;
                try {
                    return super.visitLambdaExpression(node, p);
                } finally {
                    lambdas--;
                }
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                classes++;
                try {
                    return super.visitClass(node, p);
                } finally {
                    classes--;
                }
            }

            @Override
            public Void visitSynchronized(SynchronizedTree node, Void p) {
                synchronizeds++;
                try {
                    return super.visitSynchronized(node, p);
                } finally {
                    synchronizeds--;
                }
            }
        }.scan(typed.body(), null);
        return problems;
    }
}
