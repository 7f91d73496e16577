package io.asyncj;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * StreamReader fed by bytes, without sockets (as CPython's test_streams does). Expected values come
 * from running the same sequences against asyncio 3.11.
 */
class StreamReaderTest {

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static String s(Object bytes) {
        return new String((byte[]) bytes, ISO_8859_1);
    }

    private static Object run(Script.FirstStep body) {
        return Loops.runVirtual(Co.of(body));
    }

    /** Feeds {@code data} to {@code r} after {@code delay} seconds of virtual time. */
    private static void feedLater(StreamReader r, double delay, String data) {
        Asyncio.getRunningLoop().callLater(delay, () -> r.feedData(b(data)));
    }

    private static void eofLater(StreamReader r, double delay) {
        Asyncio.getRunningLoop().callLater(delay, r::feedEof);
    }

    /** Records pause/resume calls, as the flow-control tests' transport. */
    static final class FakeTransport implements Transport {
        final List<String> calls = new ArrayList<>();

        @Override public void write(byte[] data, int off, int len) {}
        @Override public boolean canWriteEof() { return false; }
        @Override public void writeEof() {}
        @Override public void close() {}
        @Override public void abort() {}
        @Override public boolean isClosing() { return false; }
        @Override public void pauseReading() { calls.add("pause"); }
        @Override public void resumeReading() { calls.add("resume"); }
        @Override public Object getExtraInfo(String name) { return null; }
        @Override public int getWriteBufferSize() { return 0; }
        @Override public void setWriteBufferLimits(int high, int low) {}
    }

    // ---- read ----

    @Test
    void readReturnsWhatIsBufferedUpToN() {
        StreamReader r = new StreamReader();
        r.feedData(b("abcdef"));
        assertEquals("abcd", s(run(() -> r.read(4))));
        assertEquals("ef", s(run(() -> r.read(4))));
    }

    @Test
    void readWaitsWhileTheBufferIsEmptyThenReturnsTheFirstChunk() {
        StreamReader r = new StreamReader();
        Object got = run(() -> {
            feedLater(r, 1, "ab");
            feedLater(r, 2, "cd");
            return Script.start(() -> r.read(10)).then(v -> s(v) + "@" + Co.now()).build();
        });
        assertEquals("ab@1.0", got);
    }

    @Test
    void readZeroReturnsEmptyAtOnce() {
        StreamReader r = new StreamReader();
        assertEquals(0, ((byte[]) run(() -> r.read(0))).length);
    }

    @Test
    void readAtEndOfStreamReturnsEmpty() {
        StreamReader r = new StreamReader();
        r.feedData(b("x"));
        r.feedEof();
        assertEquals("x", s(run(() -> r.read(5))));
        assertEquals("", s(run(() -> r.read(5))));
        assertTrue(r.atEof());
    }

    @Test
    void readAllReturnsEverythingUntilEndOfStream() {
        StreamReader r = new StreamReader(3); // several rounds of read(limit)
        r.feedData(b("hello "));
        Object got = run(() -> {
            feedLater(r, 1, "wor");
            feedLater(r, 2, "ld");
            eofLater(r, 3);
            return r.read();
        });
        assertEquals("hello world", s(got));
        assertTrue(r.atEof());
    }

    @Test
    void readAllThrowsTheRecordedException() {
        StreamReader r = new StreamReader();
        IOException boom = new IOException("reset");
        Object got = run(() -> {
            r.feedData(b("partial"));
            Asyncio.getRunningLoop().callLater(1, () -> r.setException(boom));
            return Script.start(() -> r.read(-1)).handle((v, e) -> e).build();
        });
        assertSame(boom, got);
    }

    // ---- readline ----

    @Test
    void readlineReturnsLinesIncludingTheNewline() {
        StreamReader r = new StreamReader();
        r.feedData(b("one\ntw"));
        assertEquals("one\n", s(run(r::readline)));
        Object got = run(() -> {
            feedLater(r, 1, "o\nthree");
            return r.readline();
        });
        assertEquals("two\n", s(got));
        r.feedEof();
        assertEquals("three", s(run(r::readline)));
        assertEquals("", s(run(r::readline)));
    }

    @Test
    void readlineTooLongDiscardsTheLineAndThrows() {
        StreamReader r = new StreamReader(5);
        r.feedData(b("abcdefghij\nk\n"));
        LimitOverrunException e = (LimitOverrunException) run(() ->
                Script.start(r::readline).handle((v, err) -> err).build());
        assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
        assertEquals("k\n", s(run(r::readline)));
    }

    @Test
    void readlineWithoutNewlinePastTheLimitClearsTheBuffer() {
        StreamReader r = new StreamReader(5);
        r.feedData(b("abcdefg!xy"));
        Object e = run(() -> Script.start(r::readline).handle((v, err) -> err).build());
        assertEquals("Separator is not found, and chunk exceed the limit", ((Throwable) e).getMessage());
        r.feedEof();
        assertTrue(r.atEof());
    }

    // ---- readexactly ----

    @Test
    void readexactlyWaitsForAllTheBytes() {
        StreamReader r = new StreamReader();
        r.feedData(b("ab"));
        Object got = run(() -> {
            feedLater(r, 1, "c");
            feedLater(r, 2, "defg");
            return Script.start(() -> r.readexactly(5)).then(v -> s(v) + "@" + Co.now()).build();
        });
        assertEquals("abcde@2.0", got);
        assertEquals("fg", s(run(() -> r.read(10))));
    }

    @Test
    void readexactlyAtEndOfStreamThrowsIncompleteReadWithThePartialBytes() {
        StreamReader r = new StreamReader();
        r.feedData(b("abc"));
        Object got = run(() -> {
            eofLater(r, 1);
            return Script.start(() -> r.readexactly(5)).handle((v, e) -> e).build();
        });
        IncompleteReadException e = assertInstanceOf(IncompleteReadException.class, got);
        assertEquals("abc", s(e.partial()));
        assertEquals(5, e.expected());
        assertEquals("3 bytes read on a total of 5 expected bytes", e.getMessage());
        assertTrue(r.atEof());
    }

    @Test
    void readexactlyZeroAndNegative() {
        StreamReader r = new StreamReader();
        assertEquals(0, ((byte[]) run(() -> r.readexactly(0))).length);
        assertThrows(IllegalArgumentException.class, () -> r.readexactly(-1));
    }

    // ---- readuntil ----

    @Test
    void readuntilFindsASeparatorSplitAcrossFeeds() {
        StreamReader r = new StreamReader();
        r.feedData(b("key=value\r"));
        Object got = run(() -> {
            feedLater(r, 1, "\nnext");
            return r.readuntil(b("\r\n"));
        });
        assertEquals("key=value\r\n", s(got));
        assertEquals("next", s(run(() -> r.read(10))));
    }

    @Test
    void readuntilAtEndOfStreamThrowsIncompleteReadWithEverything() {
        StreamReader r = new StreamReader();
        r.feedData(b("ab"));
        r.feedEof();
        IncompleteReadException e = (IncompleteReadException) run(() ->
                Script.start(() -> r.readuntil(b("XY"))).handle((v, err) -> err).build());
        assertEquals("ab", s(e.partial()));
        assertEquals(-1, e.expected());
        assertEquals("2 bytes read on a total of undefined expected bytes", e.getMessage());
        assertTrue(r.atEof());
    }

    @Test
    void readuntilPastTheLimitWithoutSeparatorKeepsTheData() {
        StreamReader r = new StreamReader(5);
        r.feedData(b("abcdefgh"));
        LimitOverrunException e = (LimitOverrunException) run(() ->
                Script.start(() -> r.readuntil(b("!"))).handle((v, err) -> err).build());
        assertEquals("Separator is not found, and chunk exceed the limit", e.getMessage());
        assertEquals(8, e.consumed());
        assertEquals("abcdefgh", s(run(() -> r.read(100))));
    }

    @Test
    void readuntilWithTheSeparatorBeyondTheLimitKeepsTheData() {
        StreamReader r = new StreamReader(5);
        r.feedData(b("abcdefg!xy"));
        LimitOverrunException e = (LimitOverrunException) run(() ->
                Script.start(() -> r.readuntil(b("!"))).handle((v, err) -> err).build());
        assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
        assertEquals(7, e.consumed());
        assertEquals("abcdefg!", s(run(() -> r.readexactly(8))));
    }

    @Test
    void readuntilOverrunsWhileWaiting() {
        // asyncio: limit 3, "ab" buffered, a waiting readuntil fails once "cd" arrives.
        StreamReader r = new StreamReader(3);
        r.feedData(b("ab"));
        Object got = run(() -> {
            feedLater(r, 1, "cd");
            return Script.start(() -> r.readuntil(b("\n"))).handle((v, e) -> e).build();
        });
        assertEquals(4, ((LimitOverrunException) got).consumed());
    }

    @Test
    void readuntilAcceptsAChunkOfExactlyTheLimit() {
        StreamReader r = new StreamReader(3);
        r.feedData(b("ab"));
        Object got = run(() -> {
            feedLater(r, 1, "c\n");
            return r.readuntil(b("\n"));
        });
        assertEquals("abc\n", s(got));
    }

    @Test
    void readuntilRejectsAnEmptySeparator() {
        StreamReader r = new StreamReader();
        assertThrows(IllegalArgumentException.class, () -> r.readuntil(new byte[0]));
    }

    // ---- exceptions, EOF, misuse ----

    @Test
    void aRecordedExceptionFailsTheWaitingReadAndEveryLaterOne() {
        StreamReader r = new StreamReader();
        IOException boom = new IOException("boom");
        Object got = run(() -> {
            Asyncio.getRunningLoop().callLater(1, () -> r.setException(boom));
            return Script.start(() -> r.readexactly(3)).handle((v, e) -> e).build();
        });
        assertSame(boom, got);
        r.feedData(b("abc"));
        assertSame(boom, run(() -> Script.start(() -> r.read(1)).handle((v, e) -> e).build()));
        assertSame(boom, r.exception());
    }

    @Test
    void feedAfterEofIsRefused() {
        StreamReader r = new StreamReader();
        r.feedData(b("x"));
        r.feedEof();
        assertFalse(r.atEof());
        assertThrows(IllegalStateException.class, () -> r.feedData(b("y")));
        assertThrows(IllegalStateException.class, () -> r.feedData(new byte[0]), "asyncio checks EOF first too");
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StreamReader(0));
    }

    @Test
    void twoReadersWaitingAtOnceIsAnError() {
        StreamReader r = new StreamReader();
        Object got = run(() -> {
            Task<byte[]> first = Asyncio.createTask(r.read(1));
            return Script.start(() -> Asyncio.sleep(0))
                    .then(v -> Script.start(() -> r.readline()).handle((v2, e) -> e).build())
                    .then(e -> {
                        first.cancel();
                        return e;
                    }).build();
        });
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, got);
        assertEquals("readuntil() called while another coroutine is already waiting for incoming data", e.getMessage());
    }

    // ---- cancellation ----

    @Test
    void cancellingAWaitingReadLeavesTheReaderConsistent() {
        // A readexactly(5) waits with 3 bytes buffered and is cancelled; the bytes stay, and the
        // next read gets them together with what arrives later.
        StreamReader r = new StreamReader();
        Expect ex = new Expect();
        Object got = run(() -> {
            r.feedData(b("abc"));
            Task<byte[]> t = Asyncio.createTask(r.readexactly(5));
            return Script.start(() -> Asyncio.sleep(1))
                    .then(v -> {
                        ex.expect(1);
                        assertFalse(t.isDone());
                        t.cancel();
                        return Script.start(() -> t).handle((v2, e) -> e).build();
                    }).then(e -> {
                        ex.expect(2);
                        assertInstanceOf(CancelledException.class, e);
                        assertTrue(t.isCancelled());
                        feedLater(r, 1, "de");
                        return r.readexactly(5);
                    }).build();
        });
        ex.finish(3);
        assertEquals("abcde", s(got));
    }

    @Test
    void cancellingAWaitingReaduntilKeepsItsData() {
        StreamReader r = new StreamReader();
        Object got = run(() -> {
            r.feedData(b("par"));
            Task<byte[]> t = Asyncio.createTask(r.readline());
            return Script.start(() -> Asyncio.sleep(1))
                    .then(v -> {
                        t.cancel();
                        return Asyncio.sleep(0);
                    }).then(v -> {
                        assertTrue(t.isCancelled());
                        r.feedData(b("tial\n"));
                        return r.readline();
                    }).build();
        });
        assertEquals("partial\n", s(got));
    }

    // ---- flow control ----

    @Test
    void pausesTheTransportAboveTwiceTheLimitAndResumesAtTheLimit() {
        StreamReader r = new StreamReader(4);
        FakeTransport t = new FakeTransport();
        r.setTransport(t);
        r.feedData(b("12345678")); // 8 = 2 * limit: not above
        assertEquals(List.of(), t.calls);
        r.feedData(b("9"));
        assertEquals(List.of("pause"), t.calls);
        r.feedData(b("abc"));
        assertEquals(List.of("pause"), t.calls, "paused once");
        assertEquals("1234567", s(run(() -> r.read(7)))); // 5 left: above the limit
        assertEquals(List.of("pause"), t.calls);
        assertEquals("8", s(run(() -> r.read(1)))); // 4 left: at the limit
        assertEquals(List.of("pause", "resume"), t.calls);
    }

    @Test
    void aWaitingReadResumesAPausedTransport() {
        // readexactly needs more than the paused buffer holds: waiting must resume the transport.
        StreamReader r = new StreamReader(4);
        FakeTransport t = new FakeTransport();
        r.setTransport(t);
        Object got = run(() -> {
            r.feedData(b("abcdefghi"));
            assertEquals(List.of("pause"), t.calls);
            feedLater(r, 1, "jkl");
            return r.readexactly(12);
        });
        assertEquals("abcdefghijkl", s(got));
        // paused by the first feed, resumed by the waiting read, paused by the second feed (12 > 8),
        // resumed once readexactly emptied the buffer
        assertEquals(List.of("pause", "resume", "pause", "resume"), t.calls);
    }
}
