package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;

/**
 * A server that closes a connection with unread data in it: the peer gets a reset (not an end of
 * stream first), and every later read, drain and waitClosed throw it. The server's reader is
 * paused (limit 16) so the client's data stays unread in the kernel.
 */
public class StreamReset {
    static Future<Void> closed;

    /** Java has no ConnectionResetError: a SocketException("Connection reset") stands for it. */
    static String t(Throwable e) {
        return String.valueOf(e.getMessage()).contains("reset") ? "ConnectionResetError" : d(e);
    }

    @Async
    static Coroutine<Void> rude(StreamReader reader, StreamWriter writer) {
        await(sleep(0.05)); // the client's data fills the buffers; reading is paused
        writer.close();
        closed.setResult(null);
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        closed = getRunningLoop().createFuture();
        Server server = await(startServer(StreamReset::rude, "127.0.0.1", 0, 16, 100));
        StreamPair conn = await(openConnection("127.0.0.1", server.getPort()));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        writer.write(new byte[1 << 20]);
        try {
            await(writer.drain());
            out("drained");
        } catch (IOException e) {
            out("drain", t(e));
        }
        await(closed);
        try {
            out("read", b(await(reader.read())));
        } catch (IOException e) {
            out("read", t(e), reader.exception() == e, reader.atEof());
        }
        try {
            out("read again", b(await(reader.read(1))));
        } catch (IOException e) {
            out("read again", t(e));
        }
        out("closing", writer.isClosing());
        try {
            await(writer.waitClosed());
            out("wait_closed ok");
        } catch (IOException e) {
            out("wait_closed", t(e));
        }
        try {
            await(writer.drain());
            out("drain ok");
        } catch (IOException e) {
            out("drain", t(e));
        }
        writer.write(new byte[4]); // dropped
        writer.close();
        server.close();
        out("end");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
