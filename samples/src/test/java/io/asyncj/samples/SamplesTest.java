package io.asyncj.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every sample's {@code main} and compares what it prints with
 * {@code src/test/resources/expected/<Sample>.txt}: the samples are the README's promises.
 */
class SamplesTest {

    static Stream<String> samples() {
        return Stream.of("HelloWorld", "Tasks", "Cancellation", "Timeouts", "Threads", "ProducerConsumer", "Structured", "EchoServer", "Subprocesses",
                "Synchronization", "Combinators", "EventLoopBasics");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void printsWhatItPromises(String sample) throws Exception {
        String expected;
        try (InputStream in = SamplesTest.class.getResourceAsStream("/expected/" + sample + ".txt")) {
            assertNotNull(in, "missing expected output for " + sample);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, runMain(sample));
    }

    static String runMain(String sample) throws Exception {
        Method main = Class.forName("io.asyncj.samples." + sample).getMethod("main", String[].class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
