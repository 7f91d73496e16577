package io.asyncj.samples.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against CPython: every program in this package (an {@code @Async} program
 * compiled by the real processor) has a twin, {@code src/test/resources/parity/<Name>.py}, written
 * the way the same user would write it with asyncio. Both must print the same lines.
 *
 * <p>The twins run in one {@code python3} (3.11+) process, each in a forked child
 * ({@code runner.py}); the Java programs run here, each with the task-name counter reset, as a
 * fresh process would have it. A program whose two sides differ is run again, both sides, before
 * the test fails: the programs use real time (with wide gaps), and a stalled machine can reorder
 * timers once, while a real difference shows every time. Skipped, saying so, when
 * {@code python3} cannot be run.
 *
 * <p>Keep the programs deterministic: print nothing that depends on timing, and nothing whose order
 * CPython takes from a set (the children a TaskGroup cancels, the tasks asyncio.run cancels).
 * Where asyncj follows a later CPython on purpose (3.12's wait_for, 3.13's TaskGroup and
 * Condition), a program avoids the case and says so; the README lists these differences.
 */
class ParityTest {

    private static final String PYTHON = System.getProperty("asyncj.python", "python3");

    @TestFactory
    Stream<DynamicTest> javaProgramsPrintWhatTheirPythonTwinsPrint() throws Exception {
        Path dir = Path.of(ParityTest.class.getResource("/parity/prelude.py").toURI()).getParent();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".py") && !f.equals("prelude.py") && !f.equals("runner.py"))
                    .map(f -> f.substring(0, f.length() - 3))
                    .sorted()
                    .forEach(names::add);
        }
        Path outDir = Files.createTempDirectory("asyncj-parity");
        runPython(dir, outDir, names);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String expected = Files.readString(outDir.resolve(name + ".out"));
            String actual = runJavaBounded(name);
            if (!expected.equals(actual)) {
                // The programs use real time, with wide gaps between timers whose order they
                // print; a machine stalled for longer than a gap can still reorder them once. A
                // real difference is deterministic: it shows again on a second run of both.
                runPython(dir, outDir, List.of(name));
                expected = Files.readString(outDir.resolve(name + ".out"));
                actual = runJavaBounded(name);
            }
            assertEquals(expected, actual, name + ": asyncj and CPython printed different lines (twice)");
        }));
    }

    static String runJavaBounded(String name) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runJava(name), name + " did not finish in 20 s");
    }

    private static void runPython(Path dir, Path outDir, List<String> names) throws Exception {
        runPython(PYTHON, dir, dir, outDir, names);
    }

    /**
     * Runs the twins {@code names} of {@code twinDir} with {@code python} through {@code runner.py}
     * (which, with {@code prelude.py}, lives in {@code dir}).
     */
    static void runPython(String python, Path dir, Path twinDir, Path outDir, List<String> names) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, dir.resolve("runner.py").toString(), twinDir.toString(),
                outDir.toString()));
        cmd.addAll(names);
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", dir.toString()); // prelude.py, for twins in a subfolder
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort(python + " cannot be run (" + e.getMessage()
                    + "): the parity programs need CPython 3.11+ to compare with; skipped");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(python + " runner.py failed:\n" + log);
        }
    }

    /** Runs {@code Name.main} with its output captured, as a fresh process would: Task-1 first. */
    static String runJava(String name) throws Exception {
        Method main = Class.forName("io.asyncj.samples.parity." + name).getMethod("main", String[].class);
        Field counter = Class.forName("io.asyncj.Task").getDeclaredField("COUNTER");
        counter.setAccessible(true);
        ((AtomicInteger) counter.get(null)).set(0);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            Out.out("uncaught", Out.d(e.getCause()));
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
