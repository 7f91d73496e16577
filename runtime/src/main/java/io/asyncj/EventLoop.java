package io.asyncj;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * asyncio's event loop: one thread runs callbacks, timers, I/O readiness and the steps of tasks,
 * one at a time. Make one with {@link Asyncio#newEventLoop()}, or let {@link Asyncio#run} make,
 * run and close one.
 *
 * <p>Each iteration runs exactly the callbacks that were ready when it began (those that became
 * due, those scheduled earlier, and those I/O made ready); callbacks they schedule run in the next
 * iteration. Futures never run their callbacks inline: they schedule them here.
 *
 * <p><b>Thread-safety:</b> every method must be called from the thread running the loop (or, while
 * it is not running, from the thread that owns it), except {@link #callSoonThreadsafe}, the one
 * entry for other threads, and {@link #isRunning}/{@link #isClosed}. In debug mode
 * ({@link #setDebug}) a call from another thread throws.
 */
public interface EventLoop extends AutoCloseable {

    /** Schedules {@code callback} to run in the next iteration, after those already scheduled. */
    Handle callSoon(Runnable callback);

    /** {@link #callSoon} for any thread: queues the callback and wakes the loop up. */
    Handle callSoonThreadsafe(Runnable callback);

    /** Schedules {@code callback} after {@code delaySeconds} (0 or negative: as soon as possible). */
    TimerHandle callLater(double delaySeconds, Runnable callback);

    /** Schedules {@code callback} at {@code when} on this loop's clock ({@link #time()}). */
    TimerHandle callAt(double when, Runnable callback);

    /** The loop's monotonic clock, in seconds. */
    double time();

    /**
     * Runs the loop until {@code awaitable} is done, and returns its value or throws its exception.
     * A coroutine is wrapped in a task first.
     *
     * @throws IllegalStateException if the loop is closed or already running, or another loop is
     *     running on this thread, or the loop was stopped before the awaitable completed
     */
    <T> T runUntilComplete(Awaitable<T> awaitable);

    /** Runs the loop until {@link #stop()} is called. */
    void runForever();

    /**
     * Stops the loop: a running loop finishes the current iteration and returns; a loop that is not
     * running will run one iteration the next time it is started, then stop.
     */
    void stop();

    /**
     * Closes the loop: drops pending callbacks, shuts the default executor down and releases the
     * selector. Idempotent. The loop must not be running.
     */
    @Override
    void close();

    boolean isRunning();

    boolean isClosed();

    /** A new pending future bound to this loop. */
    <T> Future<T> createFuture();

    /** Wraps {@code coroutine} in a task and schedules its first step. */
    <T> Task<T> createTask(Coroutine<T> coroutine);

    /** {@link #createTask(Coroutine)} with a name. */
    <T> Task<T> createTask(Coroutine<T> coroutine, String name);

    /**
     * Runs {@code function} on {@code executorOrNull} (the loop's default thread pool when null) and
     * returns a future of this loop that completes with its outcome. Cancelling the future cancels
     * the work if it has not started.
     */
    <T> Future<T> runInExecutor(Executor executorOrNull, Callable<T> function);

    /**
     * asyncio's {@code set_default_executor}: the executor {@link #runInExecutor} (and
     * {@code toThread}) use when given none. The loop shuts it down in {@link #close()}, and
     * {@code Asyncio.run} waits for it at its end, as for the loop's own.
     */
    void setDefaultExecutor(java.util.concurrent.ExecutorService executor);

    /**
     * asyncio's {@code add_reader}: runs {@code callback} (as a loop callback) each time
     * {@code channel} is readable (or, for a server channel, has a connection to accept), until
     * {@link #removeReader}. The channel must be in non-blocking mode; a second call replaces the
     * callback. Loop-thread only.
     */
    void addReader(java.nio.channels.SelectableChannel channel, Runnable callback);

    /** asyncio's {@code remove_reader}: stops watching {@code channel} for reading; false if it was not watched. */
    boolean removeReader(java.nio.channels.SelectableChannel channel);

    /** asyncio's {@code add_writer}: as {@link #addReader}, each time {@code channel} is writable (or connected). */
    void addWriter(java.nio.channels.SelectableChannel channel, Runnable callback);

    /** asyncio's {@code remove_writer}: stops watching {@code channel} for writing; false if it was not watched. */
    boolean removeWriter(java.nio.channels.SelectableChannel channel);

    /**
     * asyncio's {@code shutdown_default_executor}: shuts the default executor down and, when
     * awaited, waits (without blocking the loop) until its work has finished. Afterwards
     * {@code runInExecutor(null, ...)} throws {@link IllegalStateException}
     * ("Executor shutdown has been called").
     */
    Coroutine<Void> shutdownDefaultExecutor();

    /** Debug mode: slow-callback warnings, foreign-thread checks, never-awaited coroutines. */
    void setDebug(boolean enabled);

    boolean getDebug();

    /** Callbacks slower than this many seconds are logged in debug mode (default 0.1). */
    void setSlowCallbackDuration(double seconds);

    /**
     * Sets the handler for errors that escape callbacks and tasks nobody awaited; {@code null}
     * restores the default, which logs through {@link System.Logger}. The loop keeps running.
     */
    void setExceptionHandler(BiConsumer<EventLoop, ExceptionContext> handlerOrNull);

    BiConsumer<EventLoop, ExceptionContext> getExceptionHandler();

    /** Reports {@code context} to the exception handler (asyncio's {@code call_exception_handler}). */
    void callExceptionHandler(ExceptionContext context);

    /** What the default handler does: log the context at ERROR through {@link System.Logger}. */
    void defaultExceptionHandler(ExceptionContext context);
}
