package io.asyncj.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles sources with the asyncj processor, loads the classes and runs them. */
final class Harness {
    private Harness() {}

    static Compilation compile(String className, String source) {
        return javac().withProcessors(new AsyncProcessor())
                .withOptions("-Xlint:-options", "-g")
                .compile(JavaFileObjects.forSourceString(className, source));
    }

    static Compilation compile(JavaFileObject... files) {
        return javac().withProcessors(new AsyncProcessor()).withOptions("-Xlint:-options", "-g").compile(files);
    }

    /** Loads the compiled classes of {@code compilation} in a fresh class loader. */
    static ClassLoader load(Compilation compilation) {
        Map<String, byte[]> classes = classBytes(compilation);
        return new ClassLoader(Harness.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** The class files of a successful compilation, by binary name. */
    static Map<String, byte[]> classBytes(Compilation compilation) {
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new AssertionError("compilation failed: " + compilation.diagnostics());
        }
        Map<String, byte[]> classes = new HashMap<>();
        String out = StandardLocation.CLASS_OUTPUT.getName();
        for (JavaFileObject f : compilation.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String name = f.toUri().getPath();
                name = name.substring(name.indexOf(out) + out.length() + 1);
                name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return classes;
    }

    /** Compiles {@code source} and calls its {@code static String main()} (which returns a trace). */
    static String run(String className, String source) {
        try {
            Class<?> c = load(compile(className, source)).loadClass(className);
            Method m = c.getDeclaredMethod("main");
            m.setAccessible(true);
            return String.valueOf(m.invoke(null));
        } catch (InvocationTargetException e) {
            throw new AssertionError("program threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The readable generated source of {@code Outer$method} written by the processor. */
    static String generated(Compilation compilation, String pkg, String outerAndMethod) {
        return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, pkg, outerAndMethod + ".asyncj.txt")
                .map(f -> {
                    try {
                        return f.getCharContent(true).toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElseThrow(() -> new AssertionError("no generated source for " + outerAndMethod));
    }
}
