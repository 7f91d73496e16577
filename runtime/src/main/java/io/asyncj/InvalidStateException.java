package io.asyncj;

/**
 * asyncio's {@code InvalidStateError}: an operation that the future's state does not allow, such as
 * setting the result of a future that is already done, or reading the result of one that is not.
 */
public class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }
}
