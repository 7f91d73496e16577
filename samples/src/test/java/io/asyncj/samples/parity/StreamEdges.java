package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;
import static io.asyncj.samples.parity.StreamBuffer.ir;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.IncompleteReadException;
import io.asyncj.LimitOverrunException;
import io.asyncj.StreamReader;
import io.asyncj.Task;
import java.io.IOException;
import java.util.List;

/**
 * A hand-fed StreamReader's corners that StreamBuffer leaves out: a woken read that finds its data
 * taken, read(-1) cut short the same way, the recorded exception against reads at end of stream,
 * read(0) and readexactly(0), data that wakes a reader before an exception is set, a multi-byte
 * separator split across feeds against the limit, feedData after feedEof, the repr.
 * feedData after feedEof throws IllegalStateException("feedData after feedEof") where asyncio's
 * assert raises AssertionError('feed_data after feed_eof'): only the raise is printed.
 * readline's LimitOverrunException stands for asyncio's ValueError.
 */
public class StreamEdges {
    /** asyncio's ConnectionError. */
    static final class ConnectionError extends IOException {
        ConnectionError(String m) {
            super(m);
        }
    }

    @Async
    static Coroutine<Void> attempt(String name, Coroutine<byte[]> read, boolean line) {
        try {
            out(name, "got", b(await(read)));
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof IncompleteReadException ire) {
                out(name, ir(ire));
            } else if (e instanceof LimitOverrunException lo && line) {
                out(name, "raised", "ValueError(" + repr(lo.getMessage()) + ")");
            } else if (e instanceof LimitOverrunException lo) {
                out(name, "LimitOverrunError", repr(lo.getMessage()), lo.consumed());
            } else {
                out(name, "raised", d(e));
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> attempt(String name, Coroutine<byte[]> read) {
        await(attempt(name, read, false));
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        // a read woken by data that someone else takes first: it returns what is left (nothing)
        StreamReader r = new StreamReader();
        Task<Void> t = createTask(attempt("woken read(5)", r.read(5)));
        await(sleep(0));
        r.feedData(bytes("x"));
        out("taken first", b(await(r.read(1))));
        await(t);
        // read(-1) ends early the same way: its inner read(limit) returns b''
        t = createTask(attempt("woken read(-1)", r.read()));
        await(sleep(0));
        r.feedData(bytes("yz"));
        out("taken first", b(await(r.read(2))));
        await(t);
        out("not at eof", r.atEof());
        // read(-1) collects blocks before being cut short
        r = new StreamReader(2);
        r.feedData(bytes("abcde"));
        t = createTask(attempt("read(-1) with blocks", r.read()));
        await(sleep(0));
        r.feedData(bytes("f"));
        r.feedData(bytes("g"));
        out("taken first", b(await(r.read(5))));
        await(t);
        // readexactly and readuntil wait again instead
        r = new StreamReader();
        t = createTask(attempt("woken readexactly(2)", r.readexactly(2)));
        await(sleep(0));
        r.feedData(bytes("a"));
        out("taken first", b(await(r.read(1))));
        await(sleep(0));
        out("still waiting", t.isDone());
        r.feedData(bytes("bc"));
        await(t);
        t = createTask(attempt("woken readline", r.readline(), true));
        await(sleep(0));
        r.feedData(bytes("d\n"));
        out("taken first", b(await(r.read(5))));
        await(sleep(0));
        out("still waiting", t.isDone());
        r.feedData(bytes("e\n"));
        await(t);

        // readuntil remembers where it stopped looking, even after another reader took the data
        r = new StreamReader(5);
        t = createTask(attempt("stale offset", r.readuntil(bytes("\n"))));
        await(sleep(0));
        r.feedData(bytes("abcd"));
        await(sleep(0));
        r.feedData(bytes("e\n"));
        out("taken first", b(await(r.read(5))));
        for (String chunk : List.of("x", "\nyz", "\n")) {
            await(sleep(0));
            out("feed", b(bytes(chunk)), t.isDone());
            r.feedData(bytes(chunk));
        }
        await(t);
        r = new StreamReader(5);
        t = createTask(attempt("stale offset past limit", r.readuntil(bytes("\n"))));
        await(sleep(0));
        r.feedData(bytes("abcd"));
        await(sleep(0));
        r.feedData(bytes("e"));
        out("taken first", b(await(r.read(5))));
        for (String chunk : List.of("fghi", "jk")) {
            await(sleep(0));
            out("feed", b(bytes(chunk)), t.isDone());
            r.feedData(bytes(chunk));
        }
        await(t);
        await(attempt("left", r.read(20)));

        // data wakes the reader, then an exception is set before it runs: the data wins
        r = new StreamReader();
        t = createTask(attempt("readline fed then failed", r.readline(), true));
        await(sleep(0));
        r.feedData(bytes("line\nmore"));
        r.setException(new ConnectionError("lost"));
        await(t);
        await(attempt("read(3) after", r.read(3)));

        // the recorded exception comes before everything, end of stream included
        r = new StreamReader();
        r.feedData(bytes("buffered\n"));
        r.feedEof();
        r.setException(new ConnectionError("gone"));
        out("at_eof with exception", r.atEof());
        await(attempt("read(0)", r.read(0)));
        await(attempt("read(4)", r.read(4)));
        await(attempt("read(-1)", r.read()));
        await(attempt("readexactly(0)", r.readexactly(0)));
        await(attempt("readline", r.readline(), true));
        await(attempt("readuntil", r.readuntil(bytes("!"))));
        r.setException(null);
        await(attempt("after clearing", r.readline(), true));

        // a three-byte separator split across feeds, against the limit
        r = new StreamReader(5);
        t = createTask(attempt("END split", r.readuntil(bytes("END"))));
        for (String chunk : List.of("abcde", "E", "N", "D")) {
            await(sleep(0));
            out("feed", b(bytes(chunk)), t.isDone());
            r.feedData(bytes(chunk));
        }
        await(t);
        t = createTask(attempt("END past limit", r.readuntil(bytes("END"))));
        for (String chunk : List.of("abcdef", "E", "N")) {
            await(sleep(0));
            out("feed", b(bytes(chunk)), t.isDone());
            r.feedData(bytes(chunk));
        }
        await(t);
        r.feedData(bytes("D"));
        await(attempt("END still past limit", r.readuntil(bytes("END"))));
        await(attempt("readexactly the chunk", r.readexactly(6)));
        await(attempt("then", r.readuntil(bytes("END"))));
        // separator found exactly at the limit, and one past it
        r = new StreamReader(3);
        r.feedData(bytes("abc\ndefg\n"));
        await(attempt("at the limit", r.readuntil(bytes("\n"))));
        await(attempt("one past", r.readuntil(bytes("\n"))));
        await(attempt("readline one past", r.readline(), true));
        r.feedData(bytes("h\n"));
        await(attempt("after", r.readline(), true));
        // readline: a long line split across feeds is discarded as it grows
        r = new StreamReader(3);
        t = createTask(attempt("readline long", r.readline(), true));
        await(sleep(0));
        r.feedData(bytes("ab"));
        await(sleep(0));
        r.feedData(bytes("cdef"));
        await(t);
        r.feedData(bytes("g\nh\n"));
        await(attempt("next readline", r.readline(), true));
        await(attempt("next readline", r.readline(), true));

        // end of stream
        r = new StreamReader();
        r.feedEof();
        r.feedEof();
        await(attempt("read(0) at eof", r.read(0)));
        await(attempt("readexactly(0) at eof", r.readexactly(0)));
        await(attempt("readexactly(1) at eof", r.readexactly(1)));
        await(attempt("readuntil at eof", r.readuntil(bytes("x"))));
        try {
            r.feedData(bytes("late"));
        } catch (IllegalStateException e) { // asyncio: AssertionError
            out("feed_data after feed_eof raises");
        }
        out("at_eof", r.atEof());

        // repr (no waiter, transport or exception: their reprs differ)
        r = new StreamReader();
        out(r.toString());
        r.feedData(bytes("abc"));
        out(r.toString());
        r = new StreamReader(10);
        r.feedData(bytes("abc"));
        r.feedEof();
        out(r.toString());
        await(r.read());
        out(r.toString());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
