package io.asyncj;

import java.util.ArrayDeque;

/**
 * asyncio's {@code Event}: a flag that tasks can wait to become set. {@link #set()} wakes every
 * waiting task; tasks that wait while the flag is set return at once. (Named {@code AsyncEvent}
 * for symmetry with the other primitives.)
 *
 * <p>asyncio's {@code wait()} is {@link #waitAsync()} here: {@code Object.wait()} is final in Java.
 *
 * <p><b>Thread-safety:</b> loop-thread only. To set an event from another thread, use
 * {@code loop.callSoonThreadsafe(event::set)}.
 */
public final class AsyncEvent {
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    private boolean value;
    private SelectorEventLoop loop;

    /** A new event, not set. */
    public AsyncEvent() {}

    /** Whether the flag is set. */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every task waiting for it. */
    public void set() {
        if (!value) {
            value = true;
            for (Future<Boolean> f : waiters) {
                if (!f.isDone()) {
                    f.setResult(Boolean.TRUE);
                }
            }
        }
    }

    /** Clears the flag: later {@link #waitAsync()} calls wait for the next {@link #set()}. */
    public void clear() {
        value = false;
    }

    /**
     * asyncio's {@code Event.wait()}: returns {@code true} at once if the flag is set, otherwise
     * when {@link #set()} is next called (even if the flag was cleared again meanwhile).
     */
    public Coroutine<Boolean> waitAsync() {
        return new Wait(this);
    }

    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<AsyncEvent [" + extra + "]>";
    }

    private static final class Wait extends Coroutine<Boolean> {
        private final AsyncEvent event;
        private Future<Boolean> fut;

        Wait(AsyncEvent event) {
            this.event = event;
        }

        @Override
        protected void $resume() {
            AsyncEvent e = event;
            switch ($state) {
                case 0:
                    if (e.value) {
                        $complete(Boolean.TRUE);
                        return;
                    }
                    e.loop = LoopBinding.bind(e.loop, e);
                    fut = new Future<>(e.loop);
                    e.waiters.addLast(fut);
                    if ($await(fut, 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    try {
                        $get();
                    } finally {
                        e.waiters.remove(fut);
                        fut = null;
                    }
                    $complete(Boolean.TRUE);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
