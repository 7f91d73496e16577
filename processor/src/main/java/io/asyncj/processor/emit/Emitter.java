package io.asyncj.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.asyncj.processor.lower.Block;
import io.asyncj.processor.lower.Field;
import io.asyncj.processor.lower.Region;
import io.asyncj.processor.lower.StateMachine;
import io.asyncj.processor.lower.Text;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link StateMachine} as Java source: the replacement body of the {@code @Async} method,
 * which declares the state machine as a local class (written with JavaPoet) and returns a new
 * instance of it. The text keeps {@link Text}'s origin markers for {@link PositionMap}.
 */
public final class Emitter {
    private final StateMachine machine;
    private final CharSequence source;
    private final List<String> thrown;

    public Emitter(StateMachine machine, CharSequence source, List<String> thrown) {
        this.machine = machine;
        this.source = source;
        this.thrown = thrown;
    }

    /** The new method body, a block, with origin markers. */
    public String body() {
        TypeSpec.Builder cls = TypeSpec.classBuilder(machine.className())
                .addModifiers(Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ClassName.get("io.asyncj", "Coroutine"), raw(machine.valueType())));
        for (List<String> tv : machine.typeVariables()) {
            TypeName[] bounds = tv.subList(1, tv.size()).stream().map(Emitter::raw).toArray(TypeName[]::new);
            cls.addTypeVariable(TypeVariableName.get(tv.get(0), bounds));
        }
        if (!machine.typeVariables().isEmpty() || machine.needsCast()) {
            // a value written into a field typed with those type variables (of the type javac gave it)
            cls.addMethod(MethodSpec.methodBuilder("$cast")
                    .addModifiers(Modifier.PRIVATE)
                    .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                            .addMember("value", "$S", "unchecked").build())
                    .addTypeVariable(TypeVariableName.get("X"))
                    .returns(TypeVariableName.get("X"))
                    .addParameter(Object.class, "value")
                    .addStatement("return (X) value")
                    .build());
        }
        for (Field f : machine.fields()) {
            FieldSpec.Builder field = FieldSpec.builder(raw(f.type()), f.name(), Modifier.PRIVATE);
            cls.addField(field.build());
        }
        if (!machine.constructorParameters().isEmpty()) {
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            for (String p : machine.constructorParameters()) {
                Field f = machine.fields().stream().filter(x -> x.parameter() && x.name().equals(p)).findFirst().orElseThrow();
                ctor.addParameter(raw(f.type()), p);
                ctor.addStatement("this.$N = $N", p, p);
            }
            cls.addMethod(ctor.build());
        }
        MethodSpec.Builder resume = MethodSpec.methodBuilder("$resume")
                .addAnnotation(Override.class)
                // its states fall through into the next one: no -Xlint:fallthrough warning (or
                // -Werror failure) on the user's lines for a switch the user never wrote
                .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "fallthrough").build())
                .addModifiers(Modifier.PROTECTED)
                .addCode(CodeBlock.of("$L", prologue() + region(machine.root())));
        for (String t : thrown) {
            resume.addException(raw(t));
        }
        cls.addMethod(resume.build());
        if (machine.needsThrowableCast()) {
            // a held exception rethrown as a type variable of the user's (throws E)
            cls.addMethod(MethodSpec.methodBuilder("$as")
                    .addModifiers(Modifier.PRIVATE)
                    .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                            .addMember("value", "$S", "unchecked").build())
                    .addTypeVariable(TypeVariableName.get("X", Throwable.class))
                    .returns(TypeVariableName.get("X"))
                    .addParameter(Throwable.class, "t")
                    .addStatement("return (X) t")
                    .build());
        }
        StringBuilder out = new StringBuilder();
        out.append(Text.OPEN).append('G').append(machine.bodyPos()).append(Text.CLOSE);
        out.append("{\n");
        if (machine.capturesAnonymousThis()) {
            out.append("  final var $this = this;\n"); // an anonymous class's this: no name to qualify it with
        }
        String classText = cls.build().toString();
        if (!machine.memberTypes().isEmpty()) {
            int close = classText.lastIndexOf('}');
            StringBuilder members = new StringBuilder();
            for (Text t : machine.memberTypes()) {
                members.append("\n").append(t.marked()).append("\n");
            }
            classText = classText.substring(0, close) + members + classText.substring(close);
        }
        out.append(indent(classText));
        out.append("  return new ").append(machine.className()).append(machine.typeVariables().isEmpty() ? "(" : "<>(")
                .append(String.join(", ", machine.constructorParameters())).append(");\n");
        out.append("}\n");
        return out.toString();
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("  ").append(line);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static TypeName raw(String text) {
        // Types arrive as source text already (denotable, fully qualified): print them as they are.
        return TypeVariableName.get(text);
    }

    /**
     * {@code $resume} runs on locals: the state and every field are loaded into locals of the same
     * names (which shadow the fields, so the states' code reads the same either way); the paths
     * that park the machine write them back ({@code this.x = x;}). Machines that await futures
     * declare {@code $f}, the done future of the fast path ({@code null} after a resume, where
     * {@code $result($f)} reads the slot as {@code $get()} does).
     */
    private String prologue() {
        StringBuilder sb = new StringBuilder();
        sb.append("int $state = this.$state;\n");
        for (Field f : machine.fields()) {
            sb.append(f.type()).append(' ').append(f.name()).append(" = this.").append(f.name()).append(";\n");
        }
        if (machine.awaitsFuture()) {
            sb.append("io.asyncj.Future<?> $f = null;\n");
        }
        return sb.toString();
    }

    private String region(Region r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.label()).append(": for (;;) {\n");
        sb.append("  switch ($state) {\n");
        List<Object> items = r.items();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Block b) {
                sb.append("    case ").append(b.id()).append(": {");
                if (b.comment() != null) {
                    sb.append(" // line ").append(line(b.commentPos())).append(": ").append(b.comment());
                }
                sb.append('\n');
                appendIndented(sb, b.code().marked(), "      ");
                Block next = b.next();
                if (next != null) {
                    Object following = i + 1 < items.size() ? items.get(i + 1) : null;
                    if (following != next) {
                        sb.append(Text.OPEN).append('G').append(Math.max(0, b.commentPos())).append(Text.CLOSE);
                        sb.append("      $state = ").append(next.id()).append(";\n");
                        sb.append("      continue ").append(Region.lca(b.region(), next.region()).label()).append(";\n");
                    }
                }
                sb.append("    }\n");
            } else {
                Region child = (Region) item;
                sb.append("    ");
                for (int s : child.states()) {
                    sb.append("case ").append(s).append(": ");
                }
                sb.append("\n");
                sb.append(Text.OPEN).append('G').append(child.pos()).append(Text.CLOSE);
                sb.append("      try {\n");
                appendIndented(sb, region(child), "        ");
                sb.append("      }");
                appendIndented(sb, child.handlers().marked(), "      ");
                sb.append("\n");
            }
        }
        sb.append("    default:\n      throw $badState($state);\n");
        sb.append("  }\n}\n");
        return sb.toString();
    }

    /** Indents the lines of generated text; lines that continue a verbatim stretch are left alone. */
    private static void appendIndented(StringBuilder sb, String marked, String indent) {
        boolean verbatim = false;
        boolean lineStart = sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == Text.OPEN) {
                int close = marked.indexOf(Text.CLOSE, i);
                verbatim = marked.charAt(i + 1) == 'V';
                sb.append(marked, i, close + 1);
                i = close;
                continue;
            }
            if (lineStart && !verbatim && c != '\n') {
                sb.append(indent);
            }
            sb.append(c);
            lineStart = c == '\n';
        }
        if (!lineStart) {
            sb.append('\n');
        }
    }

    private int line(int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
