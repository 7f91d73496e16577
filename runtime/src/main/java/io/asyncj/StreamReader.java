package io.asyncj;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * asyncio's {@code StreamReader}: the receiving side of a byte stream (a TCP connection from
 * {@link Asyncio#openConnection} or {@link Asyncio#startServer}, a subprocess's stdout or stderr).
 *
 * <p>The transport feeds bytes into an internal buffer ({@link #feedData}, {@link #feedEof},
 * {@link #setException}); the read coroutines take them out. Every read method returns a cold
 * {@link Coroutine}: nothing is read until it is awaited. A read that finds enough data completes
 * without suspending; otherwise it parks on a waiter future that the next feed completes. Only one
 * coroutine may wait for data at a time (asyncio raises RuntimeError; this class throws
 * {@link IllegalStateException}).
 *
 * <p><b>Limit and flow control.</b> The limit (default {@link #DEFAULT_LIMIT}, 64 KiB) bounds how
 * far {@link #readuntil} and {@link #readline} look for a separator ({@link LimitOverrunException}).
 * When the buffer grows past twice the limit the reader pauses its transport (the socket is no
 * longer read); once reads bring it back to the limit or below, it resumes it. A read that must
 * wait for data resumes a paused transport first.
 *
 * <p><b>Cancellation.</b> Cancelling a task parked in a read leaves the reader consistent: the data
 * already buffered stays buffered and another read may start. ({@code read()} to end of stream,
 * like asyncio's, loses what it had already taken out of the buffer.)
 *
 * <p><b>Errors.</b> The read methods declare {@link IOException}: {@link IncompleteReadException},
 * {@link LimitOverrunException}, or the connection's error (a reset, say), which a read throws once
 * {@link #setException} recorded it. Invalid arguments are rejected when the method is called.
 *
 * <p><b>Thread-safety:</b> loop-thread only, like asyncio's. Feeding from another thread must go
 * through {@link EventLoop#callSoonThreadsafe}.
 */
public final class StreamReader {

    /** asyncio's {@code _DEFAULT_LIMIT}: 64 KiB. */
    public static final int DEFAULT_LIMIT = 1 << 16;

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    private final int limit;
    private byte[] buf = EMPTY;
    private int head;
    private int tail;
    private boolean eof;
    private Throwable exception;
    private Future<Void> waiter;
    private Transport transport;
    private boolean paused;

    /** A reader with the default limit (64 KiB). */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /** A reader with the given limit. @throws IllegalArgumentException if {@code limit <= 0} */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
    }

    // ---- the transport side ----

    /** The exception recorded by {@link #setException}, or null. */
    public Throwable exception() {
        return exception;
    }

    /**
     * Records {@code error}: the read waiting for data (if any) fails with it, and every later read
     * throws it.
     */
    public void setException(Throwable error) {
        exception = error;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isCancelled()) {
                w.setException(error);
            }
        }
    }

    void setTransport(Transport t) {
        if (transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        transport = t;
    }

    /** Marks the end of the stream: reads return what is buffered, then nothing. */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /** Whether the stream has ended and the buffer is empty. */
    public boolean atEof() {
        return eof && head == tail;
    }

    /** Appends {@code data} (copied) to the buffer. @throws IllegalStateException after {@link #feedEof} */
    public void feedData(byte[] data) {
        feedData(data, 0, data.length);
    }

    /** Appends {@code len} bytes of {@code data} from {@code off} (copied). */
    public void feedData(byte[] data, int off, int len) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        if (len == 0) {
            return;
        }
        System.arraycopy(data, off, reserve(len), tail, len);
        tail += len;
        fed();
    }

    /** Appends the remaining bytes of {@code src} (the transport's read path: one copy). */
    void feed(ByteBuffer src) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        int len = src.remaining();
        if (len == 0) {
            return;
        }
        src.get(reserve(len), tail, len);
        tail += len;
        fed();
    }

    private void fed() {
        wakeupWaiter();
        if (transport != null && !paused && tail - head > 2L * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    /** Room for {@code len} more bytes at {@link #tail}: compacts, or grows by doubling. */
    private byte[] reserve(int len) {
        byte[] b = buf;
        int size = tail - head;
        if (tail + len <= b.length) {
            return b;
        }
        if (size + len <= b.length && head >= b.length >>> 1) {
            System.arraycopy(b, head, b, 0, size);
        } else {
            long want = Math.max(Math.max(256L, (long) size + len), 2L * b.length);
            int cap = (int) Math.min(want, Integer.MAX_VALUE - 8);
            if (cap < size + len) {
                throw new OutOfMemoryError("StreamReader buffer cannot grow past " + cap + " bytes");
            }
            byte[] nb = new byte[cap];
            System.arraycopy(b, head, nb, 0, size);
            buf = b = nb;
        }
        head = 0;
        tail = size;
        return b;
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.isCancelled()) {
                w.setResult(null);
            }
        }
    }

    private void maybeResumeTransport() {
        if (paused && tail - head <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    // ---- the buffer ----

    private int size() {
        return tail - head;
    }

    /** Removes and returns the first {@code n} bytes ({@code n <= size()}). */
    private byte[] take(int n) {
        if (n == 0) {
            return EMPTY;
        }
        byte[] out = Arrays.copyOfRange(buf, head, head + n);
        head += n;
        if (head == tail) {
            head = tail = 0;
        }
        return out;
    }

    private void discard(int n) {
        head += n;
        if (head == tail) {
            head = tail = 0;
        }
    }

    /** Index (relative to head) of {@code sep} at or after {@code from}, or -1. */
    private int find(byte[] sep, int from) {
        byte[] b = buf;
        byte first = sep[0];
        int last = tail - sep.length;
        outer:
        for (int i = head + from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < sep.length; j++) {
                if (b[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - head;
        }
        return -1;
    }

    private boolean startsWith(byte[] sep, int at) {
        if (size() - at < sep.length) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buf[head + at + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    private void throwIfFailed() {
        Throwable e = exception;
        if (e != null) {
            throw Coroutine.sneakyThrow(e);
        }
    }

    /** CPython's {@code _wait_for_data}: the waiter a read parks on until the next feed. */
    private Future<Void> waitForData(String funcName) {
        if (waiter != null) {
            throw new IllegalStateException(funcName
                    + "() called while another coroutine is already waiting for incoming data");
        }
        // asyncio does not look again here, and a read that resumes after data arrived but before
        // the connection failed would then wait forever; the recorded failure ends it instead.
        throwIfFailed();
        if (paused) {
            // A waiting read needs more data whatever the buffer holds (readuntil past the limit).
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = new Future<>(Asyncio.runningLoop());
        waiter = w;
        return w;
    }

    // ---- reading ----

    /**
     * asyncio's {@code read(n)}: up to {@code n} bytes. Waits only while the buffer is empty and
     * the stream has not ended; returns an empty array at end of stream. {@code n < 0} reads until
     * end of stream; {@code n == 0} returns an empty array at once.
     */
    public Coroutine<byte[]> read(int n) throws IOException {
        return n < 0 ? new ReadAll(this) : new Read(this, n);
    }

    /** {@code read(-1)}: everything until end of stream. */
    public Coroutine<byte[]> read() throws IOException {
        return new ReadAll(this);
    }

    /**
     * asyncio's {@code readline()}: bytes up to and including {@code '\n'}. At end of stream
     * without a newline it returns what is left (empty at end of stream). A line longer than the
     * limit is discarded (up to and including its newline, if it is buffered, else the whole
     * buffer) and {@link LimitOverrunException} is thrown (asyncio raises ValueError).
     */
    public Coroutine<byte[]> readline() throws IOException {
        return new ReadUntil(this, NEWLINE, true);
    }

    /**
     * asyncio's {@code readexactly(n)}: exactly {@code n} bytes, or {@link IncompleteReadException}
     * with what was left if the stream ends first.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Coroutine<byte[]> readexactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        return new ReadExactly(this, n);
    }

    /** {@code readuntil("\n")}. */
    public Coroutine<byte[]> readuntil() throws IOException {
        return readuntil(NEWLINE);
    }

    /**
     * asyncio's {@code readuntil(separator)}: bytes up to and including {@code separator}.
     *
     * <p>At end of stream without the separator, the buffer is emptied into an
     * {@link IncompleteReadException} (expected: -1). If the separator is not within the limit,
     * {@link LimitOverrunException} is thrown and the data stays in the buffer; its
     * {@code consumed()} tells how much to read before the separator could fit.
     *
     * @throws IllegalArgumentException if {@code separator} is empty
     */
    public Coroutine<byte[]> readuntil(byte[] separator) throws IOException {
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        return new ReadUntil(this, separator.clone(), false);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (size() > 0) {
            sb.append(' ').append(size()).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter=").append(waiter);
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (transport != null) {
            sb.append(" transport=").append(transport);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }

    /**
     * The shape of every read: check for a recorded failure, then attempt; while the attempt needs
     * more data, park on a fresh waiter and attempt again when it is released. State 1 is the one
     * resume point.
     */
    private abstract static class Op extends Coroutine<byte[]> {
        final StreamReader reader;
        private Future<Void> waiter;
        /** Whether this attempt follows a wake-up (asyncio's reads that wait only once look at it). */
        boolean woken;

        Op(StreamReader reader) {
            this.reader = reader;
        }

        abstract String name();

        /** The result, or null to wait for more data. */
        abstract byte[] attempt() throws IOException;

        /** The check at entry; {@link ReadAll} repeats it every round, as asyncio's inner reads do. */
        void enter() {
            reader.throwIfFailed();
        }

        @Override
        protected final void $resume() throws IOException {
            switch ($state) {
                case 0:
                    enter();
                    break;
                case 1:
                    Future<Void> w = waiter;
                    waiter = null;
                    try {
                        $get();
                    } finally {
                        if (reader.waiter == w) {
                            reader.waiter = null; // cancelled: free the slot for the next read
                        }
                    }
                    woken = true;
                    break;
                default:
                    throw $badState();
            }
            byte[] result = attempt();
            if (result != null) {
                $complete(result);
                return;
            }
            waiter = reader.waitForData(name());
            $await(waiter, 1);
        }

        @Override
        public String toString() {
            return "<coroutine StreamReader." + name() + "()>";
        }
    }

    private static final class Read extends Op {
        private final int n;

        Read(StreamReader reader, int n) {
            super(reader);
            this.n = n;
        }

        @Override
        String name() {
            return "read";
        }

        @Override
        byte[] attempt() {
            StreamReader r = reader;
            if (n == 0) {
                return EMPTY;
            }
            if (r.size() == 0 && !r.eof && !woken) {
                return null;
            }
            // asyncio's read(n) waits once: woken by data another reader took first, it returns
            // what is left, which may be nothing.
            byte[] data = r.take(Math.min(n, r.size()));
            r.maybeResumeTransport();
            return data;
        }
    }

    /** {@code read(-1)}: asyncio's loop of {@code read(limit)} until an empty block. */
    private static final class ReadAll extends Op {
        private byte[] acc = EMPTY;
        private int len;

        ReadAll(StreamReader reader) {
            super(reader);
        }

        @Override
        String name() {
            return "read";
        }

        @Override
        byte[] attempt() {
            StreamReader r = reader;
            boolean resumed = woken;
            woken = false;
            for (;;) {
                if (resumed) {
                    // The inner read(limit) that waited returns without looking again: an empty
                    // block (its data taken by another reader) ends read(-1) as end of stream does.
                    resumed = false;
                    if (r.size() == 0) {
                        return finish();
                    }
                } else {
                    r.throwIfFailed(); // each of asyncio's inner read(limit) calls checks again
                    if (r.size() == 0) {
                        return r.eof ? finish() : null;
                    }
                }
                int k = Math.min(r.limit, r.size());
                if (len + k > acc.length) {
                    acc = Arrays.copyOf(acc, Math.max(len + k, acc.length * 2));
                }
                System.arraycopy(r.buf, r.head, acc, len, k);
                len += k;
                r.discard(k);
                r.maybeResumeTransport();
            }
        }

        private byte[] finish() {
            byte[] out = len == acc.length ? acc : Arrays.copyOf(acc, len);
            acc = null;
            return out;
        }
    }

    private static final class ReadExactly extends Op {
        private final int n;

        ReadExactly(StreamReader reader, int n) {
            super(reader);
            this.n = n;
        }

        @Override
        String name() {
            return "readexactly";
        }

        @Override
        byte[] attempt() throws IncompleteReadException {
            StreamReader r = reader;
            if (n == 0) {
                return EMPTY;
            }
            if (r.size() < n) {
                if (r.eof) {
                    throw new IncompleteReadException(r.take(r.size()), n);
                }
                return null;
            }
            byte[] data = r.take(n);
            r.maybeResumeTransport();
            return data;
        }
    }

    private static final class ReadUntil extends Op {
        private final byte[] sep;
        private final boolean line;
        private int offset;

        ReadUntil(StreamReader reader, byte[] sep, boolean line) {
            super(reader);
            this.sep = sep;
            this.line = line;
        }

        @Override
        String name() {
            return "readuntil";
        }

        @Override
        byte[] attempt() throws IOException {
            if (!line) {
                return until();
            }
            try {
                return until();
            } catch (IncompleteReadException e) {
                return e.partial();
            } catch (LimitOverrunException e) {
                StreamReader r = reader;
                if (r.startsWith(sep, e.consumed())) {
                    r.discard(e.consumed() + sep.length);
                } else {
                    r.discard(r.size());
                }
                r.maybeResumeTransport();
                throw new LimitOverrunException(e.getMessage(), e.consumed());
            }
        }

        private byte[] until() throws IOException {
            StreamReader r = reader;
            int seplen = sep.length;
            int isep;
            int buflen = r.size();
            if (buflen - offset >= seplen) {
                isep = r.find(sep, offset);
                if (isep < 0) {
                    // Next time, look again only where a separator could start.
                    offset = buflen + 1 - seplen;
                    if (offset > r.limit) {
                        throw new LimitOverrunException("Separator is not found, and chunk exceed the limit", offset);
                    }
                }
            } else {
                isep = -1;
            }
            if (isep < 0) {
                if (r.eof) {
                    throw new IncompleteReadException(r.take(r.size()), -1);
                }
                return null;
            }
            if (isep > r.limit) {
                throw new LimitOverrunException("Separator is found, but chunk is longer than limit", isep);
            }
            byte[] chunk = r.take(isep + seplen);
            r.maybeResumeTransport();
            return chunk;
        }
    }
}
