package io.asyncj;

/**
 * asyncio's {@code QueueFull}: {@link AsyncQueue#putNowait} found no free slot. An
 * {@link IllegalStateException}, as {@code java.util.Queue.add()} throws on a full queue.
 */
public class QueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueFullException() {
        super(); // CPython raises QueueFull without a message
    }
}
