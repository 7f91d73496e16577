package io.asyncj.samples.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ParityTest} for the behaviours asyncj takes from CPython 3.13 on purpose (the README's
 * list: {@code Queue.shutdown}, TaskGroup and Condition fixes): the twins in
 * {@code src/test/resources/parity/py313/} run under a CPython 3.13+, {@code -Dasyncj.python313}
 * (default {@code python3.13}). Skipped, saying so, when no such interpreter can be run.
 */
class Parity313Test {

    private static final String PYTHON313 = System.getProperty("asyncj.python313", "python3.13");

    @TestFactory
    Stream<DynamicTest> javaProgramsPrintWhatTheirPython313TwinsPrint() throws Exception {
        Path dir = Path.of(Parity313Test.class.getResource("/parity/prelude.py").toURI()).getParent();
        Path twins = dir.resolve("py313");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(twins)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".py"))
                    .map(f -> f.substring(0, f.length() - 3))
                    .sorted()
                    .forEach(names::add);
        }
        Assumptions.assumeTrue(is313(), PYTHON313 + " (CPython 3.13+) cannot be run: set -Dasyncj.python313=...; skipped");
        Path outDir = Files.createTempDirectory("asyncj-parity313");
        ParityTest.runPython(PYTHON313, dir, twins, outDir, names);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String expected = Files.readString(outDir.resolve(name + ".out"));
            String actual = ParityTest.runJavaBounded(name);
            if (!expected.equals(actual)) { // once more, both sides: see ParityTest
                ParityTest.runPython(PYTHON313, dir, twins, outDir, List.of(name));
                expected = Files.readString(outDir.resolve(name + ".out"));
                actual = ParityTest.runJavaBounded(name);
            }
            assertEquals(expected, actual, name + ": asyncj and CPython 3.13 printed different lines (twice)");
        }));
    }

    private static boolean is313() {
        try {
            Process p = new ProcessBuilder(PYTHON313, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 13) else 1)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
