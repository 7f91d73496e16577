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
import io.asyncj.Transport;
import java.io.IOException;

/**
 * {@code writer.transport().abort()} (asyncio's {@code writer.transport.abort()}): the connection
 * closes at once; what was already sent still reaches the peer, which then reads the end of the
 * stream; the aborting side's writes are dropped, its drain reports the loss, waitClosed returns.
 */
public class StreamAbort {
    static Future<Void> aborted;

    /** Java has no ConnectionResetError: "Connection lost" stands for it, as in asyncio's drain. */
    static String t(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("reset") || m.contains("lost") ? "ConnectionResetError" : d(e);
    }

    @Async
    static Coroutine<Void> abortive(StreamReader reader, StreamWriter writer) throws IOException {
        Transport transport = writer.transport();
        out("server peername known", transport.getExtraInfo("peername") != null,
                transport.getExtraInfo("no such thing", "default"));
        out("server got", b(await(reader.readexactly(4))));
        writer.write(bytes("hello"));
        out("server closing before", writer.isClosing(), transport.isClosing());
        transport.abort();
        out("server closing after", writer.isClosing(), transport.isClosing());
        writer.write(bytes("dropped"));
        try {
            await(writer.drain());
            out("server drain ok");
        } catch (IOException e) {
            out("server drain", t(e));
        }
        try {
            await(writer.waitClosed());
            out("server wait_closed ok");
        } catch (IOException e) {
            out("server wait_closed", t(e));
        }
        transport.abort(); // again: nothing happens
        aborted.setResult(null);
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        aborted = getRunningLoop().createFuture();
        Server server = await(startServer(StreamAbort::abortive, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", server.getPort()));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        writer.write(bytes("ping"));
        await(writer.drain());
        out("client read", b(await(reader.read())));
        out("client at eof", reader.atEof());
        await(aborted);
        writer.close();
        await(writer.waitClosed());
        server.close();
        await(server.waitClosed());
        out("end");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
