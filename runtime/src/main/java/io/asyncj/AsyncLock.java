package io.asyncj;

import java.util.ArrayDeque;

/**
 * asyncio's {@code Lock}: a mutual-exclusion lock for tasks of one event loop. (Named
 * {@code AsyncLock} so that it does not clash with {@code java.util.concurrent.locks.Lock}.)
 *
 * <p>The lock is not owned: any code may {@link #release()} it. {@link #acquire()} returns at once
 * when the lock is free and nobody is queued; otherwise the task queues and is woken in FIFO order.
 * A task woken by {@code release()} takes the lock when it next runs; if it is cancelled before
 * that, the next waiter is woken instead, so a cancelled waiter never leaves the others asleep
 * (CPython 3.11's {@code _wake_up_first}).
 *
 * <p>Java has no {@code async with}; inside an {@code @Async} method write:
 *
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ... // critical section, may await
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <p><b>Thread-safety:</b> loop-thread only. The lock binds to the event loop it is first waited on
 * from; it can be created anywhere.
 */
public final class AsyncLock {
    private ArrayDeque<Future<Boolean>> waiters;
    private boolean locked;
    private SelectorEventLoop loop;

    /** A new, unlocked lock. */
    public AsyncLock() {}

    /** Whether the lock is held. */
    public boolean locked() {
        return locked;
    }

    /**
     * Acquires the lock, waiting (in FIFO order) while it is held; the coroutine returns
     * {@code true}. Nothing happens until the coroutine is awaited. If the waiting task is
     * cancelled, the lock is not acquired and {@link CancelledException} is thrown.
     */
    public Coroutine<Boolean> acquire() {
        return new Acquire(this);
    }

    /**
     * Releases the lock and wakes the first waiter, if any.
     *
     * @throws IllegalStateException if the lock is not held (asyncio's RuntimeError)
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    /**
     * Wakes the first waiter unless it is already woken. A woken waiter either takes the lock or,
     * if it was cancelled and the lock is still free, comes back here to wake the next one.
     */
    private void wakeUpFirst() {
        ArrayDeque<Future<Boolean>> w = waiters;
        if (w == null || w.isEmpty()) {
            return;
        }
        Future<Boolean> first = w.peekFirst();
        if (!first.isDone()) {
            first.setResult(Boolean.TRUE);
        }
    }

    private boolean onlyCancelledWaiters() {
        if (waiters != null) {
            for (Future<Boolean> w : waiters) {
                if (!w.isCancelled()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<AsyncLock [" + extra + "]>";
    }

    /** {@link #acquire()}: CPython's {@code Lock.acquire}. */
    private static final class Acquire extends Coroutine<Boolean> {
        private final AsyncLock lock;
        private Future<Boolean> fut;

        Acquire(AsyncLock lock) {
            this.lock = lock;
        }

        @Override
        protected void $resume() {
            AsyncLock l = lock;
            switch ($state) {
                case 0:
                    if (!l.locked && l.onlyCancelledWaiters()) {
                        l.locked = true;
                        $complete(Boolean.TRUE);
                        return;
                    }
                    l.loop = LoopBinding.bind(l.loop, l);
                    if (l.waiters == null) {
                        l.waiters = new ArrayDeque<>();
                    }
                    fut = new Future<>(l.loop);
                    l.waiters.addLast(fut);
                    if ($await(fut, 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    try {
                        try {
                            $get();
                        } finally {
                            l.waiters.remove(fut);
                            fut = null;
                        }
                    } catch (CancelledException e) {
                        // After the removal above, so that this waiter does not wake itself.
                        if (!l.locked) {
                            l.wakeUpFirst();
                        }
                        throw e;
                    }
                    l.locked = true;
                    $complete(Boolean.TRUE);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
