package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * BENCH.md's W5 shape on one loop: an echo server and {@code -Dasyncj.stress.connections} (100)
 * clients, each sending {@code -Dasyncj.stress.messages} (1,000) 16-byte messages and awaiting each
 * echo. Prints messages per second; asserts only that every echo came back.
 */
@Timeout(120)
class StreamsEchoStressTest {

    @Test
    void echoMessagesPerSecond() {
        int connections = Integer.getInteger("asyncj.stress.connections", 100);
        int messages = Integer.getInteger("asyncj.stress.messages", 1000);
        for (int round = 0; round < Integer.getInteger("asyncj.stress.rounds", 3); round++) {
            long start = System.nanoTime();
            Object got = StreamsTest.runReal(() -> Script.start(() -> Asyncio.startServer(StreamsTest.ECHO, StreamsTest.HOST, 0)).then(v -> {
                Server server = (Server) v;
                List<Awaitable<Integer>> clients = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    clients.add(Asyncio.createTask(new StreamsTest.PingClient(server.getPort(), messages)));
                }
                return Script.start(() -> Asyncio.gather(clients)).then(counts -> {
                    server.close();
                    return Script.start(server::waitClosed).then(x -> counts).build();
                }).build();
            }).build());
            double secs = (System.nanoTime() - start) / 1e9;
            long total = (long) connections * messages;
            assertEquals(connections, ((List<?>) got).size());
            System.out.printf("W5 echo: %d connections x %d messages in %.3f s: %.0f msgs/s%n",
                    connections, messages, secs, total / secs);
        }
    }
}
