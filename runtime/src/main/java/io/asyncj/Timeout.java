package io.asyncj;

/**
 * asyncio's {@code Timeout} (the object behind {@code async with asyncio.timeout(...)}), for
 * {@link Asyncio#timeout}: a deadline on the work awaited inside it, in the current task.
 *
 * <p>When the deadline passes, the current task is cancelled; when the cancellation comes back out
 * of the body and no other cancellation was requested meanwhile, it is replaced by
 * {@link AsyncTimeoutException} (whose cause is the cancellation). A cancellation from elsewhere
 * passes through unchanged.
 *
 * <p>The body can read and move the deadline through the {@code Timeout} it is given.
 */
public final class Timeout {
    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        /** asyncio's name for the state (its {@code _State} values), as messages and repr show it. */
        final String value;

        State(String value) {
            this.value = value;
        }
    }

    private State state = State.CREATED;
    private double when; // NaN: no deadline
    private Task<?> task;
    private int cancelling;
    private Handle handler;
    private SelectorEventLoop loop;

    Timeout(double when) {
        this.when = when;
    }

    /** The deadline on the loop's clock, or {@code NaN} for none. */
    public double when() {
        return when;
    }

    /** Moves the deadline ({@code NaN}: no deadline). Only while the body runs. */
    public void reschedule(double newWhen) {
        if (state != State.ENTERED) {
            throw new IllegalStateException(state == State.CREATED ? "Timeout has not been entered"
                    : "Cannot change state of " + state.value + " Timeout"); // CPython's words
        }
        when = newWhen;
        if (handler != null) {
            handler.cancel();
        }
        if (Double.isNaN(newWhen)) {
            handler = null;
        } else if (newWhen <= loop.time()) {
            handler = loop.callSoon(this::onTimeout);
        } else {
            handler = loop.callAt(newWhen, this::onTimeout);
        }
    }

    /** Whether the deadline passed (and the task was cancelled because of it). */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /** A delay to turn into the deadline when the scope is entered (NaN: the deadline is absolute). */
    private double delay = Double.NaN;

    void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        loop = Asyncio.runningLoop();
        if (!Double.isNaN(delay)) {
            when = loop.time() + delay;
        }
        task = loop.currentTask;
        if (task == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        state = State.ENTERED;
        cancelling = task.cancelling();
        reschedule(when);
    }

    /**
     * Leaves the scope with the body's outcome ({@code error} null if it returned); returns the
     * exception to throw instead, or {@code error} itself.
     */
    Throwable exit(Throwable error) {
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancelling && error instanceof CancelledException) {
                return new AsyncTimeoutException(null, error);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return error;
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        handler = null;
    }

    @Override
    public String toString() {
        return "<Timeout [" + state.value + "]" + (state != State.ENTERED ? ""
                : " when=" + (Double.isNaN(when) ? "None" : PyRepr.pyFloat(Math.round(when * 1000) / 1000.0))) + ">";
    }

    /** The coroutine that runs a body inside a {@link Timeout}. */
    static final class Scope<T> extends Coroutine<T> {
        private final Timeout timeout;
        private java.util.function.Function<Timeout, ? extends Awaitable<T>> body;

        Scope(Timeout timeout, java.util.function.Function<Timeout, ? extends Awaitable<T>> body) {
            this.timeout = timeout;
            this.body = body;
        }

        /** The deadline is {@code delaySeconds} after the scope is entered (NaN: none). */
        Scope<T> relative(double delaySeconds) {
            timeout.delay = delaySeconds;
            timeout.when = Double.NaN;
            return this;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                    timeout.enter();
                    Awaitable<T> work;
                    try {
                        work = body.apply(timeout);
                        body = null;
                    } catch (Throwable t) {
                        throw sneakyThrow(timeout.exit(t));
                    }
                    if ($await(work, 1)) {
                        return;
                    }
                case 1:
                    T value;
                    try {
                        value = this.<T>$get();
                    } catch (Throwable t) {
                        throw sneakyThrow(timeout.exit(t));
                    }
                    timeout.exit(null);
                    $complete(value);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
