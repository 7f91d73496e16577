package io.asyncj;

import java.util.function.Supplier;

/**
 * A coroutine that, when it first runs, asks {@code start} for an awaitable, awaits it and returns
 * its value. The runtime's cold coroutines ({@code toThread}, the steps of {@code asCompleted}) are
 * built from it, so nothing happens before they are awaited.
 */
final class Deferred<T> extends Coroutine<T> {
    private Supplier<? extends Awaitable<T>> start;

    private Deferred(Supplier<? extends Awaitable<T>> start) {
        this.start = start;
    }

    static <T> Coroutine<T> of(Supplier<? extends Awaitable<T>> start) {
        return new Deferred<>(start);
    }

    @Override
    protected void $resume() {
        switch ($state) {
            case 0:
                Supplier<? extends Awaitable<T>> s = start;
                start = null;
                if ($await(s.get(), 1)) {
                    return;
                }
            case 1:
                $complete(this.<T>$get());
                return;
            default:
                throw $badState();
        }
    }
}
