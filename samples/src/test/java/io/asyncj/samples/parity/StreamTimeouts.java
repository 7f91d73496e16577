package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.StreamReader;
import io.asyncj.Task;
import io.asyncj.Timeout;
import java.io.IOException;

/**
 * Reads that time out or are cancelled leave the reader consistent: a partial line or a short
 * readexactly stays buffered for the next read; read() to end of stream loses what it had taken,
 * as asyncio's does.
 */
public class StreamTimeouts {
    @Async
    static Coroutine<byte[]> readOne(Timeout cm, Coroutine<byte[]> read) {
        try {
            return completed(await(read));
        } catch (CancelledException e) {
            out("read cancelled by timeout", cm.expired());
            throw e;
        }
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        StreamReader r = new StreamReader();
        try {
            await(waitFor(r.readline(), 0.02));
        } catch (AsyncTimeoutException e) {
            out("readline timed out", d(e));
        }
        r.feedData(bytes("abc"));
        try {
            await(waitFor(r.readline(), 0.02));
        } catch (AsyncTimeoutException e) {
            out("partial line timed out, kept");
        }
        r.feedData(bytes("\nde"));
        out("line", b(await(r.readline())));
        try {
            await(waitFor(r.readexactly(5), 0.02));
        } catch (AsyncTimeoutException e) {
            out("readexactly timed out");
        }
        r.feedData(bytes("fgh"));
        out("exactly", b(await(r.readexactly(5))));
        r.feedData(bytes("123"));
        try {
            await(waitFor(r.read(), 0.02));
        } catch (AsyncTimeoutException e) {
            out("read to eof timed out: what it took is lost");
        }
        r.feedData(bytes("xy"));
        r.feedEof();
        out("read", b(await(r.read())));
        // a read cancelled by its task, then another read in the same task
        r = new StreamReader();
        Task<byte[]> t = createTask(r.readuntil(bytes("!")));
        await(sleep(0));
        r.feedData(bytes("no bang"));
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            out("readuntil cancelled", t.isCancelled());
        }
        r.feedData(bytes("!"));
        out("readuntil", b(await(r.readuntil(bytes("!")))));
        Coroutine<byte[]> read = r.read(1);
        await(timeout(0.02, cm -> readOne(cm, read)));
        out("unreached");
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
