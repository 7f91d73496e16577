package io.asyncj;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * asyncio's {@code asyncio.subprocess.Process}: a child process started by
 * {@link Asyncio#createSubprocessExec} or {@link Asyncio#createSubprocessShell}, with its pipes as
 * streams.
 *
 * <pre>{@code
 * Subprocess p = await(createSubprocessExec(Subprocess.options().stdin(PIPE).stdout(PIPE), "cat"));
 * Subprocess.Output out = await(p.communicate("hello".getBytes(UTF_8)));
 * int code = await(p.waitFor()); // 0
 * }</pre>
 *
 * <p><b>Pipes.</b> A stream is piped only when its {@link Redirect} is {@link Redirect#PIPE}; as in
 * asyncio, the default is {@link Redirect#INHERIT}. {@link #stdin()} is a {@link StreamWriter}
 * (with {@code drain()} back-pressure), {@link #stdout()} and {@link #stderr()} are
 * {@link StreamReader}s (with their limit and flow control); each is null when not piped.
 *
 * <p><b>How it works, honestly.</b> Java's {@link Process} streams block and cannot join a
 * selector. Each pipe therefore has a daemon pump thread doing the blocking reads or writes, which
 * hands each chunk (or end of stream, or error) to the loop with
 * {@link EventLoop#callSoonThreadsafe}; the process's exit arrives the same way from
 * {@link Process#onExit()}. Everything the streams and this object do happens on the loop thread.
 * Starting the process ({@code ProcessBuilder.start}) runs on the loop thread, as asyncio's
 * {@code Popen} does.
 *
 * <p><b>Exit.</b> {@link #returncode()} is null until the process has exited. {@link #waitFor()}
 * (asyncio's {@code wait()}) returns the code at once if the process has exited; otherwise it
 * waits until the process has exited <em>and</em> its pipes are closed, as asyncio's does. Java
 * reports death by signal {@code s} as {@code 128 + s}; when this object sent that signal
 * ({@link #kill}, {@link #terminate}, {@link #sendSignal}), the code is reported as asyncio's
 * {@code -s}. As in asyncio, {@code waitFor()} with piped output that nobody reads can wait
 * forever once the pipe fills; {@link #communicate} reads everything.
 *
 * <p><b>Thread-safety:</b> loop-thread only.
 */
public final class Subprocess {

    /** Where a standard stream of the child goes (asyncio's {@code PIPE}, {@code DEVNULL}, {@code STDOUT}, {@code None}). */
    public enum Redirect {
        /** A pipe to this process: a {@link StreamWriter} for stdin, a {@link StreamReader} for the others. */
        PIPE,
        /** The null device. */
        DEVNULL,
        /** This process's own stream (asyncio's default, {@code None}). */
        INHERIT,
        /** stderr only: into the same pipe or file as stdout. */
        STDOUT
    }

    public static final Redirect PIPE = Redirect.PIPE;
    public static final Redirect DEVNULL = Redirect.DEVNULL;
    public static final Redirect INHERIT = Redirect.INHERIT;
    public static final Redirect STDOUT = Redirect.STDOUT;

    /** What {@link #communicate} returns: the child's output, null for a stream that is not piped. */
    public record Output(byte[] stdout, byte[] stderr) {}

    /**
     * How to start a child: the redirections, the environment, the working directory and the
     * readers' limit. Immutable; each method returns a modified copy.
     */
    public static final class Options {
        final Redirect stdin;
        final Redirect stdout;
        final Redirect stderr;
        final Map<String, String> env;
        final Path cwd;
        final int limit;

        private Options(Redirect stdin, Redirect stdout, Redirect stderr, Map<String, String> env, Path cwd, int limit) {
            this.stdin = stdin;
            this.stdout = stdout;
            this.stderr = stderr;
            this.env = env;
            this.cwd = cwd;
            this.limit = limit;
        }

        public Options stdin(Redirect r) {
            if (r == Redirect.STDOUT) {
                throw new IllegalArgumentException("STDOUT is for stderr only");
            }
            return new Options(Objects.requireNonNull(r), stdout, stderr, env, cwd, limit);
        }

        public Options stdout(Redirect r) {
            if (r == Redirect.STDOUT) {
                throw new IllegalArgumentException("STDOUT is for stderr only");
            }
            return new Options(stdin, Objects.requireNonNull(r), stderr, env, cwd, limit);
        }

        public Options stderr(Redirect r) {
            return new Options(stdin, stdout, Objects.requireNonNull(r), env, cwd, limit);
        }

        /** The child's whole environment (asyncio's {@code env=}); null: inherit this process's. */
        public Options env(Map<String, String> environment) {
            return new Options(stdin, stdout, stderr,
                    environment == null ? null : new LinkedHashMap<>(environment), cwd, limit);
        }

        /** The child's working directory; null: this process's. */
        public Options cwd(Path directory) {
            return new Options(stdin, stdout, stderr, env, directory, limit);
        }

        /** The limit of the stdout and stderr readers (default 64 KiB). */
        public Options limit(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("Limit cannot be <= 0");
            }
            return new Options(stdin, stdout, stderr, env, cwd, bytes);
        }
    }

    private static final Options DEFAULTS =
            new Options(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT, null, null, StreamReader.DEFAULT_LIMIT);

    /** The defaults: every stream inherited, the environment and directory of this process. */
    public static Options options() {
        return DEFAULTS;
    }

    /** Every stream piped: {@code options().stdin(PIPE).stdout(PIPE).stderr(PIPE)}. */
    public static Options pipes() {
        return DEFAULTS.stdin(PIPE).stdout(PIPE).stderr(PIPE);
    }

    private final SelectorEventLoop loop;
    private final Process process;
    private final long pid;
    private final StreamWriter stdin;
    private final StreamReader stdout;
    private final StreamReader stderr;
    private SubprocessPipes.WritePipe stdinPipe;
    private SubprocessPipes.ReadPipe stdoutPipe;
    private SubprocessPipes.ReadPipe stderrPipe;
    private int pipesOpen;
    private Integer returncode;
    private int signalSent;
    private boolean finished;
    private List<Future<Integer>> exitWaiters = new ArrayList<>();

    private Subprocess(SelectorEventLoop loop, Process process, Options o) {
        this.loop = loop;
        this.process = process;
        this.pid = process.pid();
        if (o.stdin == Redirect.PIPE) {
            StreamProtocol protocol = new StreamProtocol(loop, null);
            stdinPipe = new SubprocessPipes.WritePipe(loop, process.getOutputStream(), protocol, this);
            stdin = new StreamWriter(stdinPipe, protocol, null);
            pipesOpen++;
        } else {
            stdin = null;
        }
        if (o.stdout == Redirect.PIPE) {
            stdout = new StreamReader(o.limit);
            stdoutPipe = new SubprocessPipes.ReadPipe(loop, process.getInputStream(), stdout, this, "stdout");
            pipesOpen++;
        } else {
            stdout = null;
        }
        if (o.stderr == Redirect.PIPE) {
            stderr = new StreamReader(o.limit);
            stderrPipe = new SubprocessPipes.ReadPipe(loop, process.getErrorStream(), stderr, this, "stderr");
            pipesOpen++;
        } else {
            stderr = null;
        }
    }

    /** Starts {@code command} on the running loop; what {@link Asyncio#createSubprocessExec} awaits. */
    static Subprocess start(Options o, List<String> command) throws IOException {
        SelectorEventLoop loop = Asyncio.runningLoop();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(switch (o.stdin) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(new File("/dev/null"));
            default -> ProcessBuilder.Redirect.INHERIT;
        });
        pb.redirectOutput(output(o.stdout));
        if (o.stderr == Redirect.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(o.stderr));
        }
        if (o.env != null) {
            pb.environment().clear();
            pb.environment().putAll(o.env);
        }
        if (o.cwd != null) {
            pb.directory(o.cwd.toFile());
        }
        Process process = pb.start();
        Subprocess p = new Subprocess(loop, process, o);
        p.startPumps();
        return p;
    }

    private static ProcessBuilder.Redirect output(Redirect r) {
        return switch (r) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }

    private void startPumps() {
        if (stdinPipe != null) {
            stdinPipe.start(pid);
        }
        if (stdoutPipe != null) {
            stdoutPipe.start(pid);
        }
        if (stderrPipe != null) {
            stderrPipe.start(pid);
        }
        process.onExit().whenComplete((p, e) -> SubprocessPipes.post(loop, () -> processExited(process.exitValue())));
    }

    // ---- lifecycle (loop thread) ----

    private void processExited(int code) {
        if (returncode != null) {
            return;
        }
        if (signalSent > 0 && code == 128 + signalSent) {
            code = -signalSent; // asyncio reports death by signal s as -s
        }
        returncode = code;
        if (stdinPipe != null) {
            stdinPipe.processExited();
        }
        tryFinish();
    }

    void pipeDisconnected() {
        pipesOpen--;
        tryFinish();
    }

    /** CPython's {@code _try_finish}: once exited and every pipe closed, wake the waiters (soon). */
    private void tryFinish() {
        if (finished || returncode == null || pipesOpen > 0) {
            return;
        }
        finished = true;
        loop.enqueue((Runnable) () -> {
            List<Future<Integer>> ws = exitWaiters;
            exitWaiters = null;
            for (Future<Integer> w : ws) {
                if (!w.isCancelled()) {
                    w.setResult(returncode);
                }
            }
        });
    }

    // ---- public API ----

    /** The child's process id. */
    public long pid() {
        return pid;
    }

    /** The exit code, or null while the process runs (see the class comment for signals). */
    public Integer returncode() {
        return returncode;
    }

    /** The writer of the child's stdin, or null if stdin is not {@link Redirect#PIPE}. */
    public StreamWriter stdin() {
        return stdin;
    }

    /** The reader of the child's stdout, or null if stdout is not {@link Redirect#PIPE}. */
    public StreamReader stdout() {
        return stdout;
    }

    /** The reader of the child's stderr, or null if stderr is not {@link Redirect#PIPE}. */
    public StreamReader stderr() {
        return stderr;
    }

    /**
     * asyncio's {@code wait()}: the exit code, once the process has exited (and, if it had not
     * yet when this started waiting, its pipes are closed). Named {@code waitFor} because every
     * Java object has a final {@code wait()}, as {@link Process#waitFor()} is.
     */
    public Coroutine<Integer> waitFor() {
        return Deferred.of(() -> {
            Future<Integer> f = new Future<>(loop);
            if (returncode != null) {
                f.setResult(returncode);
            } else {
                exitWaiters.add(f);
            }
            return f;
        });
    }

    /**
     * asyncio's {@code communicate(input)}: writes {@code input} (if not null) to stdin and closes
     * it, reads stdout and stderr to end of stream, waits for the exit, and returns the output
     * (null for a stream that is not piped). A child that stops reading its stdin (a broken pipe)
     * is not an error here, as in asyncio.
     *
     * @throws IllegalStateException if {@code input} is given but stdin is not piped
     */
    public Coroutine<Output> communicate(byte[] input) {
        if (input != null && stdin == null) {
            throw new IllegalStateException("communicate(input) needs stdin=PIPE");
        }
        return new Communicate(this, input);
    }

    /** {@code communicate(null)}: nothing written; stdin, if piped, is closed. */
    public Coroutine<Output> communicate() {
        return communicate(null);
    }

    /** SIGKILL ({@link Process#destroyForcibly()}). @throws IllegalStateException if the process was already reaped */
    public void kill() {
        checkProc();
        signalSent = 9;
        process.destroyForcibly();
    }

    /** SIGTERM ({@link Process#destroy()}). @throws IllegalStateException if the process was already reaped */
    public void terminate() {
        checkProc();
        signalSent = 15;
        process.destroy();
    }

    /**
     * Sends signal {@code signal}: SIGKILL (9) and SIGTERM (15) through {@link Process}, any other
     * by running {@code kill -s <signal> <pid>} (POSIX only; it blocks the loop for the few
     * milliseconds that takes).
     *
     * @throws IllegalStateException if the process was already reaped (asyncio's ProcessLookupError)
     */
    public void sendSignal(int signal) throws IOException {
        if (signal == 9) {
            kill();
            return;
        }
        if (signal == 15) {
            terminate();
            return;
        }
        checkProc();
        Process k = new ProcessBuilder("kill", "-s", String.valueOf(signal), String.valueOf(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (k.waitFor() != 0) {
                throw new IOException("kill -s " + signal + " " + pid + " failed (exit " + k.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + pid, e);
        }
        signalSent = signal;
    }

    private void checkProc() {
        if (finished) {
            throw new IllegalStateException("ProcessLookupError: process " + pid + " has exited and was reaped");
        }
    }

    @Override
    public String toString() {
        return "<Subprocess " + pid + (returncode != null ? " returncode=" + returncode : " running") + ">";
    }

    /** asyncio's {@code communicate}: gather(feed stdin, read stdout, read stderr), then wait. */
    private static final class Communicate extends Coroutine<Output> {
        private final Subprocess p;
        private byte[] input;
        private List<Object> outputs;

        Communicate(Subprocess p, byte[] input) {
            this.p = p;
            this.input = input;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                    List<Awaitable<?>> parts = new ArrayList<>(3);
                    parts.add(p.stdin != null ? new FeedStdin(p.stdin, input) : new Done<>(null));
                    parts.add(p.stdout != null ? new ReadStream(p.stdout, p.stdoutPipe) : new Done<>(null));
                    parts.add(p.stderr != null ? new ReadStream(p.stderr, p.stderrPipe) : new Done<>(null));
                    input = null;
                    if ($await(Gather.gather(parts, false), 1)) {
                        return;
                    }
                case 1:
                    outputs = this.<List<Object>>$get();
                    if ($await(p.waitFor(), 2)) {
                        return;
                    }
                case 2:
                    $get();
                    $complete(new Output((byte[]) outputs.get(1), (byte[]) outputs.get(2)));
                    return;
                default:
                    throw $badState();
            }
        }
    }

    /** CPython's {@code _read_stream}: {@code output = await stream.read(); transport.close(); return output}. */
    private static final class ReadStream extends Coroutine<byte[]> {
        private final StreamReader reader;
        private final SubprocessPipes.ReadPipe pipe;

        ReadStream(StreamReader reader, SubprocessPipes.ReadPipe pipe) {
            this.reader = reader;
            this.pipe = pipe;
        }

        @Override
        protected void $resume() throws IOException {
            switch ($state) {
                case 0:
                    if ($await(reader.read(), 1)) {
                        return;
                    }
                case 1:
                    byte[] out = $get();
                    pipe.close();
                    $complete(out);
                    return;
                default:
                    throw $badState();
            }
        }
    }

    /** CPython's {@code _feed_stdin}: write, drain (a broken pipe is fine), close. */
    private static final class FeedStdin extends Coroutine<Object> {
        private final StreamWriter stdin;
        private byte[] input;

        FeedStdin(StreamWriter stdin, byte[] input) {
            this.stdin = stdin;
            this.input = input;
        }

        @Override
        protected void $resume() throws IOException {
            switch ($state) {
                case 0:
                    if (input != null) {
                        stdin.write(input);
                        input = null;
                    }
                    if ($await(stdin.drain(), 1)) {
                        return;
                    }
                case 1:
                    try {
                        $get();
                    } catch (Throwable e) {
                        if (!(e instanceof IOException)) {
                            throw e; // communicate() ignores only BrokenPipeError and ConnectionResetError
                        }
                    }
                    stdin.close();
                    $complete(null);
                    return;
                default:
                    throw $badState();
            }
        }
    }

    static List<String> command(String... cmd) {
        if (cmd.length == 0) {
            throw new IllegalArgumentException("program must be given");
        }
        return Arrays.asList(cmd.clone());
    }
}
