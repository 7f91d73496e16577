package io.asyncj.processor.javac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, without touching any javac internal class, whether the {@code jdk.compiler} packages the
 * processor needs are exported to it. Loading an internal class when they are not would throw
 * {@link IllegalAccessError} deep inside javac; this lets the processor say so in one error instead.
 */
public final class Exports {
    /** The packages of {@code jdk.compiler} the processor reads. */
    public static final List<String> PACKAGES = List.of(
            "com.sun.tools.javac.api",
            "com.sun.tools.javac.code",
            "com.sun.tools.javac.comp",
            "com.sun.tools.javac.main",
            "com.sun.tools.javac.parser",
            "com.sun.tools.javac.processing",
            "com.sun.tools.javac.tree",
            "com.sun.tools.javac.util");

    private Exports() {}

    /** The packages that are not exported to the processor's module; empty when all are. */
    public static List<String> missing() {
        Optional<Module> compiler = ModuleLayer.boot().findModule("jdk.compiler");
        List<String> missing = new ArrayList<>();
        Module self = Exports.class.getModule();
        for (String pkg : PACKAGES) {
            if (compiler.isEmpty() || !compiler.get().isExported(pkg, self)) {
                missing.add(pkg);
            }
        }
        return missing;
    }

    /** The exact flags that export {@code packages}, one {@code --add-exports} per package. */
    public static String flags(List<String> packages) {
        StringBuilder sb = new StringBuilder();
        for (String pkg : packages) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append("--add-exports=jdk.compiler/").append(pkg).append("=ALL-UNNAMED");
        }
        return sb.toString();
    }
}
