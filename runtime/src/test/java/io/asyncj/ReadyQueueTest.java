package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadyQueueTest {

    @Test
    void fifoAcrossSegmentBoundaries() {
        ReadyQueue q = new ReadyQueue();
        int n = ReadyQueue.SEGMENT * 3 + 7;
        for (int i = 0; i < n; i++) {
            q.add(i);
        }
        assertEquals(n, q.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, q.poll());
        }
        assertTrue(q.isEmpty());
        assertNull(q.poll());
    }

    @Test
    void behavesAsADequeUnderRandomInterleavings() {
        ReadyQueue q = new ReadyQueue();
        ArrayDeque<Object> model = new ArrayDeque<>();
        Random rnd = new Random(7);
        int next = 0;
        for (int step = 0; step < 50_000; step++) {
            // bursts of adds and drains of every length, across many segment boundaries
            int r = rnd.nextInt(100);
            if (r < 50) {
                int k = rnd.nextInt(r < 5 ? 3000 : 8);
                for (int i = 0; i < k; i++) {
                    q.add(next);
                    model.add(next++);
                }
            } else if (r < 98) {
                int k = rnd.nextInt(r < 55 ? 4000 : 8);
                for (int i = 0; i < k; i++) {
                    assertEquals(model.poll(), q.poll());
                }
            } else {
                q.clear();
                model.clear();
            }
            assertEquals(model.size(), q.size());
            assertEquals(model.isEmpty(), q.isEmpty());
        }
    }
}
