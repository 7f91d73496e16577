package io.asyncj;

/**
 * asyncio's {@code Barrier} (3.11): a fixed number of tasks ({@link #parties()}) wait for each other.
 * Each calls {@link #waitAsync()}; when the last one arrives, all of them are released together
 * and each returns a distinct index from 0 to {@code parties - 1}. The barrier then refills for
 * the next round.
 *
 * <p>States, as in CPython: FILLING (tasks arriving), DRAINING (released tasks leaving; new
 * arrivals wait until the last has left), RESETTING ({@link #reset()} while tasks wait: they fail
 * with {@link AsyncBrokenBarrierException}, then the barrier refills), BROKEN ({@link #abort()}:
 * every waiting and later task fails with {@link AsyncBrokenBarrierException}, until
 * {@link #reset()}).
 *
 * <p>Built on an {@link AsyncCondition}, as CPython's is, so wakeup order matches asyncio's.
 * asyncio's {@code wait()} is {@link #waitAsync()} here: {@code Object.wait()} is final in Java.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public final class AsyncBarrier {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final AsyncCondition cond = new AsyncCondition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    /**
     * A barrier for {@code parties} tasks.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public AsyncBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks are waiting, then returns this task's index (0 to
     * {@code parties - 1}, in arrival order).
     *
     * @throws AsyncBrokenBarrierException (from the coroutine) if the barrier is broken, or is
     *     aborted or reset while this task waits
     */
    public Coroutine<Integer> waitAsync() {
        return new Wait(this);
    }

    /**
     * Returns the barrier to its empty, filling state; tasks waiting in it fail with
     * {@link AsyncBrokenBarrierException}. Also mends a broken barrier.
     */
    public Coroutine<Void> reset() {
        return new Locked(this, () -> {
            if (count > 0) {
                state = State.RESETTING; // the last task to leave sets FILLING
            } else {
                state = State.FILLING;
            }
            cond.signalAll();
        });
    }

    /**
     * Breaks the barrier: tasks waiting in it, and every later {@link #waitAsync()}, fail with
     * {@link AsyncBrokenBarrierException} until {@link #reset()}.
     */
    public Coroutine<Void> abort() {
        return new Locked(this, () -> {
            state = State.BROKEN;
            cond.signalAll();
        });
    }

    /** The number of tasks it takes to trip the barrier. */
    public int parties() {
        return parties;
    }

    /** The number of tasks waiting for the barrier to fill (0 unless it is filling). */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Whether the barrier is broken ({@link #abort()}). */
    public boolean broken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        String extra = state.name().toLowerCase();
        if (!broken()) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<AsyncBarrier [" + extra + "]>";
    }

    /** A task left the barrier: the last one out lets the next round in. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /** CPython's {@code Barrier.wait}, with {@code _block}, {@code _release} and {@code _wait} inlined. */
    private static final class Wait extends Coroutine<Integer> {
        private final AsyncBarrier b;
        private int index;

        Wait(AsyncBarrier barrier) {
            this.b = barrier;
        }

        @Override
        protected void $resume() {
            AsyncCondition cond = b.cond;
            switch ($state) {
                case 0:
                    if ($await(cond.acquire(), 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    $get();
                    // Block while the barrier drains or resets.
                    if ($await(cond.waitFor(() -> b.state != State.DRAINING && b.state != State.RESETTING), 2)) {
                        return;
                    }
                    // fall through
                case 2:
                    try {
                        $get();
                        if (b.state == State.BROKEN) {
                            throw new AsyncBrokenBarrierException("Barrier aborted");
                        }
                    } catch (Throwable t) {
                        cond.release();
                        throw t;
                    }
                    index = b.count++;
                    if (index + 1 == b.parties) {
                        // The last to arrive releases the others.
                        b.state = State.DRAINING;
                        cond.signalAll();
                        leave();
                        $complete(index);
                        return;
                    }
                    if ($await(cond.waitFor(() -> b.state != State.FILLING), 3)) {
                        return;
                    }
                    // fall through
                case 3:
                    try {
                        $get();
                        if (b.state == State.BROKEN || b.state == State.RESETTING) {
                            throw new AsyncBrokenBarrierException("Abort or reset of barrier");
                        }
                    } catch (Throwable t) {
                        leave();
                        throw t;
                    }
                    leave();
                    $complete(index);
                    return;
                default:
                    throw $badState();
            }
        }

        private void leave() {
            b.count--;
            b.exit();
            b.cond.release();
        }
    }

    /** {@code async with self._cond: action()}. */
    private static final class Locked extends Coroutine<Void> {
        private final AsyncBarrier b;
        private final Runnable action;

        Locked(AsyncBarrier barrier, Runnable action) {
            this.b = barrier;
            this.action = action;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                    if ($await(b.cond.acquire(), 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    $get();
                    try {
                        action.run();
                    } finally {
                        b.cond.release();
                    }
                    $complete(null);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
