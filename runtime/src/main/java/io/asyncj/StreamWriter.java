package io.asyncj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * asyncio's {@code StreamWriter}: the sending side of a byte stream (a TCP connection, a
 * subprocess's stdin).
 *
 * <p>{@link #write} never blocks and never suspends: the bytes go straight to the socket when it
 * takes them, and the rest wait in the transport's buffer until the selector says the socket is
 * writable. The buffer is unbounded; {@link #drain()} is the back-pressure: it returns at once while
 * the buffer is below the high-water mark (default 64 KiB), and otherwise waits until it has
 * drained to the low-water mark (default a quarter of the high one). The idiom is asyncio's:
 *
 * <pre>{@code
 * writer.write(data);
 * await(writer.drain());
 * }</pre>
 *
 * <p>{@link #close()} closes once the buffered data is sent; {@link #waitClosed()} waits until the
 * connection is closed. A write after the connection was lost is dropped silently, as in asyncio;
 * the next {@code drain()} throws.
 *
 * <p><b>Thread-safety:</b> loop-thread only, like asyncio's.
 */
public final class StreamWriter {
    private final Transport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;

    StreamWriter(Transport transport, StreamProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    /** Writes {@code data}: sends what the socket takes now, buffers the rest. */
    public void write(byte[] data) {
        transport.write(data, 0, data.length);
    }

    /** Writes {@code len} bytes of {@code data} from {@code off}. */
    public void write(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + data.length);
        }
        transport.write(data, off, len);
    }

    /** Writes the chunks as one (asyncio's {@code writelines}). */
    public void writelines(Iterable<byte[]> data) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] b : data) {
            joined.writeBytes(b);
        }
        byte[] all = joined.toByteArray();
        transport.write(all, 0, all.length);
    }

    /** Whether {@link #writeEof} is supported (it is for TCP and pipes). */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the write side (a TCP half-close) after the buffered data is sent; reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the stream once the buffered data is sent. Idempotent. See {@link #waitClosed()}. */
    public void close() {
        transport.close();
    }

    /** Whether the stream is closed or closing. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Waits until the connection is closed; throws the error it was lost with, if any.
     */
    public Coroutine<Void> waitClosed() throws IOException {
        return Deferred.of(() -> protocol.closed);
    }

    /**
     * asyncio's {@code drain()}: waits until the write buffer is at or below the low-water mark if
     * it had gone above the high one; returns at once otherwise. Throws the reader's recorded
     * error, or {@link IOException} ("Connection lost") once the connection is gone. On a closing
     * stream it first yields one loop iteration, so a loop of write-and-drain sees the loss. As
     * asyncio's coroutine, it looks at the stream when awaited, not when called: a drain created
     * before {@link #close()} and awaited after it sees the close.
     */
    public Coroutine<Void> drain() throws IOException {
        return new Drain(this); // with nothing to wait for, it completes in its first step, inline
    }

    /**
     * asyncio's {@code get_extra_info}: {@code "peername"} and {@code "sockname"}
     * ({@link java.net.InetSocketAddress}), {@code "socket"} (the channel; do not read from it or
     * register it yourself); null when unknown.
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /** {@link #getExtraInfo(String)}, or {@code defaultValue} when unknown. */
    public Object getExtraInfo(String name, Object defaultValue) {
        return transport.getExtraInfo(name, defaultValue);
    }

    /**
     * The transport under the stream (asyncio's {@code writer.transport}): for what the writer does
     * not offer itself, such as {@link Transport#abort()}.
     */
    public Transport transport() {
        return transport;
    }

    /**
     * The transport's {@code set_write_buffer_limits}: {@link #drain()} waits once the buffer is
     * above {@code high} bytes, until it is at or below {@code low}. A negative value means "not
     * given": {@code high} defaults to 64 KiB (or 4 × low), {@code low} to {@code high / 4}.
     *
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    public void setWriteBufferLimits(int high, int low) {
        transport.setWriteBufferLimits(high, low);
    }

    /** The number of bytes written but not yet sent. */
    public int getWriteBufferSize() {
        return transport.getWriteBufferSize();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }

    /** The slow path of {@link #drain()}, CPython's {@code drain} and {@code _drain_helper}. */
    private static final class Drain extends Coroutine<Void> {
        private final StreamWriter writer;
        private Future<Void> waiter;

        Drain(StreamWriter writer) {
            this.writer = writer;
        }

        @Override
        protected void $resume() throws IOException {
            switch ($state) {
                case 0:
                    StreamReader r = writer.reader;
                    if (r != null && r.exception() != null) {
                        throw Coroutine.sneakyThrow(r.exception());
                    }
                    if (writer.transport.isClosing()) {
                        // Let connectionLost run first, so the drain below sees the loss.
                        $yield(1);
                        return;
                    }
                    // fall through
                case 1:
                    if ($state == 1) {
                        $get();
                    }
                    Future<Void> w = writer.protocol.drainWaiter();
                    if (w == null) {
                        $complete(null);
                        return;
                    }
                    waiter = w;
                    $await(w, 2);
                    return;
                case 2:
                    try {
                        $get();
                    } finally {
                        writer.protocol.drainDone(waiter);
                        waiter = null;
                    }
                    $complete(null);
                    return;
                default:
                    throw $badState();
            }
        }

        @Override
        public String toString() {
            return "<coroutine StreamWriter.drain()>";
        }
    }
}
