package io.asyncj;

import java.util.ArrayDeque;

/**
 * asyncio's {@code Semaphore}: a counter of permits; {@link #acquire()} takes one, waiting while
 * none is free, {@link #release()} gives one back. (Named {@code AsyncSemaphore} so that it does
 * not clash with {@code java.util.concurrent.Semaphore}.)
 *
 * <p>Fair, with CPython's fix for gh-90155 (as in 3.12+): a task that arrives while others are
 * queued queues behind them even if a permit is free; a permit handed to a waiter that is then
 * cancelled goes to the next waiter; a woken waiter wakes as many more as there are free permits.
 *
 * <pre>{@code
 * await(sem.acquire());
 * try {
 *     ... // at most N tasks here at once
 * } finally {
 *     sem.release();
 * }
 * }</pre>
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public class AsyncSemaphore {
    private ArrayDeque<Future<Boolean>> waiters;
    int value;
    private SelectorEventLoop loop;

    /** A semaphore with one permit. */
    public AsyncSemaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public AsyncSemaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /**
     * Whether {@link #acquire()} would wait: no permit is free, or a task that was not cancelled
     * is already queued.
     */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        if (waiters != null) {
            for (Future<Boolean> w : waiters) {
                if (!w.isCancelled()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The number of free permits (asyncio's {@code _value}). */
    public int value() {
        return value;
    }

    /**
     * Takes a permit, waiting in FIFO order while none is free or others are queued; returns
     * {@code true}. If the waiting task is cancelled, no permit is taken.
     */
    public Coroutine<Boolean> acquire() {
        return new Acquire(this);
    }

    /** Gives a permit back and wakes the first waiter, if any. */
    public void release() {
        value++;
        wakeUpNext();
    }

    /** Hands a permit to the first waiter that is not done; false if there is none. */
    private boolean wakeUpNext() {
        if (waiters == null) {
            return false;
        }
        for (Future<Boolean> f : waiters) {
            if (!f.isDone()) {
                value--;
                f.setResult(Boolean.TRUE);
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getClass().getSimpleName() + " [" + extra + "]>";
    }

    /** CPython 3.12's {@code Semaphore.acquire}. */
    private static final class Acquire extends Coroutine<Boolean> {
        private final AsyncSemaphore sem;
        private Future<Boolean> fut;

        Acquire(AsyncSemaphore sem) {
            this.sem = sem;
        }

        @Override
        protected void $resume() {
            AsyncSemaphore s = sem;
            switch ($state) {
                case 0:
                    if (!s.locked()) {
                        s.value--;
                        $complete(Boolean.TRUE);
                        return;
                    }
                    s.loop = LoopBinding.bind(s.loop, s);
                    if (s.waiters == null) {
                        s.waiters = new ArrayDeque<>();
                    }
                    fut = new Future<>(s.loop);
                    s.waiters.addLast(fut);
                    if ($await(fut, 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    Future<Boolean> f = fut;
                    fut = null;
                    try {
                        try {
                            $get();
                        } finally {
                            s.waiters.remove(f);
                        }
                    } catch (CancelledException e) {
                        if (f.isDone() && !f.isCancelled()) {
                            // We were handed a permit but will not take it: give it back.
                            s.value++;
                        }
                        throw e;
                    } finally {
                        // Tasks that arrived meanwhile queued behind us (FIFO): wake as many as
                        // there are free permits.
                        while (s.value > 0) {
                            if (!s.wakeUpNext()) {
                                break;
                            }
                        }
                    }
                    $complete(Boolean.TRUE);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
