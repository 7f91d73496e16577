package io.asyncj.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * User-like programs (resources {@code battery/T*.java.txt}: ordinary Java with awaits in
 * expressions, statements, classes of every kind) must print with the processor exactly what
 * they print run synchronously: compiled without it against a stub {@code io.asyncj} (resources
 * {@code battery-stub/}) whose {@code await} returns the value {@code completed} holds, they are
 * the plain Java twin. Each program's {@code main} prints its trace; an exception it lets out
 * is part of the trace.
 */
class BatteryTest {
    private static final String[] PROGRAMS = {
        "T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T10", "T11", "T12", "T13", "T14", "T15",
        "T16", "T17", "T18", "T19", "T20", "T21", "T22", "T23", "T24", "T26", "T27", "T28", "T29", "T30",
        "T32", "T33", "T34", "T35", "T36", "T37", "T38", "T39", "T40", "T41", "T42", "T43", "T44", "T45", "T46", "T47", "T48", "T49", "T50", "T51", "T52", "T53", "T54", "T55", "T56", "T57", "T58", "T59", "T60", "T61", "T62", "T63", "T64", "T65", "T66", "T67", "T68", "T69", "T70", "T71", "T72", "T73", "T74", "T75", "T76", "T77", "T78", "T80", "T81", "T82", "T83", "T79", "T84", "T85", "T86", "T87", "T88", "T89", "T90", "T91", "T92", "T93", "T94", "T95", "T96", "T97", "T98", "T99", "T100", "T101", "T102", "T103", "T104", "T105", "T106", "T107", "T108", "T109", "T110", "T111", "T112", "T113", "T114", "T115", "T116",
    };
    private static final String[] STUB = {"Async", "Awaitable", "Coroutine", "Future", "Asyncio"};

    @Test
    void programsPrintWhatTheirSynchronousTwinsPrint() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String p : PROGRAMS) {
            sources.add(JavaFileObjects.forSourceString(p, resource("battery/" + p + ".java.txt")));
        }
        List<JavaFileObject> withStub = new ArrayList<>(sources);
        for (String s : STUB) {
            withStub.add(JavaFileObjects.forSourceString("io.asyncj." + s, resource("battery-stub/" + s + ".java.txt")));
        }
        Compilation async = Harness.compile(sources.toArray(new JavaFileObject[0]));
        Compilation sync = javac().withOptions("-proc:none", "-Xlint:-options").compile(withStub);
        ClassLoader asyncLoader = Harness.load(async);
        ClassLoader syncLoader = childFirst(sync);
        for (String p : PROGRAMS) {
            assertEquals(trace(syncLoader, p), trace(asyncLoader, p), p);
        }
    }

    private static synchronized String trace(ClassLoader loader, String program) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String end;
        try {
            loader.loadClass(program).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            end = "";
        } catch (InvocationTargetException e) {
            end = "! " + e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8) + end;
    }

    /** The compiled classes, found before the parent's (whose io.asyncj is the real runtime). */
    private static ClassLoader childFirst(Compilation compilation) {
        Map<String, byte[]> classes = Harness.classBytes(compilation);
        return new ClassLoader(BatteryTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        byte[] b = classes.get(name);
                        c = b != null ? defineClass(name, b, 0, b.length) : super.loadClass(name, false);
                    }
                    if (resolve) {
                        resolveClass(c);
                    }
                    return c;
                }
            }
        };
    }

    private static String resource(String path) {
        try (InputStream in = BatteryTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
