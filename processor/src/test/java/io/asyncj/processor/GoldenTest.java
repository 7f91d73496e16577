package io.asyncj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The readable generated source of a few methods, compared exactly with files under
 * {@code src/test/resources/golden}. Regenerate with {@code ASYNCJ_UPDATE_GOLDEN=1}.
 */
class GoldenTest {
    private static final String SOURCE = """
            package demo;
            import io.asyncj.*;
            import java.io.IOException;
            import java.util.List;
            import static io.asyncj.Asyncio.*;
            public class Golden {
                @Async static Coroutine<Integer> read(String p) throws IOException { return completed(p.length()); }

                @Async static Coroutine<Integer> add(int a) throws IOException {
                    int x = await(read("abc"));
                    return completed(a + x);
                }

                @Async static Coroutine<String> spill(StringBuilder sb) {
                    String s = sb.append("a").toString() + await(sleep(0.0, "b")) + sb.length();
                    return completed(s);
                }

                @Async static Coroutine<Integer> loopAndTry(int n) {
                    int total = 0;
                    for (int i = 0; i < n; i++) {
                        try {
                            total += await(read("x" + i));
                        } catch (IOException e) {
                            total = -1;
                        } finally {
                            await(sleep(0));
                        }
                    }
                    return completed(total);
                }

                @Async static Coroutine<Long> sumFutures(List<Future<Integer>> ring, int n) {
                    long s = 0;
                    for (int k = 0; k < n; k++) {
                        s += await(ring.get(k & 1023));
                    }
                    return completed(s);
                }
            }
            """;

    @Test
    void add() throws IOException {
        check("Golden$add");
    }

    @Test
    void spill() throws IOException {
        check("Golden$spill");
    }

    @Test
    void loopAndTry() throws IOException {
        check("Golden$loopAndTry");
    }

    /** Locals in Java locals, saved where the machine parks; a Future's await is a check and a branch. */
    @Test
    void sumFutures() throws IOException {
        check("Golden$sumFutures");
    }

    private static void check(String name) throws IOException {
        Compilation c = Harness.compile("demo.Golden", SOURCE);
        String actual = Harness.generated(c, "demo", name);
        Path file = Path.of("src", "test", "resources", "golden", name + ".txt");
        if (System.getenv("ASYNCJ_UPDATE_GOLDEN") != null) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "regenerate with ASYNCJ_UPDATE_GOLDEN=1 if the change is intended");
    }
}
