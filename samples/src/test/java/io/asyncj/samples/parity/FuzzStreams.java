package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.IncompleteReadException;
import io.asyncj.LimitOverrunException;
import io.asyncj.StreamReader;
import io.asyncj.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Random reads from a StreamReader fed by hand in random chunks (a seeded LCG both sides share),
 * with a small limit: read(n), readline, readexactly, readuntil over separators that span chunks,
 * the limit's errors and what they leave in the buffer, end of stream.
 */
public class FuzzStreams {
    static final int SEEDS = 600;
    static final byte[][] SEPS = {bytes("\n"), bytes("ab"), bytes("\r\n"), bytes("aab")};
    static final byte[] ALPHABET = bytes("ab\n\rx");
    static final String[] OPS = {"read", "readline", "readexactly", "readuntil"};

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static final class Rng {
        long x;

        Rng(long seed) {
            x = seed;
        }

        int next(int n) {
            x = (x * 1103515245L + 12345L) % 2147483648L;
            return (int) ((x >> 8) % n);
        }
    }

    /** Python's repr of a bytes object (the alphabet here is a, b, x, \n, \r). */
    static String b(byte[] data) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte c : data) {
            sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf((char) c));
        }
        return sb.append('\'').toString();
    }

    @Async
    static Coroutine<Void> readerTask(StreamReader r, List<int[]> ops) throws IOException {
        for (int k = 0; k < ops.size(); k++) {
            int[] op = ops.get(k);
            String name = OPS[op[0]];
            try {
                byte[] res;
                if (op[0] == 0) {
                    res = await(r.read(op[1]));
                } else if (op[0] == 1) {
                    res = await(r.readline());
                } else if (op[0] == 2) {
                    res = await(r.readexactly(op[1]));
                } else {
                    res = await(r.readuntil(SEPS[op[1]]));
                }
                out(k, name, op[0] == 1 ? "" : op[1], "->", b(res), r.atEof());
            } catch (IncompleteReadException e) {
                out(k, name, "IncompleteReadError", b(e.partial()), e.expected() < 0 ? null : e.expected());
            } catch (LimitOverrunException e) {
                if (op[0] == 1) { // asyncio's readline turns it into ValueError
                    out(k, name, "ValueError(" + repr(e.getMessage()) + ")");
                } else {
                    out(k, name, "LimitOverrunError", repr(e.getMessage()), e.consumed());
                }
            } catch (IllegalArgumentException e) {
                out(k, name, d(e));
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> feeder(StreamReader r, List<byte[]> chunks, boolean eof) {
        for (byte[] c : chunks) {
            r.feedData(c);
            out("fed", b(c));
            await(sleep(0));
        }
        if (eof) {
            r.feedEof();
            out("eof");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> program(int seed) throws IOException {
        Rng rng = new Rng(seed);
        int limit = 2 + rng.next(6);
        StreamReader r = new StreamReader(limit);
        List<byte[]> chunks = new ArrayList<>();
        int nChunks = 1 + rng.next(6);
        for (int i = 0; i < nChunks; i++) {
            int len = rng.next(7);
            byte[] c = new byte[len];
            for (int j = 0; j < len; j++) {
                c[j] = ALPHABET[rng.next(ALPHABET.length)];
            }
            chunks.add(c);
        }
        boolean eof = rng.next(4) != 0;
        List<int[]> ops = new ArrayList<>();
        int nOps = 1 + rng.next(6);
        for (int i = 0; i < nOps; i++) {
            int c = rng.next(4);
            if (c == 0) {
                ops.add(new int[] {0, rng.next(8) - 1});
            } else if (c == 1) {
                ops.add(new int[] {1});
            } else if (c == 2) {
                ops.add(new int[] {2, rng.next(6)});
            } else {
                ops.add(new int[] {3, rng.next(SEPS.length)});
            }
        }
        out("limit", limit);
        Task<Void> t = createTask(readerTask(r, ops));
        await(feeder(r, chunks, eof));
        for (int i = 0; i < 5; i++) {
            await(sleep(0));
        }
        if (!t.isDone()) {
            t.cancel();
            out("reader still waiting; cancelled");
            try {
                await(t);
            } catch (CancelledException e) {
                // expected
            }
        }
        r.feedEof();
        out("left", b(await(r.read())), r.atEof());
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        for (int seed = 1; seed <= SEEDS; seed++) {
            out("== seed", seed);
            await(program(seed));
        }
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
