package io.asyncj;

/**
 * asyncio's {@code QueueShutDown} (3.13): a put to a queue that was shut down, or a get from a
 * queue that was shut down and is empty (or was shut down with {@code immediate}). See
 * {@link AsyncQueue#shutdown(boolean)}.
 */
public class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueShutDownException() {
        super(); // CPython raises QueueShutDown without a message
    }
}
