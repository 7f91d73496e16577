package io.asyncj;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coroutines behind {@link Asyncio#openConnection} and {@link Asyncio#startServer}: name
 * resolution (on the default executor, as asyncio's {@code getaddrinfo}, unless the host is an
 * address literal), non-blocking connect through {@code OP_CONNECT}, bind and listen.
 */
final class Streams {
    private Streams() {}

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Whether {@code host} is an address literal (resolved without a lookup). */
    static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    /** The addresses of {@code host}: at once for literals (and null, the loopback), else on the executor. */
    static Future<InetAddress[]> resolve(SelectorEventLoop loop, String host) {
        if (host == null || isLiteral(host)) {
            Future<InetAddress[]> f = new Future<>(loop);
            try {
                f.setResult(InetAddress.getAllByName(host)); // a literal: no lookup
            } catch (IOException e) {
                f.setException(e);
            }
            return f;
        }
        return loop.runInExecutor(null, () -> InetAddress.getAllByName(host));
    }

    /** asyncio's way of reporting several failed attempts: one as is, several as one OSError. */
    static IOException combine(List<IOException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        Set<String> messages = new LinkedHashSet<>();
        for (IOException e : errors) {
            messages.add(String.valueOf(e));
        }
        if (messages.size() == 1) {
            return errors.get(0);
        }
        IOException all = new IOException("Multiple exceptions: " + String.join(", ", messages));
        for (IOException e : errors) {
            all.addSuppressed(e);
        }
        return all;
    }

    /** {@code open_connection}: resolve, then try each address in turn until one connects. */
    static final class OpenConnection extends Coroutine<StreamPair> {
        private final String host;
        private final int port;
        private final int limit;
        /** Non-null for a Unix-domain connection (no resolution, no TCP options). */
        private final UnixDomainSocketAddress unix;
        private SelectorEventLoop loop;
        private List<SocketAddress> addresses;
        private int next;
        private SocketChannel channel;
        private List<IOException> errors;
        /** The streams, made and not yet handed over (states 3 and 4). */
        private StreamPair pair;

        OpenConnection(String host, int port, int limit) {
            this.host = host;
            this.port = port;
            this.limit = limit;
            this.unix = null;
        }

        OpenConnection(Path path, int limit) {
            this.host = path.toString();
            this.port = -1;
            this.limit = limit;
            this.unix = UnixDomainSocketAddress.of(path);
        }

        @Override
        protected void $resume() throws IOException {
            switch ($state) {
                case 0:
                    loop = Asyncio.runningLoop();
                    if (unix != null) {
                        addresses = List.of(unix);
                        break;
                    }
                    if ($await(resolve(loop, host), 1)) {
                        return;
                    }
                    // fall through
                case 1:
                    InetAddress[] resolved = this.<InetAddress[]>$get();
                    if (resolved.length == 0) {
                        throw new IOException("getaddrinfo() returned empty list");
                    }
                    addresses = new ArrayList<>(resolved.length);
                    for (InetAddress a : resolved) {
                        addresses.add(new InetSocketAddress(a, port));
                    }
                    break;
                case 2:
                    SocketChannel ch = channel;
                    try {
                        $get();
                    } catch (Throwable cancelled) {
                        loop.removeWriter(ch);
                        loop.closeNow(ch);
                        channel = null;
                        throw cancelled;
                    }
                    loop.removeWriter(ch);
                    try {
                        ch.finishConnect();
                    } catch (IOException e) {
                        failed(e);
                        break;
                    }
                    connected();
                    return;
                case 3:
                case 4:
                    try {
                        $get();
                    } catch (Throwable cancelled) {
                        pair.writer().close(); // as asyncio's _create_connection_transport
                        pair = null;
                        throw cancelled;
                    }
                    if ($state == 3) {
                        $yield(4);
                        return;
                    }
                    StreamPair done = pair;
                    pair = null;
                    $complete(done);
                    return;
                default:
                    throw $badState();
            }
            while (next < addresses.size()) {
                SocketAddress address = addresses.get(next++);
                SocketChannel ch = null;
                try {
                    if (unix != null) {
                        channel = ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                        ch.configureBlocking(false);
                    } else {
                        channel = ch = SocketChannel.open();
                        ch.configureBlocking(false);
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    if (ch.connect(address)) {
                        connected();
                        return;
                    }
                } catch (IOException e) {
                    failed(e);
                    continue;
                }
                Future<Void> writable = new Future<>(loop);
                loop.addWriter(ch, () -> {
                    if (!writable.isDone()) {
                        writable.setResult(null);
                    }
                });
                $await(writable, 2);
                return;
            }
            throw combine(errors);
        }

        private void failed(IOException e) {
            if (channel != null) {
                loop.closeNow(channel);
                channel = null;
            }
            if (errors == null) {
                errors = new ArrayList<>();
            }
            errors.add(e);
        }

        /**
         * Makes the transport, then hands the streams over two loop iterations later, as late as
         * CPython's {@code _create_connection_transport} does (the transport's {@code call_soon}ed
         * {@code connection_made} and waiter, then the wakeup): other tasks get the same turns.
         */
        private void connected() {
            SocketChannel ch = channel;
            channel = null;
            StreamReader reader = new StreamReader(limit);
            StreamProtocol protocol = new StreamProtocol(loop, reader);
            SocketTransport transport = new SocketTransport(loop, ch, protocol, null);
            pair = new StreamPair(reader, new StreamWriter(transport, protocol, reader));
            $yield(3);
        }

        @Override
        public String toString() {
            return "<coroutine openConnection(" + host + ", " + port + ")>";
        }
    }

    /** {@code start_server}: resolve, bind every address, listen, start accepting. */
    static final class StartServer extends Coroutine<Server> {
        private final ConnectionHandler handler;
        private final String host;
        private final int port;
        private final int limit;
        private final int backlog;
        private final Path unix;
        private boolean startServing = true;

        StartServer(ConnectionHandler handler, String host, int port,
                    int limit, int backlog) {
            this.handler = handler;
            this.host = host;
            this.port = port;
            this.limit = limit;
            this.backlog = backlog;
            this.unix = null;
        }

        /** asyncio's {@code start_serving=False}: the server is returned not yet accepting, without the extra yield. */
        StartServer notServing() {
            startServing = false;
            return this;
        }

        StartServer(ConnectionHandler handler, Path path, int limit, int backlog) {
            this.handler = handler;
            this.host = path.toString();
            this.port = -1;
            this.limit = limit;
            this.backlog = backlog;
            this.unix = path;
        }

        /**
         * CPython's {@code create_server} resolves each host in a task of a {@code gather} (a task
         * name used up), which takes three loop iterations for an address literal; once serving, it
         * yields once more ({@code sleep(0)}). asyncj takes the same turns, so other tasks
         * interleave the same.
         */
        private static final int RESOLVE_HOPS = 3;

        private int hops;
        private Server server;

        @Override
        protected void $resume() throws IOException {
            SelectorEventLoop loop = Asyncio.runningLoop();
            List<SocketAddress> binds = new ArrayList<>();
            switch ($state) {
                case 0:
                    if (unix != null) {
                        removeStaleSocket(unix);
                        binds.add(UnixDomainSocketAddress.of(unix));
                        break;
                    }
                    Task.skipName(); // CPython's gather of the host's getaddrinfo
                    if (host != null && !host.isEmpty() && !isLiteral(host)) {
                        if ($await(resolve(loop, host), 1)) {
                            return;
                        }
                        collect(binds);
                        break;
                    }
                    $yield(2);
                    return;
                case 1:
                    collect(binds);
                    break;
                case 2:
                    $get();
                    if (++hops < RESOLVE_HOPS) {
                        $yield(2);
                        return;
                    }
                    if (host == null || host.isEmpty()) {
                        binds.add(new InetSocketAddress(port)); // every interface
                        break;
                    }
                    if ($await(resolve(loop, host), 1)) { // a literal: done at once
                        return;
                    }
                    collect(binds);
                    break;
                case 3:
                    try {
                        $get();
                    } catch (Throwable cancelled) {
                        server.close();
                        server = null;
                        throw cancelled;
                    }
                    Server done = server;
                    server = null;
                    $complete(done);
                    return;
                default:
                    throw $badState();
            }
            List<ServerSocketChannel> sockets = new ArrayList<>();
            try {
                for (SocketAddress a : binds) {
                    ServerSocketChannel s = unix != null
                            ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
                    sockets.add(s);
                    if (unix == null) {
                        s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    }
                    try {
                        s.bind(a, backlog);
                    } catch (IOException e) {
                        IOException bindError = new IOException(
                                "error while attempting to bind on address " + a + ": " + e.getMessage(), e);
                        throw bindError;
                    }
                    s.configureBlocking(false);
                }
            } catch (IOException | RuntimeException e) {
                for (ServerSocketChannel s : sockets) {
                    Server.closeQuietly(s);
                }
                throw e;
            }
            server = new Server(loop, sockets, handler, limit, backlog);
            if (!startServing) {
                Server done = server;
                server = null;
                $complete(done);
                return;
            }
            server.startListening();
            $yield(3); // asyncio's "skip one loop iteration so that all add_reader go through"
        }

        private void collect(List<SocketAddress> binds) {
            for (InetAddress a : new LinkedHashSet<>(List.of(this.<InetAddress[]>$get()))) {
                binds.add(new InetSocketAddress(a, port));
            }
        }

        /** As asyncio's {@code create_unix_server}: a socket file left by an earlier server is removed. */
        private static void removeStaleSocket(Path path) throws IOException {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException absent) {
                return;
            }
            if (attrs.isOther()) {
                Files.deleteIfExists(path);
            }
        }

        @Override
        public String toString() {
            return "<coroutine startServer(" + host + ", " + port + ")>";
        }
    }
}
