package io.asyncj;

/**
 * A timer in the loop's heap: asyncio's {@code TimerHandle}, ordered by its deadline alone (see
 * {@link TimerHeap} for what that means for timers due at the same time).
 */
final class TimerEntry extends CallbackHandle implements TimerHandle {
    final double when;
    /** Position in the heap while scheduled; -1 once popped. */
    int heapIndex = -1;

    TimerEntry(SelectorEventLoop loop, double when, Runnable callback) {
        super(loop, callback);
        this.when = when;
    }

    @Override
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            super.cancel();
            if (heapIndex >= 0) {
                loop.timerCancelled();
            }
        }
    }

    @Override
    public String toString() {
        // CPython's TimerHandle._repr_info: "cancelled" before "when=", the callback only if live.
        return "<TimerHandle" + (cancelled ? " cancelled" : "") + " when=" + PyRepr.pyFloat(when)
                + (cancelled ? "" : " " + callback) + ">";
    }
}
