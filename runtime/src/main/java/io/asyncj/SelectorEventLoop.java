package io.asyncj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The event loop: an NIO {@link Selector} at the centre, a ready queue, a timer heap and one
 * concurrent inbox for other threads.
 *
 * <p>One iteration ({@link #runOnce}) is asyncio's {@code _run_once}: compute how long it may wait
 * (zero if callbacks are ready, else until the next timer), wait in the selector, queue the
 * callbacks of ready channels, of the cross-thread inbox and of due timers, then run exactly the
 * callbacks that were queued when the running began. Callbacks scheduled while they run wait for
 * the next iteration.
 *
 * <p>The ready queue holds {@link CallbackHandle}s, plain {@link Runnable}s of the runtime, and
 * {@link Task}s themselves (a task woken by a future is queued as is, with no handle allocated).
 */
final class SelectorEventLoop implements EventLoop {

    private static final System.Logger LOG = System.getLogger("io.asyncj");
    private static final ThreadLocal<SelectorEventLoop> RUNNING = new ThreadLocal<>();
    private static final double CLOCK_RESOLUTION = 1e-9;
    private static final long MAX_SELECT_NANOS = TimeUnit.HOURS.toNanos(24);
    private static final AtomicInteger EXECUTOR_THREADS = new AtomicInteger();

    private final Clock clock;
    private final Selector selector;
    private final ReadyQueue ready = new ReadyQueue();
    private final TimerHeap timers = new TimerHeap();

    /**
     * Callbacks from other threads while the loop runs; drained into {@link #ready} once per
     * iteration. Its monitor guards {@link #ready} while the loop is not running (see addReady).
     */
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /**
     * Set just before the loop may block in the selector. A producer that finds it set clears it
     * and wakes the selector, so at most one wakeup is paid per blocking select.
     */
    private final AtomicBoolean wakeupArmed = new AtomicBoolean();

    private volatile Thread thread;
    /**
     * {@code thread != null}, as a plain field for the loop thread's hot paths (enqueue), which need
     * not pay for a volatile read; other threads read {@link #thread}.
     */
    private boolean running;
    private volatile boolean closed;
    private boolean stopping;
    private boolean debug;
    private double slowCallbackDuration = 0.1;
    private BiConsumer<EventLoop, ExceptionContext> exceptionHandler;
    private volatile java.util.concurrent.ExecutorService defaultExecutor;
    private volatile boolean executorShutdownCalled;

    /** The task whose step is running, or null. */
    Task<?> currentTask;

    /**
     * Pending tasks, for {@link Asyncio#allTasks}, with holes (nulls) where finished ones were;
     * each task knows its index (O(1) removal).
     */
    private Task<?>[] tasks = new Task<?>[16];
    private int taskCount;

    SelectorEventLoop(Clock clock) {
        this.clock = clock;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
        if (Debug.ENV_DEBUG) {
            setDebug(true);
        }
    }

    SelectorEventLoop() {
        this(Clock.SYSTEM);
    }

    /** The loop running on this thread, or null. */
    static SelectorEventLoop running() {
        return RUNNING.get();
    }

    // ---- scheduling ----

    @Override
    public Handle callSoon(Runnable callback) {
        checkOpen();
        checkThread();
        CallbackHandle h = new CallbackHandle(this, requireCallback(callback));
        addReady(h);
        return h;
    }

    /**
     * Appends to the ready queue. While the loop is not running, under the {@link #inbox} lock,
     * which {@link #callSoonThreadsafe} also takes then: before the loop runs, callbacks from any
     * thread keep the order they were scheduled in, as in asyncio's one deque.
     */
    private void addReady(Object o) {
        if (!running) {
            synchronized (inbox) {
                ready.add(o);
            }
        } else {
            ready.add(o);
        }
    }

    /**
     * Queues a runtime callback or a task to wake, without a handle. Loop thread only: in debug
     * mode a foreign thread completing a future with callbacks is caught here, as asyncio's
     * {@code call_soon} catches it.
     */
    void enqueue(Object callbackOrTask) {
        if (debug) {
            checkThread();
        }
        addReady(callbackOrTask);
    }

    /** Marks a done callback in the ready queue: the next two entries are the future and the consumer. */
    private static final Object DONE_CALLBACK = new Object();

    /**
     * Queues {@code consumer.accept(future)} without allocating: three queue entries instead of a
     * handle object (a future's callbacks are the most common thing the loop runs; see W1).
     */
    void enqueueDoneCallback(Future<?> future, java.util.function.Consumer<?> consumer) {
        if (debug) {
            checkThread();
        }
        if (!running) {
            synchronized (inbox) {
                ready.add(DONE_CALLBACK);
                ready.add(future);
                ready.add(consumer);
            }
            return;
        }
        ready.add(DONE_CALLBACK);
        ready.add(future);
        ready.add(consumer);
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        checkOpen();
        CallbackHandle h = new CallbackHandle(this, requireCallback(callback));
        if (thread == Thread.currentThread()) {
            // From the running loop's own thread: in line with callSoon, as asyncio's (one deque).
            ready.add(h);
            return h;
        }
        if (thread == null) {
            synchronized (inbox) {
                if (thread == null) { // not running: in line with callSoon (see addReady)
                    ready.add(h);
                    return h;
                }
            }
        }
        inbox.add(h);
        if (wakeupArmed.getAndSet(false)) {
            selector.wakeup();
        }
        return h;
    }

    @Override
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return callAt(time() + delaySeconds, callback);
    }

    @Override
    public TimerHandle callAt(double when, Runnable callback) {
        checkOpen();
        checkThread();
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("timer deadline is NaN");
        }
        TimerEntry t = new TimerEntry(this, when, requireCallback(callback));
        timers.add(t);
        return t;
    }

    void timerCancelled() {
        timers.onCancelled();
    }

    @Override
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    private static Runnable requireCallback(Runnable callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        return callback;
    }

    // ---- running ----

    @Override
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkOpen();
        checkNotRunning();
        boolean newTask = !(awaitable instanceof Future);
        Future<T> future = ensureFuture(awaitable);
        java.util.function.Consumer<Future<T>> stopper = f -> f.getLoop().stop();
        future.addDoneCallback(stopper);
        try {
            runForever();
        } catch (Throwable t) {
            if (newTask && future.isDone() && !future.isCancelled()) {
                future.exception(); // the error escapes here; don't also report it as never retrieved
            }
            throw t;
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future<T> f) {
            if (f.loop != this) {
                throw new IllegalArgumentException(
                        "The future belongs to a different loop than the one specified as the loop argument");
            }
            return f;
        }
        return createTask((Coroutine<T>) awaitable);
    }

    @Override
    public void runForever() {
        checkOpen();
        synchronized (inbox) { // after this, other threads' callbacks go to the inbox (see addReady)
            checkNotRunning();
            thread = Thread.currentThread();
            running = true;
        }
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            running = false;
            thread = null;
            RUNNING.remove();
        }
    }

    private void checkNotRunning() {
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    /** One iteration: wait, collect what became ready, run what was ready when it began. */
    void runOnce() {
        timers.startIteration();
        long timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (!timers.isEmpty()) {
            double wait = timers.peek().when - time();
            timeout = wait <= 0 ? 0 : Math.min(MAX_SELECT_NANOS, (long) Math.ceil(wait * 1e9));
        } else {
            timeout = -1;
        }
        if (timeout != 0) {
            wakeupArmed.set(true);
            if (!inbox.isEmpty()) {
                timeout = 0; // arrived before the flag was up: its producer did not wake us
            }
        }
        if (timeout != 0 || !selector.keys().isEmpty()) {
            // A poll with nothing registered would be a wasted system call per iteration: with
            // callbacks ready and no channels, there is nothing the selector could tell us.
            try {
                clock.select(selector, onSelected, timeout);
            } catch (IOException e) {
                throw new UncheckedIOException("selector failed", e);
            } finally {
                wakeupArmed.set(false);
            }
        }
        Runnable r;
        while ((r = inbox.poll()) != null) {
            ready.add(r);
        }
        double end = time() + CLOCK_RESOLUTION;
        while (!timers.isEmpty()) {
            TimerEntry t = timers.peek();
            if (t.when >= end) {
                break;
            }
            timers.poll();
            if (!t.cancelled) {
                ready.add(t);
            }
        }
        for (int n = ready.size(); n > 0; n--) {
            Object o = ready.poll();
            Object future = null;
            if (o == DONE_CALLBACK) { // a done callback, queued as three entries: mark, future, consumer
                future = ready.poll();
                o = ready.poll();
                n -= 2;
            }
            if (debug) {
                runTimed(o, future);
            } else {
                runReady(o, future);
            }
        }
        if (debug) {
            Debug.reportCollected(this);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runReady(Object o, Object future) {
        try {
            if (future != null) {
                ((java.util.function.Consumer) o).accept(future);
            } else if (o instanceof Task<?> task) {
                task.wakeup();
            } else {
                ((Runnable) o).run();
            }
        } catch (Throwable e) {
            String what = future != null ? "Exception in callback " + o + "(" + future + ")" : "Exception in callback " + o;
            callExceptionHandler(new ExceptionContext(what, e, future instanceof Future<?> f ? f : null,
                    o instanceof Handle h ? h : null));
        }
    }

    private void runTimed(Object o, Object future) {
        long start = clock.nanoTime();
        runReady(o, future);
        double took = (clock.nanoTime() - start) / 1e9;
        if (took >= slowCallbackDuration) {
            Debug.warnings.accept(String.format("Executing %s took %.3f seconds", o, took));
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        if (debug) {
            Debug.debugLoops(-1);
        }
        closed = true;
        for (Object o; (o = ready.poll()) != null; ) {
            if (o instanceof OwnsChannel owner) {
                Server.closeQuietly(owner.channel()); // no one else holds it: CPython's GC closes it
            }
        }
        timers.clear();
        inbox.clear();
        java.util.concurrent.ExecutorService ex = defaultExecutor;
        if (ex != null) {
            ex.shutdown();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the selector failed", e);
        }
    }

    /** Shuts the default executor down and waits for its work (asyncio.run's last step). */
    void shutdownDefaultExecutorNow() {
        executorShutdownCalled = true;
        java.util.concurrent.ExecutorService ex = defaultExecutor;
        if (ex == null) {
            return;
        }
        joinExecutor(ex);
    }

    private static void joinExecutor(java.util.concurrent.ExecutorService ex) {
        ex.shutdown();
        try {
            if (!ex.awaitTermination(300, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING,
                        "The default executor did not finish joining its threads within 300 seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Coroutine<Void> shutdownDefaultExecutor() {
        return Deferred.of(() -> {
            checkOpen();
            executorShutdownCalled = true;
            java.util.concurrent.ExecutorService ex = defaultExecutor;
            Future<Void> done = createFuture();
            if (ex == null) {
                done.setResult(null);
                return done;
            }
            Thread joiner = new Thread(() -> {
                joinExecutor(ex);
                try {
                    callSoonThreadsafe(() -> {
                        if (!done.isDone()) {
                            done.setResult(null);
                        }
                    });
                } catch (IllegalStateException closed) {
                    // nobody is waiting any more
                }
            }, "asyncj-executor-shutdown");
            joiner.setDaemon(true);
            joiner.start();
            return done;
        });
    }

    @Override
    public void setDefaultExecutor(java.util.concurrent.ExecutorService executor) {
        defaultExecutor = executor;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    boolean isLoopThread() {
        return thread == Thread.currentThread();
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkThread() {
        if (debug) {
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                throw new IllegalStateException(
                        "Non-thread-safe operation invoked on an event loop other than the current one"
                                + " (use callSoonThreadsafe from other threads)");
            }
        }
    }

    // ---- futures and tasks ----

    @Override
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        checkOpen();
        checkThread();
        return new Task<>(coroutine, this, name);
    }

    void register(Task<?> task) {
        if (taskCount == tasks.length) {
            compactTasks();
            if (taskCount * 2 > tasks.length) {
                tasks = Arrays.copyOf(tasks, tasks.length * 2);
            }
        }
        task.index = taskCount;
        tasks[taskCount++] = task;
    }

    /**
     * Leaves a hole where the task was: moving the last task into it would touch one more task
     * object per completion, a cache miss when tasks finish in another order than they started
     * (W4's timers). Holes are squeezed out when the array fills up, in one sequential pass.
     */
    void unregister(Task<?> task) {
        int i = task.index;
        if (i < 0) {
            return;
        }
        tasks[i] = null;
        task.index = -1;
        if (i == taskCount - 1) {
            do {
                taskCount--;
            } while (taskCount > 0 && tasks[taskCount - 1] == null);
        }
    }

    private void compactTasks() {
        int n = 0;
        for (int i = 0; i < taskCount; i++) {
            Task<?> t = tasks[i];
            if (t != null) {
                t.index = n;
                tasks[n++] = t;
            }
        }
        Arrays.fill(tasks, n, taskCount, null);
        taskCount = n;
    }

    /** The pending tasks, in the order they were created (deterministic, unlike asyncio's WeakSet). */
    Set<Task<?>> pendingTasks() {
        List<Task<?>> list = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            Task<?> t = tasks[i];
            if (t != null && !t.isDone()) {
                list.add(t);
            }
        }
        list.sort(Comparator.comparingInt(Task::id));
        return new LinkedHashSet<>(list);
    }

    // ---- executors ----

    @Override
    public <T> Future<T> runInExecutor(Executor executorOrNull, Callable<T> function) {
        checkOpen();
        checkThread();
        if (function == null) {
            throw new NullPointerException("function");
        }
        Executor executor = executorOrNull != null ? executorOrNull : defaultExecutor();
        Future<T> future = createFuture();
        FutureTask<T> work = new FutureTask<>(function) {
            @Override
            protected void done() {
                try {
                    callSoonThreadsafe(() -> copyOutcome(this, future));
                } catch (IllegalStateException loopClosed) {
                    // Nobody is left to tell.
                }
            }
        };
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                work.cancel(false);
            }
        });
        executor.execute(work);
        return future;
    }

    private static <T> void copyOutcome(java.util.concurrent.Future<T> from, Future<T> to) {
        if (to.isDone()) {
            return;
        }
        try {
            to.setResult(from.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause.getClass() == CancellationException.class) {
                // The function threw a plain CancellationException (a cancelled CompletableFuture's
                // get(), say): CPython's _convert_future_exc makes concurrent.futures' CancelledError
                // asyncio's, so awaiting the result raises CancelledError (the future itself is
                // not cancelled).
                // JDK 19+ get()/join() of a cancelled CompletableFuture throw a new
                // CancellationException("get"/"join") caused by the one cancel() made: the message
                // is that original's (none), not the name of the method that reported it.
                Throwable original = cause;
                while (original.getCause() instanceof CancellationException inner && inner != original) {
                    original = inner;
                }
                CancelledException converted = new CancelledException(original.getMessage());
                converted.initCause(cause);
                cause = converted;
            }
            to.setException(cause);
        } catch (CancellationException e) {
            to.cancel();
        } catch (InterruptedException e) {
            to.setException(e); // not reached: from is done
        }
    }

    private Executor defaultExecutor() {
        if (executorShutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        java.util.concurrent.ExecutorService ex = defaultExecutor;
        if (ex == null) {
            int max = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "asyncj-executor-" + EXECUTOR_THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = ex = pool;
        }
        return ex;
    }

    // ---- I/O readiness (asyncio's add_reader/add_writer) ----

    /** What a registered channel runs when it becomes readable or writable. */
    private static final class Interest {
        Runnable reader;
        Runnable writer;
    }

    /** Runs {@code callback} each time {@code channel} is readable, until {@link #removeReader}. */
    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        interest(channel, SelectionKey.OP_READ | SelectionKey.OP_ACCEPT, requireCallback(callback), true);
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        interest(channel, SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT, requireCallback(callback), false);
    }

    @Override
    public boolean removeReader(SelectableChannel channel) {
        return !closed && dropInterest(channel, true);
    }

    @Override
    public boolean removeWriter(SelectableChannel channel) {
        return !closed && dropInterest(channel, false);
    }

    private void interest(SelectableChannel channel, int ops, Runnable callback, boolean read) {
        checkOpen();
        int valid = ops & channel.validOps();
        SelectionKey key = channel.keyFor(selector);
        try {
            if (key == null || !key.isValid()) {
                Interest in = new Interest();
                if (read) {
                    in.reader = callback;
                } else {
                    in.writer = callback;
                }
                channel.register(selector, valid, in);
            } else {
                Interest in = (Interest) key.attachment();
                if (read) {
                    in.reader = callback;
                } else {
                    in.writer = callback;
                }
                key.interestOps(key.interestOps() | valid);
            }
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean dropInterest(SelectableChannel channel, boolean read) {
        SelectionKey key = channel.keyFor(selector);
        if (key == null || !key.isValid()) {
            return false;
        }
        Interest in = (Interest) key.attachment();
        int ops = key.interestOps();
        if (read) {
            if (in.reader == null) {
                return false;
            }
            in.reader = null;
            ops &= ~(SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        } else {
            if (in.writer == null) {
                return false;
            }
            in.writer = null;
            ops &= ~(SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
        }
        // Never cancel the key here: a cancelled key stays registered until the next select, and
        // re-adding interest before then (a stream pausing and resuming reading in one iteration)
        // would make register() throw CancelledKeyException. An idle key costs nothing; closing
        // the channel cancels it.
        key.interestOps(ops);
        return true;
    }

    /**
     * Closes {@code channel} at once, as asyncio's {@code sock.close()} does. NIO cannot close the
     * descriptor of a channel registered with a selector until the selector deregisters its key, in
     * its next select; meanwhile a listening socket goes on listening (the kernel completes
     * connections that are then reset, and the port cannot be bound again), and a connected socket
     * is shut down for writing first (the peer reads end of stream, then maybe a reset, where
     * asyncio's close resets a connection with unread data at once). So the key is cancelled and
     * deregistered first, by a non-blocking select whose readiness is ignored (it is
     * level-triggered: the loop's own next select reports it again); then the channel is closed.
     */
    void closeNow(SelectableChannel channel) {
        SelectionKey key = closed ? null : channel.keyFor(selector);
        if (key != null) {
            key.cancel();
            try {
                selector.selectNow(ignored -> { });
            } catch (IOException e) {
                // Then NIO closes the descriptor at the loop's next select.
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing fails only in ways nobody can act on.
        }
    }

    /**
     * A ready-queue entry that alone holds a channel (an accepted connection whose setup has not
     * run): if the loop closes before the entry runs, the loop closes the channel.
     */
    interface OwnsChannel {
        SelectableChannel channel();
    }

    /** Queues the callbacks of a key the selector found ready (called from inside the select). */
    private final Consumer<SelectionKey> onSelected = this::selected;

    private void selected(SelectionKey key) {
        Interest in = (Interest) key.attachment();
        try {
            int ops = key.readyOps();
            if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && in.reader != null) {
                ready.add(in.reader);
            }
            if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && in.writer != null) {
                ready.add(in.writer);
            }
        } catch (CancelledKeyException e) {
            // Cancelled since the select: nothing to run.
        }
    }

    // ---- debug and errors ----

    @Override
    public void setDebug(boolean enabled) {
        if (enabled != debug && !closed) {
            Debug.debugLoops(enabled ? 1 : -1);
        }
        debug = enabled;
    }

    @Override
    public boolean getDebug() {
        return debug;
    }

    @Override
    public void setSlowCallbackDuration(double seconds) {
        slowCallbackDuration = seconds;
    }

    @Override
    public void setExceptionHandler(BiConsumer<EventLoop, ExceptionContext> handlerOrNull) {
        exceptionHandler = handlerOrNull;
    }

    @Override
    public BiConsumer<EventLoop, ExceptionContext> getExceptionHandler() {
        return exceptionHandler;
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        BiConsumer<EventLoop, ExceptionContext> handler = exceptionHandler;
        if (handler == null) {
            try {
                defaultExceptionHandler(context);
            } catch (Throwable t) {
                // Logging failed; nothing better to do than not crash the loop.
            }
            return;
        }
        try {
            handler.accept(this, context);
        } catch (Throwable t) {
            try {
                defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", t));
                defaultExceptionHandler(context);
            } catch (Throwable ignored) {
                // As above.
            }
        }
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder sb = new StringBuilder(context.message() == null ? "Unhandled exception in event loop" : context.message());
        if (context.future() != null) {
            sb.append("\nfuture: ").append(context.future());
        }
        if (context.handle() != null) {
            sb.append("\nhandle: ").append(context.handle());
        }
        if (context.exception() != null) {
            LOG.log(System.Logger.Level.ERROR, sb.toString(), context.exception());
        } else {
            LOG.log(System.Logger.Level.ERROR, sb.toString());
        }
    }

    @Override
    public String toString() {
        return "<SelectorEventLoop running=" + isRunning() + " closed=" + closed + " debug=" + debug + ">";
    }
}
