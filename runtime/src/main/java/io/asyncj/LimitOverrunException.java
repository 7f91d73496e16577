package io.asyncj;

import java.io.IOException;

/**
 * asyncio's {@code LimitOverrunError}: looking for a separator went past the reader's limit.
 *
 * <p>{@link StreamReader#readuntil} leaves the data in the stream and reports in
 * {@link #consumed()} how many bytes are to be consumed (for example with
 * {@link StreamReader#readexactly}) before the separator could be found. {@link StreamReader#readline}
 * throws it too, where asyncio raises {@code ValueError}: Java has no {@code ValueError}, and one
 * type for "line too long" reads better; as in asyncio, {@code readline} has already discarded the
 * overlong data when it throws.
 */
public class LimitOverrunException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** The number of bytes to consume before the separator could be found. */
    public int consumed() {
        return consumed;
    }
}
