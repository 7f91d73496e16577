package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.LimitOverrunException;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Back-pressure and flow control: the sizes are far above the limits and the socket buffers, so
 * the writer's drain waits and the reader pauses and resumes its transport. Only sizes and sums
 * are printed.
 */
public class StreamFlow {
    static final byte[] CHUNK = new byte[65536];

    static {
        for (int i = 0; i < CHUNK.length; i++) {
            CHUNK[i] = (byte) i;
        }
    }

    static Future<Integer> done;

    static long sum(byte[] data) {
        long s = 0;
        for (byte x : data) {
            s += x & 0xff;
        }
        return s;
    }

    @Async
    static Coroutine<Void> producer(StreamReader reader, StreamWriter writer) throws IOException {
        writer.setWriteBufferLimits(16384, -1);
        int drains = 0;
        for (int i = 0; i < 48; i++) { // 3 MiB
            writer.write(CHUNK);
            await(writer.drain());
            drains++;
        }
        writer.write(bytes("x".repeat(2000) + "--marker--\n"));
        writer.write(bytes("tail ".repeat(1000)));
        await(writer.drain());
        byte[] request = await(reader.readline());
        writer.write(bytes(new String(request, java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase()));
        writer.close();
        await(writer.waitClosed());
        done.setResult(drains);
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        done = getRunningLoop().createFuture();
        Server server = await(startServer(StreamFlow::producer, "127.0.0.1", 0));
        StreamPair conn = await(openConnection("127.0.0.1", server.getPort(), 1024));
        StreamReader reader = conn.reader();
        await(sleep(0.05)); // let the producer fill every buffer and block in drain
        byte[] first = await(reader.readexactly(1_000_000));
        out("readexactly", first.length, sum(first) % 65521);
        long total = 0;
        int remaining = 48 * 65536 - 1_000_000;
        while (remaining > 0) {
            byte[] block = await(reader.read(Math.min(100_000, remaining)));
            total += sum(block);
            remaining -= block.length;
        }
        out("read blocks", total % 65521);
        try {
            await(reader.readuntil(bytes("--marker--\n")));
        } catch (LimitOverrunException e) {
            out("not within the limit", "LimitOverrunError"); // which message depends on what is buffered
        }
        out("before marker", await(reader.readexactly(2000)).length);
        out("marker", b(await(reader.readuntil(bytes("--marker--\n")))));
        conn.writer().write(bytes("send the rest\n"));
        byte[] rest = await(reader.read());
        out("rest", rest.length, b(Arrays.copyOfRange(rest, rest.length - 18, rest.length)));
        out("drains", await(done));
        conn.writer().close();
        await(conn.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
