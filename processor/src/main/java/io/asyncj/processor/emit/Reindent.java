package io.asyncj.processor.emit;

/**
 * Re-indents the readable copy of a generated body by brace depth (two spaces a level), so glue and
 * the user's verbatim lines line up. Only for the {@code .asyncj.txt} file: the text javac compiles
 * keeps its layout (its offsets map back to the user's source). Lines inside text blocks and block
 * comments are left exactly as they are; braces in strings, characters and comments do not count.
 */
public final class Reindent {
    private Reindent() {}

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int depth = 0;
        boolean inTextBlock = false;
        boolean inComment = false;
        boolean[] labelled = new boolean[512];
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (inTextBlock || inComment) {
                out.append(line);
            } else {
                String body = line.strip();
                int d = depth;
                if (body.startsWith("}") || body.startsWith(")")) {
                    d--;
                }
                boolean label = (body.startsWith("case ") || body.startsWith("default:")) && body.endsWith(":");
                boolean labelLine = label || body.startsWith("case ") || body.startsWith("default:");
                // statements under a bare `case N:` label sit one level deeper than the label
                if (d >= 0 && d < labelled.length && (body.startsWith("}") || labelLine)) {
                    for (int k = d + 1; k < labelled.length; k++) {
                        labelled[k] = false;
                    }
                }
                int shown = d;
                for (int k = 0; k < d && k < labelled.length; k++) {
                    shown += labelled[k] ? 1 : 0;
                }
                if (d >= 0 && d < labelled.length) {
                    if (labelLine) {
                        labelled[d] = label;
                    } else if (labelled[d]) {
                        shown++;
                    }
                }
                if (!body.isEmpty()) {
                    out.append("  ".repeat(Math.max(0, shown))).append(body);
                }
            }
            // scan the line for the depth after it and the state carried to the next line
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inComment) {
                    if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                        inComment = false;
                        i++;
                    }
                } else if (inTextBlock) {
                    if (c == '\\') {
                        i++;
                    } else if (line.startsWith("\"\"\"", i)) {
                        inTextBlock = false;
                        i += 2;
                    }
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    break;
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                    inComment = true;
                    i++;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    for (i++; i < line.length() && line.charAt(i) != c; i++) {
                        if (line.charAt(i) == '\\') {
                            i++;
                        }
                    }
                } else if (c == '{' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ')') {
                    depth--;
                }
            }
            if (n + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
