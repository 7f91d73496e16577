package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.IncompleteReadException;
import io.asyncj.LimitOverrunException;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

/**
 * TCP streams on loopback (port 0, never printed): a server and a client talking lines, write_eof
 * (a half-close) and write after it, reading to end of stream, close/isClosing/waitClosed, a peer
 * that goes away in the middle of readexactly, the limit on both sides, closing servers.
 */
public class StreamTcp {
    static final AsyncQueue<List<Object>> events = new AsyncQueue<>();

    @Async
    static Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] line = await(reader.readline());
        await(events.put(List.of("server got", b(line))));
        writer.write(StreamBuffer.bytes(new String(line, java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase()));
        await(writer.drain());
        byte[] rest = await(reader.read());
        await(events.put(List.of("server read to eof", b(rest), reader.atEof())));
        writer.write(bytes("bye\n"));
        writer.close();
        out("server closing", writer.isClosing());
        await(writer.waitClosed());
        await(events.put(List.of("server closed")));
        return completed();
    }

    @Async
    static Coroutine<Void> half(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            await(reader.readexactly(10));
        } catch (IncompleteReadException e) {
            await(events.put(List.of("server readexactly", b(e.partial()), e.expected())));
        }
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> limited(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            await(reader.readline());
        } catch (LimitOverrunException e) { // asyncio: ValueError
            await(events.put(List.of("server readline", e.getMessage())));
        }
        out("server next line", b(await(reader.readline())));
        try {
            await(reader.readuntil(bytes("!")));
        } catch (LimitOverrunException e) {
            await(events.put(List.of("server readuntil", e.getMessage(), e.consumed())));
        }
        out("server left", b(await(reader.read())));
        writer.write(bytes("0123456789\n"));
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server server = await(startServer(StreamTcp::handle, "127.0.0.1", 0));
        int port = server.getPort();
        out("serving", server.isServing());
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        writer.write(bytes("hello\n"));
        await(writer.drain());
        out(await(events.get()).toArray());
        out("client got", b(await(reader.readline())));
        writer.write(bytes("more "));
        writer.writelines(List.of(bytes("data"), bytes("!")));
        out("can_write_eof", writer.canWriteEof());
        writer.writeEof();
        out("closing after write_eof", writer.isClosing());
        try {
            writer.write(bytes("x"));
        } catch (IllegalStateException e) {
            out("write after write_eof", d(e));
        }
        out(await(events.get()).toArray());
        out("client read", b(await(reader.read())));
        out("client at_eof", reader.atEof(), b(await(reader.read(10))), b(await(reader.readline())));
        out(await(events.get()).toArray());
        out("client closing", writer.isClosing());
        writer.close();
        out("client closing", writer.isClosing());
        await(writer.waitClosed());
        await(writer.waitClosed());
        out("client closed twice");

        // the peer goes away in the middle of a read
        Server server2 = await(startServer(StreamTcp::half, "127.0.0.1", 0));
        conn = await(openConnection("127.0.0.1", server2.getPort()));
        reader = conn.reader();
        writer = conn.writer();
        writer.write(bytes("four"));
        await(writer.drain());
        writer.close();
        writer.write(bytes("dropped")); // silently dropped once closing
        await(writer.waitClosed());
        out(await(events.get()).toArray());
        out("eof from server", b(await(reader.read())));

        // the limit, on both sides
        Server server3 = await(startServer(StreamTcp::limited, "127.0.0.1", 0, 8, 100));
        conn = await(openConnection("127.0.0.1", server3.getPort(), 4));
        reader = conn.reader();
        writer = conn.writer();
        writer.write(bytes("a long line\nok\n0123456789!"));
        await(writer.drain());
        out(await(events.get()).toArray());
        out(await(events.get()).toArray());
        writer.writeEof();
        try {
            await(reader.readline());
        } catch (LimitOverrunException e) {
            out("client readline", e.getMessage());
        }
        out("client rest", b(await(reader.read())));
        writer.close();
        await(writer.waitClosed());

        // closing the servers
        for (Server s : List.of(server, server2, server3)) {
            s.close();
        }
        out("serving after close", server.isServing(), server.sockets().size());
        await(server.waitClosed());
        await(server2.waitClosed());
        await(server3.waitClosed());
        try {
            await(openConnection("127.0.0.1", port));
        } catch (ConnectException e) {
            out("connect after close", "ConnectionRefusedError");
        } catch (IOException e) {
            out("connect after close", d(e));
        }
        server.close();
        out("closed again");
        // the port is free at once: a new server can listen on it
        Server again = await(startServer(StreamTcp::handle, "127.0.0.1", port));
        out("same port again", again.isServing(), again.getPort() == port);
        again.close();
        await(again.waitClosed());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
