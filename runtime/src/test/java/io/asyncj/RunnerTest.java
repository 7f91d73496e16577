package io.asyncj;

import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunnerTest {

    @Test
    void runsSeveralCoroutinesOnOneLoopAndCancelsLeftoversAtClose() {
        Task<?>[] left = new Task<?>[1];
        EventLoop loop;
        try (Runner runner = new Runner()) {
            EventLoop seen = runner.run(Co.of(() -> sleep(0, Asyncio.getRunningLoop())));
            loop = runner.getLoop();
            assertSame(loop, seen);
            assertEquals(42, (int) runner.run(Co.<Integer>of(() -> {
                left[0] = Asyncio.createTask(Co.of(() -> sleep(10)));
                return sleep(0, 42);
            })));
            assertFalse(left[0].isDone(), "a task left pending stays on the loop between runs");
            assertFalse(loop.isClosed());
        }
        assertTrue(left[0].isCancelled());
        assertTrue(loop.isClosed());
    }

    @Test
    void refusesUseAfterCloseAndFromARunningLoop() {
        Runner runner = new Runner();
        runner.close(); // never used: nothing to close
        runner.getLoop();
        runner.close();
        runner.close();
        assertEquals("Runner is closed", assertThrows(IllegalStateException.class, runner::getLoop).getMessage());
        assertEquals("Runner is closed",
                assertThrows(IllegalStateException.class, () -> runner.run(sleep(0))).getMessage());
        String msg = Asyncio.run(Co.of(() -> {
            try {
                new Runner().run(sleep(0));
                return sleep(0, "ran");
            } catch (IllegalStateException e) {
                return sleep(0, e.getMessage());
            }
        }));
        assertEquals("Runner.run() cannot be called from a running event loop", msg);
    }
}
