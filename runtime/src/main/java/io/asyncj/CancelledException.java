package io.asyncj;

import java.util.concurrent.CancellationException;

/**
 * asyncio's {@code CancelledError}: thrown into a coroutine at its current await point when its
 * task is cancelled, and by {@link Future#result()} on a cancelled future. Unchecked. Catch it only
 * to clean up, and rethrow it: a task that swallows its cancellation keeps running.
 */
public class CancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super();
    }

    public CancelledException(String message) {
        super(message);
    }
}
