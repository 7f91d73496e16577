package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's handler task cancelled, as 3.13 handles it: the connection is closed and nothing
 * reaches the exception handler (3.11's done callback raised the CancelledError into it and left
 * the connection open). Its twin is py313/ServerCancel313.py.
 */
public class ServerCancel313 {
    static Future<Void> started;
    static final List<Task<?>> tasks = new ArrayList<>();

    @Async
    static Coroutine<Void> h(StreamReader r, StreamWriter w) throws IOException {
        tasks.add(currentTask());
        started.setResult(null);
        try {
            await(r.read());
        } finally {
            out("handler finally", w.isClosing());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        EventLoop loop = getRunningLoop();
        loop.setExceptionHandler((l, c) -> out("handler:", c.message(), c.exception() != null ? d(c.exception()) : null));
        started = loop.createFuture();
        Server srv = await(startServer(ServerCancel313::h, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", srv.getPort()));
        StreamReader r = conn.reader();
        StreamWriter w = conn.writer();
        await(started);
        tasks.get(0).cancel();
        out("client reads", b(await(r.read())), r.atEof());
        w.close();
        await(w.waitClosed());
        srv.close();
        await(srv.waitClosed());
        out("end");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
