package io.asyncj;

import java.util.Arrays;

/**
 * A binary min-heap of timers, touched only by the loop thread. Cancelled timers stay in the heap
 * until they reach the top, unless they come to outnumber the live ones, when the heap is rebuilt
 * without them (asyncio's rule: more than 100 timers and more than half cancelled).
 */
final class TimerHeap {
    private static final int MIN_FOR_COMPACTION = 100;

    private TimerEntry[] heap = new TimerEntry[16];
    private int size;
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

    void add(TimerEntry t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        t.heapIndex = size;
        siftUp(size++);
    }

    TimerEntry poll() {
        TimerEntry top = heap[0];
        TimerEntry last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            heap[0] = last;
            last.heapIndex = 0;
            siftDown(0);
        }
        top.heapIndex = -1;
        if (top.cancelled) {
            cancelled--;
        }
        return top;
    }

    /** Counts a cancellation of a scheduled timer; compacts when cancelled timers dominate. */
    void onCancelled() {
        cancelled++;
        if (size > MIN_FOR_COMPACTION && cancelled * 2 > size) {
            compact();
        }
    }

    /** Drops cancelled timers from the top, so that {@link #peek} shows a live one or none. */
    void dropCancelledTop() {
        while (size > 0 && heap[0].cancelled) {
            poll();
        }
    }

    void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
        cancelled = 0;
    }

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
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = i;
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void siftUp(int i) {
        TimerEntry t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerEntry p = heap[parent];
            if (t.compareTo(p) >= 0) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = t;
        t.heapIndex = i;
    }

    private void siftDown(int i) {
        TimerEntry t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerEntry c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].compareTo(c) < 0) {
                child = right;
                c = heap[child];
            }
            if (t.compareTo(c) <= 0) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = t;
        t.heapIndex = i;
    }
}
