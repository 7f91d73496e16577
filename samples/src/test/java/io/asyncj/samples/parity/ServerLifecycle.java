package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * A server's life: a failing handler (reported, connection closed), serveForever twice, cancelled,
 * on a closed server, ended by close() with a connection still served; drain after close.
 * Ports are never printed. Server.waitClosed is only awaited when no connection is open: with
 * connections open, 3.11 returns at once from a closed server and asyncj waits (3.12).
 */
public class ServerLifecycle {
    static Future<Void> served;

    @Async
    static Coroutine<Void> failing(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] line = await(reader.readline());
        throw new NoSuchElementException(new String(line, StandardCharsets.UTF_8).strip());
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] data = await(reader.read());
        writer.write(data);
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> closes(StreamReader reader, StreamWriter writer) {
        writer.close();
        served.setResult(null);
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        EventLoop loop = getRunningLoop();
        loop.setExceptionHandler((l, context) -> {
            Throwable exc = context.exception();
            out("handler:", context.message(), exc != null ? d(exc) : null);
        });
        Server server = await(startServer(ServerLifecycle::failing, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", server.getPort()));
        conn.writer().write(bytes("boom\n"));
        out("client reads", b(await(conn.reader().read())));
        conn.writer().close();
        await(conn.writer().waitClosed());

        // serveForever, cancelled
        Task<Void> t = createTask(server.serveForever());
        await(sleep(0));
        try {
            await(server.serveForever());
        } catch (IllegalStateException e) {
            out("serve_forever twice", "RuntimeError", e.getMessage().contains("already being awaited"));
        }
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            out("serve_forever cancelled", d(e), server.isServing(), server.sockets().size());
        }
        try {
            await(server.serveForever());
        } catch (IllegalStateException e) {
            out("serve_forever on a closed server", "RuntimeError", e.getMessage().endsWith("is closed"));
        }
        await(server.waitClosed());

        // close() ends serveForever
        server = await(startServer(ServerLifecycle::echo, "127.0.0.1", 0));
        t = createTask(server.serveForever());
        await(sleep(0));
        conn = await(openConnection("127.0.0.1", server.getPort()));
        server.close();
        out("closed while a connection is open", server.isServing(), t.isDone());
        conn.writer().write(bytes("still served"));
        conn.writer().writeEof();
        out("echo", b(await(conn.reader().read())));
        try {
            await(t);
        } catch (CancelledException e) {
            out("serve_forever after close()", d(e), t.isCancelled(), t.cancelling());
        }
        conn.writer().close();
        await(conn.writer().waitClosed());
        await(server.waitClosed());
        // drain after close
        served = loop.createFuture();
        server = await(startServer(ServerLifecycle::closes, "127.0.0.1", 0));
        conn = await(openConnection("127.0.0.1", server.getPort()));
        await(served);
        conn.writer().close();
        try {
            await(conn.writer().drain());
        } catch (IOException e) { // asyncio: ConnectionResetError
            out("drain after close", e.getMessage());
        }
        await(conn.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        out("done");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
