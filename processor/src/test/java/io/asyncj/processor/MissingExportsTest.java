package io.asyncj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the jdk.compiler exports, javac reports one error that lists the exact flags. */
class MissingExportsTest {
    @Test
    void oneErrorListsTheFlags(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Hello.java");
        Files.writeString(src, """
                import io.asyncj.*;
                public class Hello {
                    @Async static Coroutine<Void> f() { return Asyncio.completed(); }
                }
                """);
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Process p = new ProcessBuilder(List.of(javac, "-cp", System.getProperty("java.class.path"),
                "-processor", AsyncProcessor.class.getName(), "-d", dir.toString(), src.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        assertEquals(1, code, out);
        assertTrue(out.contains("[AsyncMissingExports]"), out);
        assertTrue(out.contains("--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED"), out);
        assertEquals(1, out.split("error:", -1).length - 1, out);
    }
}
