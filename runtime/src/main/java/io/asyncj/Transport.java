package io.asyncj;

/**
 * asyncio's transport, the part the streams use: what a {@link StreamReader} pauses and resumes,
 * what a {@link StreamWriter} writes to ({@link StreamWriter#transport()}, asyncio's
 * {@code writer.transport}). Implemented by the loop's socket transport (a socket on its
 * selector) and by the subprocess pipes. User code reaches it for what the writer does not offer,
 * above all {@link #abort()}: close now, dropping what is still buffered.
 *
 * <p><b>Thread-safety:</b> loop-thread only, like asyncio's.
 */
public interface Transport {

    /** Writes {@code len} bytes now if the peer takes them, buffers the rest; never blocks. */
    void write(byte[] data, int off, int len);

    boolean canWriteEof();

    /** Closes the write side once the buffered data is flushed. */
    void writeEof();

    /** Closes after the buffered data is flushed; the protocol hears connectionLost(null) soon. */
    void close();

    /** Closes now, dropping buffered data. */
    void abort();

    boolean isClosing();

    void pauseReading();

    void resumeReading();

    /** asyncio's {@code get_extra_info}: "peername", "sockname", "socket"...; null if unknown. */
    Object getExtraInfo(String name);

    /** {@link #getExtraInfo(String)}, or {@code defaultValue} when unknown. */
    default Object getExtraInfo(String name, Object defaultValue) {
        Object v = getExtraInfo(name);
        return v != null ? v : defaultValue;
    }

    int getWriteBufferSize();

    /** asyncio's {@code set_write_buffer_limits}; negative means "not given". */
    void setWriteBufferLimits(int high, int low);
}
