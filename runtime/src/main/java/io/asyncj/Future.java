package io.asyncj;

import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * asyncio's Future: a result that will exist later, bound to one event loop.
 *
 * <p>States: PENDING, then exactly one of CANCELLED or FINISHED (with a value or with an
 * exception). Done callbacks never run inside {@link #setResult}, {@link #setException} or
 * {@link #cancel}: completing schedules them on the loop, in the order they were added, each with
 * its own handle. A callback added to a future that is already done is scheduled at once.
 *
 * <p><b>Thread-safety:</b> loop-thread only, like asyncio's, except {@link #from} and
 * {@link #toCompletableFuture}, which bridge to and from other threads safely.
 *
 * @param <T> the type of the value
 */
public non-sealed class Future<T> implements Awaitable<T> {

    static final int PENDING = 0;
    static final int CANCELLED = 1;
    static final int FINISHED = 2;
    private static final int STATE_MASK = 3;
    /** FINISHED with an exception: {@link #result} holds the Throwable. */
    private static final int FAILED = 4;
    /** Failed and nobody has looked at the exception yet. */
    private static final int LOG_TRACEBACK = 8;
    /** A transient mark for algorithms over many futures (gather's de-duplication); clear it after use. */
    static final int MARK = 16;
    /** First bit free for subclasses ({@link Task}: three flags, then its cancel count from bit 8). */
    static final int SUBCLASS_BITS = 32;

    final SelectorEventLoop loop;
    /** State and flags; {@link Task} keeps its own flags in the bits from {@link #SUBCLASS_BITS}. */
    int flags;
    /**
     * The value, the exception, or for a cancelled future its message (String) or the
     * {@link CancelledException} to raise. Tasks keep their cancel message here while pending.
     */
    Object result;
    /** null, one callback, or an ArrayList of them; after completion, the unretrieved-exception watch. */
    private Object callbacks;

    /** A future of the running loop (asyncio's {@code Future()}). */
    public Future() {
        this(Asyncio.runningLoop());
    }

    /** A future of {@code loop}, which must be an asyncj loop (see {@link EventLoop#createFuture}). */
    public Future(EventLoop loop) {
        this((SelectorEventLoop) loop);
    }

    Future(SelectorEventLoop loop) {
        if (loop == null) {
            throw new NullPointerException("loop");
        }
        this.loop = loop;
    }

    // ---- state ----

    public boolean isDone() {
        return (flags & STATE_MASK) != PENDING;
    }

    public boolean isCancelled() {
        return (flags & STATE_MASK) == CANCELLED;
    }

    final int state() {
        return flags & STATE_MASK;
    }

    /**
     * The value. Throws the future's exception (unwrapped, even when checked) if it failed, a
     * {@link CancelledException} if it was cancelled, and {@link InvalidStateException} if it is
     * not done yet.
     */
    @SuppressWarnings("unchecked")
    public T result() {
        int s = flags & STATE_MASK;
        if (s == CANCELLED) {
            throw makeCancelledError();
        }
        if (s == PENDING) {
            throw new InvalidStateException("Result is not set.");
        }
        if ((flags & FAILED) != 0) {
            markRetrieved();
            throw Coroutine.sneakyThrow((Throwable) result);
        }
        return (T) result;
    }

    /**
     * The exception the future failed with, or null if it has a value. Throws
     * {@link CancelledException} if it was cancelled and {@link InvalidStateException} if it is not
     * done yet.
     */
    public Throwable exception() {
        int s = flags & STATE_MASK;
        if (s == CANCELLED) {
            throw makeCancelledError();
        }
        if (s == PENDING) {
            throw new InvalidStateException("Exception is not set.");
        }
        if ((flags & FAILED) != 0) {
            markRetrieved();
            return (Throwable) result;
        }
        return null;
    }

    /** Whether awaiting this done future throws a {@link CancelledException}. */
    final boolean endsWithCancellation() {
        int s = flags & STATE_MASK;
        return s == CANCELLED || (s == FINISHED && (flags & FAILED) != 0 && result instanceof CancelledException);
    }

    /** What an await of this future produces; the same as {@link #result()}. */
    final Object awaitedResult() {
        return result();
    }

    /**
     * CPython's {@code _make_cancelled_error()} on a future that may not be cancelled (what a
     * cancelled {@code gather} ends with when its last child finished otherwise): a plain future
     * has no message then; a task has the one its last {@code cancel(msg)} kept for a step.
     */
    final CancelledException makeCancelledErrorAnyState() {
        return isCancelled() ? makeCancelledError() : new CancelledException(keptCancelMessage());
    }

    /** See {@link Task}: a plain future keeps no cancel message once it is done otherwise. */
    String keptCancelMessage() {
        return null;
    }

    final CancelledException makeCancelledError() {
        Object r = result;
        if (r instanceof CancelledException ce) {
            // The exception that ended a task's coroutine is handed out once, as CPython's
            // create_cancelled_error transfers it: the first await/result()/exception() sees it
            // (with its message); later ones get a fresh CancelledError without a message, since
            // Task.__step cancels the future itself with none.
            result = null;
            return ce;
        }
        return r == null ? new CancelledException() : new CancelledException((String) r);
    }

    // ---- completion ----

    /** Cancels the future (no message). */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future, if it is pending, and schedules its callbacks.
     *
     * @return false if the future was already done
     */
    public boolean cancel(String msg) {
        return cancelFuture(msg);
    }

    /** Future's own cancel, which {@link Task} overrides and calls when its coroutine ends cancelled. */
    final boolean cancelFuture(Object msgOrException) {
        flags &= ~LOG_TRACEBACK;
        if ((flags & STATE_MASK) != PENDING) {
            return false;
        }
        flags = (flags & ~STATE_MASK) | CANCELLED;
        result = msgOrException;
        scheduleCallbacks();
        return true;
    }

    /** Sets the value and schedules the callbacks. @throws InvalidStateException if already done */
    public void setResult(T value) {
        checkPending();
        finishWithResult(value);
    }

    /** Sets the exception and schedules the callbacks. @throws InvalidStateException if already done */
    public void setException(Throwable error) {
        if (error == null) {
            throw new NullPointerException("error");
        }
        checkPending();
        finishWithException(error);
    }

    private void checkPending() {
        if ((flags & STATE_MASK) != PENDING) {
            throw new InvalidStateException("invalid state"); // what CPython's (C) Future says
        }
    }

    final void finishWithResult(Object value) {
        result = value;
        flags = (flags & ~STATE_MASK) | FINISHED;
        scheduleCallbacks();
    }

    final void finishWithException(Throwable error) {
        result = error;
        flags = (flags & ~STATE_MASK) | FINISHED | FAILED | LOG_TRACEBACK;
        scheduleCallbacks();
        callbacks = Debug.watchUnretrieved(this, error);
    }

    /** Someone looked at the exception: it will not be reported as never retrieved. */
    final void markRetrieved() {
        if ((flags & LOG_TRACEBACK) != 0) {
            flags &= ~LOG_TRACEBACK;
            if (callbacks instanceof Debug.Unretrieved watch) {
                watch.retrieved = true;
                callbacks = null;
            }
        }
    }

    // ---- callbacks ----

    /**
     * Schedules {@code callback(this)} on the loop when the future is done (at once if it is).
     * A callback added twice runs twice.
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        if (isDone()) {
            loop.enqueueDoneCallback(this, callback);
        } else {
            addCallback(callback);
        }
    }

    /** Parks {@code task} on this future: it wakes when the future is done. */
    final void addWaiter(Task<?> task) {
        addCallback(task);
    }

    @SuppressWarnings("unchecked")
    private void addCallback(Object callback) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = callback;
        } else if (cbs instanceof CallbackList list) {
            list.add(callback);
        } else {
            CallbackList list = new CallbackList();
            list.add(cbs);
            list.add(callback);
            callbacks = list;
        }
    }

    /**
     * Removes every registration of {@code callback} (compared with {@code equals}).
     *
     * @return whether any was removed
     */
    public boolean removeDoneCallback(Consumer<? super Future<T>> callback) {
        return removeCallback(callback);
    }

    /** Unparks {@code task} (it stopped waiting for this future). */
    final boolean removeWaiter(Task<?> task) {
        return removeCallback(task);
    }

    private boolean removeCallback(Object callback) {
        if (isDone()) {
            return false;
        }
        Object cbs = callbacks;
        if (cbs == null) {
            return false;
        }
        if (!(cbs instanceof CallbackList list)) {
            if (cbs.equals(callback)) {
                callbacks = null;
                return true;
            }
            return false;
        }
        boolean removed = list.removeIf(cb -> cb.equals(callback));
        if (list.isEmpty()) {
            callbacks = null;
        }
        return removed;
    }

    @SuppressWarnings("unchecked")
    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof CallbackList list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                schedule(list.get(i));
            }
        } else {
            schedule(cbs);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void schedule(Object cb) {
        if (cb instanceof Task<?>) {
            loop.enqueue(cb); // the task reads this future's outcome when it resumes
        } else {
            loop.enqueueDoneCallback(this, (Consumer) cb);
        }
    }

    /** The list type for two or more callbacks (its own class, so a user Consumer is never mistaken for it). */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }

    // ---- bridges ----

    /**
     * A future of the running loop that completes with {@code stage}'s outcome, whichever thread
     * completes the stage: on the loop's next iteration after it completes (asyncio's
     * {@code wrap_future}), or at once if it is a {@link CompletableFuture} already done when this
     * is called (so that awaiting a done one does not suspend). Exceptions arrive unwrapped (no
     * {@link CompletionException}). Cancelling the returned future cancels the stage's
     * {@link CompletableFuture} (best effort).
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    @SuppressWarnings("unchecked")
    public static <T> Future<T> from(CompletionStage<T> stage) {
        SelectorEventLoop loop = Asyncio.runningLoop();
        Future<T> future = new Future<>(loop);
        CompletableFuture<T> cf = stage instanceof CompletableFuture<T> c ? c : null;
        if (cf != null && cf.isDone()) {
            copyOutcome(cf, future); // already there: no thread hop
            return future;
        }
        stage.whenComplete((value, error) -> {
            Runnable copy = () -> {
                if (future.isDone()) {
                    return;
                }
                if (error == null) {
                    future.setResult(value);
                } else {
                    Throwable cause = unwrap(error);
                    if (cause instanceof CancellationException) {
                        future.cancel();
                    } else {
                        future.setException(cause);
                    }
                }
            };
            if (loop.isLoopThread()) {
                // Completed on the loop thread (by a callback or a task): the outcome still crosses
                // over on the next iteration, as CPython's call_soon_threadsafe(_set_state) does, so
                // a cancel() in between wins and callbacks keep CPython's order.
                if (!loop.isClosed()) {
                    loop.callSoon(copy);
                }
            } else if (!loop.isClosed()) {
                try {
                    loop.callSoonThreadsafe(copy);
                } catch (IllegalStateException closed) {
                    // The loop closed meanwhile; nobody is waiting.
                }
            }
        });
        if (cf != null) {
            future.addDoneCallback(f -> {
                if (f.isCancelled()) {
                    cf.cancel(false);
                }
            });
        }
        return future;
    }

    private static <T> void copyOutcome(CompletableFuture<T> cf, Future<T> future) {
        try {
            future.setResult(cf.join());
        } catch (CancellationException e) {
            future.cancel();
        } catch (CompletionException e) {
            future.setException(unwrap(e));
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * A {@link CompletableFuture} that completes, on this future's loop thread, with this future's
     * outcome (a cancelled future cancels it). Callable from any thread. Cancelling the returned
     * future cancels this one.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        Runnable hook = () -> addDoneCallback(f -> {
            if (f.isCancelled()) {
                cf.cancel(false);
            } else if ((f.flags & FAILED) != 0) {
                f.markRetrieved();
                cf.completeExceptionally((Throwable) f.result);
            } else {
                cf.complete(f.result());
            }
        });
        if (loop.isLoopThread() || !loop.isRunning()) {
            hook.run();
        } else {
            loop.callSoonThreadsafe(hook);
        }
        cf.whenComplete((v, e) -> {
            if (cf.isCancelled()) {
                if (loop.isLoopThread()) {
                    cancel();
                } else if (!loop.isClosed()) {
                    loop.callSoonThreadsafe(this::cancel);
                }
            }
        });
        return cf;
    }

    /** The loop this future belongs to. */
    public EventLoop getLoop() {
        return loop;
    }

    /**
     * Always throws: only code compiled by the asyncj processor can suspend. Inside an
     * {@code @Async} method the processor rewrites this call.
     */
    @Override
    public final T await() {
        throw Asyncio.awaitOutsideAsync();
    }

    final String stateName() {
        switch (flags & STATE_MASK) {
            case PENDING:
                return "PENDING";
            case CANCELLED:
                return "CANCELLED";
            default:
                return "FINISHED";
        }
    }

    String describe() {
        return stateName().toLowerCase() + outcome();
    }

    /** CPython's " result=..." or " exception=..." part of the repr; empty unless finished. */
    final String outcome() {
        if ((flags & STATE_MASK) != FINISHED) {
            return "";
        }
        if ((flags & FAILED) != 0) {
            return " exception=" + result;
        }
        return " result=" + PyRepr.repr(result); // reprlib.repr, as CPython's
    }

    @Override
    public String toString() {
        return "<Future " + describe() + ">";
    }
}
