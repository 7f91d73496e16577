package io.asyncj;

import java.util.ArrayDeque;

/**
 * asyncio's {@code Queue}: a FIFO queue for producer and consumer tasks of one event loop, with
 * asyncio 3.13's {@link #shutdown(boolean)}. (Named {@code AsyncQueue} so that it does not clash
 * with {@code java.util.Queue}; {@link AsyncPriorityQueue} and {@link AsyncLifoQueue} are its
 * siblings.)
 *
 * <p>A queue with a {@code maxsize} of zero or less is unbounded; otherwise {@link #put} waits
 * while it holds {@code maxsize} items. {@link #get} waits while it is empty. Waiting tasks are
 * served in FIFO order; a task cancelled after it was woken passes the wakeup on to the next
 * waiter, so no waiter is left asleep while it could proceed. A {@code get} from a non-empty queue
 * and a {@code put} to a non-full one complete without suspending.
 *
 * <p>{@link #taskDone()} and {@link #join()} count work: every item put raises the count of
 * unfinished tasks, every {@code taskDone()} lowers it, and {@code join()} waits until it is zero.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> worker(AsyncQueue<String> q) {
 *     while (true) {
 *         String url;
 *         try {
 *             url = await(q.get());
 *         } catch (QueueShutDownException e) {
 *             return completed();
 *         }
 *         try {
 *             await(fetch(url));
 *         } finally {
 *             q.taskDone();
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Items may be null, as asyncio's may be None (a common end-of-work sentinel), except in an
 * {@link AsyncPriorityQueue}, which must compare them.
 *
 * <p>Unlike a thread-safe queue, {@link #qsize()} is reliable: no other task runs between reading
 * it and acting on it.
 *
 * <p><b>Thread-safety:</b> loop-thread only. From another thread, use
 * {@code loop.callSoonThreadsafe(() -> q.putNowait(x))}.
 *
 * @param <T> the type of the items
 */
public class AsyncQueue<T> {
    private final int maxsize;
    /** The FIFO and LIFO storage (a null item is kept as {@link #NULL}); null for the priority queue. */
    final ArrayDeque<Object> items;
    /** Stands for a null item in {@link #items} (an ArrayDeque holds no nulls). */
    static final Object NULL = new Object();
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();
    private int unfinishedTasks;
    private AsyncEvent finished;
    private boolean isShutdown;
    private SelectorEventLoop loop;

    /** An unbounded queue. */
    public AsyncQueue() {
        this(0);
    }

    /** A queue that holds at most {@code maxsize} items (zero or less: unbounded). */
    public AsyncQueue(int maxsize) {
        this(maxsize, true);
    }

    AsyncQueue(int maxsize, boolean dequeStorage) {
        this.maxsize = maxsize;
        this.items = dequeStorage ? new ArrayDeque<>() : null;
    }

    // ---- storage (CPython's _init/_put/_get) ----

    /** The number of items in the queue. */
    public int qsize() {
        return items.size();
    }

    void putItem(T item) {
        items.addLast(item == null ? NULL : item);
    }

    T getItem() {
        return unmask(items.pollFirst());
    }

