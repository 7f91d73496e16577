package io.asyncj.processor.find;

import io.asyncj.processor.javac.JavacBridge;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Async} methods found in all rounds, in the order found. Their trees survive javac's
 * clean-and-enter between rounds; their symbols do not, so the rewrite reads symbols afresh.
 */
public final class Targets {
    private final List<JavacBridge.MethodTarget> targets = new ArrayList<>();

    public void add(JavacBridge.MethodTarget target) {
        for (JavacBridge.MethodTarget t : targets) {
            if (t.method() == target.method()) {
                return;
            }
        }
        targets.add(target);
    }

    /** Removes and returns the targets recorded so far. */
    public List<JavacBridge.MethodTarget> drain() {
        List<JavacBridge.MethodTarget> out = new ArrayList<>(targets);
        targets.clear();
        return out;
    }
}
