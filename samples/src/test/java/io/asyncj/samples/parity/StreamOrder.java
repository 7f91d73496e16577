package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;

import io.asyncj.Async;
import io.asyncj.Awaitable;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who wakes first when a writer closes: a task reading, two tasks in waitClosed, a task in drain
 * (before and after the close); then the same with abort(). Only the local side is watched, so
 * the order is the loop's, not the network's.
 * A lost connection is an IOException("Connection lost") where asyncio raises ConnectionResetError.
 */
public class StreamOrder {
    @Async
    static Coroutine<Void> h(StreamReader r, StreamWriter w) throws IOException {
        await(r.read());
        w.close();
        return completed();
    }

    @Async
    static Coroutine<Void> watch(String name, Awaitable<?> aw) {
        try {
            Object res = await(aw);
            out(name, "done", res instanceof byte[] bs ? b(bs) : res);
        } catch (Exception e) {
            out(name, "raised", "Connection lost".equals(e.getMessage()) ? "ConnectionResetError" : d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server srv = await(startServer(StreamOrder::h, "127.0.0.1", 0));
        int port = srv.getPort();
        for (String how : List.of("close", "abort")) {
            StreamPair conn = await(openConnection("127.0.0.1", port));
            StreamReader r = conn.reader();
            StreamWriter w = conn.writer();
            List<Task<Void>> tasks = new ArrayList<>();
            tasks.add(createTask(watch("wait_closed 1", w.waitClosed())));
            tasks.add(createTask(watch("read", r.read())));
            tasks.add(createTask(watch("wait_closed 2", w.waitClosed())));
            tasks.add(createTask(watch("drain", w.drain())));
            await(sleep(0));
            out(how);
            if (how.equals("close")) {
                w.close();
            } else {
                w.transport().abort();
            }
            tasks.add(createTask(watch("drain after", w.drain())));
            tasks.add(createTask(watch("wait_closed after", w.waitClosed())));
            await(gather(tasks));
            out("at_eof", r.atEof());
        }
        srv.close();
        await(srv.waitClosed());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
