package io.asyncj;

/**
 * What the loop's exception handler receives: asyncio's context dict, as a record. Any field but
 * {@code message} may be null.
 *
 * @param message what went wrong, in words
 * @param exception the exception, if there is one
 * @param future the future or task concerned, if any
 * @param handle the callback's handle, when a callback raised
 */
public record ExceptionContext(String message, Throwable exception, Future<?> future, Handle handle) {

    public ExceptionContext(String message, Throwable exception) {
        this(message, exception, null, null);
    }
}
