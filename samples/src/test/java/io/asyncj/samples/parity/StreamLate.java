package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Awaitable;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;

/**
 * Stream coroutines look at the stream when they run, not when they are created: a drain made
 * before close and awaited after it (directly, and as a task), reads made before the data or the
 * error arrive, waitClosed made before close.
 * A lost connection is an IOException("Connection lost") where asyncio raises ConnectionResetError.
 */
public class StreamLate {
    static final class ConnectionError extends IOException {
        ConnectionError(String m) {
            super(m);
        }
    }

    @Async
    static Coroutine<Void> h(StreamReader r, StreamWriter w) throws IOException {
        await(r.read());
        w.close();
        return completed();
    }

    @Async
    static Coroutine<Void> drained(String name, Awaitable<Void> aw) {
        try {
            await(aw);
            out(name, "ok");
        } catch (Exception e) {
            out(name, e.getMessage().equals("Connection lost") ? "ConnectionResetError" : d(e), e.getMessage());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server srv = await(startServer(StreamLate::h, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", srv.getPort()));
        StreamWriter w = conn.writer();
        Coroutine<Void> ready = w.drain();
        await(ready);
        out("drain while open ok");
        Coroutine<Void> c = w.drain();
        Task<Void> t = createTask(w.drain());
        Coroutine<Void> closed = w.waitClosed();
        w.close();
        await(drained("drain made before close", c));
        await(drained("drain task made before close", t));
        await(closed);
        out("wait_closed made before close");
        srv.close();
        await(srv.waitClosed());

        StreamReader reader = new StreamReader();
        Coroutine<byte[]> line = reader.readline();
        Coroutine<byte[]> exactly = reader.readexactly(2);
        Coroutine<byte[]> rest = reader.read();
        reader.feedData(bytes("ab\ncd"));
        out("readline", b(await(line)));
        out("readexactly", b(await(exactly)));
        reader.feedEof();
        out("read", b(await(rest)));
        reader = new StreamReader();
        reader.feedData(bytes("x\n"));
        line = reader.readline();
        reader.setException(new ConnectionError("late"));
        try {
            await(line);
        } catch (Exception e) {
            out("readline made before the error", d(e));
        }
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
