package io.asyncj;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The transports of a subprocess's pipes. Java's {@link Process} streams are blocking and cannot be
 * put on a selector, so each pipe has a daemon thread that does the blocking reads or writes and
 * hands every result to the loop with {@link EventLoop#callSoonThreadsafe}. Everything a stream or
 * a protocol sees happens on the loop thread, as with asyncio's non-blocking pipes; only the pump
 * threads block. Dedicated threads, not the loop's default executor: a pump lives as long as its
 * pipe, and would starve {@code toThread} work.
 */
final class SubprocessPipes {
    private SubprocessPipes() {}

    /** The most one read of a pipe delivers: what a Linux pipe holds (asyncio reads up to 256 KiB). */
    private static final int CHUNK = 64 * 1024;

    /** Posts {@code r} to the loop; false if the loop is closed (the pump then stops). */
    static boolean post(SelectorEventLoop loop, Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * stdout or stderr: a pump thread reads and posts chunks, which the loop feeds to the
     * {@link StreamReader}; end of stream feeds EOF and disconnects the pipe. Pausing (the reader's
     * flow control) makes the pump stop before its next read.
     */
    static final class ReadPipe implements Transport, Runnable {
        private final SelectorEventLoop loop;
        private final InputStream in;
        private final StreamReader reader;
        private final Subprocess process;
        private final String name;
        // loop thread
        private boolean closing;
        private boolean disconnected;
        // shared with the pump, under this
        private boolean paused;
        private boolean stopped;

        ReadPipe(SelectorEventLoop loop, InputStream in, StreamReader reader, Subprocess process, String name) {
            this.loop = loop;
            this.in = in;
            this.reader = reader;
            this.process = process;
            this.name = name;
            reader.setTransport(this);
        }

        void start(long pid) {
            daemon(this, "asyncj-subprocess-" + pid + "-" + name).start();
        }

        /** The pump. */
        @Override
        public void run() {
            byte[] buf = new byte[CHUNK];
            try {
                for (;;) {
                    synchronized (this) {
                        while (paused && !stopped) {
                            wait();
                        }
                        if (stopped) {
                            break;
                        }
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        post(loop, () -> lost(null));
                        break;
                    }
                    if (n > 0) {
                        byte[] chunk = Arrays.copyOf(buf, n);
                        if (!post(loop, () -> deliver(chunk))) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                post(loop, () -> lost(e));
            } catch (InterruptedException e) {
                // stopped
            } finally {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing to do
                }
            }
        }

        private void deliver(byte[] chunk) {
            if (!closing) {
                reader.feedData(chunk);
            }
        }

        /** End of stream or a read error: asyncio's connection_lost on the pipe. */
        private void lost(Throwable exc) {
            if (disconnected) {
                return;
            }
            disconnected = true;
            closing = true;
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
            process.pipeDisconnected();
        }

        @Override
        public synchronized void pauseReading() {
            paused = true;
        }

        @Override
        public synchronized void resumeReading() {
            paused = false;
            notifyAll();
        }

        /**
         * Stops delivering data and disconnects the pipe (the reader sees EOF). The pump may stay
         * blocked in a read until the process writes or exits; what it reads is dropped.
         */
        @Override
        public void close() {
            if (closing) {
                return;
            }
            closing = true;
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            loop.enqueue((Runnable) () -> lost(null));
        }

        @Override
        public void abort() {
            close();
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public void write(byte[] data, int off, int len) {
            throw new UnsupportedOperationException("a read pipe cannot be written");
        }

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public void writeEof() {
            throw new UnsupportedOperationException("a read pipe cannot be written");
        }

        @Override
        public Object getExtraInfo(String key) {
            return null;
        }

        @Override
        public int getWriteBufferSize() {
            return 0;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
            throw new UnsupportedOperationException("a read pipe has no write buffer");
        }

        @Override
        public String toString() {
            return "<ReadPipe " + name + (closing ? " closed" : "") + ">";
        }
    }

    /**
     * stdin: {@link #write} copies the bytes into the pump's queue and counts them as buffered
     * until the pump reports them written, so {@link StreamWriter#drain} applies back-pressure over
     * the blocking pipe as it does over a socket. {@link #close}/{@link #writeEof} close the pipe
     * once the queue is written.
     */
    static final class WritePipe implements Transport, Runnable {
        private static final Object EOF = new Object();

        private final SelectorEventLoop loop;
        private final OutputStream out;
        private final StreamProtocol protocol;
        private final Subprocess process;
        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        // loop thread
        private int buffered;
        private boolean closing;
        private boolean disconnected;
        private int connLost;
        private boolean protocolPaused;
        private int highWater = SocketTransport.DEFAULT_HIGH_WATER;
        private int lowWater = SocketTransport.DEFAULT_HIGH_WATER / 4;
        // pump thread
        private volatile boolean abandoned;

        WritePipe(SelectorEventLoop loop, OutputStream out, StreamProtocol protocol, Subprocess process) {
            this.loop = loop;
            this.out = out;
            this.protocol = protocol;
            this.process = process;
            protocol.connectionMade(this);
        }

        void start(long pid) {
            daemon(this, "asyncj-subprocess-" + pid + "-stdin").start();
        }

        /** The pump. */
        @Override
        public void run() {
            try {
                for (;;) {
                    Object item = queue.take();
                    if (item == EOF || abandoned) {
                        out.close();
                        post(loop, () -> lost(null));
                        return;
                    }
                    byte[] chunk = (byte[]) item;
                    out.write(chunk);
                    out.flush();
                    if (!post(loop, () -> written(chunk.length))) {
                        return;
                    }
                }
            } catch (IOException e) {
                post(loop, () -> lost(e));
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the pipe is broken already
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        @Override
        public void write(byte[] data, int off, int len) {
            if (len == 0) {
                return;
            }
            if (connLost > 0 || closing) {
                if (connLost >= 5) {
                    System.getLogger("io.asyncj").log(System.Logger.Level.WARNING, "pipe closed by peer or os.write(pipe, data) raised exception.");
                }
                connLost++;
                return;
            }
            queue.add(Arrays.copyOfRange(data, off, off + len));
            buffered += len;
            if (!protocolPaused && buffered > highWater) {
                protocolPaused = true;
                protocol.pauseWriting();
            }
        }

        private void written(int n) {
            buffered -= n;
            if (protocolPaused && buffered <= lowWater) {
                protocolPaused = false;
                protocol.resumeWriting();
            }
        }

        /** Closed after the queue was written, broken, or the process exited. */
        void lost(Throwable exc) {
            if (disconnected) {
                return;
            }
            disconnected = true;
            closing = true;
            connLost++;
            buffered = 0;
            protocol.connectionLost(exc);
            process.pipeDisconnected();
        }

        /**
         * The process exited: nobody will read the rest. asyncio learns this from the pipe's read
         * end closing; Java cannot watch a pipe, so the exit stands in for it.
         */
        void processExited() {
            if (disconnected) {
                return;
            }
            abandoned = true;
            queue.add(EOF); // wake the pump if it waits, so it closes the pipe and ends
            lost(buffered > 0 ? new IOException("Broken pipe") : null);
        }

        @Override
        public boolean canWriteEof() {
            return true;
        }

        @Override
        public void writeEof() {
            if (closing) {
                return;
            }
            closing = true;
            queue.add(EOF);
        }

        @Override
        public void close() {
            writeEof();
        }

        @Override
        public void abort() {
            abandoned = true;
            writeEof();
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public void pauseReading() {
            throw new UnsupportedOperationException("a write pipe is not read");
        }

        @Override
        public void resumeReading() {
            throw new UnsupportedOperationException("a write pipe is not read");
        }

        @Override
        public Object getExtraInfo(String key) {
            return null;
        }

        @Override
        public int getWriteBufferSize() {
            return buffered;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
            if (high < 0) {
                high = low < 0 ? SocketTransport.DEFAULT_HIGH_WATER : 4 * low;
            }
            if (low < 0) {
                low = high / 4;
            }
            if (!(high >= low && low >= 0)) {
                throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
            }
            highWater = high;
            lowWater = low;
            if (!protocolPaused && buffered > highWater) {
                protocolPaused = true;
                protocol.pauseWriting();
            }
        }

        @Override
        public String toString() {
            return "<WritePipe stdin" + (closing ? " closing" : "") + (buffered > 0 ? " buffered=" + buffered : "") + ">";
        }
    }
}
