package io.asyncj.processor;

import com.google.auto.service.AutoService;
import io.asyncj.processor.javac.Exports;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The asyncj compiler: rewrites the body of every {@code @io.asyncj.Async} method, in place, into a
 * resumable state machine that extends {@code io.asyncj.Coroutine}.
 *
 * <p>{@link #process} only records the annotated methods; the rewrite runs once the last round of
 * annotation processing is over (so types other processors generate are visible), before javac
 * attributes anything. It needs javac's internal packages exported to it (see README); without
 * them it reports one error listing the exact {@code --add-exports} flags. It never throws out of
 * javac: a method it cannot rewrite gets a diagnostic on the user's line, and the others go on.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
    private Pipeline pipeline;
    private String unavailable;
    private boolean reportedUnavailable;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("io.asyncj.Async");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        try {
            var missing = Exports.missing();
            if (!missing.isEmpty()) {
                unavailable = "[AsyncMissingExports] the asyncj processor needs javac's internal packages exported"
                        + " to it; add these flags to the JVM that runs javac (Maven: one per line in"
                        + " .mvn/jvm.config, or <fork>true</fork> with -J<flag> compiler args; Gradle:"
                        + " org.gradle.jvmargs): " + Exports.flags(missing);
                return;
            }
            pipeline = Pipeline.create(env);
            if (pipeline == null) {
                unavailable = "[AsyncNotJavac] the asyncj processor runs only inside javac (this compiler's"
                        + " processing environment is " + env.getClass().getName() + "); @Async methods were not"
                        + " rewritten";
            }
        } catch (RuntimeException | LinkageError e) {
            unavailable = "[AsyncInternalError] the asyncj processor could not start: " + e;
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (unavailable != null) {
                if (!reportedUnavailable && !annotations.isEmpty()) {
                    reportedUnavailable = true;
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, unavailable);
                }
                return false;
            }
            for (TypeElement annotation : annotations) {
                for (Element e : round.getElementsAnnotatedWith(annotation)) {
                    if (e instanceof ExecutableElement method) {
                        pipeline.record(method);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[AsyncInternalError] the asyncj processor failed: " + e);
        }
        return false;
    }
}
