package io.asyncj;

/** A coroutine that has already returned: {@link Asyncio#completed}. Awaiting it does not suspend. */
final class Done<T> extends Coroutine<T> {
    Done(T value) {
        super(value);
    }

    @Override
    protected void $resume() {
        throw $badState();
    }
}
