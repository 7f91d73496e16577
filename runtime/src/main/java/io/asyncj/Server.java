package io.asyncj;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code Server}: listening sockets, made by {@link Asyncio#startServer}, that accept
 * connections on the loop's selector and run the handler as a task for each.
 *
 * <p>Each accepted connection gets a {@link StreamReader} and a {@link StreamWriter}; the handler's
 * coroutine runs as its own task. As in asyncio, the connection stays open when the handler
 * returns (close the writer yourself); if the handler fails, the failure goes to the loop's
 * exception handler ("Unhandled exception in client_connected_cb") and the connection is closed;
 * if it is cancelled, the connection is closed (3.13's behaviour; 3.11 reported the cancellation to
 * the exception handler and left the connection open).
 *
 * <p>{@link #close()} stops listening; connections already accepted carry on. {@link #waitClosed()}
 * waits until the server is closed and every connection it accepted has been closed (asyncio
 * 3.12's meaning; 3.11's returned at once once the server was closed). {@link #serveForever()}
 * serves until cancelled, then closes.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public final class Server {
    /** asyncio's {@code ACCEPT_RETRY_DELAY}: how long to stop accepting after accept() fails. */
    private static final double ACCEPT_RETRY_DELAY = 1.0;

    private final SelectorEventLoop loop;
    private final ConnectionHandler handler;
    private final int limit;
    private final int backlog;
    private final List<SocketAddress> addresses;
    /** TCP (not Unix-domain): accepted connections get TCP_NODELAY. */
    private final boolean tcp;
    /** null once closed. */
    private List<ServerSocketChannel> sockets;
    private int activeCount;
    /** Who waits in {@link #waitClosed()}; null once they were woken. */
    private List<Future<Void>> waiters = new ArrayList<>();
    private boolean serving;
    private Future<Void> servingForeverFut;

    Server(SelectorEventLoop loop, List<ServerSocketChannel> sockets,
           ConnectionHandler handler, int limit, int backlog) {
        this.loop = loop;
        this.sockets = sockets;
        this.handler = handler;
        this.limit = limit;
        this.backlog = backlog;
        List<SocketAddress> addrs = new ArrayList<>();
        for (ServerSocketChannel s : sockets) {
            try {
                addrs.add(s.getLocalAddress());
            } catch (IOException e) {
                // not bound: not reported
            }
        }
        this.addresses = List.copyOf(addrs);
        this.tcp = addrs.isEmpty() || addrs.get(0) instanceof InetSocketAddress;
    }

    // ---- connections ----

    void attach() {
        activeCount++;
    }

    void detach() {
        activeCount--;
        if (activeCount == 0 && sockets == null) {
            wakeup();
        }
    }

    private void wakeup() {
        List<Future<Void>> ws = waiters;
        waiters = null;
        if (ws != null) {
            for (Future<Void> w : ws) {
                if (!w.isDone()) {
                    w.setResult(null);
                }
            }
        }
    }

    void startListening() {
        if (serving) {
            return;
        }
        serving = true;
        for (ServerSocketChannel s : sockets) {
            loop.addReader(s, () -> accept(s));
        }
    }

    /** CPython's {@code _accept_connection}: up to {@code backlog} accepts per readiness. */
    private void accept(ServerSocketChannel s) {
        for (int i = 0; i < backlog; i++) {
            if (sockets == null || !s.isOpen()) {
                return;
            }
            SocketChannel c;
            try {
                c = s.accept();
                if (c == null) {
                    return; // the accept queue is empty
                }
            } catch (IOException e) {
                // Out of descriptors, say: the socket stays readable, so stop accepting a while.
                loop.callExceptionHandler(new ExceptionContext("socket.accept() out of system resource", e));
                loop.removeReader(s);
                loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                    if (sockets != null && s.isOpen()) {
                        loop.addReader(s, () -> accept(s));
                    }
                });
                return;
            }
            try {
                c.configureBlocking(false);
                if (tcp) {
                    c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
            } catch (IOException e) {
                closeQuietly(c);
                continue;
            }
            accepted(c);
        }
    }

    /**
     * CPython accepts each connection in a task of its own ({@code _accept_connection2}, a task
     * name used up): its first step, an iteration after the accept, makes the transport, whose
     * {@code connection_made} calls the handler an iteration later. asyncj takes the same turns,
     * so the handler starts when CPython's would and other tasks interleave the same.
     */
    private void accepted(SocketChannel c) {
        Task.skipName();
        loop.enqueue(new Setup(c, () -> {
            StreamReader reader = new StreamReader(limit);
            StreamProtocol protocol = new StreamProtocol(loop, reader);
            SocketTransport transport = new SocketTransport(loop, c, protocol, this);
            StreamWriter writer = new StreamWriter(transport, protocol, reader);
            loop.enqueue(new Setup(c, () -> connectionMade(reader, writer, transport)));
        }));
    }

    /** A step of an accepted connection's setup: the loop closes the socket if it closes first. */
    private record Setup(SocketChannel channel, Runnable step) implements Runnable, SelectorEventLoop.OwnsChannel {
        @Override
        public void run() {
            step.run();
        }
    }

    private void connectionMade(StreamReader reader, StreamWriter writer, SocketTransport transport) {
        Coroutine<Void> res;
        try {
            res = handler.handle(reader, writer);
        } catch (Throwable e) {
            loop.callExceptionHandler(new ExceptionContext("Unhandled exception in client_connected_cb", e));
            transport.close();
            return;
        }
        if (res == null) {
            return;
        }
        Task<Void> task = loop.createTask(res);
        task.addDoneCallback(t -> {
            if (t.isCancelled()) {
                // 3.13's: 3.11 calls task.exception() here, which raises CancelledError into the
                // exception handler ("Exception in callback ...") and leaves the connection open.
                transport.close();
                return;
            }
            Throwable e = t.exception();
            if (e != null) {
                loop.callExceptionHandler(new ExceptionContext(
                        "Unhandled exception in client_connected_cb", e, t, null));
                transport.close();
            }
        });
    }

    static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    // ---- public API ----

    /** The loop the server runs on. */
    public EventLoop getLoop() {
        return loop;
    }

    /** Whether the server accepts connections. */
    public boolean isServing() {
        return serving;
    }

    /**
     * The addresses the server listens on (asyncio's {@code sockets}, given as addresses since the
     * channels belong to the loop): {@link InetSocketAddress}es, or a
     * {@link java.net.UnixDomainSocketAddress} for {@link Asyncio#startUnixServer}; empty once closed.
     */
    public List<SocketAddress> sockets() {
        return sockets == null ? List.of() : addresses;
    }

    /** The port of the first listening socket (handy after binding port 0); -1 once closed or for a Unix socket. */
    public int getPort() {
        return sockets == null || addresses.isEmpty() || !(addresses.get(0) instanceof InetSocketAddress a)
                ? -1 : a.getPort();
    }

    /**
     * Stops listening and closes the listening sockets; accepted connections stay open. Cancels a
     * pending {@link #serveForever()}. Idempotent.
     */
    public void close() {
        List<ServerSocketChannel> socks = sockets;
        if (socks == null) {
            return;
        }
        sockets = null;
        for (ServerSocketChannel s : socks) {
            loop.removeReader(s);
            loop.closeNow(s); // stop listening now, not at the next select
        }
        serving = false;
        Future<Void> f = servingForeverFut;
        if (f != null && !f.isDone()) {
            f.cancel();
            servingForeverFut = null;
        }
        if (activeCount == 0) {
            wakeup();
        }
    }

    /** asyncio's {@code start_serving()}: starts accepting (if not already), then yields once. */
    public Coroutine<Void> startServing() {
        return Deferred.of(() -> {
            if (sockets == null) {
                // serve_forever's words (CPython 3.11's start_serving fails here by accident, with
                // "TypeError: 'NoneType' object is not iterable")
                throw new IllegalStateException("server " + this + " is closed");
            }
            startListening();
            return Asyncio.sleep(0);
        });
    }

    /** Waits until the server is closed and all its connections are closed (3.12 semantics). */
    public Coroutine<Void> waitClosed() {
        return Deferred.of(() -> {
            if (waiters == null) {
                return new Done<>(null);
            }
            Future<Void> w = new Future<>(loop);
            waiters.add(w);
            return w;
        });
    }

    /**
     * asyncio's {@code serve_forever()}: accepts connections until the awaiting task is cancelled
     * (or {@link #close()} is called), then closes the server, waits for {@link #waitClosed()} and
     * throws the {@link CancelledException}.
     *
     * @throws IllegalStateException when awaited on a closed server or while another
     *     {@code serveForever} is running
     */
    public Coroutine<Void> serveForever() {
        return new ServeForever(this);
    }

    @Override
    public String toString() {
        return "<Server sockets=" + sockets() + ">";
    }

    private static final class ServeForever extends Coroutine<Void> {
        private final Server server;
        private CancelledException cancelled;

        ServeForever(Server server) {
            this.server = server;
        }

        @Override
        protected void $resume() {
            Server s = server;
            switch ($state) {
                case 0:
                    if (s.servingForeverFut != null) {
                        throw new IllegalStateException("server " + s + " is already being awaited on serve_forever()");
                    }
                    if (s.sockets == null) {
                        throw new IllegalStateException("server " + s + " is closed");
                    }
                    s.startListening();
                    Future<Void> f = s.servingForeverFut = new Future<>(s.loop);
                    $await(f, 1);
                    return;
                case 1:
                    try {
                        $get();
                    } catch (CancelledException e) {
                        s.servingForeverFut = null;
                        cancelled = e;
                        s.close();
                        if ($await(s.waitClosed(), 2)) {
                            return;
                        }
                        // fall through to state 2
                    } finally {
                        s.servingForeverFut = null;
                    }
                    if ($state == 1) {
                        $complete(null); // not reached: the future is only ever cancelled
                        return;
                    }
                    // fall through
                case 2:
                    CancelledException e = cancelled;
                    cancelled = null;
                    try {
                        $get();
                    } catch (Throwable t) {
                        // asyncio's "finally: raise": the cancellation wins over what wait_closed threw.
                        e.addSuppressed(t);
                    }
                    throw e;
                default:
                    throw $badState();
            }
        }

        @Override
        public String toString() {
            return "<coroutine Server.serveForever()>";
        }
    }
}
