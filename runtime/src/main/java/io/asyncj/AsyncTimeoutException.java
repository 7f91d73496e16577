package io.asyncj;

/**
 * asyncio's {@code TimeoutError}: what {@link Asyncio#waitFor} and {@link Asyncio#timeout} throw
 * when the deadline passes. The cancellation that interrupted the work is its cause. Unchecked, and
 * distinct from {@link java.util.concurrent.TimeoutException}, which is checked.
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException() {
        super();
    }

    public AsyncTimeoutException(String message) {
        super(message);
    }

    public AsyncTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
