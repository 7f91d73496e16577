package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The streams page's TCP echo client and server, start_serving=False, writelines and write_eof, a refused connection. */
public class DocsStreams {
    static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static String b(byte[] data) {
        return "b" + repr(s(data)).replace("\n", "\\n");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Async
    static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] data = await(reader.read(100));
        String message = s(data);
        Object addr = writer.getExtraInfo("peername");
        out("Received " + repr(message) + " from a peer: " + str(addr != null));
        out("Send: " + repr(message));
        writer.write(data);
        await(writer.drain());
        out("Close the connection");
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Async
    static Coroutine<Void> tcpEchoClient(String message, int port) throws IOException {
        StreamPair pair = await(openConnection("127.0.0.1", port));
        StreamReader reader = pair.reader();
        StreamWriter writer = pair.writer();
        out("Send: " + repr(message));
        writer.write(bytes(message));
        await(writer.drain());
        byte[] data = await(reader.read(100));
        out("Received: " + repr(s(data)));
        out("Close the connection");
        writer.close();
        await(writer.waitClosed());
        out("at_eof after close", reader.atEof(), writer.isClosing());
        return completed();
    }

    @Async
    static Coroutine<Void> lines(StreamReader reader, StreamWriter writer) throws IOException {
        int n = 0;
        while (true) {
            byte[] line = await(reader.readline());
            if (line.length == 0) {
                break;
            }
            n++;
            writer.write(bytes(n + ":" + s(line).toUpperCase()));
        }
        writer.writelines(List.of(bytes("total "), bytes(n + "\n")));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server server = await(startServer(DocsStreams::handleEcho, "127.0.0.1", 0));
        int port = server.getPort();
        out("serving", server.isServing(), server.sockets().size());
        try {
            await(tcpEchoClient("Hello World!", port));
            await(sleep(0.02));
        } finally {
            server.close();
            await(server.waitClosed());
        }
        out("after async with", server.isServing());
        await(server.waitClosed());

        server = await(startServer(DocsStreams::lines, "127.0.0.1", 0, StreamReader.DEFAULT_LIMIT, 100, false));
        out("start_serving=False", server.isServing());
        await(server.startServing());
        port = server.getPort();
        StreamPair pair = await(openConnection("127.0.0.1", port));
        StreamReader reader = pair.reader();
        StreamWriter writer = pair.writer();
        out("can_write_eof", writer.canWriteEof());
        writer.writelines(List.of(bytes("one\ntw"), bytes("o\nthree")));
        writer.writeEof();
        List<String> received = new ArrayList<>();
        while (true) {
            byte[] line = await(reader.readline());
            if (line.length == 0) {
                break;
            }
            received.add(b(line));
        }
        out("lines", "[" + String.join(", ", received) + "]", reader.atEof());
        out("read at eof", b(await(reader.read())), b(await(reader.read(10))));
        writer.close();
        await(writer.waitClosed());
        server.close();
        await(server.waitClosed());
        try {
            await(openConnection("127.0.0.1", port));
        } catch (java.net.ConnectException e) {
            out("refused", "ConnectionRefusedError");
        }
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
