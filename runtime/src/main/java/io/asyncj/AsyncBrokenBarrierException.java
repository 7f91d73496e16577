package io.asyncj;

/**
 * asyncio's {@code BrokenBarrierError}: thrown by {@link AsyncBarrier#waitAsync()} when the barrier
 * is aborted or reset while a task waits, or is already broken. Unchecked. (Not
 * {@code java.util.concurrent.BrokenBarrierException}, which is checked and belongs to thread
 * barriers.)
 */
public class AsyncBrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncBrokenBarrierException(String message) {
        super(message);
    }
}
