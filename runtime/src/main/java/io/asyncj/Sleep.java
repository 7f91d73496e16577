package io.asyncj;

/**
 * {@link Asyncio#sleep} for a positive delay: parks on a future that a timer completes, and cancels
 * the timer however it ends. (A delay of zero or less is {@link Yield}.)
 */
final class Sleep<T> extends Coroutine<T> implements Runnable {
    private final double delay;
    private T value;
    private Future<T> future;
    private TimerHandle timer;

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
                future = new Future<>(loop);
                timer = loop.callLater(delay, this);
                if ($await(future, 2)) {
                    return;
                }
            case 2:
                try {
                    $complete(this.<T>$get());
                } finally {
                    timer.cancel();
                    timer = null;
                    future = null;
                }
                return;
            default:
                throw $badState();
        }
    }

    /** The timer fired. */
    @Override
    public void run() {
        Future<T> f = future;
        if (f != null && !f.isDone()) {
            T v = value;
            value = null;
            f.setResult(v);
        }
    }

    @Override
    public String toString() {
        return "<coroutine sleep(" + delay + ")>";
    }
}
