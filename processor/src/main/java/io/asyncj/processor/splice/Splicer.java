package io.asyncj.processor.splice;

import io.asyncj.processor.emit.PositionMap;
import io.asyncj.processor.javac.JavacBridge;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Puts a generated body in place of the original one, with positions mapped back to the user's
 * source, and writes its readable text as a resource next to the generated sources.
 */
public final class Splicer {
    private final JavacBridge bridge;
    private final Filer filer;
    private final Set<String> written = new HashSet<>();

    public Splicer(JavacBridge bridge, Filer filer) {
        this.bridge = bridge;
        this.filer = filer;
    }

    public void splice(JavacBridge.MethodTarget target, String markedBody, CharSequence source, int fallbackPos) {
        PositionMap map = PositionMap.of(markedBody, source, fallbackPos);
        bridge.splice(target, map.text(), map);
    }

    /**
     * Writes {@code text} to {@code SOURCE_OUTPUT/<package>/<Outer>$<method>.asyncj.txt} (not
     * {@code .java}: the code is compiled once, in place, never from this file).
     */
    public void write(String pkg, String outer, String method, String header, String text) throws IOException {
        String base = outer + "$" + method;
        String name = base + ".asyncj.txt";
        for (int i = 2; !written.add(pkg + "/" + name); i++) {
            name = base + "$" + i + ".asyncj.txt";
        }
        FileObject file = filer.createResource(StandardLocation.SOURCE_OUTPUT, pkg, name);
        try (Writer w = file.openWriter()) {
            w.write(header);
            w.write(text);
        }
    }
}
