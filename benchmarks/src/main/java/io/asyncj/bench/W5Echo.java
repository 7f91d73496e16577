package io.asyncj.bench;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * W5 TCP echo for asyncj, as the asyncio peer does it with streams: one server
 * ({@code startServer}, listen backlog 1024) and 100 clients ({@code openConnection}) on one loop,
 * loopback; each client writes a 16-byte message, drains, and {@code readexactly(16)} its echo,
 * 1,000 times. The server handler reads what is there and writes it back.
 */
final class W5Echo {
    private W5Echo() {}

    static final int CLIENTS = 100;
    static final byte[] MSG = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Async
    static Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws IOException {
        while (true) {
            byte[] data = await(reader.read(4096));
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            await(writer.drain());
        }
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<Void> client(int port, int messages) throws IOException {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        StreamReader reader = conn.reader();
        StreamWriter writer = conn.writer();
        for (int i = 0; i < messages; i++) {
            writer.write(MSG);
            await(writer.drain());
            byte[] back = await(reader.readexactly(16));
            if (!Arrays.equals(back, MSG)) {
                throw new AssertionError("W5 echo mismatch");
            }
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Async
    static Coroutine<Driver.Run> w5(int n) throws IOException {
        int perClient = Math.max(1, n / CLIENTS);
        Server server = await(startServer(W5Echo::handle, "127.0.0.1", 0, StreamReader.DEFAULT_LIMIT, 1024));
        int port = server.getPort();
        long t0 = System.nanoTime();
        List<Coroutine<Void>> clients = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(client(port, perClient));
        }
        await(gather(clients));
        double dt = Driver.secondsSince(t0);
        server.close();
        await(server.waitClosed());
        return completed(new Driver.Run(dt, (long) perClient * CLIENTS,
                "clients=" + CLIENTS + ",per_client=" + perClient));
    }
}
