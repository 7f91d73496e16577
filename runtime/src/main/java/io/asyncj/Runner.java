package io.asyncj;

/**
 * asyncio's {@code Runner} (3.11): runs several top-level coroutines on one event loop, which it
 * creates on first use and closes in {@link #close()}. Tasks a coroutine leaves pending stay on the
 * loop and go on running during the next {@link #run}; {@code close()} cancels what is still
 * pending, as {@link Asyncio#run} does at its end, shuts the default executor down and closes the
 * loop. Use it with try-with-resources, as asyncio's with {@code with}:
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(first());
 *     runner.run(second());   // same loop
 * }
 * }</pre>
 */
public final class Runner implements AutoCloseable {
    private enum State { CREATED, INITIALIZED, CLOSED }

    private final Boolean debug;
    private SelectorEventLoop loop;
    private State state = State.CREATED;

    /** A runner whose loop has the default debug setting. */
    public Runner() {
        this.debug = null;
    }

    /** A runner whose loop runs with asyncio's {@code debug} flag set to {@code debug}. */
    public Runner(boolean debug) {
        this.debug = debug;
    }

    /**
     * Runs {@code coroutine} as a task on the runner's loop until it completes and returns its
     * value (or throws its exception, unwrapped).
     *
     * @throws IllegalStateException if called from a running event loop, or after {@link #close()}
     */
    public <T> T run(Coroutine<T> coroutine) {
        if (coroutine == null) {
            throw new NullPointerException("a coroutine was expected, got null");
        }
        if (SelectorEventLoop.running() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        lazyInit();
        return loop.runUntilComplete(coroutine); // as a new task, as asyncio's Runner.run
    }

    /** The runner's loop (created now if it is not yet). @throws IllegalStateException after {@link #close()} */
    public EventLoop getLoop() {
        lazyInit();
        return loop;
    }

    /**
     * Cancels the tasks still pending on the loop and waits for them, shuts the default executor
     * down and closes the loop. Does nothing if the loop was never created or is closed already.
     */
    @Override
    public void close() {
        if (state != State.INITIALIZED) {
            return;
        }
        try {
            cancelAllTasks(loop);
            loop.shutdownDefaultExecutorNow();
        } finally {
            loop.close();
            loop = null;
            state = State.CLOSED;
        }
    }

    private void lazyInit() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("Runner is closed");
        }
        if (state == State.INITIALIZED) {
            return;
        }
        loop = new SelectorEventLoop();
        if (debug != null) {
            loop.setDebug(debug);
        }
        state = State.INITIALIZED;
    }

    /** asyncio's {@code _cancel_all_tasks}: cancels the pending tasks and waits for them. */
    private static void cancelAllTasks(SelectorEventLoop loop) {
        java.util.Set<Task<?>> toCancel = loop.pendingTasks();
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        loop.runUntilComplete(Gather.gather(new java.util.ArrayList<>(toCancel), true));
        for (Task<?> t : toCancel) {
            if (t.isCancelled()) {
                continue;
            }
            Throwable e = t.exception();
            if (e != null) {
                loop.callExceptionHandler(new ExceptionContext(
                        "unhandled exception during asyncio.run() shutdown", e, t, null));
            }
        }
    }

    @Override
    public String toString() {
        return "<Runner " + state.name().toLowerCase() + ">";
    }
}
