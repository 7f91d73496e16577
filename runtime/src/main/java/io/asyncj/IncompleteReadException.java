package io.asyncj;

import java.io.EOFException;

/**
 * asyncio's {@code IncompleteReadError}: the stream ended before a read got what it asked for.
 * {@link StreamReader#readexactly} throws it when fewer than {@code n} bytes arrived before end of
 * stream, {@link StreamReader#readuntil} when the separator never came. The bytes that did arrive
 * have been removed from the stream and are in {@link #partial()}.
 *
 * <p>Like asyncio's, which is an {@code EOFError}, it is an {@link EOFException}.
 */
public class IncompleteReadException extends EOFException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final int expected;

    /**
     * @param partial the bytes read before end of stream (not copied)
     * @param expected how many bytes were expected, or -1 when undefined (asyncio's {@code None})
     */
    public IncompleteReadException(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of "
                + (expected < 0 ? "undefined" : String.valueOf(expected)) + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the stream ended (the array itself, not a copy). */
    public byte[] partial() {
        return partial;
    }

    /** The number of bytes that were expected, or -1 when undefined (asyncio's {@code None}). */
    public int expected() {
        return expected;
    }
}
