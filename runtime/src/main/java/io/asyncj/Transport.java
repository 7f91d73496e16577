package io.asyncj;

/**
 * The part of asyncio's transport interface the streams use: what a {@link StreamReader} pauses
 * and resumes, what a {@link StreamWriter} writes to. Implemented by {@link SocketTransport} (a
 * socket on the loop's selector) and by the subprocess pipes. Loop-thread only.
 */
interface Transport {

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

    int getWriteBufferSize();

    /** asyncio's {@code set_write_buffer_limits}; negative means "not given". */
    void setWriteBufferLimits(int high, int low);
}
