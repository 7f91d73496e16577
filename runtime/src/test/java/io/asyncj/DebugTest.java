package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugTest {
    private final List<String> warnings = new ArrayList<>();
    private Consumer<String> saved;

    @BeforeEach
    void captureWarnings() {
        saved = Debug.warnings;
        Debug.warnings = msg -> {
            synchronized (warnings) {
                warnings.add(msg);
            }
        };
    }

    @AfterEach
    void restore() {
        Debug.warnings = saved;
    }

    private List<String> warnings() {
        synchronized (warnings) {
            return new ArrayList<>(warnings);
        }
    }

    @Test
    void slowCallbackIsReportedInDebugModeOnly() {
        Clock.VirtualClock clock = Clock.virtual();
        SelectorEventLoop loop = new SelectorEventLoop(clock);
        loop.callSoon(() -> clock.advance(200_000_000)); // "takes" 0.2 s
        loop.runUntilComplete(Asyncio.sleep(0));
        assertEquals(List.of(), warnings());

        loop.setDebug(true);
        loop.callSoon(() -> clock.advance(200_000_000));
        loop.callSoon(() -> clock.advance(50_000_000)); // under the 0.1 s default
        loop.runUntilComplete(Asyncio.sleep(0));
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).matches("Executing .* took 0\\.200 seconds"), warnings().get(0));
        loop.close();
    }

    @Test
    void coroutineNeverAwaitedIsReportedWhenCollected() throws InterruptedException {
        SelectorEventLoop loop = Loops.virtual();
        loop.setDebug(true);
        createAndDrop();
        loop.runUntilComplete(Script.awaiting(Asyncio.completed(1))); // awaited: not reported
        for (int i = 0; i < 100 && warnings().isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        List<String> w = warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("coroutine io.asyncj.Script was never awaited"), w.get(0));
        assertTrue(w.get(0).contains("createAndDrop"), "names where it was created: " + w.get(0));
        loop.close();
    }

    private static void createAndDrop() {
        Script.start(() -> 1).build();
    }

    @Test
    void exceptionNeverRetrievedGoesToTheExceptionHandler() throws InterruptedException {
        SelectorEventLoop loop = Loops.virtual();
        List<ExceptionContext> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        failAndDrop(loop, false);
        failAndDrop(loop, true); // retrieved: not reported
        for (int i = 0; i < 100 && reported.isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        for (int i = 0; i < 5; i++) {
            System.gc();
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        assertEquals(1, reported.size(), reported.toString());
        assertEquals("Future exception was never retrieved", reported.get(0).message());
        assertEquals("lost", reported.get(0).exception().getMessage());
        loop.close();
    }

    private static void failAndDrop(SelectorEventLoop loop, boolean retrieve) {
        Future<Object> f = loop.createFuture();
        f.setException(new IllegalStateException(retrieve ? "seen" : "lost"));
        if (retrieve) {
            f.exception();
        }
    }
}
