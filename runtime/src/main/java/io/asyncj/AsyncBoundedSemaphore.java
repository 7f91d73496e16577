package io.asyncj;

/**
 * asyncio's {@code BoundedSemaphore}: an {@link AsyncSemaphore} whose {@link #release()} refuses to
 * raise the number of permits above the initial value, which catches releases without a matching
 * acquire.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public final class AsyncBoundedSemaphore extends AsyncSemaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public AsyncBoundedSemaphore() {
        this(1);
    }

    /** A bounded semaphore with {@code value} permits, which is also its bound. */
    public AsyncBoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if every permit is already free (asyncio's ValueError
     *     "BoundedSemaphore released too many times")
     */
    @Override
    public void release() {
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
