package io.asyncj;

/**
 * {@link Asyncio#sleep} for a positive delay: parks on a future that a timer completes, and cancels
 * the timer however it ends. (A delay of zero or less is {@link Yield}.)
 */
final class Sleep<T> extends Coroutine<T> {
    private final double delay;
    private T value;
    private Alarm<T> alarm;

    private Sleep(double delay, T value) {
        this.delay = delay;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> of(double delay, T value) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        if (delay <= 0) {
            return value == null ? (Coroutine<T>) Yield.SLEEP_ZERO : new Yield<>(value);
        }
        return new Sleep<>(delay, value);
    }

    @Override
    protected void $resume() {
        switch ($state) {
            case 0:
                SelectorEventLoop loop = Asyncio.runningLoop();
                Alarm<T> a = new Alarm<>(loop, value);
                value = null;
                alarm = a;
                a.timer = loop.callLater(delay, a);
                if ($await(a, 2)) {
                    return;
                }
            case 2:
                try {
                    $complete(this.<T>$get());
                } finally {
                    Alarm<T> done = alarm;
                    alarm = null;
                    TimerHandle t = done.timer;
                    if (t != null) { // still scheduled: the sleep ended some other way (a cancellation)
                        t.cancel();
                    }
                }
                return;
            default:
                throw $badState();
        }
    }

    @Override
    public String toString() {
        return "<coroutine sleep(" + delay + ")>";
    }

    /**
     * The future a sleep parks on, and the timer's callback: one object where asyncio has a future
     * and a {@code functools.partial} (a timer that fires touches only its handle and this).
     */
    static final class Alarm<T> extends Future<T> implements Runnable {
        private T value;
        /** The timer, until it fires. */
        TimerHandle timer;

        Alarm(SelectorEventLoop loop, T value) {
            super(loop);
            this.value = value;
        }

        /** The timer fired: asyncio's {@code _set_result_unless_cancelled}. */
        @Override
        public void run() {
            timer = null;
            if (!isDone()) {
                T v = value;
                value = null;
                setResult(v);
            }
        }
    }
}
