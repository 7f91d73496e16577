package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * StreamWriter's drain and close waiting against a scripted transport on virtual time: the
 * protocol is paused and resumed, and the connection lost, by hand.
 */
class StreamWriterTest {

    /** A transport that records writes and lets the test decide when it is closing. */
    static final class ScriptedTransport implements Transport {
        final List<String> calls = new ArrayList<>();
        boolean closing;

        @Override public void write(byte[] data, int off, int len) { calls.add("write " + len); }
        @Override public boolean canWriteEof() { return true; }
        @Override public void writeEof() { calls.add("writeEof"); }
        @Override public void close() { calls.add("close"); closing = true; }
        @Override public void abort() { calls.add("abort"); closing = true; }
        @Override public boolean isClosing() { return closing; }
        @Override public void pauseReading() {}
        @Override public void resumeReading() {}
        @Override public Object getExtraInfo(String name) { return null; }
        @Override public int getWriteBufferSize() { return 0; }
        @Override public void setWriteBufferLimits(int high, int low) {}
    }

    private StreamProtocol protocol;
    private StreamReader reader;
    private final ScriptedTransport transport = new ScriptedTransport();

    /** A writer on the running loop, as openConnection makes it. */
    private StreamWriter writer() {
        reader = new StreamReader();
        protocol = new StreamProtocol(Asyncio.runningLoop(), reader);
        protocol.connectionMade(transport);
        return new StreamWriter(transport, protocol, reader);
    }

    private static Object run(Script.FirstStep body) {
        return Loops.runVirtual(Co.of(body));
    }

    private static void at(double delay, Runnable r) {
        Asyncio.getRunningLoop().callLater(delay, r);
    }

    @Test
    void writeGoesToTheTransportAndDrainReturnsAtOnce() {
        Object got = run(() -> {
            StreamWriter w = writer();
            w.write(new byte[3]);
            w.writelines(List.of(new byte[2], new byte[5]));
            return Script.start(w::drain).then(v -> Co.now()).build();
        });
        assertEquals(0.0, got);
        assertEquals(List.of("write 3", "write 7"), transport.calls);
    }

    @Test
    void drainWaitsWhileTheTransportIsPaused() {
        Object got = run(() -> {
            StreamWriter w = writer();
            protocol.pauseWriting();
            at(2, protocol::resumeWriting);
            return Script.start(w::drain).then(v -> Co.now()).build();
        });
        assertEquals(2.0, got);
    }

    @Test
    void everyPausedDrainIsReleased() {
        List<String> trace = new ArrayList<>();
        run(() -> {
            StreamWriter w = writer();
            protocol.pauseWriting();
            Task<Void> a = Asyncio.createTask(w.drain());
            Task<Void> b = Asyncio.createTask(w.drain());
            at(1, protocol::resumeWriting);
            return Script.start(() -> Asyncio.gather(a, b)).then(v -> trace.add("both at " + Co.now())).build();
        });
        assertEquals(List.of("both at 1.0"), trace);
    }

    @Test
    void aConnectionLostWhilePausedFailsTheDrain() {
        IOException reset = new IOException("reset");
        Object got = run(() -> {
            StreamWriter w = writer();
            protocol.pauseWriting();
            at(1, () -> protocol.connectionLost(reset));
            return Script.start(w::drain).handle((v, e) -> e).build();
        });
        assertSame(reset, got);
    }

    @Test
    void drainOnAClosingStreamYieldsThenReportsTheLoss() {
        // asyncio: drain() on a closing transport sleeps(0) so connection_lost runs first, then
        // raises ConnectionResetError('Connection lost').
        Object got = run(() -> {
            StreamWriter w = writer();
            w.close();
            Asyncio.getRunningLoop().callSoon(() -> protocol.connectionLost(null));
            return Script.start(w::drain).handle((v, e) -> e).build();
        });
        IOException e = assertInstanceOf(IOException.class, got);
        assertEquals("Connection lost", e.getMessage());
    }

    @Test
    void drainThrowsTheReadersError() {
        IOException broken = new IOException("broken");
        Object got = run(() -> {
            StreamWriter w = writer();
            reader.setException(broken);
            return Script.start(w::drain).handle((v, e) -> e).build();
        });
        assertSame(broken, got);
    }

    @Test
    void cancellingADrainLeavesTheOthersWaiting() {
        List<String> trace = new ArrayList<>();
        run(() -> {
            StreamWriter w = writer();
            protocol.pauseWriting();
            Task<Void> a = Asyncio.createTask(w.drain());
            Task<Void> b = Asyncio.createTask(w.drain());
            at(1, () -> a.cancel());
            at(2, protocol::resumeWriting);
            return Script.start(() -> b).then(v -> {
                trace.add("b at " + Co.now());
                trace.add("a cancelled " + a.isCancelled());
                return null;
            }).build();
        });
        assertEquals(List.of("b at 2.0", "a cancelled true"), trace);
    }

    @Test
    void waitClosedCompletesWhenTheConnectionIsLost() {
        Object got = run(() -> {
            StreamWriter w = writer();
            assertFalse(w.isClosing());
            w.close();
            assertTrue(w.isClosing());
            at(1, () -> protocol.connectionLost(null));
            return Script.start(w::waitClosed).then(v -> Co.now()).build();
        });
        assertEquals(1.0, got);
        assertTrue(reader.atEof(), "the reader saw end of stream");
    }

    @Test
    void waitClosedThrowsTheErrorTheConnectionWasLostWith() {
        IOException reset = new IOException("reset");
        Object got = run(() -> {
            StreamWriter w = writer();
            at(1, () -> protocol.connectionLost(reset));
            return Script.start(w::waitClosed).handle((v, e) -> e).build();
        });
        assertSame(reset, got);
        assertSame(reset, reader.exception());
    }

    @Test
    void extraInfoDefaults() {
        run(() -> {
            StreamWriter w = writer();
            assertNull(w.getExtraInfo("peername"));
            assertEquals("x", w.getExtraInfo("peername", "x"));
            assertTrue(w.canWriteEof());
            w.writeEof();
            assertEquals(List.of("writeEof"), transport.calls);
            return null;
        });
    }
}
