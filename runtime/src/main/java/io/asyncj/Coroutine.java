package io.asyncj;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A cold, resumable computation: what calling an {@code @Async} method returns, and the base class
 * of the state machines the asyncj processor generates.
 *
 * <p>A coroutine runs when it is awaited (inline, in the awaiting task, with no trip through the
 * event loop), when it is wrapped in a {@link Task} ({@link Asyncio#createTask}), or when it is
 * passed to {@link Asyncio#run}. It runs at most once: awaiting or scheduling it a second time
 * throws {@link IllegalStateException}, like re-awaiting a Python coroutine object.
 *
 * <p>Not thread-safe: a coroutine belongs to the event loop thread that runs it.
 *
 * <h2>The protocol for generated code</h2>
 *
 * The members whose names start with {@code $} are for generated state machines (and the
 * runtime's own hand-written ones) only. A state machine looks like this:
 *
 * <pre>{@code
 * // @Async static Coroutine<Integer> add(int a) throws IOException {
 * //     int x = await(read());
 * //     return completed(a + x);
 * // }
 * final class add$Coroutine extends Coroutine<Integer> {
 *     private int x;
 *     @Override protected void $resume() throws IOException {
 *         switch ($state) {
 *             case 0:
 *                 if ($await(read(), 1)) return;    // suspend, or run read() inline
 *             case 1:
 *                 x = this.<Integer>$get();         // its value, or its exception thrown here
 *                 $complete(a + x);
 *                 return;
 *             default:
 *                 throw $badState();
 *         }
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #$state} is the resume point: 0 before the first resume; generated code owns every
 *       value {@code >= 0}; negative values mean finished and belong to this class.
 *   <li>{@link #$resume()} runs from {@code $state} until the machine finishes ({@link #$complete}
 *       or an exception escaping it) or returns because {@link #$await} said so. It declares the
 *       user method's own {@code throws} clause, so javac checks checked exceptions as written.
 *   <li>{@link #$await(Awaitable, int)} records the awaited thing and the state to resume at, and
 *       returns {@code false} when the value is already there (a done future, a finished
 *       coroutine): the machine then falls straight through to the next state, with no suspension
 *       and no allocation. It returns {@code true} when the machine must return from
 *       {@code $resume}: either to suspend on a pending future, or to let the task's driver run an
 *       awaited coroutine inline. The driver is a trampoline, so a long chain of coroutines that
 *       complete synchronously does not grow the Java stack.
 *   <li>{@link #$get()} is the first thing each resume state does: it returns the awaited value,
 *       or throws what the awaited thing failed with (checked exceptions too, unwrapped), or the
 *       exception the task throws in (a {@link CancelledException} when the task was cancelled).
 *       Because it throws at the resume point, inside whatever {@code try} the generated code has
 *       re-entered, the exception lands in the right {@code catch} or {@code finally}.
 *   <li>{@link #$awaitFuture} and {@link #$result} are the pair for an awaitable whose static type
 *       is a {@link Future}: a done future is a check and a branch, with nothing written into the
 *       machine (the generated code keeps it in a local, {@code $f}); a pending one is recorded as
 *       {@code $await} records it, and {@code $result(null)} after the resume reads the slot as
 *       {@code $get()} does.
 *   <li>The processor's machines keep {@code $state} and their fields in locals of
 *       {@code $resume} while they run ({@code int $state = this.$state;}) and write them back only
 *       on the path that returns after {@code $await} said so; {@code $await} itself writes the
 *       {@code $state} field, which is all the driver reads.
 * </ul>
 *
 * @param <T> the type of the coroutine's value
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** {@link #$state} once the machine returned a value, held in {@link #slot}. */
    static final int RETURNED = -1;
    /** {@link #$state} once an exception escaped the machine; {@link #slot} holds it. */
    static final int FAILED = -2;

    /** Marks {@link #slot} when the machine gave up the loop for one iteration (sleep(0)). */
    static final Object YIELD = new Object() {
        @Override
        public String toString() {
            return "<yield>";
        }
    };

    /**
     * The resume point of the machine. 0 before the first resume; values {@code >= 0} belong to
     * generated code, negative values mean finished.
     */
    protected int $state;

    /**
     * While the machine runs: what it is waiting for (an {@link Awaitable}, {@link #YIELD}, or a
     * {@link Throwable} the driver throws in at the resume point). Once it has finished: its value
     * or the exception that escaped it. One field serves both, since a finished machine awaits
     * nothing; parked coroutines stay small (see BENCH.md W6).
     */
    Object slot;

    /**
     * Who runs this coroutine: {@code null} while it is fresh, the awaiting {@link Coroutine} while
     * it runs inline, the {@link Task} when it is the task's outermost coroutine, or
     * {@link #CONSUMED} for an already-finished coroutine whose value was read.
     */
    Object parent;

    static final Object CONSUMED = new Object();

    protected Coroutine() {
        if (Debug.trackCoroutines) {
            Debug.trackCreation(this);
        }
    }

    /** For coroutines that are finished from the start ({@link Done}): nothing to track. */
    Coroutine(Object value) {
        slot = value;
        $state = RETURNED;
    }

    /**
     * Runs the machine from {@link #$state} until it finishes or {@link #$await} asks it to return.
     * Generated overrides narrow the {@code throws} clause to the user method's.
     */
    protected abstract void $resume() throws Throwable;

    /**
     * Starts awaiting {@code awaitable}; the machine continues at {@code nextState}.
     *
     * @return {@code false} if the value is available now (continue at {@code nextState} without
     *     returning); {@code true} if {@link #$resume} must return now
     */
    protected final boolean $await(Awaitable<?> awaitable, int nextState) {
        $state = nextState;
        if (awaitable == Yield.SLEEP_ZERO) {
            slot = YIELD;
            return true;
        }
        slot = awaitable;
        if (awaitable instanceof Future<?> future) {
            return !future.isDone();
        }
        Coroutine<?> callee = (Coroutine<?>) Objects.requireNonNull(awaitable, "await(null)");
        if (callee.parent != null) {
            slot = null;
            throw callee.reused();
        }
        callee.parent = this;
        return callee.$state >= 0;
    }

    /** {@link #$await(Awaitable, int)} for a {@link CompletionStage}, bridged with {@link Future#from}. */
    protected final boolean $await(CompletionStage<?> stage, int nextState) {
        return $await(Future.from(Objects.requireNonNull(stage, "await(null)")), nextState);
    }

    /**
     * The outcome of the last {@link #$await}: its value, or its exception thrown (unwrapped, even
     * when checked), or the exception the task threw in at this suspension point.
     */
    @SuppressWarnings("unchecked")
    protected final <R> R $get() {
        Object s = slot;
        slot = null;
        if (s instanceof Future<?> future) {
            return (R) future.awaitedResult();
        }
        if (s instanceof Coroutine<?> callee) {
            return (R) callee.outcome();
        }
        if (s instanceof Throwable thrown) {
            throw sneakyThrow(thrown);
        }
        if (s == YIELD) {
            return null;
        }
        throw new IllegalStateException("$get() without a pending $await (state " + $state + ")");
    }

    /**
     * {@link #$await(Awaitable, int)} for an awaitable whose static type is a {@link Future}: the
     * compiler's fast path. A done future is neither recorded nor suspended on (no write to the
     * machine at all): the generated code keeps it in a local and reads its outcome with
     * {@link #$result(Future)}. A pending one is recorded as {@code $await} records it.
     *
     * @return {@code false} if the future is done (continue at {@code nextState} without
     *     returning); {@code true} if {@link #$resume} must return now
     */
    protected final boolean $awaitFuture(Future<?> future, int nextState) {
        if (Objects.requireNonNull(future, "await(null)").isDone()) {
            return false;
        }
        $state = nextState;
        slot = future;
        return true;
    }

    /**
     * The outcome of the last {@link #$awaitFuture}. The generated code keeps the future in a local
     * of {@code $resume}: {@code future} is that future when it was done at the await, and
     * {@code null} when the machine parked and resumed (the local starts {@code null} on every
     * resume); then it is {@link #$get()}: the outcome of the future in the slot, or the exception
     * the task threw in at this suspension point.
     */
    @SuppressWarnings("unchecked")
    protected final <R> R $result(Future<?> future) {
        if (future != null) {
            return (R) future.awaitedResult();
        }
        return $get();
    }

    /** Finishes the machine with {@code value}; generated code returns from {@link #$resume} next. */
    protected final void $complete(T value) {
        slot = value;
        $state = RETURNED;
    }

    /** The exception generated code throws when {@link #$state} holds no state it knows. */
    protected final IllegalStateException $badState() {
        return new IllegalStateException(
                "coroutine " + getClass().getName() + " resumed in unknown state " + $state);
    }

    /** {@link #$badState()} for a machine that keeps its state in a local while it runs. */
    protected final IllegalStateException $badState(int state) {
        return new IllegalStateException(
                "coroutine " + getClass().getName() + " resumed in unknown state " + state);
    }

    /**
     * Throws {@code t} unchanged, checked or not, without javac asking for a {@code throws} clause:
     * how generated code rethrows an exception it held while running a {@code finally} block. The
     * return type lets it be written {@code throw $rethrow(t);}.
     */
    protected static RuntimeException $rethrow(Throwable t) {
        throw Coroutine.<RuntimeException>sneakyThrow(t);
    }

    /** Gives up the loop for one iteration, as asyncio's {@code sleep(0)} does. */
    protected final boolean $yield(int nextState) {
        $state = nextState;
        slot = YIELD;
        return true;
    }

    /** Whether the coroutine has finished, with a value or with an exception. */
    public final boolean isDone() {
        return $state < 0;
    }

    /**
     * Always throws: only code compiled by the asyncj processor can suspend. Inside an
     * {@code @Async} method the processor rewrites this call.
     */
    @Override
    public final T await() {
        throw Asyncio.awaitOutsideAsync();
    }

    @Override
    public String toString() {
        String name = getClass().getName();
        String state = $state == RETURNED ? "done" : $state == FAILED ? "failed" : parent == null ? "fresh" : "running";
        return "<coroutine " + name + " " + state + ">";
    }

    // ---- runtime side (package-private) ----

    /** The value, or the exception thrown, of a finished coroutine. */
    final Object outcome() {
        Object s = slot;
        slot = null;
        if ($state == FAILED) {
            throw sneakyThrow((Throwable) s);
        }
        return s;
    }

    /** Records an exception that escaped {@link #$resume}. */
    final void fail(Throwable error) {
        slot = error;
        $state = FAILED;
    }

    final IllegalStateException reused() {
        return new IllegalStateException("cannot reuse already awaited coroutine " + this
                + ": a coroutine runs once (await it, or schedule it with createTask, not both)");
    }

    /** Claims a fresh coroutine for {@code owner}, or throws if it already ran or is running. */
    final void claim(Object owner) {
        if (parent != null) {
            throw reused();
        }
        parent = owner;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
