package io.asyncj;

import java.util.NoSuchElementException;

/**
 * asyncio's {@code QueueEmpty}: {@link AsyncQueue#getNowait()} found no item. A
 * {@link NoSuchElementException}, as {@code java.util.Queue.remove()} throws on an empty queue.
 */
public class QueueEmptyException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    public QueueEmptyException() {
        super(); // CPython raises QueueEmpty without a message
    }
}
