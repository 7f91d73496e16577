package io.asyncj;

import static io.asyncj.Subprocess.DEVNULL;
import static io.asyncj.Subprocess.PIPE;
import static io.asyncj.Subprocess.STDOUT;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real child processes (echo, cat, sh, python3) on a system-clock loop, each test bounded. */
@Timeout(30)
class SubprocessTest {

    private static String s(Object bytes) {
        return bytes == null ? null : new String((byte[]) bytes, ISO_8859_1);
    }

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static Object run(Script.FirstStep main) {
        return StreamsTest.runReal(main);
    }

    @Test
    void echoThroughAStdoutPipe() {
        List<String> trace = new ArrayList<>();
        run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdout(PIPE), "echo", "hello"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    assertTrue(p.pid() > 0);
                    assertNull(p.stdin());
                    assertNull(p.stderr());
                    return Script.start(() -> p.stdout().readline())
                            .then(line -> {
                                trace.add(s(line));
                                return p.stdout().read();
                            }).then(rest -> {
                                trace.add("rest '" + s(rest) + "'");
                                return p.waitFor();
                            }).then(code -> {
                                trace.add("exit " + code + ", returncode " + p.returncode());
                                return null;
                            }).build();
                }).build());
        assertEquals(List.of("hello\n", "rest ''", "exit 0, returncode 0"), trace);
    }

    @Test
    void eachProcessUsesUpOneTaskNameAsInCPython() {
        // CPython's subprocess transport starts an internal task per process (_connect_pipes), so
        // the next task a program creates is named one further on; asyncj skips that number too.
        Object gap = run(() -> Script.start(() -> {
            int before = Asyncio.createTask(Asyncio.sleep(0)).id();
            return Script.start(() -> Asyncio.createSubprocessExec("true"))
                    .then(v -> Script.start(() -> ((Subprocess) v).waitFor())
                            .then(code -> Asyncio.createTask(Asyncio.sleep(0)).id() - before).build())
                    .build();
        }).build());
        assertEquals(2, gap);
    }

    /** Loop iterations that pass while createSubprocessExec(options, "true") is awaited. */
    private static int iterationsToStart(Subprocess.Options options) {
        int[] iterations = {0};
        boolean[] counting = {true};
        Object n = run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                if (counting[0]) {
                    iterations[0]++;
                    loop.callSoon(tick[0]);
                }
            };
            loop.callSoon(tick[0]);
            return Script.start(() -> Asyncio.createSubprocessExec(options, "true")).then(v -> {
                counting[0] = false;
                int k = iterations[0];
                return Script.start(() -> ((Subprocess) v).waitFor()).then(code -> k).build();
            }).build();
        });
        return (Integer) n;
    }

    @Test
    void aNewProcessComesOutAfterAsManyIterationsAsInCPython() {
        // CPython's transport connects each pipe with a chain of callbacks: a ticker task gets 2
        // turns while a process without pipes starts, 2 more per pipe (ParityTest's ProcTicks
        // compares the ticker's counts with CPython's). Here a callback counts the iterations.
        int none = iterationsToStart(Subprocess.options());
        assertEquals(2, none);
        assertEquals(none + 2, iterationsToStart(Subprocess.options().stdout(PIPE)));
        assertEquals(none + 4, iterationsToStart(Subprocess.options().stdout(PIPE).stderr(STDOUT).stdin(PIPE)));
        assertEquals(none + 6, iterationsToStart(Subprocess.pipes()));
    }

    @Test
    void catCommunicatesStdinToStdout() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdin(PIPE).stdout(PIPE), "cat"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    return Script.start(() -> p.communicate(b("through cat\n")))
                            .then(out -> {
                                Subprocess.Output o = (Subprocess.Output) out;
                                assertNull(o.stderr());
                                return s(o.stdout()) + "exit " + p.returncode();
                            }).build();
                }).build());
        assertEquals("through cat\nexit 0", got);
    }

    @Test
    void catInteractivelyLineByLine() {
        // Write a line, drain, read its echo; three times; then close stdin and wait.
        List<String> trace = new ArrayList<>();
        run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdin(PIPE).stdout(PIPE), "cat"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    Script.Builder<Object> steps = Script.start(() -> null);
                    for (int i = 0; i < 3; i++) {
                        String line = "line " + i + "\n";
                        steps.then(x -> {
                            p.stdin().write(b(line));
                            return p.stdin().drain();
                        }).then(x -> p.stdout().readline()).then(x -> trace.add(s(x).trim()));
                    }
                    return steps.then(x -> {
                        p.stdin().close();
                        return p.stdin().waitClosed();
                    }).then(x -> p.waitFor()).then(code -> trace.add("exit " + code)).build();
                }).build());
        assertEquals(List.of("line 0", "line 1", "line 2", "exit 0"), trace);
    }

    @Test
    void exitCodeOfAShell() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec("sh", "-c", "exit 3"))
                .then(v -> ((Subprocess) v).waitFor()).build());
        assertEquals(3, got);
        Object shell = run(() -> Script.start(() -> Asyncio.createSubprocessShell("exit 4"))
                .then(v -> ((Subprocess) v).waitFor()).build());
        assertEquals(4, shell);
    }

    @Test
    void pythonWritesToStdoutAndStderr() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.pipes(), "python3", "-c",
                        "import sys; data = sys.stdin.read(); print(data.upper()); print('err', len(data), file=sys.stderr); sys.exit(5)"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    return Script.start(() -> p.communicate(b("abc")))
                            .then(out -> {
                                Subprocess.Output o = (Subprocess.Output) out;
                                return s(o.stdout()) + s(o.stderr()) + p.returncode();
                            }).build();
                }).build());
        assertEquals("ABC\nerr 3\n5", got);
    }

    @Test
    void largeOutputPassesThroughFlowControl() {
        // 1 MB through a reader with a 1 KiB limit: the pump pauses and resumes many times.
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(
                        Subprocess.options().stdout(PIPE).limit(1024), "python3", "-c",
                        "import sys; sys.stdout.write('x' * 1000000)"))
                .then(v -> ((Subprocess) v).communicate())
                .then(out -> ((Subprocess.Output) out).stdout().length).build());
        assertEquals(1_000_000, got);
    }

    @Test
    void largeInputWithDrain() {
        // 4 MB into a child that counts it: drain must wait while the pipe is full.
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdin(PIPE).stdout(PIPE),
                        "python3", "-c", "import sys; print(len(sys.stdin.buffer.read()))"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    p.stdin().write(new byte[4 << 20]);
                    assertTrue(p.stdin().getWriteBufferSize() > 64 * 1024);
                    return Script.start(() -> p.stdin().drain())
                            .then(x -> {
                                assertTrue(p.stdin().getWriteBufferSize() <= 16 * 1024);
                                return p.communicate();
                            }).then(out -> s(((Subprocess.Output) out).stdout()).trim()).build();
                }).build());
        assertEquals(String.valueOf(4 << 20), got);
    }

    @Test
    void killReportsTheSignalAsANegativeCode() {
        List<Object> trace = new ArrayList<>();
        run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdout(PIPE),
                        "python3", "-c", "import time; print('ready', flush=True); time.sleep(60)"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    return Script.start(() -> p.stdout().readline())
                            .then(line -> {
                                trace.add(s(line).trim());
                                assertNull(p.returncode());
                                p.kill();
                                return p.waitFor();
                            }).then(code -> {
                                trace.add(code);
                                trace.add(assertThrows(IllegalStateException.class, p::kill).getMessage().startsWith("ProcessLookupError"));
                                return null;
                            }).build();
                }).build());
        assertEquals(List.of("ready", -9, true), trace);
    }

    @Test
    void terminateAndOtherSignals() {
        Object term = run(() -> Script.start(() -> Asyncio.createSubprocessExec("sleep", "60"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    p.terminate();
                    return p.waitFor();
                }).build());
        assertEquals(-15, term);
        Object usr1 = run(() -> Script.start(() -> Asyncio.createSubprocessExec("sleep", "60"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    p.sendSignal(10); // SIGUSR1: terminates sleep
                    return p.waitFor();
                }).build());
        assertEquals(-10, usr1);
    }

    @Test
    void environmentAndWorkingDirectory() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(
                        Subprocess.options().stdout(PIPE).env(Map.of("FOO", "bar")).cwd(Path.of("/tmp")),
                        "/bin/sh", "-c", "echo $FOO; pwd"))
                .then(v -> ((Subprocess) v).communicate())
                .then(out -> s(((Subprocess.Output) out).stdout())).build());
        assertEquals("bar\n/tmp\n", got);
    }

    @Test
    void stderrIntoStdoutAndDevnull() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(
                        Subprocess.options().stdout(PIPE).stderr(STDOUT).stdin(DEVNULL),
                        "sh", "-c", "echo out; echo err >&2; cat"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    assertNull(p.stderr());
                    return p.communicate();
                }).then(out -> s(((Subprocess.Output) out).stdout())).build());
        assertEquals("out\nerr\n", got);
        Object quiet = run(() -> Script.start(() -> Asyncio.createSubprocessExec(
                        Subprocess.options().stdout(DEVNULL), "echo", "nothing"))
                .then(v -> ((Subprocess) v).communicate())
                .then(out -> String.valueOf(((Subprocess.Output) out).stdout())).build());
        assertEquals("null", quiet);
    }

    @Test
    void aMissingProgramFailsWhenAwaited() {
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec("/nonexistent/program"))
                .handle((v, e) -> e).build());
        assertInstanceOf(IOException.class, got);
    }

    @Test
    void communicateIgnoresABrokenPipe() {
        // The child exits without reading its stdin; writing 1 MB to it breaks the pipe.
        Object got = run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdin(PIPE), "true"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    return Script.start(() -> p.communicate(new byte[1 << 20])).then(out -> p.returncode()).build();
                }).build());
        assertEquals(0, got);
    }

    @Test
    void cancellingAReadLeavesTheProcessUsable() {
        List<String> trace = new ArrayList<>();
        run(() -> Script.start(() -> Asyncio.createSubprocessExec(Subprocess.options().stdin(PIPE).stdout(PIPE), "cat"))
                .then(v -> {
                    Subprocess p = (Subprocess) v;
                    Task<byte[]> read = Asyncio.createTask(p.stdout().readline());
                    return Script.start(() -> Asyncio.sleep(0))
                            .then(x -> {
                                read.cancel();
                                return Script.start(() -> read).handle((x2, e) -> e).build();
                            }).then(e -> {
                                trace.add(Co.describe((Throwable) e));
                                return p.communicate(b("after\n"));
                            }).then(out -> {
                                trace.add(s(((Subprocess.Output) out).stdout()));
                                return null;
                            }).build();
                }).build());
        assertEquals(List.of("cancelled", "after\n"), trace);
    }
}
