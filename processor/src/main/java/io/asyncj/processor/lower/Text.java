package io.asyncj.processor.lower;

/**
 * Generated Java text that remembers where each piece came from: verbatim stretches of the user's
 * source carry their original offset, glue carries the offset of the user statement it implements.
 * The origins travel as invisible markers ({@code \u0001V123\u0002} / {@code \u0001G123\u0002})
 * through formatting; {@link io.asyncj.processor.emit.PositionMap} strips them and keeps the map.
 */
public final class Text {
    public static final char OPEN = '\u0001';
    public static final char CLOSE = '\u0002';

    private final StringBuilder sb = new StringBuilder();
    /** Locals this text reads or writes, so the state it ends up in is known to touch them. */
    final java.util.Set<Object> locals = new java.util.LinkedHashSet<>();

    /** Appends {@code source[start, end)} as a verbatim stretch starting at original {@code start}. */
    public Text verbatim(CharSequence source, int start, int end) {
        if (end > start) {
            sb.append(OPEN).append('V').append(start).append(CLOSE).append(source, start, end);
        }
        return this;
    }

    /** Appends generated {@code code} that implements the user code at original offset {@code pos}. */
    public Text glue(int pos, String code) {
        sb.append(OPEN).append('G').append(Math.max(0, pos)).append(CLOSE).append(code);
        return this;
    }

    /** Appends another text with its own origins. */
    public Text append(Text other) {
        sb.append(other.sb);
        locals.addAll(other.locals);
        return this;
    }

    /** Length of the marked text, an offset for {@link #insertGlue}. */
    int length() {
        return sb.length();
    }

    /** Inserts glue at {@code offset} of the marked text (a boundary between appended pieces). */
    void insertGlue(int offset, int pos, String code) {
        sb.insert(offset, OPEN + "G" + Math.max(0, pos) + CLOSE + code);
    }

    /** Length {@link #insertGlue} adds for {@code code} at {@code pos}. */
    static int glueLength(int pos, String code) {
        return 3 + String.valueOf(Math.max(0, pos)).length() + code.length();
    }

    public boolean isEmpty() {
        return sb.length() == 0;
    }

    /** The text with its markers, for {@link io.asyncj.processor.emit.PositionMap}. */
    public String marked() {
        return sb.toString();
    }

    /** The text as Java source, markers removed. */
    @Override
    public String toString() {
        return strip(sb);
    }

    /** {@code marked} without its markers. */
    public static String strip(CharSequence marked) {
        StringBuilder out = new StringBuilder(marked.length());
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                while (marked.charAt(i) != CLOSE) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
