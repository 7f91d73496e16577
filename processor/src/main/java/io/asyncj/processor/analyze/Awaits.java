package io.asyncj.processor.analyze;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.asyncj.processor.javac.TypedBody;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Recognizes suspension points by what they resolve to, not by their name: {@code Asyncio.await(x)}
 * (however imported) and {@code x.await()} on any {@code io.asyncj.Awaitable}; and the
 * {@code completed(...)} calls that an {@code @Async} method returns its value with.
 */
public final class Awaits {
    public static final String ASYNCIO = "io.asyncj.Asyncio";
    public static final String AWAITABLE = "io.asyncj.Awaitable";
    public static final String COROUTINE = "io.asyncj.Coroutine";

    private final TypedBody typed;
    private final Map<Tree, Boolean> containsAwait = new IdentityHashMap<>();
    private final Map<Tree, Boolean> needsLowering = new IdentityHashMap<>();

    public Awaits(TypedBody typed) {
        this.typed = typed;
    }

    /** Whether {@code method} is {@code Asyncio.await(x)} or an {@code Awaitable.await()}. */
    public static boolean isAwaitMethod(Element method) {
        if (!(method instanceof ExecutableElement m) || !m.getSimpleName().contentEquals("await")) {
            return false;
        }
        Element owner = m.getEnclosingElement();
        if (!(owner instanceof TypeElement type)) {
            return false;
        }
        String name = type.getQualifiedName().toString();
        if (m.getModifiers().contains(Modifier.STATIC)) {
            return name.equals(ASYNCIO) && m.getParameters().size() == 1;
        }
        return m.getParameters().isEmpty() && (name.equals(AWAITABLE) || name.equals(COROUTINE)
                || name.equals("io.asyncj.Future") || name.equals("io.asyncj.Task"));
    }

    /** The expression {@code tree} awaits, if {@code tree} is a suspension point; else {@code null}. */
    public ExpressionTree awaited(Tree tree) {
        if (!(tree instanceof MethodInvocationTree call)) {
            return null;
        }
        Element method = typed.element(call);
        if (!isAwaitMethod(method)) {
            if (method == null && call.getMethodSelect() instanceof MemberSelectTree ms
                    && ms.getIdentifier().contentEquals("await") && call.getArguments().isEmpty()
                    && typed.isSubtypeOf(typed.type(ms.getExpression()), AWAITABLE)) {
                return ms.getExpression();
            }
            return null;
        }
        if (((ExecutableElement) method).getModifiers().contains(Modifier.STATIC)) {
            return call.getArguments().get(0);
        }
        if (call.getMethodSelect() instanceof MemberSelectTree ms) {
            return ms.getExpression();
        }
        return null; // unqualified await() inside a subclass of Future: not a suspension point we lower
    }

    /** Whether {@code tree} is a {@code completed(...)} call of {@code Asyncio}. */
    public boolean isCompleted(ExpressionTree tree) {
        if (!(tree instanceof MethodInvocationTree call)) {
            return false;
        }
        Element method = typed.element(call);
        return method != null && method.getKind() == ElementKind.METHOD
                && method.getSimpleName().contentEquals("completed")
                && method.getEnclosingElement() instanceof TypeElement t
                && t.getQualifiedName().contentEquals(ASYNCIO);
    }

    /** Whether {@code tree} has a suspension point outside nested lambdas and class bodies. */
    public boolean containsAwait(Tree tree) {
        if (tree == null) {
            return false;
        }
        return containsAwait.computeIfAbsent(tree, t -> {
            boolean[] found = {false};
            new TreeScanner<Void, Void>() {
                @Override
                public Void scan(Tree node, Void p) {
                    if (found[0] || node == null) {
                        return null;
                    }
                    if (awaited(node) != null) {
                        found[0] = true;
                        return null;
                    }
                    return super.scan(node, p);
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
            return found[0];
        });
    }

    /**
     * Whether a statement must be split into states: it awaits, or it returns a coroutine (which
     * the state machine awaits) rather than {@code completed(...)}.
     */
    public boolean needsLowering(Tree tree) {
        if (tree == null) {
            return false;
        }
        return needsLowering.computeIfAbsent(tree, t -> containsAwait(t) || coroutineReturn(t) != null);
    }

    /**
     * The first {@code return} in {@code tree} (outside lambdas and class bodies) that returns a
     * coroutine for the state machine to await, not {@code completed(...)}; or {@code null}.
     * ({@code return null;} counts: lowering it reports that it is no coroutine.)
     */
    public ReturnTree coroutineReturn(Tree tree) {
        ReturnTree[] found = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree node, Void p) {
                if (found[0] == null && node.getExpression() != null && !isCompleted(node.getExpression())) {
                    found[0] = node;
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                return null;
            }
        }.scan(tree, null);
        return found[0];
    }
}
