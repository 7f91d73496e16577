package io.asyncj;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * asyncio's module-level functions. Import them statically:
 *
 * <pre>{@code
 * import static io.asyncj.Asyncio.*;
 *
 * @Async
 * static Coroutine<Void> main() {
 *     Task<String> t = createTask(fetch("a"));
 *     List<String> both = await(gather(fetch("b"), t));
 *     await(sleep(0.5));
 *     return completed();
 * }
 *
 * public static void main(String[] args) { run(main()); }
 * }</pre>
 *
 * <p>Everything here but {@link #run} and {@link #newEventLoop} needs a running loop, that is, must
 * be called from code that runs on it (a coroutine, a task, a callback); otherwise it throws
 * {@link IllegalStateException} ("no running event loop"), as asyncio raises RuntimeError.
 *
 * <p>{@link #wait} must be called qualified ({@code Asyncio.wait(...)}): every class inherits
 * {@code Object.wait}, which hides a static import of that name.
 */
public final class Asyncio {
    private Asyncio() {}

    // ---- running ----

    /**
     * asyncio.run: runs {@code main} on a new event loop and returns its value (or throws its
     * exception, unwrapped). When it finishes, the tasks still pending are cancelled and awaited,
     * the default executor is shut down and the loop is closed.
     *
     * @throws IllegalStateException if called from a running event loop
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, Debug.ENV_DEBUG);
    }

    /** {@link #run(Coroutine)} with asyncio's {@code debug} flag. */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        if (SelectorEventLoop.running() != null) {
            throw new IllegalStateException("asyncio.run() cannot be called from a running event loop");
        }
        if (main == null) {
            throw new NullPointerException("a coroutine was expected, got null");
        }
        try (Runner runner = new Runner(debug)) { // as CPython's asyncio.run
            return runner.run(main);
        }
    }

    /** A new event loop, not running, owned by the caller (close it when done). */
    public static EventLoop newEventLoop() {
        return new SelectorEventLoop();
    }

    /** The loop running on this thread. @throws IllegalStateException if there is none */
    public static EventLoop getRunningLoop() {
        return runningLoop();
    }

    static SelectorEventLoop runningLoop() {
        SelectorEventLoop loop = SelectorEventLoop.running();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    // ---- awaiting ----

    /**
     * Suspends the enclosing {@code @Async} method until {@code awaitable} completes and returns its
     * value (or throws its exception, unwrapped). Rewritten by the asyncj processor; reaching it at
     * run time means the method was not compiled by the processor, and throws.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw awaitOutsideAsync();
    }

    /** {@link #await(Awaitable)} for a {@link CompletionStage} (a {@code CompletableFuture}, say). */
    public static <T> T await(CompletionStage<T> stage) {
        throw awaitOutsideAsync();
    }

    static IllegalStateException awaitOutsideAsync() {
        return new IllegalStateException(
                "await() ran outside a method compiled by the asyncj processor: only the body of an @Async method"
                        + " can suspend. If it is inside an @Async method, the processor did not run: put"
                        + " io.asyncj:asyncj-processor on the annotation processor path and give javac the"
                        + " --add-exports flags (see the README, \"Using asyncj in your build\").");
    }

    /** A coroutine that has already returned {@code value}: what an {@code @Async} method returns with. */
    public static <T> Coroutine<T> completed(T value) {
        return new Done<>(value);
    }

    /** {@link #completed(Object)} for {@code Coroutine<Void>}. */
    public static Coroutine<Void> completed() {
        return new Done<>(null);
    }

    // ---- tasks ----

    /** Schedules {@code coroutine} to run concurrently as a task of the running loop. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return runningLoop().createTask(coroutine);
    }

    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return runningLoop().createTask(coroutine, name);
    }

    /** asyncio's {@code wrap_future}: {@link Future#from(CompletionStage)}. */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return Future.from(stage);
    }

    /** The task running on this thread's loop, or null (a plain callback is running). */
    public static Task<?> currentTask() {
        return runningLoop().currentTask;
    }

    /** The running loop's tasks that are not done. */
    public static Set<Task<?>> allTasks() {
        return runningLoop().pendingTasks();
    }

    /**
     * asyncio's {@code ensure_future}: a {@link Future} (or {@link Task}) is returned as it is; a
     * coroutine is scheduled as a new task on the running loop.
     */
    @SuppressWarnings("unchecked")
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future<T> f) {
            return f;
        }
        if (awaitable == null) {
            throw new NullPointerException("an awaitable was expected, got null");
        }
        return runningLoop().createTask((Coroutine<T>) awaitable); // Awaitable is sealed: Future or Coroutine
    }

    // ---- sleeping ----

    /** Suspends for {@code seconds}; zero or less gives up the loop for one iteration. */
    public static Coroutine<Void> sleep(double seconds) {
        return Sleep.of(seconds, null);
    }

    public static Coroutine<Void> sleep(Duration delay) {
        return Sleep.of(seconds(delay), null);
    }

    /** Suspends for {@code seconds}, then returns {@code result}. */
    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return Sleep.of(seconds, result);
    }

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    // ---- combinators ----

    /**
     * Runs the awaitables concurrently (coroutines as tasks) and completes with their values in
     * order. The first failure fails the result at once (the others keep running). Cancelling the
     * result cancels every child still running.
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return Gather.gather(Arrays.asList(awaitables), false);
    }

    public static <T> Future<List<T>> gather(List<? extends Awaitable<? extends T>> awaitables) {
        return Gather.gather(awaitables, false);
    }

    /**
     * {@link #gather(Awaitable[])} with asyncio's {@code return_exceptions}: when true, failures and
     * cancellations are values in the list instead of failing the result.
     */
    public static Future<List<Object>> gather(boolean returnExceptions, Awaitable<?>... awaitables) {
        return Gather.gather(Arrays.asList(awaitables), returnExceptions);
    }

    public static Future<List<Object>> gather(boolean returnExceptions, List<? extends Awaitable<?>> awaitables) {
        return Gather.gather(awaitables, returnExceptions);
    }

    /** Protects {@code awaitable} from cancellation: cancelling the returned future leaves it running. */
    public static <T> Future<T> shield(Awaitable<T> awaitable) {
        return Shield.shield(awaitable);
    }

    /**
     * Awaits {@code awaitable} with a deadline (asyncio 3.12's {@code wait_for}): when it passes,
     * the work is cancelled and {@link AsyncTimeoutException} is thrown. A coroutine runs inline in
     * the current task, a future or task is cancelled. Zero or less: the work gets no time at all.
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, double timeoutSeconds) {
        if (Double.isNaN(timeoutSeconds)) {
            return Deferred.of(() -> awaitable);
        }
        if (timeoutSeconds <= 0) {
            return new WaitForNow<>(awaitable);
        }
        return new Timeout.Scope<>(new Timeout(Double.NaN), t -> awaitable).relative(timeoutSeconds);
    }

    /** {@link #waitFor(Awaitable, double)}; a null timeout waits without a deadline. */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, Duration timeout) {
        return waitFor(awaitable, timeout == null ? Double.NaN : seconds(timeout));
    }

    /**
     * asyncio's {@code wait}: waits until the futures (not coroutines: wrap them in tasks) are done
     * as {@code returnWhen} says, or until the timeout (null: none), and returns which are done and
     * which are pending. Nothing is cancelled. Call it qualified: {@code Asyncio.wait(...)}.
     */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Awaitable<T>> awaitables,
                                                   ReturnWhen returnWhen, Duration timeoutOrNull) {
        return wait(awaitables, returnWhen, timeoutOrNull == null ? -1 : Math.max(0, seconds(timeoutOrNull)));
    }

    /** {@link #wait(Collection, ReturnWhen, Duration)} until all are done, without a timeout. */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Awaitable<T>> awaitables) {
        return wait(awaitables, ReturnWhen.ALL_COMPLETED, null);
    }

    /** {@link #wait(Collection, ReturnWhen, Duration)} with the timeout in seconds (negative: none). */
    @SuppressWarnings("unchecked")
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Awaitable<T>> awaitables,
                                                   ReturnWhen returnWhen, double timeoutSeconds) {
        if (awaitables == null || returnWhen == null) {
            throw new NullPointerException();
        }
        if (awaitables.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        Set<Future<T>> futures = new LinkedHashSet<>();
        for (Awaitable<T> a : awaitables) {
            if (a instanceof Coroutine) {
                throw new IllegalArgumentException("Passing coroutines is forbidden, use tasks explicitly.");
            }
            futures.add((Future<T>) a);
        }
        return new Wait<>(futures, returnWhen, timeoutSeconds);
    }

    /**
     * asyncio's {@code as_completed}: schedules the awaitables now and returns one coroutine per
     * distinct awaitable; awaiting the i-th returns the outcome of the i-th to finish.
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<T>> awaitables) {
        return new AsCompleted<T>(awaitables, -1).iterable();
    }

    /** {@link #asCompleted(Collection)}; after {@code timeoutSeconds} the rest throw {@link AsyncTimeoutException}. */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<T>> awaitables,
                                                         double timeoutSeconds) {
        return new AsCompleted<T>(awaitables, timeoutSeconds).iterable();
    }

    /**
     * asyncio's {@code async with timeout(delay)}: awaits {@code body} in the current task; if it
     * has not finished after {@code delaySeconds}, the task is cancelled and the cancellation that
     * comes out of the body becomes {@link AsyncTimeoutException}. {@code NaN}: no deadline.
     */
    public static <T> Coroutine<T> timeout(double delaySeconds, Awaitable<T> body) {
        return new Timeout.Scope<>(new Timeout(Double.NaN), t -> body).relative(delaySeconds);
    }

    public static <T> Coroutine<T> timeout(Duration delay, Awaitable<T> body) {
        return timeout(delay == null ? Double.NaN : seconds(delay), body);
    }

    /** {@link #timeout(double, Function)} with a {@link Duration} (null: no deadline until rescheduled). */
    public static <T> Coroutine<T> timeout(Duration delay, Function<Timeout, ? extends Awaitable<T>> body) {
        return timeout(delay == null ? Double.NaN : seconds(delay), body);
    }

    /**
     * {@link #timeout(double, Awaitable)} whose body gets the {@link Timeout}, to read or move the
     * deadline ({@code reschedule}).
     */
    public static <T> Coroutine<T> timeout(double delaySeconds, Function<Timeout, ? extends Awaitable<T>> body) {
        return new Timeout.Scope<>(new Timeout(Double.NaN), body).relative(delaySeconds);
    }

    /** asyncio's {@code timeout_at}: {@link #timeout(double, Awaitable)} with a deadline on the loop's clock. */
    public static <T> Coroutine<T> timeoutAt(double when, Awaitable<T> body) {
        return new Timeout.Scope<>(new Timeout(when), t -> body);
    }

    /** {@link #timeoutAt(double, Awaitable)} whose body gets the {@link Timeout}, to {@code reschedule} it or ask {@code expired()}. */
    public static <T> Coroutine<T> timeoutAt(double when, Function<Timeout, ? extends Awaitable<T>> body) {
        return new Timeout.Scope<>(new Timeout(when), body);
    }

    // ---- threads ----

    /** Runs {@code function} on the loop's default executor when awaited, and returns its value. */
    public static <T> Coroutine<T> toThread(Callable<T> function) {
        if (function == null) {
            throw new NullPointerException("function");
        }
        return Deferred.of(() -> runningLoop().runInExecutor(null, function));
    }

    /**
     * asyncio's {@code run_coroutine_threadsafe}: from any thread, schedules {@code coroutine} as a
     * task on {@code loop} and returns a {@link java.util.concurrent.CompletableFuture} (asyncio's
     * {@code concurrent.futures.Future}) that completes with the task's outcome. Cancelling the
     * returned future cancels the task; a task that ends cancelled cancels the returned future.
     * Blocking on the result from the loop's own thread deadlocks, as in asyncio.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> java.util.concurrent.CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine,
                                                                                      EventLoop loop) {
        if (coroutine == null || loop == null) {
            throw new NullPointerException(coroutine == null ? "coroutine" : "loop");
        }
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            Task<T> task;
            try {
                task = loop.createTask(coroutine);
            } catch (Throwable e) {
                result.completeExceptionally(e);
                throw e;
            }
            task.addDoneCallback(t -> {
                if (result.isDone()) {
                    return;
                }
                if (t.isCancelled()) {
                    result.cancel(false);
                } else if (t.exception() != null) {
                    result.completeExceptionally(t.exception());
                } else {
                    result.complete(t.result());
                }
            });
            result.whenComplete((v, e) -> {
                if (result.isCancelled() && !task.isDone()) {
                    try {
                        loop.callSoonThreadsafe(() -> task.cancel());
                    } catch (IllegalStateException closed) {
                        // the loop is gone: nothing left to cancel
                    }
                }
            });
        });
        return result;
    }

    /** {@link EventLoop#runInExecutor} on the running loop. */
    public static <T> Future<T> runInExecutor(Executor executorOrNull, Callable<T> function) {
        return runningLoop().runInExecutor(executorOrNull, function);
    }

    // ---- streams ----

    /**
     * asyncio's {@code open_connection}: connects to {@code host:port} over TCP and returns the
     * connection's reader and writer. The name is resolved on the default executor (an address
     * literal is used as is); each address is tried in turn; the connect itself waits on the
     * selector. The reader's limit is {@link StreamReader#DEFAULT_LIMIT}.
     *
     * @throws IOException (when awaited) if no address could be connected to
     */
    public static Coroutine<StreamPair> openConnection(String host, int port) throws IOException {
        return openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #openConnection(String, int)} with the reader's limit. */
    public static Coroutine<StreamPair> openConnection(String host, int port, int limit) throws IOException {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        return new Streams.OpenConnection(host, port, limit);
    }

    /**
     * asyncio's {@code start_server}: listens on {@code host:port} (every address the host resolves
     * to; null or "" for every interface; port 0 for any free port, see {@link Server#getPort()})
     * and runs {@code handler(reader, writer)} as a new task for each connection. The server is
     * serving when the coroutine returns. Backlog 100, reader limit
     * {@link StreamReader#DEFAULT_LIMIT}.
     *
     * <pre>{@code
     * Server server = await(startServer((reader, writer) -> echo(reader, writer), "127.0.0.1", 8888));
     * await(server.serveForever());
     * }</pre>
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler,
                                                String host, int port) throws IOException {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, 100);
    }

    /** {@link #startServer(ConnectionHandler, String, int)} with the readers' limit and the listen backlog. */
    public static Coroutine<Server> startServer(ConnectionHandler handler,
                                                String host, int port, int limit, int backlog) throws IOException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        return new Streams.StartServer(handler, host, port, limit, Math.max(1, backlog));
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int, int, int)} with asyncio's
     * {@code start_serving}: when false, the server is bound and listening but accepts no
     * connection until {@link Server#startServing()} or {@link Server#serveForever()}: clients
     * that connect before wait in the backlog (CPython's socket is not listening yet, so their
     * connect is refused; Java's NIO binds and listens in one call).
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, int limit,
                                                int backlog, boolean startServing) throws IOException {
        Coroutine<Server> c = startServer(handler, host, port, limit, backlog);
        return startServing ? c : ((Streams.StartServer) c).notServing();
    }

    // ---- subprocesses ----

    /**
     * asyncio's {@code create_subprocess_exec}: starts {@code cmd[0]} with the arguments
     * {@code cmd[1..]}, every standard stream inherited. See {@link Subprocess} for pipes.
     *
     * @throws IOException (when awaited) if the program cannot be started
     */
    public static Coroutine<Subprocess> createSubprocessExec(String... cmd) throws IOException {
        return createSubprocessExec(Subprocess.options(), cmd);
    }

    /**
     * {@link #createSubprocessExec(String...)} with options: which streams are piped
     * ({@code Subprocess.options().stdout(PIPE)}), the environment, the working directory, the
     * readers' limit.
     */
    public static Coroutine<Subprocess> createSubprocessExec(Subprocess.Options options, String... cmd)
            throws IOException {
        java.util.List<String> command = Subprocess.command(cmd);
        if (options == null) {
            throw new NullPointerException("options");
        }
        return Deferred.of(() -> {
            SelectorEventLoop loop = runningLoop();
            Future<Subprocess> f = new Future<>(loop);
            Subprocess p;
            try {
                p = Subprocess.start(options, command);
            } catch (IOException | RuntimeException e) {
                f.setException(e); // as CPython: raised before the first suspension
                return f;
            }
            Task.skipName(); // CPython's transport starts a task (_connect_pipes) per process
            int pipes = (options.stdin == Subprocess.PIPE ? 1 : 0) + (options.stdout == Subprocess.PIPE ? 1 : 0)
                    + (options.stderr == Subprocess.PIPE ? 1 : 0);
            deliverAfter(loop, f, p, SUBPROCESS_HOPS + SUBPROCESS_HOPS_PER_PIPE * pipes);
            return f;
        });
    }

    /**
     * Loop iterations a new process takes to come out of {@link #createSubprocessExec}: CPython's
     * transport connects each pipe through a chain of callbacks, so other tasks get this many
     * turns (2 with no pipe, 2 more per pipe) before the creator resumes. asyncj's process is
     * ready at once; it hands it over as late as CPython would, so programs interleave the same.
     */
    private static final int SUBPROCESS_HOPS = 1;
    private static final int SUBPROCESS_HOPS_PER_PIPE = 2;

    private static void deliverAfter(SelectorEventLoop loop, Future<Subprocess> f, Subprocess p, int hops) {
        if (f.isDone()) {
            p.kill(); // cancelled while starting: CPython closes the transport, which kills the child
        } else if (hops == 0) {
            f.setResult(p);
        } else {
            loop.callSoon(() -> deliverAfter(loop, f, p, hops - 1));
        }
    }

    /** asyncio's {@code create_subprocess_shell}: {@code /bin/sh -c cmd}. */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd) throws IOException {
        return createSubprocessExec(Subprocess.options(), "/bin/sh", "-c", cmd);
    }

    /** {@link #createSubprocessShell(String)} with options. */
    public static Coroutine<Subprocess> createSubprocessShell(Subprocess.Options options, String cmd)
            throws IOException {
        return createSubprocessExec(options, "/bin/sh", "-c", cmd);
    }

    // ---- Unix-domain streams ----

    /** asyncio's {@code open_unix_connection}: {@link #openConnection(String, int)} to a Unix-domain socket. */
    public static Coroutine<StreamPair> openUnixConnection(java.nio.file.Path path) throws IOException {
        return new Streams.OpenConnection(java.util.Objects.requireNonNull(path, "path"), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * asyncio's {@code start_unix_server}: {@link #startServer(ConnectionHandler, String, int)} on a
     * Unix-domain socket at {@code path} (a socket file left there by an earlier server is removed
     * first, as asyncio does).
     */
    public static Coroutine<Server> startUnixServer(ConnectionHandler handler,
                                                    java.nio.file.Path path) throws IOException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        return new Streams.StartServer(handler, java.util.Objects.requireNonNull(path, "path"),
                StreamReader.DEFAULT_LIMIT, 100);
    }
}
