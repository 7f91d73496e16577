package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timer heap against CPython's own algorithm, transcribed as plainly as it is written
 * ({@code Lib/heapq.py}, {@code Modules/_heapqmodule.c}'s heapify, {@code BaseEventLoop._run_once}'s
 * head) over a list: with few distinct deadlines, so that the order among equal deadlines, which
 * only the heap's shape decides, is compared too. (The parity program {@code TimerTies} compares
 * the same order against CPython itself.)
 */
class TimerHeapTest {
    private final SelectorEventLoop loop = (SelectorEventLoop) Asyncio.newEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void pollsExactlyAsAsyncioUnderRandomAddsPollsCancelsAndCompactions() {
        for (int seed = 0; seed < 4; seed++) {
            // small heaps, and heaps past 2,500 entries where CPython's heapify changes its order
            run(new Random(seed), seed % 2 == 0 ? 300 : 6000, 100_000);
        }
    }

    private void run(Random rnd, int target, int steps) {
        TimerHeap heap = new TimerHeap();
        Model model = new Model();
        List<TimerEntry> live = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int r = rnd.nextInt(100);
            boolean grow = heap.size() < target;
            if (r < (grow ? 60 : 30)) {
                TimerEntry t = new TimerEntry(loop, rnd.nextInt(20), () -> {});
                heap.add(t);
                model.push(t);
                live.add(t);
            } else if (r < 75) {
                heap.startIteration();
                model.startIteration();
                if (heap.isEmpty()) {
                    assertEquals(0, model.heap.size());
                    continue;
                }
                TimerEntry t = heap.poll();
                assertSame(model.pop(), t, "step " + step);
                assertEquals(-1, t.heapIndex);
                live.remove(t);
            } else if (!live.isEmpty()) {
                TimerEntry t = live.remove(rnd.nextInt(live.size()));
                boolean scheduled = t.heapIndex >= 0;
                t.cancel(); // counts only timers of the loop's own heap: count this one here
                if (scheduled) {
                    heap.onCancelled();
                    model.cancelled++;
                }
            }
            assertEquals(model.heap.size(), heap.size());
        }
        while (!heap.isEmpty()) {
            assertSame(model.pop(), heap.poll());
        }
    }

    /** CPython's heapq and _run_once's head, over a list, with TimerHandle.__lt__ (deadline only). */
    private static final class Model {
        final List<TimerEntry> heap = new ArrayList<>();
        int cancelled;

        void push(TimerEntry t) {
            heap.add(t);
            siftdown(0, heap.size() - 1);
        }

        TimerEntry pop() {
            TimerEntry last = heap.remove(heap.size() - 1);
            if (heap.isEmpty()) {
                return last;
            }
            TimerEntry top = heap.get(0);
            heap.set(0, last);
            siftup(0);
            return top;
        }

        void startIteration() {
            if (heap.size() > 100 && cancelled / (double) heap.size() > 0.5) {
                List<TimerEntry> kept = new ArrayList<>();
                for (TimerEntry t : heap) {
                    if (!t.isCancelled()) {
                        kept.add(t);
                    }
                }
                heap.clear();
                heap.addAll(kept);
                heapify();
                cancelled = 0;
            } else {
                while (!heap.isEmpty() && heap.get(0).isCancelled()) {
                    cancelled--;
                    pop();
                }
            }
        }

        void heapify() {
            int n = heap.size();
            if (n <= 2500) {
                for (int i = n / 2 - 1; i >= 0; i--) {
                    siftup(i);
                }
                return;
            }
            int m = n >> 1;
            int leftmost = keepTopBit(m + 1) - 1;
            int mhalf = m >> 1;
            for (int i = leftmost - 1; i >= mhalf; i--) {
                for (int j = i; ; j >>= 1) {
                    siftup(j);
                    if ((j & 1) == 0) {
                        break;
                    }
                }
            }
            for (int i = m - 1; i >= leftmost; i--) {
                for (int j = i; ; j >>= 1) {
                    siftup(j);
                    if ((j & 1) == 0) {
                        break;
                    }
                }
            }
        }

        static int keepTopBit(int n) {
            int i = 0;
            while (n > 1) {
                n >>= 1;
                i++;
            }
            return n << i;
        }

        void siftdown(int startpos, int pos) {
            TimerEntry newitem = heap.get(pos);
            while (pos > startpos) {
                int parentpos = (pos - 1) >> 1;
                TimerEntry parent = heap.get(parentpos);
                if (newitem.when < parent.when) {
                    heap.set(pos, parent);
                    pos = parentpos;
                    continue;
                }
                break;
            }
            heap.set(pos, newitem);
        }

        void siftup(int pos) {
            int endpos = heap.size();
            int startpos = pos;
            TimerEntry newitem = heap.get(pos);
            int childpos = 2 * pos + 1;
            while (childpos < endpos) {
                int rightpos = childpos + 1;
                if (rightpos < endpos && !(heap.get(childpos).when < heap.get(rightpos).when)) {
                    childpos = rightpos;
                }
                heap.set(pos, heap.get(childpos));
                pos = childpos;
                childpos = 2 * pos + 1;
            }
            heap.set(pos, newitem);
            siftdown(startpos, pos);
        }
    }
}
