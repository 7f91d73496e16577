package io.asyncj;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TCP streams on loopback, with real sockets on a system-clock loop. Every test is bounded twice:
 * by {@code waitFor} inside the loop and by JUnit's timeout outside it.
 */
@Timeout(30)
class StreamsTest {

    static final String HOST = "127.0.0.1";

    /** Runs {@code main} on a new system-clock loop, bounded by 20 s, then closes the loop. */
    static <T> T runReal(Script.FirstStep main) {
        return runOn(new SelectorEventLoop(), main);
    }

    /** Runs {@code main} on {@code loop}, bounded by 20 s, then closes the loop. */
    static <T> T runOn(SelectorEventLoop loop, Script.FirstStep main) {
        try {
            return loop.runUntilComplete(Asyncio.waitFor(Co.<T>of(main), 20.0));
        } finally {
            loop.close();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static String s(Object bytes) {
        return new String((byte[]) bytes, ISO_8859_1);
    }

    /**
     * What the compiler emits for asyncio's echo handler:
     * <pre>{@code
     * @Async static Coroutine<Void> echo(StreamReader r, StreamWriter w) throws IOException {
     *     byte[] data;
     *     while ((data = await(r.read(4096))).length > 0) {
     *         w.write(data);
     *         await(w.drain());
     *     }
     *     w.close();
     *     return completed();
     * }
     * }</pre>
     */
    static final class Echo extends Coroutine<Void> {
        private final StreamReader reader;
        private final StreamWriter writer;

        Echo(StreamReader reader, StreamWriter writer) {
            this.reader = reader;
            this.writer = writer;
        }

        @Override
        protected void $resume() throws IOException {
            for (;;) {
                switch ($state) {
                    case 0:
                        if ($await(reader.read(4096), 1)) {
                            return;
                        }
                    case 1:
                        byte[] data = $get();
                        if (data.length == 0) {
                            writer.close();
                            $complete(null);
                            return;
                        }
                        writer.write(data);
                        if ($await(writer.drain(), 2)) {
                            return;
                        }
                    case 2:
                        $get();
                        $state = 0;
                        continue;
                    default:
                        throw $badState();
                }
            }
        }
    }

    static final ConnectionHandler ECHO = Echo::new;

    /**
     * A client: connects, sends {@code count} 16-byte messages awaiting each echo, then half-closes,
     * expects end of stream and closes. Returns the number of echoes checked.
     */
    static final class PingClient extends Coroutine<Integer> {
        private final int port;
        private final int count;
        private StreamPair conn;
        private int i;
        private byte[] sent;

        PingClient(int port, int count) {
            this.port = port;
            this.count = count;
        }

        @Override
        protected void $resume() throws IOException {
            for (;;) {
                switch ($state) {
                    case 0:
                        if ($await(Asyncio.openConnection(HOST, port), 1)) {
                            return;
                        }
                    case 1:
                        conn = $get();
                        $state = 2;
                        continue;
                    case 2:
                        if (i == count) {
                            conn.writer().writeEof();
                            if ($await(conn.reader().read(), 5)) {
                                return;
                            }
                            continue;
                        }
                        sent = message(i);
                        conn.writer().write(sent);
                        if ($await(conn.writer().drain(), 3)) {
                            return;
                        }
                    case 3:
                        $get();
                        if ($await(conn.reader().readexactly(16), 4)) {
                            return;
                        }
                    case 4:
                        assertArrayEquals(sent, $get());
                        i++;
                        $state = 2;
                        continue;
                    case 5:
                        assertEquals(0, ((byte[]) $get()).length, "the server closes after our EOF");
                        assertTrue(conn.reader().atEof());
                        conn.writer().close();
                        if ($await(conn.writer().waitClosed(), 6)) {
                            return;
                        }
                    case 6:
                        $get();
                        $complete(i);
                        return;
                    default:
                        throw $badState();
                }
            }
        }
    }

    /** {@code "message %08d"} without the cost of String.format (the stress test sends 100,000). */
    static byte[] message(int i) {
        byte[] m = {'m', 'e', 's', 's', 'a', 'g', 'e', ' ', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int k = 15; i > 0 && k >= 8; k--, i /= 10) {
            m[k] = (byte) ('0' + i % 10);
        }
        return m;
    }

    @Test
    void echoServerAndClient() {
        List<String> trace = new ArrayList<>();
        Object got = runReal(() -> Script.<Server>start(() -> Asyncio.startServer(ECHO, HOST, 0))
                .then(v -> {
                    Server server = (Server) v;
                    assertTrue(server.isServing());
                    assertTrue(server.getPort() > 0);
                    assertEquals(List.of(new InetSocketAddress(HOST, server.getPort())), server.sockets());
                    return Script.start(() -> new PingClient(server.getPort(), 50))
                            .then(n -> {
                                trace.add("echoed " + n);
                                server.close();
                                assertFalse(server.isServing());
                                assertEquals(List.of(), server.sockets());
                                return server.waitClosed();
                            }).then(x -> "closed").build();
                }).build());
        assertEquals("closed", got);
        assertEquals(List.of("echoed 50"), trace);
    }

    /**
     * A connection accepted in the loop's last iteration, whose setup never ran, is closed with the
     * loop (CPython's socket object dies with the dropped callback): the client sees the end of the
     * connection instead of a socket open forever.
     */
    @Test
    void aConnectionAcceptedJustBeforeTheLoopClosesIsClosedWithIt() throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        List<String> handled = new ArrayList<>();
        Server server = loop.runUntilComplete(Asyncio.startServer((r, w) -> {
            handled.add("handler");
            return null;
        }, HOST, 0));
        try (java.net.Socket client = new java.net.Socket(HOST, server.getPort())) {
            client.setSoTimeout(5000);
            loop.runOnce(); // the listening socket is readable: accept() runs, the setup is queued
            loop.close();
            assertEquals(List.of(), handled, "the setup must not have run");
            int got;
            try {
                got = client.getInputStream().read();
            } catch (java.net.SocketException reset) {
                got = -1;
            }
            assertEquals(-1, got);
        }
    }

    /** Serving a closed server is refused clearly, by startServing as by serveForever. */
    @Test
    void aClosedServerCannotServeAgain() throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        try {
            Server server = loop.runUntilComplete(Asyncio.startServer(ECHO, HOST, 0));
            server.close();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(server.startServing()));
            assertTrue(e.getMessage().endsWith(" is closed"), e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(server.serveForever()));
            assertTrue(e.getMessage().endsWith(" is closed"), e.getMessage());
        } finally {
            loop.close();
        }
    }

    @Test
    void manyConcurrentConnections() {
        Object got = runReal(() -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            List<Awaitable<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                clients.add(new PingClient(server.getPort(), 100));
            }
            return Script.start(() -> Asyncio.gather(clients)).then(counts -> {
                server.close();
                return Script.start(server::waitClosed).then(x -> counts).build();
            }).build();
        }).build());
        List<Integer> expected = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            expected.add(100);
        }
        assertEquals(expected, got);
    }

    /** Byte {@code i} of chunk {@code c} of the next test. */
    private static byte pattern(int c, int i) {
        return (byte) (i * 31 + c * 7 + (i >>> 8));
    }

    @Test
    void writesOfEverySizeArriveIntactAndInOrder() {
        // Around the size written through the loop's direct buffer, a burst the socket cannot take
        // at once (so later small writes are appended to the transport's buffer), then small ones.
        int dw = SocketTransport.DIRECT_WRITE;
        int[] sizes = {1, 16, dw - 1, dw, dw + 1, 8 << 20, 16, dw, 3, SocketTransport.MAX_WRITE + 5};
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                expected.write(pattern(c, i));
            }
        }
        byte[][] received = new byte[1][];
        ConnectionHandler sink = (r, w) -> Script.<Void>start(r::read).then(all -> {
            received[0] = (byte[]) all;
            w.close();
            return null;
        }).build();
        Object got = runReal(() -> Script.start(() -> Asyncio.startServer(sink, HOST, 0)).then(v -> {
            Server server = (Server) v;
            return Script.start(() -> Asyncio.openConnection(HOST, server.getPort())).then(c -> {
                StreamWriter w = ((StreamPair) c).writer();
                for (int k = 0; k < sizes.length; k++) {
                    byte[] chunk = new byte[sizes[k] + 2]; // written from offset 1: off/len honoured
                    for (int i = 0; i < sizes[k]; i++) {
                        chunk[i + 1] = pattern(k, i);
                    }
                    w.write(chunk, 1, sizes[k]);
                }
                w.writeEof();
                return Script.start(w::drain)
                        .then(x -> ((StreamPair) c).reader().read())
                        .then(x -> {
                            w.close();
                            server.close();
                            return server.waitClosed();
                        }).then(x -> "done").build();
            }).build();
        }).build());
        assertEquals("done", got);
        assertArrayEquals(expected.toByteArray(), received[0]);
    }

    @Test
    void aClockWithOnlyThePlainSelectStillDispatchesIo() {
        // Clock.select(selector, action, timeout) has a default for clocks that only implement
        // the plain select (tests' manual clocks): it must hand every ready key over as well.
        Clock plain = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void select(java.nio.channels.Selector selector, long timeoutNanos) throws IOException {
                Clock.SYSTEM.select(selector, timeoutNanos);
            }
        };
        Object got = runOn(new SelectorEventLoop(plain), () -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            List<Awaitable<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                clients.add(new PingClient(server.getPort(), 20));
            }
            return Script.start(() -> Asyncio.gather(clients)).then(counts -> {
                server.close();
                return Script.start(server::waitClosed).then(x -> counts).build();
            }).build();
        }).build());
        assertEquals(List.of(20, 20, 20, 20, 20), got);
    }

    @Test
    void extraInfoNamesBothEnds() {
        Object got = runReal(() -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            return Script.start(() -> Asyncio.openConnection(HOST, server.getPort())).then(c -> {
                StreamWriter w = ((StreamPair) c).writer();
                InetSocketAddress peer = (InetSocketAddress) w.getExtraInfo("peername");
                InetSocketAddress local = (InetSocketAddress) w.getExtraInfo("sockname");
                assertEquals(server.getPort(), peer.getPort());
                assertEquals(HOST, local.getAddress().getHostAddress());
                assertNotNull(w.getExtraInfo("socket"));
                assertEquals("none", w.getExtraInfo("nonsense", "none"));
                assertTrue(w.canWriteEof());
                w.close();
                assertTrue(w.isClosing());
                server.close();
                return w.waitClosed();
            }).then(x -> "ok").build();
        }).build());
        assertEquals("ok", got);
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed
        }
        Object got = runReal(() -> Script.start(() -> Asyncio.openConnection(HOST, port)).handle((v, e) -> e).build());
        assertInstanceOf(ConnectException.class, got);
    }

    @Test
    void drainWaitsWhileTheReaderIsSlow() {
        // The server does not read until the client has seen drain() block; 8 MiB is more than
        // loopback socket buffers hold, so most of it waits in the client's write buffer.
        int size = 8 << 20;
        Future<Void>[] release = new Future[1];
        List<String> trace = new ArrayList<>();
        ConnectionHandler slowSink = (r, w) ->
                Script.<Void>start(() -> release[0])
                        .then(v -> r.read())
                        .then(all -> {
                            trace.add("server read " + ((byte[]) all).length);
                            w.close();
                            return null;
                        }).build();
        runReal(() -> {
            release[0] = new Future<>();
            return Script.start(() -> Asyncio.startServer(slowSink, HOST, 0)).then(v -> {
                Server server = (Server) v;
                return Script.start(() -> Asyncio.openConnection(HOST, server.getPort())).then(c -> {
                    StreamWriter w = ((StreamPair) c).writer();
                    w.write(new byte[size]);
                    assertTrue(w.getWriteBufferSize() > 64 * 1024, "buffered: " + w.getWriteBufferSize());
                    Task<Void> drain = Asyncio.createTask(w.drain());
                    return Script.start(() -> Asyncio.sleep(0))
                            .then(x -> Asyncio.sleep(0))
                            .then(x -> Asyncio.sleep(0))
                            .then(x -> {
                                assertFalse(drain.isDone(), "drain waits while the peer does not read");
                                trace.add("drain blocked");
                                release[0].setResult(null);
                                return drain;
                            }).then(x -> {
                                trace.add("drained to " + (w.getWriteBufferSize() <= 16 * 1024 ? "low water" : w.getWriteBufferSize()));
                                w.writeEof();
                                return ((StreamPair) c).reader().read();
                            }).then(x -> {
                                w.close();
                                server.close();
                                return server.waitClosed();
                            }).build();
                }).build();
            }).build();
        });
        assertEquals(List.of("drain blocked", "drained to low water", "server read " + size), trace);
    }

    @Test
    void handlerFailureIsReportedAndClosesTheConnection() {
        List<String> reported = new ArrayList<>();
        ConnectionHandler failing = (r, w) ->
                Co.of(() -> {
                    throw new IllegalStateException("handler bug");
                });
        Object got = runReal(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((loop, ctx) ->
                    reported.add(ctx.message() + ": " + ctx.exception().getMessage()));
            return Script.start(() -> Asyncio.startServer(failing, HOST, 0)).then(v -> {
                Server server = (Server) v;
                return Script.start(() -> Asyncio.openConnection(HOST, server.getPort()))
                        .then(c -> ((StreamPair) c).reader().read())
                        .then(rest -> {
                            server.close();
                            return rest;
                        }).build();
            }).build();
        });
        assertEquals(0, ((byte[]) got).length, "the client sees end of stream");
        assertEquals(List.of("Unhandled exception in client_connected_cb: handler bug"), reported);
    }

    @Test
    void serveForeverEndsWithCancellationAndClosesTheServer() {
        List<String> trace = new ArrayList<>();
        runReal(() -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            Task<Void> serving = Asyncio.createTask(server.serveForever());
            return Script.start(() -> new PingClient(server.getPort(), 3))
                    .then(n -> {
                        serving.cancel();
                        return Script.start(() -> serving).handle((x, e) -> e).build();
                    }).then(e -> {
                        trace.add(Co.describe((Throwable) e));
                        trace.add("serving " + server.isServing() + ", sockets " + server.sockets());
                        return null;
                    }).build();
        }).build());
        assertEquals(List.of("cancelled", "serving false, sockets []"), trace);
    }

    @Test
    void serveForeverOnAClosedServerFails() {
        Object got = runReal(() -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            server.close();
            return Script.start(server::serveForever).handle((x, e) -> e).build();
        }).build());
        assertInstanceOf(IllegalStateException.class, got);
    }

    @Test
    void waitClosedWaitsForTheAcceptedConnections() {
        // 3.12 semantics: closing the server leaves its connections open; waitClosed waits for them.
        List<String> trace = new ArrayList<>();
        runReal(() -> Script.start(() -> Asyncio.startServer(ECHO, HOST, 0)).then(v -> {
            Server server = (Server) v;
            return Script.start(() -> Asyncio.openConnection(HOST, server.getPort())).then(c -> {
                StreamPair conn = (StreamPair) c;
                server.close();
                Task<Void> waiting = Asyncio.createTask(server.waitClosed());
                conn.writer().write(b("still here"));
                return Script.start(() -> conn.reader().readexactly(10)).then(echo -> {
                    trace.add(s(echo));
                    assertFalse(waiting.isDone());
                    conn.writer().close(); // the echo handler sees EOF and closes its side
                    return waiting;
                }).then(x -> {
                    trace.add("wait closed");
                    return null;
                }).build();
            }).build();
        }).build());
        assertEquals(List.of("still here", "wait closed"), trace);
    }

    @Test
    void writesAfterTheConnectionIsLostAreDroppedAndDrainFails() {
        // The peer closes at once; the client writes until a write fails, then drain reports it.
        ConnectionHandler closer = (r, w) -> {
            w.close();
            return null;
        };
        Object got = runReal(() -> Script.start(() -> Asyncio.startServer(closer, HOST, 0)).then(v -> {
            Server server = (Server) v;
            return Script.start(() -> Asyncio.openConnection(HOST, server.getPort())).then(c -> {
                StreamPair conn = (StreamPair) c;
                server.close();
                return new WriteUntilFailure(conn.writer());
            }).build();
        }).build());
        assertInstanceOf(IOException.class, got);
    }

    /** Writes and drains in a loop until drain throws; returns what it threw. */
    static final class WriteUntilFailure extends Coroutine<Object> {
        private final StreamWriter writer;
        private int rounds;

        WriteUntilFailure(StreamWriter writer) {
            this.writer = writer;
        }

        @Override
        protected void $resume() throws IOException {
            for (;;) {
                switch ($state) {
                    case 0:
                        if (++rounds > 100_000) {
                            throw new AssertionError("drain never failed");
                        }
                        writer.write(new byte[1024]);
                        if ($await(writer.drain(), 1)) {
                            return;
                        }
                    case 1:
                        try {
                            $get();
                        } catch (Throwable e) { // what the compiler emits for catch (IOException e)
                            if (!(e instanceof IOException)) {
                                throw e;
                            }
                            $complete(e);
                            return;
                        }
                        if ($await(Asyncio.sleep(0), 2)) {
                            return;
                        }
                    case 2:
                        $get();
                        $state = 0;
                        continue;
                    default:
                        throw $badState();
                }
            }
        }
    }

    @Test
    void echoOverAUnixSocket(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("echo.sock");
        Files.writeString(path, "a regular file is not removed");
        Path stale = dir.resolve("stale.sock");
        Object got = runReal(() -> Script.start(() -> Asyncio.startUnixServer(ECHO, stale)).then(v -> {
            // a server that was never closed left its socket file: the next one replaces it
            return Asyncio.startUnixServer(ECHO, stale);
        }).then(v -> {
            Server server = (Server) v;
            assertEquals(-1, server.getPort());
            assertEquals(java.net.UnixDomainSocketAddress.of(stale), server.sockets().get(0));
            return Script.start(() -> Asyncio.openUnixConnection(stale)).then(c -> {
                StreamPair conn = (StreamPair) c;
                conn.writer().write(b("over unix\n"));
                return conn.reader().readline();
            }).then(line -> {
                server.close();
                return s(line);
            }).build();
        }).build());
        assertEquals("over unix\n", got);
        Object refused = runReal(() -> Script.start(() -> Asyncio.startUnixServer(ECHO, path)).handle((v, e) -> e).build());
        assertInstanceOf(IOException.class, refused, "a regular file in the way is an error");
    }
}
