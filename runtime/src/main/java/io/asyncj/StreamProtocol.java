package io.asyncj;

import java.io.IOException;
import java.util.ArrayList;

/**
 * CPython's {@code StreamReaderProtocol} with its {@code FlowControlMixin}: what a transport tells
 * the streams. It feeds the {@link StreamReader}, records write-side flow control (the transport
 * pauses and resumes writing around its high and low water marks) for {@link StreamWriter#drain},
 * and completes the close waiter when the connection is lost. Loop-thread only.
 */
final class StreamProtocol {
    final SelectorEventLoop loop;
    /** null for a write-only stream (a subprocess's stdin). */
    final StreamReader reader;
    /** Completes when the connection is lost: {@link StreamWriter#waitClosed}. */
    final Future<Void> closed;
    Transport transport;
    boolean paused;
    boolean connectionLost;
    private ArrayList<Future<Void>> drainWaiters;

    StreamProtocol(SelectorEventLoop loop, StreamReader reader) {
        this.loop = loop;
        this.reader = reader;
        this.closed = new Future<>(loop);
    }

    void connectionMade(Transport t) {
        transport = t;
        if (reader != null) {
            reader.setTransport(t);
        }
    }

    /** Whether to keep the transport open (half-closed) after end of stream: yes, as asyncio's. */
    boolean eofReceived() {
        if (reader != null) {
            reader.feedEof();
        }
        return true;
    }

    void connectionLost(Throwable exc) {
        if (reader != null) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        if (!closed.isDone()) {
            if (exc == null) {
                closed.setResult(null);
            } else {
                closed.setException(exc);
                closed.exception(); // asyncio's __del__ does this: nobody has to wait for it
            }
        }
        connectionLost = true;
        if (paused && drainWaiters != null) {
            for (Future<Void> w : drainWaiters) {
                if (!w.isDone()) {
                    if (exc == null) {
                        w.setResult(null);
                    } else {
                        w.setException(exc);
                    }
                }
            }
        }
    }

    void pauseWriting() {
        paused = true;
    }

    void resumeWriting() {
        paused = false;
        if (drainWaiters != null) {
            for (Future<Void> w : drainWaiters) {
                if (!w.isDone()) {
                    w.setResult(null);
                }
            }
        }
    }

    /** Whether a drain would return at once (the common case: nothing to wait for). */
    boolean drainReady() {
        return !paused && !connectionLost;
    }

    /** CPython's {@code _drain_helper}, the part of drain after the closing check. */
    Future<Void> drainWaiter() throws IOException {
        if (connectionLost) {
            throw new IOException("Connection lost");
        }
        if (!paused) {
            return null;
        }
        Future<Void> w = new Future<>(loop);
        if (drainWaiters == null) {
            drainWaiters = new ArrayList<>(2);
        }
        drainWaiters.add(w);
        return w;
    }

    void drainDone(Future<Void> w) {
        drainWaiters.remove(w);
    }
}
