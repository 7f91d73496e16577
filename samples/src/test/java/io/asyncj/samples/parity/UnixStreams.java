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
import java.nio.file.Files;
import java.nio.file.Path;

/** Unix-domain streams; the socket's path is never printed. */
public class UnixStreams {
    /** What asyncio raises, from the Java exception's message. */
    static String osError(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No such file")) {
            return "FileNotFoundError";
        }
        if (m.contains("refused")) {
            return "ConnectionRefusedError";
        }
        return "OSError";
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] line;
        while ((line = await(reader.readline())).length > 0) {
            writer.write(bytes("echo " + new String(line, java.nio.charset.StandardCharsets.ISO_8859_1)));
            await(writer.drain());
        }
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Path dir = Files.createTempDirectory("asyncj");
        Path path = dir.resolve("s.sock");
        Server server = await(startUnixServer(UnixStreams::echo, path));
        out("serving", server.isServing(), server.sockets().size(), Files.exists(path));
        StreamPair conn = await(openUnixConnection(path));
        for (String word : new String[] {"one\n", "two\n"}) {
            conn.writer().write(bytes(word));
            out(b(await(conn.reader().readline())));
        }
        conn.writer().writeEof();
        out("eof", b(await(conn.reader().read())));
        conn.writer().close();
        await(conn.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        out("closed; the file stays (3.11)", Files.exists(path));
        try {
            await(openUnixConnection(path));
        } catch (IOException e) {
            out("connect to a closed server", osError(e));
        }
        // a stale socket file is replaced
        server = await(startUnixServer(UnixStreams::echo, path));
        conn = await(openUnixConnection(path));
        conn.writer().write(bytes("three\n"));
        out(b(await(conn.reader().readline())));
        conn.writer().close();
        await(conn.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        Files.delete(path);
        try {
            await(openUnixConnection(path));
        } catch (IOException e) {
            out("no such socket", osError(e));
        }
        Files.createFile(path);
        try {
            await(startUnixServer(UnixStreams::echo, path));
        } catch (IOException e) {
            out("a regular file is not replaced", osError(e));
        }
        Files.delete(path);
        Files.delete(dir);
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
