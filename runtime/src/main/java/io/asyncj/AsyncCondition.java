package io.asyncj;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * asyncio's {@code Condition}: tasks wait, holding its lock, until another task signals them.
 * (Named {@code AsyncCondition} so that it does not clash with
 * {@code java.util.concurrent.locks.Condition}.)
 *
 * <p>Names that differ from asyncio's, because {@code Object.wait()}, {@code notify()} and
 * {@code notifyAll()} are final in Java:
 *
 * <table>
 *   <caption>asyncio to asyncj</caption>
 *   <tr><th>asyncio</th><th>asyncj</th></tr>
 *   <tr><td>{@code wait()}</td><td>{@link #waitAsync()}</td></tr>
 *   <tr><td>{@code wait_for(predicate)}</td><td>{@link #waitFor(BooleanSupplier)}</td></tr>
 *   <tr><td>{@code notify(n=1)}</td><td>{@link #signal()}, {@link #signal(int)}</td></tr>
 *   <tr><td>{@code notify_all()}</td><td>{@link #signalAll()}</td></tr>
 * </table>
 *
 * <pre>{@code
 * await(cond.acquire());
 * try {
 *     await(cond.waitFor(() -> !items.isEmpty()));
 *     take(items);
 * } finally {
 *     cond.release();
 * }
 * }</pre>
 *
 * <p>{@link #waitAsync()} follows CPython 3.13: it re-acquires the lock however it ends (also when
 * cancelled), and a waiter that was signalled but ends with an exception passes the signal on to
 * another waiter, so no signal is lost.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public final class AsyncCondition {
    private final AsyncLock lock;
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    private SelectorEventLoop loop;

    /** A condition with its own new {@link AsyncLock}. */
    public AsyncCondition() {
        this(new AsyncLock());
    }

    /** A condition over {@code lock}, which other conditions may share. */
    public AsyncCondition(AsyncLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** {@link AsyncLock#acquire()} of the underlying lock. */
    public Coroutine<Boolean> acquire() {
        return lock.acquire();
    }

    /** {@link AsyncLock#release()} of the underlying lock. */
    public void release() {
        lock.release();
    }

    /** {@link AsyncLock#locked()} of the underlying lock. */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * asyncio's {@code Condition.wait()}: releases the lock, waits until signalled, re-acquires the
     * lock and returns {@code true}. The lock is re-acquired before the coroutine ends, also when
     * it ends with {@link CancelledException}.
     *
     * @throws IllegalStateException (from the coroutine) if the lock is not held
     */
    public Coroutine<Boolean> waitAsync() {
        return new Wait(this);
    }

    /**
     * asyncio's {@code Condition.wait_for()}: waits (as {@link #waitAsync()}) until
     * {@code predicate} is true, checking it first and after every wakeup, with the lock held.
     */
    public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new WaitFor(this, predicate);
    }

    /** asyncio's {@code notify()}: wakes one waiting task. The lock must be held. */
    public void signal() {
        signal(1);
    }

    /**
     * asyncio's {@code notify(n)}: wakes up to {@code n} waiting tasks. A woken task returns from
     * its wait only once it has re-acquired the lock, which the caller still holds.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /** asyncio's {@code notify_all()}: wakes every waiting task. The lock must be held. */
    public void signalAll() {
        signal(waiters.size());
    }

    private void wake(int n) {
        int woken = 0;
        for (Future<Boolean> f : waiters) {
            if (woken >= n) {
                break;
            }
            if (!f.isDone()) {
                woken++;
                f.setResult(Boolean.FALSE);
            }
        }
    }

    @Override
    public String toString() {
        String extra = lock.locked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<AsyncCondition [" + extra + "]>";
    }

    /** CPython 3.13's {@code Condition.wait}. */
    private static final class Wait extends Coroutine<Boolean> {
        private final AsyncCondition cond;
        private Future<Boolean> fut;
        /** What the wait ends with unless the lock is re-acquired cleanly: the latest exception. */
        private Throwable error;

        Wait(AsyncCondition cond) {
            this.cond = cond;
        }

        @Override
        protected void $resume() {
            AsyncCondition c = cond;
            for (;;) {
                switch ($state) {
                    case 0:
                        if (!c.lock.locked()) {
                            throw new IllegalStateException("cannot wait on un-acquired lock");
                        }
                        c.loop = LoopBinding.bind(c.loop, c);
                        c.lock.release();
                        fut = new Future<>(c.loop);
                        c.waiters.addLast(fut);
                        if ($await(fut, 1)) {
                            return;
                        }
                        continue;
                    case 1:
                        try {
                            $get();
                        } catch (Throwable t) {
                            error = t;
                        } finally {
                            c.waiters.remove(fut);
                            fut = null;
                        }
                        $state = 2;
                        continue;
                    case 2:
                        // The lock must be re-acquired, even if the wait was cancelled.
                        if ($await(c.lock.acquire(), 3)) {
                            return;
                        }
                        continue;
                    case 3:
                        try {
                            $get();
                        } catch (CancelledException e) {
                            error = e; // keep trying; the most recent cancellation is rethrown
                            $state = 2;
                            continue;
                        } catch (Throwable t) {
                            error = t;
                        }
                        Throwable e = error;
                        if (e != null) {
                            error = null;
                            // We may have been signalled before the exception: pass the signal on.
                            c.wake(1);
                            throw sneakyThrow(e);
                        }
                        $complete(Boolean.TRUE);
                        return;
                    default:
                        throw $badState();
                }
            }
        }
    }

    private static final class WaitFor extends Coroutine<Boolean> {
        private final AsyncCondition cond;
        private final BooleanSupplier predicate;

        WaitFor(AsyncCondition cond, BooleanSupplier predicate) {
            this.cond = cond;
            this.predicate = predicate;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                case 1:
                    if ($state == 1) {
                        $get();
                    }
                    while (!predicate.getAsBoolean()) {
                        if ($await(cond.waitAsync(), 1)) {
                            return;
                        }
                        $get();
                    }
                    $complete(Boolean.TRUE);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
