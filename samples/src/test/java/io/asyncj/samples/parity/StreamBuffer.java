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

/**
 * A bare StreamReader fed by hand: read, readline, readuntil, readexactly, atEof, reads after end
 * of stream, the limit (LimitOverrunException and its consumed, readline discarding), waiting
 * readers woken by feeds, a second waiting reader, setException, a cancelled read.
 */
public class StreamBuffer {
    /** asyncio's ConnectionResetError, for setException. */
    static final class ConnectionResetError extends IOException {
        ConnectionResetError(String m) {
            super(m);
        }
    }

    /** Python's repr of bytes. */
    static String b(byte[] data) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte x : data) {
            int c = x & 0xff;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 32 || c >= 127) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('\'').toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String ir(IncompleteReadException e) {
        return "IncompleteReadError " + b(e.partial()) + " " + (e.expected() < 0 ? "None" : e.expected())
                + " " + repr(e.getMessage());
    }

    static String err(Throwable e) {
        return e instanceof IncompleteReadException ir ? ir(ir) : d(e);
    }

    @Async
    static Coroutine<Void> reader(String name, Coroutine<byte[]> read) {
        try {
            out(name, "got", b(await(read)));
        } catch (CancelledException e) {
            throw e; // Python's `except Exception` does not catch CancelledError
        } catch (Exception e) {
            out(name, "raised", err(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        StreamReader r = new StreamReader();
        out("fresh", r.atEof(), r.exception());
        r.feedData(bytes("hello\nworld"));
        r.feedData(bytes(""));
        out("readline", b(await(r.readline())));
        out("read 3", b(await(r.read(3))));
        out("read 0", b(await(r.read(0))));
        out("at_eof", r.atEof());
        r.feedEof();
        out("at_eof after feed_eof", r.atEof());
        out("read all", b(await(r.read())));
        out("at_eof", r.atEof());
        out("read after eof", b(await(r.read(5))), b(await(r.read())), b(await(r.readline())));
        try {
            await(r.readexactly(1));
        } catch (IncompleteReadException e) {
            out("readexactly at eof", ir(e));
        }
        out("readexactly 0", b(await(r.readexactly(0))));

        r = new StreamReader();
        r.feedData(bytes("abc"));
        r.feedEof();
        try {
            await(r.readexactly(5));
        } catch (IncompleteReadException e) {
            out("readexactly", ir(e), r.atEof());
        }
        r = new StreamReader();
        r.feedData(bytes("no separator"));
        r.feedEof();
        try {
            await(r.readuntil(bytes("!")));
        } catch (IncompleteReadException e) {
            out("readuntil", ir(e), r.atEof());
        }
        r = new StreamReader();
        r.feedData(bytes("last line"));
        r.feedEof();
        out("readline without newline", b(await(r.readline())), b(await(r.readline())));

        // the limit
        r = new StreamReader(4);
        r.feedData(bytes("abcdefgh\nij\n"));
        try {
            await(r.readuntil(bytes("\n")));
        } catch (LimitOverrunException e) {
            out("separator found past limit", repr(e.getMessage()), e.consumed());
        }
        out("data kept", b(await(r.readexactly(9))));
        out("then", b(await(r.readuntil(bytes("\n")))));
        r = new StreamReader(4);
        r.feedData(bytes("abcdefgh"));
        try {
            await(r.readuntil(bytes("\n")));
        } catch (LimitOverrunException e) {
            out("separator not found past limit", repr(e.getMessage()), e.consumed());
        }
        r.feedData(bytes("\nxy\n"));
        try {
            await(r.readline());
        } catch (LimitOverrunException e) { // asyncio: ValueError
            out("readline too long", repr(e.getMessage()));
        }
        out("after discarding", b(await(r.readline())));
        r = new StreamReader(4);
        r.feedData(bytes("abcdefgh"));
        try {
            await(r.readline());
        } catch (LimitOverrunException e) {
            out("readline too long, no newline", repr(e.getMessage()));
        }
        r.feedData(bytes("ij\nk"));
        out("after discarding all", b(await(r.readline())));
        r = new StreamReader(3);
        r.feedData(bytes("abc\n"));
        out("exactly the limit", b(await(r.readline())));
        r.feedData(bytes("ab\r\n"));
        out("two-byte separator", b(await(r.readuntil(bytes("\r\n")))));
        try {
            new StreamReader(0);
        } catch (IllegalArgumentException e) {
            out("limit 0", d(e));
        }
        r = new StreamReader();
        try {
            await(r.readexactly(-1));
        } catch (IllegalArgumentException e) {
            out("readexactly -1", d(e));
        }
        try {
            await(r.readuntil(bytes("")));
        } catch (IllegalArgumentException e) {
            out("readuntil empty", d(e));
        }

        // waiting readers
        r = new StreamReader();
        Task<Void> t = createTask(reader("until", r.readuntil(bytes("\r\n"))));
        await(sleep(0));
        Task<Void> t2 = createTask(reader("second", r.read(1)));
        await(sleep(0));
        r.feedData(bytes("ab\r"));
        out("fed ab\\r");
        await(sleep(0));
        r.feedData(bytes("\ncd"));
        out("fed \\ncd");
        await(t);
        t = createTask(reader("exactly", r.readexactly(5)));
        await(sleep(0));
        r.feedData(bytes("ef"));
        await(sleep(0));
        out("still waiting", t.isDone());
        r.feedEof();
        await(t);
        r = new StreamReader();
        t = createTask(reader("read", r.read(10)));
        await(sleep(0));
        r.feedData(bytes("x"));
        r.feedData(bytes("yz"));
        await(t);
        t = createTask(reader("failing", r.readline()));
        await(sleep(0));
        r.setException(new ConnectionResetError("reset"));
        await(t);
        out("exception", d(r.exception()));
        try {
            await(r.read(1));
        } catch (ConnectionResetError e) {
            out("read after set_exception", d(e));
        }
        r = new StreamReader();
        t = createTask(reader("cancelled", r.readline()));
        await(sleep(0));
        t.cancel();
        await(sleep(0));
        r.feedData(bytes("line\n"));
        out("after cancel", b(await(r.readline())));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
