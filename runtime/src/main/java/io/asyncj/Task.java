package io.asyncj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * asyncio's Task: a {@link Future} that drives a coroutine on its loop, one step at a time.
 *
 * <p>A step runs the coroutine until it suspends on a pending future (the task then waits for that
 * future's completion), gives up the loop for an iteration ({@code sleep(0)}), or finishes (the
 * task then completes with its value or exception; a coroutine ending with
 * {@link CancelledException} leaves the task cancelled). An awaited coroutine runs inline, in the
 * same step: the driver is a trampoline over the chain of awaiting coroutines (the innermost one is
 * the one that resumes), so deep chains of synchronously completing awaits never deepen the Java
 * stack.
 *
 * <p>{@link #cancel(String)} follows CPython's {@code Task.cancel}: if the task waits on a future,
 * that future is cancelled and the task wakes with {@link CancelledException} thrown at its await
 * point; otherwise the cancellation is thrown in at the next step. {@link #cancelling()} counts
 * pending requests and {@link #uncancel()} withdraws one (3.13 semantics: withdrawing the last one
 * also withdraws a cancellation not yet delivered).
 *
 * <p><b>Thread-safety:</b> loop-thread only (see {@link Future}).
 */
public class Task<T> extends Future<T> {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final int MUST_CANCEL = SUBCLASS_BITS;
    private static final int STEPPING = SUBCLASS_BITS << 1;
    /** The last message {@link #cancel(String)} kept for the next step is in {@link #CANCEL_MESSAGES}. */
    private static final int KEPT_MESSAGE = SUBCLASS_BITS << 3;
    private static final int CANCEL_SHIFT = 9;
    private static final int CANCEL_ONE = 1 << CANCEL_SHIFT;

    /** The innermost coroutine of the await chain as of the last suspension (the outermost at first). */
    Coroutine<?> top;
    /** Position in the loop's registry of pending tasks, -1 when not registered. */
    int index = -1;
    private final int id;
    /**
     * Names given explicitly. Most tasks keep their default {@code Task-N}, so the name lives
     * outside the task (a parked task stays at 40 bytes; see BENCH.md W6); {@link #NAMED} says
     * whether to look here.
     */
    private static final java.util.Map<Task<?>, String> NAMES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final int NAMED = SUBCLASS_BITS << 2;
    /**
     * CPython's {@code Task._cancel_message}, which a task keeps when {@link #cancel(String)} found
     * nothing to cancel and the message waits for the next step, and which stays after the task
     * swallowed the cancellation and finished: a cancelled {@code gather} whose last child so
     * finished ends with it. Rare, so kept outside the task, as {@link #NAMES}.
     */
    private static final java.util.Map<Task<?>, String> CANCEL_MESSAGES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @SuppressWarnings("unchecked")
    Task(Coroutine<T> coroutine, SelectorEventLoop loop, String name) {
        super(loop);
        if (coroutine == null) {
            throw new NullPointerException("a coroutine was expected, got null");
        }
        if (coroutine == Yield.SLEEP_ZERO) {
            coroutine = (Coroutine<T>) new Yield<T>(null); // the shared sleep(0) cannot be owned
        }
        if (coroutine.parent != null) {
            // Already awaited or owned: as in CPython, the task is made and fails at its first
            // step ("cannot reuse already awaited coroutine"), it is not refused here.
            coroutine = new Reused<>(coroutine);
        }
        coroutine.claim(this);
        if (Debug.trackCoroutines) {
            Debug.claimed(coroutine);
        }
        this.top = coroutine;
        this.id = COUNTER.incrementAndGet();
        if (name != null) {
            setName(name);
        }
        loop.enqueue(this);
        loop.register(this);
    }

    // ---- identity and introspection ----

    /** The task's name: the one given, or {@code Task-N} with N counting the tasks created. */
    public String getName() {
        String name = (flags & NAMED) != 0 ? NAMES.get(this) : null;
        return name != null ? name : "Task-" + id;
    }

    public void setName(String name) {
        NAMES.put(this, String.valueOf(name));
        flags |= NAMED;
    }

    /**
     * Uses up a {@code Task-N} number without a task, where CPython creates a short-lived internal
     * task that user code never sees (a subprocess transport's {@code _connect_pipes}), so that the
     * names of the user's tasks come out as CPython's do.
     */
    static void skipName() {
        COUNTER.incrementAndGet();
    }

    /** The creation number (the N of {@code Task-N}). */
    final int id() {
        return id;
    }

    /** The coroutine the task was created with. */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoroutine() {
        Coroutine<?> c = top;
        while (c.parent != this) {
            c = (Coroutine<?>) c.parent;
        }
        return (Coroutine<T>) (c instanceof Reused<?> r ? r.original : c);
    }

    /** Stands in for a coroutine that was already awaited: it fails as resuming that one would. */
    private static final class Reused<T> extends Coroutine<T> {
        final Coroutine<T> original;

        Reused(Coroutine<T> original) {
            this.original = original;
        }

        @Override
        protected void $resume() {
            throw original.reused();
        }

        @Override
        public String toString() {
            return original.toString();
        }
    }

    /**
     * The chain of coroutines the task is suspended in, outermost first: the task's coroutine, the
     * coroutine it awaits, and so on to the one waiting on a future. Empty once the task is done.
     */
    public List<Coroutine<?>> getStack() {
        if (isDone()) {
            return List.of();
        }
        List<Coroutine<?>> stack = new ArrayList<>();
        for (Coroutine<?> c = top; ; c = (Coroutine<?>) c.parent) {
            stack.add(c);
            if (c.parent == this) {
                break;
            }
        }
        Collections.reverse(stack);
        return stack;
    }

    // ---- cancellation ----

    /**
     * Requests cancellation: the coroutine receives {@link CancelledException} at its await point.
     *
     * @return false if the task is already done
     */
    @Override
    public boolean cancel(String msg) {
        markRetrieved();
        if (isDone()) {
            return false;
        }
        flags += CANCEL_ONE;
        Future<?> waiter = futureWaiter();
        if (waiter != null && waiter.cancel(msg)) {
            // Keep waiting on it: it may be a task that swallows the cancellation.
            return true;
        }
        flags |= MUST_CANCEL;
        result = msg; // the message for the CancelledException thrown in at the next step
        if (msg != null) {
            CANCEL_MESSAGES.put(this, msg);
            flags |= KEPT_MESSAGE;
        } else if ((flags & KEPT_MESSAGE) != 0) {
            CANCEL_MESSAGES.remove(this);
            flags &= ~KEPT_MESSAGE;
        }
        return true;
    }

    @Override
    String keptCancelMessage() {
        return (flags & KEPT_MESSAGE) != 0 ? CANCEL_MESSAGES.get(this) : null;
    }

    /** The number of cancellation requests not withdrawn by {@link #uncancel()}. */
    public int cancelling() {
        return flags >>> CANCEL_SHIFT;
    }

    /** Withdraws one cancellation request; returns the number still pending. */
    public int uncancel() {
        int n = flags >>> CANCEL_SHIFT;
        if (n > 0) {
            flags -= CANCEL_ONE;
            if (n == 1) {
                flags &= ~MUST_CANCEL;
            }
        }
        return flags >>> CANCEL_SHIFT;
    }

    /** Whether the task wakes from a future whose outcome is a cancellation ($get will throw it). */
    private boolean wokeByCancellation() {
        return top.slot instanceof Future<?> f && f.endsWithCancellation();
    }

    /** The future the task is parked on, or null while it steps, yields or has not started. */
    private Future<?> futureWaiter() {
        if ((flags & STEPPING) != 0) {
            return null;
        }
        return top.slot instanceof Future<?> f ? f : null;
    }

    /** Tasks complete from their coroutine only. */
    @Override
    public void setResult(T value) {
        throw new IllegalStateException("Task does not support set_result operation"); // CPython's words
    }

    /** Tasks complete from their coroutine only. */
    @Override
    public void setException(Throwable error) {
        throw new IllegalStateException("Task does not support set_exception operation");
    }

    // ---- driving ----

    /** Runs from the ready queue: the first step, or a wakeup after the awaited future completed. */
    final void wakeup() {
        step(null);
    }

    /** CPython's {@code Task.__step}, with {@code exc} thrown in at the await point when non-null. */
    final void step(Throwable exc) {
        if (isDone()) {
            throw new InvalidStateException("step(): already done: " + this + ", " + exc);
        }
        if ((flags & MUST_CANCEL) != 0) {
            // CPython's __wakeup hands __step the awaited future's CancelledError, which wins over
            // a fresh one (so a second cancel(msg) does not replace the first one's message).
            if (!(exc instanceof CancelledException) && !(exc == null && wokeByCancellation())) {
                exc = makeCancelledError();
            }
            flags &= ~MUST_CANCEL;
        }
        SelectorEventLoop loop = this.loop;
        Task<?> other = loop.currentTask;
        if (other != null) {
            throw new IllegalStateException(
                    "Cannot enter into task " + this + " while another task " + other + " is being executed.");
        }
        loop.currentTask = this;
        flags |= STEPPING;
        try {
            drive(exc);
        } finally {
            flags &= ~STEPPING;
            loop.currentTask = null;
        }
    }

    /** The trampoline: resumes the innermost coroutine, moving down on awaits and up on completions. */
    private void drive(Throwable exc) {
        Coroutine<?> c = top;
        if (exc != null) {
            Object s = c.slot;
            if (s instanceof Future<?> f) {
                f.markRetrieved(); // its outcome is replaced by exc, as CPython's __wakeup reads it first
            }
            if (c.$state == 0 && s == null) {
                c.fail(exc); // never started: it ends with exc without running, like coro.throw()
            } else {
                c.slot = exc;
            }
        }
        for (;;) {
            if (c.$state >= 0) {
                try {
                    c.$resume();
                } catch (Throwable t) {
                    c.fail(t);
                }
            }
            if (c.$state < 0) {
                Object p = c.parent;
                if (p != this) {
                    c = (Coroutine<?>) p; // back to the awaiting coroutine, which reads c's outcome
                    continue;
                }
                top = c;
                finish(c);
                return;
            }
            Object s = c.slot;
            if (s instanceof Coroutine<?> callee) {
                if (Debug.trackCoroutines) {
                    Debug.claimed(callee);
                }
                c = callee; // run the awaited coroutine inline
                continue;
            }
            top = c;
            park(s);
            return;
        }
    }

    private void park(Object awaited) {
        if (awaited == Coroutine.YIELD) {
            loop.enqueue(this);
            return;
        }
        if (!(awaited instanceof Future<?> f)) {
            throwInLater(new IllegalStateException("coroutine " + top + " returned from $resume() without awaiting"));
            return;
        }
        if (f.loop != loop) {
            throwInLater(new IllegalStateException(
                    "Task " + this + " got Future " + f + " attached to a different loop"));
        } else if (f == this) {
            throwInLater(new IllegalStateException("Task cannot await on itself: " + this));
        } else {
            f.addWaiter(this);
            if ((flags & MUST_CANCEL) != 0 && f.cancel((String) result)) {
                flags &= ~MUST_CANCEL;
            }
        }
    }

    /**
     * Throws {@code error} in at the next step. The error replaces the awaited thing in the slot,
     * so {@link #cancel} does not mistake a future the task refused to park on (itself, one of
     * another loop) for its waiter, as CPython leaves {@code _fut_waiter} unset there.
     */
    private void throwInLater(Throwable error) {
        top.slot = error;
        loop.enqueue(this);
    }

    private void finish(Coroutine<?> root) {
        Object outcome = root.slot;
        root.slot = null;
        if (root.$state == Coroutine.RETURNED) {
            if ((flags & MUST_CANCEL) != 0) {
                // Cancelled right before the coroutine returned: the cancellation wins.
                flags &= ~MUST_CANCEL;
                cancelFuture(result);
            } else {
                finishWithResult(outcome);
            }
        } else if (outcome instanceof CancelledException ce) {
            cancelFuture(ce);
        } else {
            finishWithException((Throwable) outcome);
        }
        loop.unregister(this);
    }

    @Override
    public String toString() {
        // CPython 3.11's _task_repr_info: the state ("cancelling" for a pending task with a
        // cancellation requested), the name, the coroutine, then the result or exception.
        String state = !isDone() && cancelling() > 0 ? "cancelling" : stateName().toLowerCase();
        StringBuilder sb = new StringBuilder("<Task ").append(state).append(" name=").append(PyRepr.quote(getName()));
        if (!isDone()) {
            sb.append(" coro=").append(getCoroutine());
        }
        sb.append(outcome());
        return sb.append('>').toString();
    }
}
