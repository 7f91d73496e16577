package io.asyncj;

/** When {@link Asyncio#wait} returns: asyncio's {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}. */
public enum ReturnWhen {
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED
}
