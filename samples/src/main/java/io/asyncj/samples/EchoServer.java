package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A TCP echo server and three clients on loopback: {@code startServer} runs the handler as a task
 * per connection; {@code readline}, {@code write} and {@code drain} are asyncio's stream calls.
 */
public class EchoServer {
    @Async
    static Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws IOException {
        while (true) {
            byte[] line = await(reader.readline());
            if (line.length == 0) {
                break; // EOF: the client closed its side
            }
            writer.write(line);
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Async
    static Coroutine<String> client(int port, String name) throws IOException {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        conn.writer().write((name + " says hi\n").getBytes(StandardCharsets.UTF_8));
        await(conn.writer().drain());
        byte[] echoed = await(conn.reader().readline());
        conn.writer().close();
        await(conn.writer().waitClosed());
        return completed(new String(echoed, StandardCharsets.UTF_8).trim());
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Server server = await(startServer(EchoServer::handle, "127.0.0.1", 0));
        int port = server.getPort();
        for (Object echo : await(gather(client(port, "ann"), client(port, "bob"), client(port, "cyd")))) {
            System.out.println("echo: " + echo);
        }
        server.close();
        await(server.waitClosed());
        System.out.println("server closed");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        run(main());
    }
}
