package io.asyncj.processor.lower;

import com.sun.source.tree.Tree;

/** Something in an {@code @Async} body the lowering cannot handle: reported on {@link #tree()}. */
public final class LoweringException extends RuntimeException {
    private final transient Tree tree;
    private final String id;

    public LoweringException(Tree tree, String id, String message) {
        super(message, null, false, false);
        this.tree = tree;
        this.id = id;
    }

    public Tree tree() {
        return tree;
    }

    public String id() {
        return id;
    }
}
