package io.asyncj;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;

/**
 * CPython's {@code reprlib.repr}, which a future's and a task's repr use for their result
 * ({@code <Future finished result='abc'>}), for the values that have a Python counterpart:
 * {@code null} is {@code None}, booleans {@code True}/{@code False}, strings quoted as Python
 * quotes them, integers, floats and lists as Python writes them, each shortened as reprlib shortens it
 * (30 characters of a string, 40 digits, 6 list items, 6 levels). Anything else is its
 * {@code toString()}, as it is.
 */
final class PyRepr {
    private static final int MAX_LEVEL = 6;
    private static final int MAX_LIST = 6;
    private static final int MAX_STRING = 30;
    private static final int MAX_LONG = 40;

    private PyRepr() {}

    static String repr(Object x) {
        return repr(x, MAX_LEVEL, true);
    }

    /** Python's own repr (no reprlib limits), for the values that have a Python counterpart. */
    static String reprFull(Object x) {
        return repr(x, Integer.MAX_VALUE, false);
    }

    private static String repr(Object x, int level, boolean limited) {
        if (x == null) {
            return "None";
        }
        if (x instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (x instanceof CharSequence cs) {
            return limited ? reprStr(cs.toString()) : quote(cs.toString());
        }
        if (x instanceof Double || x instanceof Float) {
            return pyFloat(((Number) x).doubleValue());
        }
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte
                || x instanceof BigInteger) {
            return limited ? shorten(x.toString(), MAX_LONG) : x.toString();
        }
        if (x instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            if (level <= 0) {
                return "[...]";
            }
            StringBuilder sb = new StringBuilder("[");
            Iterator<?> it = list.iterator();
            int max = limited ? MAX_LIST : Integer.MAX_VALUE;
            for (int i = 0; i < max && it.hasNext(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(it.next(), level - 1, limited));
            }
            if (list.size() > max) {
                sb.append(", ...");
            }
            return sb.append(']').toString();
        }
        return String.valueOf(x);
    }

    /**
     * Python's repr of a float: positional from 1e-4 up to 1e16 ({@code 10000000.0} where Java
     * writes {@code 1.0E7}), else {@code 1e+16}, {@code 1.5e-07}.
     */
    static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double a = Math.abs(d);
        if (a >= 1e-4 && a < 1e16) {
            String p = bd.toPlainString();
            return p.indexOf('.') < 0 ? p + ".0" : p;
        }
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int e = Math.abs(exp);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }

    /** reprlib's repr_str: the repr of at most 30 characters, the middle elided as "...". */
    private static String reprStr(String x) {
        String s = quote(x.length() > MAX_STRING ? x.substring(0, MAX_STRING) : x);
        if (s.length() > MAX_STRING) {
            int i = Math.max(0, (MAX_STRING - 3) / 2);
            int j = Math.max(0, MAX_STRING - 3 - i);
            s = quote(x.substring(0, i) + x.substring(x.length() - j));
            s = s.substring(0, i) + "..." + s.substring(s.length() - j);
        }
        return s;
    }

    private static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int i = Math.max(0, (max - 3) / 2);
        int j = Math.max(0, max - 3 - i);
        return s.substring(0, i) + "..." + s.substring(s.length() - j);
    }

    /** Python's repr of a str: single quotes unless it holds a single quote and no double one. */
    static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }
}
