package io.asyncj;

/**
 * asyncio's {@code LifoQueue}: an {@link AsyncQueue} that returns the most recently added item
 * first. Everything else (bounds, waiting, {@code join}, shutdown) is {@link AsyncQueue}'s.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 *
 * @param <T> the type of the items
 */
public final class AsyncLifoQueue<T> extends AsyncQueue<T> {

    /** An unbounded LIFO queue. */
    public AsyncLifoQueue() {
        this(0);
    }

    /** A LIFO queue that holds at most {@code maxsize} items (zero or less: unbounded). */
    public AsyncLifoQueue(int maxsize) {
        super(maxsize, true);
    }

    @Override
    T getItem() {
        return unmask(items.pollLast());
    }
}
