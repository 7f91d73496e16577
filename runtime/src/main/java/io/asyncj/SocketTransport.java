package io.asyncj;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * CPython's {@code _SelectorSocketTransport}: a connected, non-blocking {@link SocketChannel} on the
 * loop's selector, between the socket and a {@link StreamProtocol}.
 *
 * <p><b>Reading.</b> While reading is not paused, the channel is registered for reads; each time it
 * is readable, one {@code read} into the loop thread's shared direct buffer (256 KiB, asyncio's
 * {@code max_size}) feeds the bytes to the {@link StreamReader}: one copy, no allocation. End of
 * stream feeds EOF and stops reading, keeping the socket open for writing (a half-close, as
 * asyncio's {@code eof_received} returning true does).
 *
 * <p><b>Writing.</b> {@link #write} sends at once when nothing is buffered; what the socket does not
 * take is copied into the write buffer and the channel is registered for writes until it is
 * flushed. Above the high-water mark the protocol is paused (drain waits), at or below the low one
 * it is resumed.
 *
 * <p><b>Closing.</b> {@link #close} stops reading, flushes, then tells the protocol (soon, from
 * the loop) and closes the channel. A read or write error closes at once and hands the error to
 * the protocol. Loop-thread only.
 */
final class SocketTransport implements Transport {
    private static final System.Logger LOG = System.getLogger("io.asyncj");

    /** asyncio's {@code max_size}: the most one readiness event reads. */
    static final int MAX_READ = 256 * 1024;
    static final int DEFAULT_HIGH_WATER = 64 * 1024;
    /** The most one write system call is offered (see {@link #send}). */
    static final int MAX_WRITE = 256 * 1024;

    /** Writes up to this size are copied into the loop thread's direct write buffer (see {@link #send}). */
    static final int DIRECT_WRITE = 64 * 1024;

    /**
     * The direct buffers of one loop thread, shared by every transport of the thread: reads hand
     * their bytes over and writes finish with theirs before returning.
     */
    private static final class Buffers {
        final ByteBuffer read = ByteBuffer.allocateDirect(MAX_READ);
        final ByteBuffer write = ByteBuffer.allocateDirect(DIRECT_WRITE);
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final byte[] EMPTY = new byte[0];

    private final SelectorEventLoop loop;
    private final SocketChannel channel;
    private final StreamProtocol protocol;
    private final Runnable onReadable = this::readReady;
    private final Runnable onWritable = this::writeReady;
    private Server server;
    /** The buffers of {@link #buffersOwner}, cached to skip the ThreadLocal lookup per read and write. */
    private Buffers buffers;
    private Thread buffersOwner;
    /** Cached at creation, as asyncio's extra info is: still known after the socket is closed. */
    private final Object peername;
    private final Object sockname;

    private byte[] wbuf = EMPTY;
    private int whead;
    private int wtail;

    private boolean closing;
    private boolean eof;
    private boolean readingPaused;
    private boolean protocolPaused;
    private int connLost;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;

    SocketTransport(SelectorEventLoop loop, SocketChannel channel, StreamProtocol protocol, Server server) {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        this.peername = address(channel, true);
        this.sockname = address(channel, false);
        if (server != null) {
            server.attach();
        }
        protocol.connectionMade(this);
        loop.addReader(channel, onReadable);
    }

    // ---- reading ----

    private void readReady() {
        if (connLost > 0) {
            return;
        }
        ByteBuffer b = buffers().read;
        b.clear();
        int n;
        try {
            n = channel.read(b);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n < 0) {
            readEof();
            return;
        }
        if (n == 0) {
            return;
        }
        b.flip();
        try {
            protocol.reader.feed(b);
        } catch (Throwable e) {
            fatalError(e, "Fatal error: protocol.data_received() call failed.");
        }
    }

    private Buffers buffers() {
        Buffers b = buffers;
        Thread t = Thread.currentThread();
        if (buffersOwner != t) {
            // First I/O, or the loop now runs on another thread: take that thread's buffers.
            buffersOwner = t;
            buffers = b = BUFFERS.get();
        }
        return b;
    }

    private void readEof() {
        try {
            if (protocol.eofReceived()) {
                // Keep the socket open for writing: stop reading only.
                loop.removeReader(channel);
            } else {
                close();
            }
        } catch (Throwable e) {
            fatalError(e, "Fatal error: protocol.eof_received() call failed.");
        }
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        loop.removeReader(channel);
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        loop.addReader(channel, onReadable);
    }

    // ---- writing ----

    @Override
    public void write(byte[] data, int off, int len) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after write_eof()");
        }
        if (len == 0) {
            return;
        }
        if (connLost > 0) {
            if (connLost >= 5) {
                LOG.log(System.Logger.Level.WARNING, "socket.send() raised exception.");
            }
            connLost++;
            return;
        }
        if (wtail == whead) {
            // Nothing queued: try to send now.
            int n;
            try {
                n = send(data, off, len);
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
            if (n == len) {
                return;
            }
            off += n;
            len -= n;
            loop.addWriter(channel, onWritable);
        }
        append(data, off, len);
        maybePauseProtocol();
    }

    /**
     * Writes as much of the bytes as the socket takes. Up to {@link #DIRECT_WRITE} bytes are copied
     * into the thread's direct write buffer and written from there (what the JDK would do with a
     * heap buffer, minus a wrapper object and its temporary-buffer cache per write). Larger writes
     * go in slices of at most {@link #MAX_WRITE}: the JDK copies a heap buffer's whole remainder
     * into a direct buffer before each write, so offering megabytes to a socket that takes
     * kilobytes would copy them again on every attempt.
     */
    private int send(byte[] data, int off, int len) throws IOException {
        if (len <= DIRECT_WRITE) {
            ByteBuffer b = buffers().write;
            b.clear();
            b.put(data, off, len).flip();
            return channel.write(b);
        }
        int sent = 0;
        while (sent < len) {
            int slice = Math.min(len - sent, MAX_WRITE);
            int n = channel.write(ByteBuffer.wrap(data, off + sent, slice));
            sent += n;
            if (n < slice) {
                break;
            }
        }
        return sent;
    }

    private void append(byte[] data, int off, int len) {
        byte[] b = wbuf;
        int size = wtail - whead;
        if (wtail + len > b.length) {
            if (size + len <= b.length) {
                System.arraycopy(b, whead, b, 0, size);
            } else {
                byte[] nb = new byte[Math.max(Math.max(1024, size + len), b.length * 2)];
                System.arraycopy(b, whead, nb, 0, size);
                wbuf = b = nb;
            }
            whead = 0;
            wtail = size;
        }
        System.arraycopy(data, off, b, wtail, len);
        wtail += len;
    }

    private void writeReady() {
        if (connLost > 0) {
            return;
        }
        int n;
        try {
            n = send(wbuf, whead, wtail - whead);
        } catch (IOException e) {
            loop.removeWriter(channel);
            clearBuffer();
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        whead += n;
        if (whead == wtail) {
            clearBuffer();
        }
        maybeResumeProtocol();
        if (whead == wtail) {
            loop.removeWriter(channel);
            if (closing) {
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    private void clearBuffer() {
        whead = wtail = 0;
        if (wbuf.length > MAX_READ) {
            wbuf = EMPTY; // do not keep a burst's buffer forever
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error on socket shutdown");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        if (wtail == whead) {
            shutdownOutput();
        }
    }

    @Override
    public int getWriteBufferSize() {
        return wtail - whead;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (high < 0) {
            high = low < 0 ? DEFAULT_HIGH_WATER : 4 * low;
        }
        if (low < 0) {
            low = high / 4;
        }
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
        maybePauseProtocol();
    }

    private void maybePauseProtocol() {
        if (wtail - whead <= highWater || protocolPaused) {
            return;
        }
        protocolPaused = true;
        protocol.pauseWriting();
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && wtail - whead <= lowWater) {
            protocolPaused = false;
            protocol.resumeWriting();
        }
    }

    // ---- closing ----

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        loop.removeReader(channel);
        if (wtail == whead) {
            connLost++;
            loop.removeWriter(channel);
            loop.enqueue((Runnable) () -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    private void fatalError(Throwable exc, String message) {
        if (exc instanceof IOException) {
            if (loop.getDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + ": " + message, exc);
            }
        } else {
            loop.callExceptionHandler(new ExceptionContext(message + " (transport " + this + ")", exc));
        }
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        if (connLost > 0) {
            return;
        }
        if (wtail != whead) {
            clearBuffer();
            loop.removeWriter(channel);
        }
        if (!closing) {
            closing = true;
            loop.removeReader(channel);
        }
        connLost++;
        loop.enqueue((Runnable) () -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        try {
            protocol.connectionLost(exc);
        } finally {
            loop.closeNow(channel); // now, as asyncio's: not shut down for writing first
            Server s = server;
            if (s != null) {
                server = null;
                s.detach();
            }
        }
    }

    // ---- introspection ----

    private static Object address(SocketChannel channel, boolean remote) {
        try {
            return remote ? channel.getRemoteAddress() : channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Object getExtraInfo(String name) {
        switch (name) {
            case "peername":
                return peername;
            case "sockname":
                return sockname;
            case "socket":
                return channel;
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<SocketTransport");
        if (!channel.isOpen()) {
            sb.append(" closed");
        } else if (closing) {
            sb.append(" closing");
        }
        if (peername != null) {
            sb.append(" peer=").append(peername);
        }
        if (wtail != whead) {
            sb.append(" buffered=").append(wtail - whead);
        }
        return sb.append('>').toString();
    }
}
