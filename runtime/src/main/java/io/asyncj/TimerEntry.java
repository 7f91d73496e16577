package io.asyncj;

/**
 * A timer in the loop's heap, ordered by deadline, then by the order it was scheduled in (so two
 * timers due at the same time run in the order they were set; asyncio's heapq compares deadlines
 * only, so its order for equal deadlines follows the heap's shape: see the README's differences).
 */
final class TimerEntry extends CallbackHandle implements TimerHandle, Comparable<TimerEntry> {
    final double when;
    final long seq;
    /** Position in the heap while scheduled; -1 once popped. */
    int heapIndex = -1;

    TimerEntry(SelectorEventLoop loop, double when, long seq, Runnable callback) {
        super(loop, callback);
        this.when = when;
        this.seq = seq;
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
    public int compareTo(TimerEntry o) {
        int c = Double.compare(when, o.when);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public String toString() {
        return "<TimerHandle when=" + when + (cancelled ? " cancelled" : " " + callback) + ">";
    }
}
