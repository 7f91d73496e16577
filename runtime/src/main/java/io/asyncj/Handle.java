package io.asyncj;

/**
 * A callback scheduled with {@link EventLoop#callSoon}: cancelling it before it runs keeps it from
 * running. Loop-thread only, like the loop's other methods.
 */
public interface Handle {
    /** Keeps the callback from running, if it has not run yet. Idempotent. */
    void cancel();

    boolean isCancelled();
}
