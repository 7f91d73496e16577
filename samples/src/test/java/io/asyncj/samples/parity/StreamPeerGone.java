package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;

/**
 * Writing to a peer that closed: the first write and drain succeed (the peer's kernel answers with
 * a reset); the next write fails, which closes the transport: drain reports "Connection lost"
 * (connectionLost runs during its yield, after its check of the reader), while read and
 * waitClosed throw the write's error.
 * The write's error is an IOException("Broken pipe") where asyncio raises BrokenPipeError, and
 * "Connection lost" an IOException where asyncio raises ConnectionResetError.
 */
public class StreamPeerGone {
    static String t(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Broken pipe") ? "BrokenPipeError" : m.equals("Connection lost") ? "ConnectionResetError" : d(e);
    }

    @Async
    static Coroutine<Void> h(StreamReader r, StreamWriter w) {
        w.close();
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server srv = await(startServer(StreamPeerGone::h, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", srv.getPort()));
        StreamReader r = conn.reader();
        StreamWriter w = conn.writer();
        out("read", b(await(r.read())));
        w.write(bytes("x"));
        await(w.drain());
        out("drain ok", w.isClosing());
        await(sleep(0.1));
        w.write(bytes("y"));
        out("closing after write", w.isClosing(), r.exception());
        try {
            await(w.drain());
            out("drain ok");
        } catch (IOException e) {
            out("drain", t(e), e.getMessage());
        }
        out("reader exception", t(r.exception()));
        try {
            out(b(await(r.read())));
        } catch (IOException e) {
            out("read", t(e));
        }
        try {
            await(w.waitClosed());
            out("wait_closed ok");
        } catch (IOException e) {
            out("wait_closed", t(e));
        }
        w.write(bytes("z")); // dropped
        srv.close();
        await(srv.waitClosed());
        out("end");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
