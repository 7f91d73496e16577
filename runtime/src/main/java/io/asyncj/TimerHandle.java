package io.asyncj;

/** A callback scheduled for a time on the loop's clock ({@link EventLoop#callLater}, {@link EventLoop#callAt}). */
public interface TimerHandle extends Handle {
    /** The time, on {@link EventLoop#time()}'s clock, at which the callback is due. */
    double when();
}
