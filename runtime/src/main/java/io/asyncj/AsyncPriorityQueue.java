package io.asyncj;

import java.util.Arrays;
import java.util.Comparator;

/**
 * asyncio's {@code PriorityQueue}: an {@link AsyncQueue} that returns the smallest item first,
 * by natural order ({@link Comparable} items) or by a {@link Comparator}. Everything else (bounds,
 * waiting, {@code join}, shutdown) is {@link AsyncQueue}'s.
 *
 * <p>The heap is Python's {@code heapq}, step for step, so items that compare equal come out in
 * the same order as from asyncio's {@code PriorityQueue}. As in asyncio, equal priorities are not
 * FIFO: to make them so, put a sequence number in the key, e.g. a {@code record Job(int priority,
 * long seq, ...)} with a comparator on both.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 *
 * @param <T> the type of the items
 */
public final class AsyncPriorityQueue<T> extends AsyncQueue<T> {
    private final Comparator<? super T> comparator;
    private Object[] heap = new Object[16];
    private int size;

    /** An unbounded priority queue of {@link Comparable} items. */
    public AsyncPriorityQueue() {
        this(0, null);
    }

    /** A priority queue of {@link Comparable} items holding at most {@code maxsize} (zero or less: unbounded). */
    public AsyncPriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * A priority queue ordered by {@code comparator} (null: natural order), holding at most
     * {@code maxsize} items (zero or less: unbounded).
     */
    public AsyncPriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, false);
        this.comparator = comparator;
    }

    @Override
    public int qsize() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private boolean less(Object a, Object b) {
        return comparator != null ? comparator.compare((T) a, (T) b) < 0 : ((Comparable<Object>) a).compareTo(b) < 0;
    }

    /** Without a comparator, items must be Comparable (so not null), checked when put is called. */
    @Override
    void checkItem(T item) {
        if (item == null && comparator == null) {
            throw new NullPointerException("a priority queue without a Comparator cannot hold null");
        }
    }

    /** The heap's array, in heapq's order (CPython's {@code list(self._queue)}). */
    @Override
    java.util.List<Object> snapshot() {
        return new java.util.ArrayList<>(Arrays.asList(heap).subList(0, size));
    }

    /** heapq.heappush. */
    @Override
    void putItem(T item) {
        if (comparator == null && !(item instanceof Comparable)) {
            throw new ClassCastException(item.getClass().getName() + " is not Comparable and the queue has no Comparator");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = item;
        siftDown(0, size++);
    }

    /** heapq.heappop. */
    @Override
    @SuppressWarnings("unchecked")
    T getItem() {
        Object last = heap[--size];
        heap[size] = null;
        if (size == 0) {
            return (T) last;
        }
        Object first = heap[0];
        heap[0] = last;
        siftUp(0);
        return (T) first;
    }

    /** heapq._siftdown: moves the item at {@code pos} up towards {@code start} while it is smaller. */
    private void siftDown(int start, int pos) {
        Object item = heap[pos];
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            Object parent = heap[parentPos];
            if (less(item, parent)) {
                heap[pos] = parent;
                pos = parentPos;
                continue;
            }
            break;
        }
        heap[pos] = item;
    }

    /** heapq._siftup: moves the smaller child up until a leaf, then sifts the item back down. */
    private void siftUp(int pos) {
        int end = size;
        int start = pos;
        Object item = heap[pos];
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less(heap[child], heap[right])) {
                child = right;
            }
            heap[pos] = heap[child];
            pos = child;
            child = 2 * pos + 1;
        }
        heap[pos] = item;
        siftDown(start, pos);
    }
}
