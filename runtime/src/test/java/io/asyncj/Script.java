package io.asyncj;

import java.util.ArrayList;
import java.util.List;

/**
 * A coroutine built from steps, for runtime tests written before (and independently of) the
 * compiler. Each step receives the outcome of the previous one; a step that returns an
 * {@link Awaitable} awaits it (through the real {@code $await}/{@code $get} protocol, so fast
 * paths, inline coroutines and thrown-in cancellations behave exactly as in generated code); any
 * other return value is passed on as is. {@link #then} steps see values only (a failure skips
 * them), {@link #handle} steps see failures too (rethrow to propagate). The last outcome is the
 * coroutine's.
 *
 * <pre>{@code
 * Coroutine<String> c = Script.<String>start(() -> sleep(0.1))
 *         .then(v -> trace.add("slept"))
 *         .handle((v, e) -> e instanceof CancelledException ? "cancelled" : v)
 *         .build();
 * }</pre>
 */
final class Script<T> extends Coroutine<T> {

    @FunctionalInterface
    interface Step {
        Object run(Object value, Throwable error) throws Throwable;
    }

    @FunctionalInterface
    interface ValueStep {
        Object run(Object value) throws Throwable;
    }

    @FunctionalInterface
    interface FirstStep {
        Object run() throws Throwable;
    }

    static final class Builder<T> {
        private final List<Step> steps = new ArrayList<>();

        Builder<T> then(ValueStep step) {
            steps.add((v, e) -> {
                if (e != null) {
                    throw e;
                }
                return step.run(v);
            });
            return this;
        }

        Builder<T> handle(Step step) {
            steps.add(step);
            return this;
        }

        Script<T> build() {
            return new Script<>(steps);
        }
    }

    static <T> Builder<T> start(FirstStep first) {
        return new Builder<T>().then(v -> first.run());
    }

    /** A coroutine that awaits {@code a} and returns its value. */
    static <T> Script<T> awaiting(Awaitable<T> a) {
        return Script.<T>start(() -> a).build();
    }

    private final List<Step> steps;
    private int next;

    private Script(List<Step> steps) {
        this.steps = steps;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void $resume() throws Throwable {
        Object value = null;
        Throwable error = null;
        if ($state > 0) {
            try {
                value = $get();
            } catch (Throwable t) {
                error = t;
            }
        }
        while (next < steps.size()) {
            Step s = steps.get(next++);
            Object out;
            try {
                out = s.run(value, error);
                error = null;
            } catch (Throwable t) {
                value = null;
                error = t;
                continue;
            }
            if (out instanceof Awaitable<?> a) {
                if ($await(a, next + 1)) {
                    return;
                }
                try {
                    value = $get();
                } catch (Throwable t) {
                    error = t;
                }
            } else {
                value = out;
            }
        }
        if (error != null) {
            throw error;
        }
        $complete((T) value);
    }
}
