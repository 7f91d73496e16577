package io.asyncj;

/**
 * The loop's ready queue: a FIFO of fixed-size segments linked in a chain, with one spare segment
 * kept for reuse.
 *
 * <p>Why not {@link java.util.ArrayDeque}: a burst (a million tasks created in one iteration, each
 * queued to run; then a million done callbacks) grew the deque by copying — 16, 32, ..., 4M slots,
 * about 47 bytes allocated per task in W1, the last arrays humongous in G1 — and the grown array
 * stayed with the loop afterwards (8 bytes per task still retained in W6). Here a burst allocates
 * one 4 KB segment per 1,024 entries and copies nothing, and a drained queue keeps a single spare
 * segment. In the steady state (a few entries at a time) head and tail share one segment and
 * nothing is allocated.
 *
 * <p>Loop thread only, like everything it holds.
 */
final class ReadyQueue {
    /** Entries per segment; slot {@code [SEGMENT]} links to the next segment. */
    static final int SEGMENT = 1024;

    private Object[] head = new Object[SEGMENT + 1];
    private Object[] tail = head;
    private Object[] spare;
    private int headIndex;
    private int tailIndex;
    private int size;

    void add(Object o) {
        if (tailIndex == SEGMENT) {
            Object[] s = spare;
            if (s == null) {
                s = new Object[SEGMENT + 1];
            } else {
                spare = null;
            }
            tail[SEGMENT] = s;
            tail = s;
            tailIndex = 0;
        }
        tail[tailIndex++] = o;
        size++;
    }

    /** The oldest entry, removed; null if the queue is empty. */
    Object poll() {
        if (size == 0) {
            return null;
        }
        if (headIndex == SEGMENT) {
            Object[] done = head;
            head = (Object[]) done[SEGMENT];
            done[SEGMENT] = null;
            spare = done; // every slot of it was cleared when polled
            headIndex = 0;
        }
        Object o = head[headIndex];
        head[headIndex++] = null;
        if (--size == 0) {
            // head == tail now: start the segment over instead of walking on to the next one
            headIndex = 0;
            tailIndex = 0;
        }
        return o;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        while (size > 0) {
            poll(); // clears every slot and recycles the segments on the way
        }
    }
}
