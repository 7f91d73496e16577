package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.IncompleteReadException;
import io.asyncj.AsyncQueue;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A TCP connection's odds: getExtraInfo before and after close, the server half-closing first,
 * writeEof twice and after close, write after writeEof, a handler that throws while the client
 * waits in readexactly, waitClosed awaited before close, startServer on a busy port, reads after
 * one's own close. Ports are never printed.
 * A busy port is a java.net.BindException (an IOException) where asyncio raises OSError.
 */
public class StreamConn {
    static AsyncQueue<List<Object>> events;

    static void show(List<Object> e) {
        out(e.toArray());
    }

    @Async
    static Coroutine<Void> halfFirst(StreamReader reader, StreamWriter writer) throws IOException {
        await(events.put(List.of("server names", writer.getExtraInfo("peername") != null,
                writer.getExtraInfo("sockname") != null)));
        await(events.put(List.of("server addresses", writer.getExtraInfo("sockname"), writer.getExtraInfo("peername"))));
        writer.write(bytes("from server"));
        writer.writeEof();
        writer.writeEof();
        try {
            writer.write(bytes(""));
        } catch (IllegalStateException e) {
            await(events.put(List.of("server write after write_eof", d(e))));
        }
        await(events.put(List.of("server closing", writer.isClosing())));
        byte[] data = await(reader.read());
        await(events.put(List.of("server read", b(data), reader.atEof(), String.valueOf(reader.exception()).replace("null", "None"))));
        writer.close();
        await(writer.waitClosed());
        await(events.put(List.of("server closed", writer.getExtraInfo("peername") != null)));
        return completed();
    }

    @Async
    static Coroutine<Void> failing(StreamReader reader, StreamWriter writer) throws IOException {
        writer.write(bytes("par"));
        await(writer.drain());
        await(reader.readexactly(1));
        throw new NoSuchElementException("handler failed");
    }

    @Async
    static Coroutine<Void> talker(StreamReader reader, StreamWriter writer) throws IOException {
        writer.write(bytes("hi\nthere"));
        await(writer.drain());
        await(reader.read());
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        events = new AsyncQueue<>();
        Server server = await(startServer(StreamConn::halfFirst, "127.0.0.1", 0));
        int port = server.getPort();
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        show(await(events.get()));
        List<Object> addrs = await(events.get());
        out(addrs.get(0), Objects.equals(addrs.get(1), writer.getExtraInfo("peername")),
                Objects.equals(addrs.get(2), writer.getExtraInfo("sockname")));
        show(await(events.get()));
        show(await(events.get()));
        out("client read", b(await(reader.read())), reader.atEof(), reader.exception());
        out("client closing after eof", writer.isClosing(), writer.transport().isClosing());
        out("write buffer", writer.transport().getWriteBufferSize());
        await(writer.drain());
        writer.write(bytes("from client"));
        await(writer.drain());
        writer.writeEof();
        show(await(events.get()));
        show(await(events.get()));
        Task<Void> waiting = createTask(writer.waitClosed());
        await(sleep(0));
        out("wait_closed before close", waiting.isDone());
        writer.close();
        writer.writeEof(); // after close: nothing happens
        out("can_write_eof after close", writer.canWriteEof());
        await(waiting);
        out("client closed", waiting.isDone(), writer.getExtraInfo("peername") != null,
                writer.getExtraInfo("no such key", 42));

        // a handler that throws while the client waits for more
        EventLoop loop = getRunningLoop();
        loop.setExceptionHandler((l, c) -> out("handler:", c.message(), c.exception() != null ? d(c.exception()) : null));
        Server server2 = await(startServer(StreamConn::failing, "127.0.0.1", 0));
        conn = await(openConnection("127.0.0.1", server2.getPort()));
        reader = conn.reader();
        writer = conn.writer();
        out("client got", b(await(reader.readexactly(3))));
        writer.write(bytes("!"));
        try {
            await(reader.readexactly(10));
        } catch (IncompleteReadException e) {
            out("client readexactly", b(e.partial()), e.expected());
        }
        out("client at_eof", reader.atEof(), writer.isClosing());
        writer.close();
        await(writer.waitClosed());

        // reads after one's own close: what arrived stays readable, then end of stream
        Server server3 = await(startServer(StreamConn::talker, "127.0.0.1", 0));
        conn = await(openConnection("127.0.0.1", server3.getPort()));
        reader = conn.reader();
        writer = conn.writer();
        out("line", b(await(reader.readline())));
        writer.close();
        await(writer.waitClosed());
        out("after own close", b(await(reader.read())), reader.atEof(), reader.exception());

        // a busy port
        try {
            await(startServer(StreamConn::talker, "127.0.0.1", port));
        } catch (IOException e) { // asyncio: OSError
            out("busy port", "OSError");
        }
        for (Server s : List.of(server, server2, server3)) {
            s.close();
            await(s.waitClosed());
        }
        out("end");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
