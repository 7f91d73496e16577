package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
    private final SelectorEventLoop loop = (SelectorEventLoop) Asyncio.newEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void pollsInDeadlineThenSchedulingOrderUnderRandomAddsPollsAndCancels() {
        TimerHeap heap = new TimerHeap();
        // The model: every entry ever added and not yet polled, in (when, seq) order.
        PriorityQueue<TimerEntry> model = new PriorityQueue<>(
                Comparator.<TimerEntry>comparingDouble(t -> t.when).thenComparingLong(t -> t.seq));
        List<TimerEntry> live = new ArrayList<>();
        Random rnd = new Random(11);
        long seq = 0;
        for (int step = 0; step < 100_000; step++) {
            int r = rnd.nextInt(10);
            if (r < 5) {
                // few distinct deadlines, so ties (broken by seq) are common
                TimerEntry t = new TimerEntry(loop, rnd.nextInt(50), seq++, () -> {});
                heap.add(t);
                model.add(t);
                live.add(t);
            } else if (r < 8 && !heap.isEmpty()) {
                heap.dropCancelledTop();
                while (!model.isEmpty() && model.peek().isCancelled()) {
                    model.poll();
                }
                if (heap.isEmpty()) {
                    assertEquals(0, model.size());
                    continue;
                }
                assertEquals(model.peek().when, heap.peek().when);
                TimerEntry t = heap.poll();
                assertSame(model.poll(), t);
                assertEquals(-1, t.heapIndex);
                live.remove(t);
            } else if (!live.isEmpty()) {
                TimerEntry t = live.remove(rnd.nextInt(live.size()));
                boolean wasScheduled = t.heapIndex >= 0;
                t.cancel(); // counts only timers of the loop's own heap; count this one here
                if (wasScheduled) {
                    heap.onCancelled(); // may compact: cancelled entries leave the heap
                }
            }
        }
        // Drain: what is left comes out in order, cancelled ones included until dropped.
        heap.dropCancelledTop();
        while (!heap.isEmpty()) {
            while (!model.isEmpty() && model.peek().isCancelled()) {
                model.poll();
            }
            TimerEntry t = heap.poll();
            if (t.isCancelled()) {
                continue;
            }
            assertSame(model.poll(), t);
        }
    }
}
