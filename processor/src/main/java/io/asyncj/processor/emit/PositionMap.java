package io.asyncj.processor.emit;

import io.asyncj.processor.lower.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Maps offsets in generated text back to the user's source. Built from text carrying
 * {@link Text} markers after formatting: a verbatim stretch maps character by character (line by
 * line when formatting re-indented it), glue maps to the statement it implements.
 */
public final class PositionMap implements IntUnaryOperator {
    private final String text;
    private final CharSequence source;
    private final int fallback;
    private final List<int[]> segments = new ArrayList<>(); // {generatedStart, verbatim ? 1 : 0, originalStart}

    private PositionMap(String marked, CharSequence source, int fallback) {
        this.source = source;
        this.fallback = fallback;
        StringBuilder out = new StringBuilder(marked.length());
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == Text.OPEN) {
                char kind = marked.charAt(i + 1);
                int close = marked.indexOf(Text.CLOSE, i);
                int orig = Integer.parseInt(marked.substring(i + 2, close));
                segments.add(new int[] {out.length(), kind == 'V' ? 1 : 0, orig});
                i = close;
            } else {
                out.append(c);
            }
        }
        this.text = out.toString();
    }

    /** Strips the markers from {@code marked}; offsets outside any marker map to {@code fallback}. */
    public static PositionMap of(String marked, CharSequence source, int fallback) {
        return new PositionMap(marked, source, fallback);
    }

    /** The generated text without markers. */
    public String text() {
        return text;
    }

    @Override
    public int applyAsInt(int generated) {
        if (generated < 0) {
            return generated;
        }
        int lo = 0;
        int hi = segments.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid)[0] <= generated) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return fallback;
        }
        int[] seg = segments.get(found);
        if (seg[1] == 0) {
            return seg[2];
        }
        int genLine = seg[0];
        int origLine = seg[2];
        int lines = 0;
        for (int i = seg[0]; i < generated && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
                genLine = i + 1;
            }
        }
        if (lines == 0) {
            return clamp(seg[2] + (generated - seg[0]));
        }
        for (int n = 0, i = seg[2]; n < lines && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                n++;
                origLine = i + 1;
            }
        }
        int column = generated - genLine;
        int delta = leading(text, genLine) - leading(source, origLine);
        return clamp(origLine + Math.max(0, column - delta));
    }

    private int clamp(int p) {
        return Math.max(0, Math.min(p, source.length()));
    }

    private static int leading(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i - from;
    }
}
