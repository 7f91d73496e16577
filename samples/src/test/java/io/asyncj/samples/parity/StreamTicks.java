package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many loop iterations the stream calls take (other tasks get that many turns), and the task
 * names they use up: CPython's server resolves its host in a gathered task and accepts each
 * connection in a task of its own.
 */
public class StreamTicks {
    static int ticks;
    static Future<Integer> handled;

    @Async
    static Coroutine<Void> ticker() {
        while (true) {
            await(sleep(0));
            ticks++;
        }
    }

    @Async
    static Coroutine<Void> h(StreamReader r, StreamWriter w) {
        handled.setResult(ticks);
        out("handler task", currentTask().getName());
        w.close();
        return completed();
    }

    static String next() {
        return createTask(sleep(0)).getName();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Task<Void> t = createTask(ticker());
        await(sleep(0));
        handled = getRunningLoop().createFuture();
        int b = ticks;
        Server s = await(startServer(StreamTicks::h, "127.0.0.1", 0));
        out("start_server ticks", ticks - b, next());
        b = ticks;
        StreamPair conn = await(openConnection("127.0.0.1", s.getPort()));
        out("open_connection ticks", ticks - b, next());
        out("handler started after", await(handled) - b);
        b = ticks;
        conn.writer().write(bytes("x"));
        await(conn.writer().drain());
        out("drain ticks", ticks - b);
        conn.writer().close();
        b = ticks;
        await(conn.writer().waitClosed());
        out("wait_closed ticks", ticks - b);
        s.close();
        b = ticks;
        await(s.waitClosed());
        out("server wait_closed ticks", ticks - b, next());
        // the same over a Unix-domain socket: no name to resolve, a connect that succeeds at once
        handled = getRunningLoop().createFuture();
        Path dir = Files.createTempDirectory("asyncj");
        Path path = dir.resolve("s.sock");
        b = ticks;
        s = await(startUnixServer(StreamTicks::h, path));
        out("start_unix_server ticks", ticks - b, next());
        b = ticks;
        conn = await(openUnixConnection(path));
        out("open_unix_connection ticks", ticks - b, next());
        out("handler started after", await(handled) - b);
        conn.writer().close();
        await(conn.writer().waitClosed());
        s.close();
        await(s.waitClosed());
        Files.delete(path);
        Files.delete(dir);
        t.cancel();
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