    /** The items in storage order (CPython's {@code list(self._queue)}), for the repr. */
    java.util.List<Object> snapshot() {
        java.util.List<Object> list = new java.util.ArrayList<>(items.size());
        for (Object o : items) {
            list.add(unmask(o));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static <T> T unmask(Object stored) {
        return stored == NULL ? null : (T) stored;
    }

    // ---- state ----

    /** The number of items the queue holds at most; zero or less means unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /** Whether the queue holds no item. */
    public boolean empty() {
        return qsize() == 0;
    }

    /** Whether the queue holds {@link #maxsize()} items; never true for an unbounded queue. */
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** Whether {@link #shutdown(boolean)} was called. */
    public boolean isShutdown() {
        return isShutdown;
    }

    // ---- putting and getting ----

    /**
     * Puts {@code item} into the queue, waiting while it is full.
     *
     * @throws QueueShutDownException (from the coroutine) if the queue is or gets shut down while
     *     this put waits
     */
    public Coroutine<Void> put(T item) {
        checkItem(item);
        return new Put<>(this, item);
    }

    /**
     * Puts {@code item} into the queue without waiting.
     *
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue was shut down
     */
    public void putNowait(T item) {
        checkItem(item);
        if (isShutdown) {
            throw new QueueShutDownException();
        }
        if (full()) {
            throw new QueueFullException();
        }
        putItem(item);
        unfinishedTasks++;
        if (finished != null) {
            finished.clear();
        }
        wakeupNext(getters);
    }

    /**
     * Removes and returns an item, waiting while the queue is empty.
     *
     * @throws QueueShutDownException (from the coroutine) if the queue is shut down and empty, or
     *     was shut down with {@code immediate}
     */
    public Coroutine<T> get() {
        return new Get<>(this);
    }

    /**
     * Removes and returns an item without waiting.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is empty and was shut down
     */
    public T getNowait() {
        if (empty()) {
            if (isShutdown) {
                throw new QueueShutDownException();
            }
            throw new QueueEmptyException();
        }
        T item = getItem();
        wakeupNext(putters);
        return item;
    }

    /** Refuses what the storage cannot hold (FIFO and LIFO queues hold anything, null too). */
    void checkItem(T item) {}

    /** Wakes the first waiter that is not done (cancelled), dropping the done ones on the way. */
    private static void wakeupNext(ArrayDeque<Future<Void>> waiters) {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.isDone()) {
                w.setResult(null);
                break;
            }
        }
    }

    /**
     * A get or put whose wait ended with an exception (a cancellation) leaves the line of
     * {@code waiters}. If its waiter had already been woken ({@code available}: the item or the
     * slot is there, but this one will not take it), the next in line is woken in its place.
     */
    private static void leaveLine(ArrayDeque<Future<Void>> waiters, Future<Void> w, boolean available) {
        w.cancel(); // in case it is not done yet
        waiters.remove(w); // unless a wakeup or shutdown already took it out
        if (available && !w.isCancelled()) {
            wakeupNext(waiters);
        }
    }

    private Future<Void> newWaiter(ArrayDeque<Future<Void>> waiters) {
        loop = LoopBinding.bind(loop, this);
        Future<Void> w = new Future<>(loop);
        waiters.addLast(w);
        return w;
    }

    // ---- work accounting ----

    /**
     * Tells the queue that the work on an item taken from it is done: for each item gotten, a
     * consumer calls this once. When every item put has been accounted for, {@link #join()}
     * returns.
     *
     * @throws IllegalStateException if called more times than items were put (asyncio's
     *     ValueError)
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0 && finished != null) {
            finished.set();
        }
    }

    /** Waits until every item put into the queue has been gotten and {@link #taskDone()} called for it. */
    public Coroutine<Void> join() {
        return new Join(this);
    }

    /** The number of items put and not yet accounted for by {@link #taskDone()}. */
    public int unfinishedTasks() {
        return unfinishedTasks;
    }

    // ---- shutdown ----

    /** {@link #shutdown(boolean) shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * asyncio 3.13's {@code Queue.shutdown}: puts fail from now on with
     * {@link QueueShutDownException}, and so do gets once the queue is empty. Every task waiting
     * in {@code put} or {@code get} wakes (and fails, unless a get still finds an item).
     *
     * <p>With {@code immediate}, the items still queued are dropped (each counts as a
     * {@link #taskDone()}, so {@link #join()} may return) and gets fail at once.
     */
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!empty()) {
                getItem();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0 && finished != null) {
                finished.set();
            }
        }
        // Every waiter re-checks the queue, and fails with QueueShutDownException if it must.
        Future<Void> w;
        while ((w = getters.pollFirst()) != null) {
            if (!w.isDone()) {
                w.setResult(null);
            }
        }
        while ((w = putters.pollFirst()) != null) {
            if (!w.isDone()) {
                w.setResult(null);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!empty()) {
            sb.append(" _queue=").append(PyRepr.reprFull(snapshot())); // CPython's _format
        }
        if (!getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }

    // ---- the coroutines ----

    /** CPython's {@code Queue.get}. */
    private static final class Get<T> extends Coroutine<T> {
        private final AsyncQueue<T> q;
        private Future<Void> getter;

        Get(AsyncQueue<T> q) {
            this.q = q;
        }

        @Override
        protected void $resume() {
            AsyncQueue<T> q = this.q;
            switch ($state) {
                case 1:
                    try {
                        $get();
                    } catch (Throwable t) {
                        leaveLine(q.getters, getter, !q.empty());
                        throw t;
                    }
                    getter = null;
                    // fall through
                case 0:
                    if (q.empty()) {
                        if (q.isShutdown) {
                            throw new QueueShutDownException();
                        }
                        getter = q.newWaiter(q.getters);
                        $await(getter, 1);
                        return;
                    }
                    $complete(q.getNowait());
                    return;
                default:
                    throw $badState();
            }
        }
    }

    /** CPython's {@code Queue.put}. */
    private static final class Put<T> extends Coroutine<Void> {
        private final AsyncQueue<T> q;
        private T item;
        private Future<Void> putter;

        Put(AsyncQueue<T> q, T item) {
            this.q = q;
            this.item = item;
        }

        @Override
        protected void $resume() {
            AsyncQueue<T> q = this.q;
            switch ($state) {
                case 1:
                    try {
                        $get();
                    } catch (Throwable t) {
                        leaveLine(q.putters, putter, !q.full());
                        throw t;
                    }
                    putter = null;
                    // fall through
                case 0:
                    if (q.full()) {
                        if (q.isShutdown) {
                            throw new QueueShutDownException();
                        }
                        putter = q.newWaiter(q.putters);
                        $await(putter, 1);
                        return;
                    }
                    T it = item;
                    item = null;
                    q.putNowait(it);
                    $complete(null);
                    return;
                default:
                    throw $badState();
            }
        }
    }

    private static final class Join extends Coroutine<Void> {
        private final AsyncQueue<?> q;

        Join(AsyncQueue<?> q) {
            this.q = q;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                    if (q.unfinishedTasks > 0) {
                        if (q.finished == null) {
                            q.finished = new AsyncEvent(); // created unset: there is unfinished work
                        }
                        if ($await(q.finished.waitAsync(), 1)) {
                            return;
                        }
                    } else {
                        $complete(null);
                        return;
                    }
                    // fall through
                case 1:
                    $get();
                    $complete(null);
                    return;
                default:
                    throw $badState();
            }
        }
    }
}
