package io.asyncj;

import java.util.Arrays;

/**
 * The loop's timers: CPython's {@code heapq} over asyncio's {@code TimerHandle}s, step for step, so
 * that timers come out in exactly asyncio's order. Entries compare by deadline only
 * ({@code TimerHandle.__lt__}); among equal deadlines the order is whatever {@code heapq}'s sifts
 * make of the heap's shape (four {@code call_at(t, ...)} run 0, 2, 1, 3), and asyncj reproduces it:
 * {@link #add} is {@code heappush}, {@link #poll} is {@code heappop} (with its leaf-first
 * {@code _siftup}), {@link #startIteration} is the head of {@code BaseEventLoop._run_once} (drop
 * cancelled timers from the top, or rebuild the heap with {@code heapify} when more than half of
 * more than 100 are cancelled), and the cancelled count is kept exactly as asyncio keeps
 * {@code _timer_cancelled_count}. Touched only by the loop thread.
 */
final class TimerHeap {
    /** asyncio's {@code _MIN_SCHEDULED_TIMER_HANDLES}. */
    private static final int MIN_FOR_COMPACTION = 100;
    /** Above this size CPython's {@code heapify} switches to its cache-friendly order of sifts. */
    private static final int CACHE_FRIENDLY_HEAPIFY = 2500;

    private TimerEntry[] heap = new TimerEntry[16];
    private int size;
    /** asyncio's {@code _timer_cancelled_count}: cancels of scheduled timers, less those dropped from the top. */
    private int cancelled;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    TimerEntry peek() {
        return size == 0 ? null : heap[0];
    }

    /** {@code heapq.heappush}. */
    void add(TimerEntry t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        siftDown(0, size++);
    }

    /** {@code heapq.heappop}; the entry is no longer scheduled. The cancelled count is not touched. */
    TimerEntry poll() {
        TimerEntry last = heap[--size];
        heap[size] = null;
        TimerEntry top = last;
        if (size > 0) {
            top = heap[0];
            heap[0] = last;
            siftUp(0);
        }
        top.heapIndex = -1;
        return top;
    }

    /** A scheduled timer was cancelled (asyncio's {@code _timer_handle_cancelled}). */
    void onCancelled() {
        cancelled++;
    }

    /**
     * The start of an iteration, as asyncio's {@code _run_once} begins: rebuilds the heap without
     * its cancelled timers when they are more than half of more than 100, and otherwise drops the
     * cancelled ones from the top, so that {@link #peek} shows a live timer or none.
     */
    void startIteration() {
        if (size > MIN_FOR_COMPACTION && cancelled * 2 > size) {
            compact();
            return;
        }
        while (size > 0 && heap[0].cancelled) {
            cancelled--;
            poll();
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
        }
        Arrays.fill(heap, 0, size, null);
        size = 0;
        cancelled = 0;
    }

    /** The live timers in their order in the array, then {@code heapq.heapify}. */
    private void compact() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            TimerEntry t = heap[i];
            if (t.cancelled) {
                t.heapIndex = -1;
            } else {
                heap[n++] = t;
            }
        }
        Arrays.fill(heap, n, size, null);
        size = n;
        cancelled = 0;
        heapify();
    }

    /** {@code heapq.heapify} as CPython's C module does it, in the order of sifts it uses at each size. */
    private void heapify() {
        if (size <= CACHE_FRIENDLY_HEAPIFY) {
            for (int i = (size >> 1) - 1; i >= 0; i--) {
                siftUp(i);
            }
            return;
        }
        // cache_friendly_heapify: sift subtrees bottom-up in runs that stay in cache
        int m = size >> 1; // the first childless node
        int leftmost = Integer.highestOneBit(m + 1) - 1; // the leftmost node in m's row
        int mhalf = m >> 1; // the parent of the first childless node
        for (int i = leftmost - 1; i >= mhalf; i--) {
            siftRun(i);
        }
        for (int i = m - 1; i >= leftmost; i--) {
            siftRun(i);
        }
    }

    /** Sifts {@code j}, and while it is a left child, its parent too. */
    private void siftRun(int j) {
        for (;;) {
            siftUp(j);
            if ((j & 1) == 0) {
                return;
            }
            j >>= 1;
        }
    }

    /** {@code heapq._siftdown}: moves the entry at {@code pos} toward {@code start} while it is strictly earlier. */
    private void siftDown(int start, int pos) {
        TimerEntry item = heap[pos];
        while (pos > start) {
            int parentPos = (pos - 1) >>> 1;
            TimerEntry parent = heap[parentPos];
            if (item.when < parent.when) {
                heap[pos] = parent;
                parent.heapIndex = pos;
                pos = parentPos;
                continue;
            }
            break;
        }
        heap[pos] = item;
        item.heapIndex = pos;
    }

    /**
     * {@code heapq._siftup}: moves the smaller child up (the right one unless the left is strictly
     * earlier) all the way to a leaf, puts the entry there, and sifts it back toward {@code pos}.
     */
    private void siftUp(int pos) {
        int start = pos;
        TimerEntry item = heap[pos];
        int child = 2 * pos + 1;
        while (child < size) {
            int right = child + 1;
            if (right < size && !(heap[child].when < heap[right].when)) {
                child = right;
            }
            TimerEntry c = heap[child];
            heap[pos] = c;
            c.heapIndex = pos;
            pos = child;
            child = 2 * pos + 1;
        }
        heap[pos] = item;
        siftDown(start, pos);
    }
}
