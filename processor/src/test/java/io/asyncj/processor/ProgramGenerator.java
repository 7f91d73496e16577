package io.asyncj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random but valid, terminating method bodies over {@code int} variables, with
 * {@code AWAIT(e)} at random expression positions and {@code RET(e)} for returns. The same body is
 * expanded into a synchronous method and an {@code @Async} one by {@link DifferentialTest}.
 */
final class ProgramGenerator {
    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final List<String> vars = new ArrayList<>();
    private int fresh;
    private boolean arrays;
    private int depth;
    private int loops; // enclosing loops (break/continue allowed)
    private final List<String> labels = new ArrayList<>();
    private final List<String> blockLabels = new ArrayList<>();

    ProgramGenerator(Random random) {
        this.random = random;
    }

    String program() {
        line("int[] arr = {" + expr(0) + ", " + expr(0) + ", 3, 4};");
        arrays = true;
        line("int v0 = " + expr(2) + ";");
        // boxed: a reference-typed local, so hoisted reference fields (nulled when dead) are covered
        line("Integer v1 = " + expr(2) + ";");
        vars.add("v0");
        vars.add("v1");
        int n = 2 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            statement();
        }
        line("return RET(v0 * 31 + v1 + arr[0] + arr[1] * 7 + arr[2] + arr[3] + t.fld * 11 + t.box * 13);");
        return out.toString();
    }

    private void line(String s) {
        out.append("    ".repeat(depth + 1)).append(s).append('\n');
    }

    private String var() {
        return vars.get(random.nextInt(vars.size()));
    }

    private String expr(int budget) {
        int k = random.nextInt(budget <= 0 ? 3 : 28);
        if (k == 8 || k == 10) {
            if (!arrays) {
                k = 0;
            }
        }
        switch (k) {
            case 0:
                return Integer.toString(random.nextInt(10));
            case 1:
                return vars.isEmpty() ? "1" : var();
            case 2:
                return "AWAIT(" + expr(budget - 1) + ")";
            case 3:
                return "t.f(" + expr(budget - 1) + ")";
            case 4:
                return "(" + expr(budget - 1) + " + " + expr(budget - 1) + ")";
            case 5:
                return "(" + expr(budget - 1) + " * " + expr(budget - 1) + ")";
            case 6:
                return "(" + cond(budget - 1) + " ? " + expr(budget - 1) + " : " + expr(budget - 1) + ")";
            case 7:
                return vars.isEmpty() ? "2" : "(" + var() + " += " + expr(budget - 1) + ")";
            case 8:
                return "arr[Math.floorMod(" + expr(budget - 1) + ", 4)]";
            case 9:
                return vars.isEmpty() ? "3" : "(" + var() + (random.nextBoolean() ? "++" : "--") + ")";
            case 10:
                return "(arr[Math.floorMod(" + expr(budget - 1) + ", 4)] -= " + expr(budget - 1) + ")";
            case 12: {
                // a switch expression with awaits in its selector and arms, yield from a nested if (in
                // braces: JDK 17's parser sometimes takes an unbraced `if (...) yield y;` for a call)
                String y = "y" + fresh++;
                return "(switch (Math.floorMod(" + expr(budget - 1) + ", 3)) { case 0 -> " + expr(budget - 1)
                        + "; case 1 -> { int " + y + " = " + expr(budget - 1) + "; if " + cond(budget - 1) + " { yield " + y
                        + "; } yield " + y + " + " + expr(budget - 1) + "; } default -> " + expr(budget - 1) + "; })";
            }
            case 13:
                return vars.isEmpty() ? "4" : "(" + var() + " = " + expr(budget - 1) + ")";
            case 14:
                // ArithmeticException after the operands' awaits (sometimes)
                return random.nextInt(3) == 0
                        ? "(" + expr(budget - 1) + " / Math.floorMod(" + expr(budget - 1) + ", 4))"
                        : "(" + expr(budget - 1) + " % (Math.floorMod(" + expr(budget - 1) + ", 4) + 1))";
            case 15:
                return "(\"s\" + " + expr(budget - 1) + " + " + expr(budget - 1) + " + 'c').length()";
            case 16: {
                if (!arrays) {
                    return "5";
                }
                String[] ops = {"+=", "*=", "^=", "|=", "<<=", ">>=", "-="};
                String op = ops[random.nextInt(ops.length)];
                String rhs = op.contains("<") || op.contains(">") ? "Math.floorMod(" + expr(budget - 1) + ", 3)" : expr(budget - 1);
                return "(arr[Math.floorMod(" + expr(budget - 1) + ", 4)] " + op + " " + rhs + ")";
            }
            case 17: {
                // fields, with a receiver evaluated (and logged) before the right side's awaits
                switch (random.nextInt(5)) {
                    case 0: return "(t.self().fld += " + expr(budget - 1) + ")";
                    case 1: return "(t.fld *= " + expr(budget - 1) + ")";
                    case 2: return "(t.self().fld" + (random.nextBoolean() ? "++" : "--") + ")";
                    case 3: return "(t.self().box += " + expr(budget - 1) + ")";
                    default: return "(t.self().box" + (random.nextBoolean() ? "++" : "--") + ")";
                }
            }
            case 18:
                if (!arrays) {
                    return "6";
                }
                switch (random.nextInt(3)) {
                    case 0: return "(arr[Math.floorMod(" + expr(budget - 1) + ", 4)]" + (random.nextBoolean() ? "++" : "--") + ")";
                    case 1: return "(++arr[Math.floorMod(" + expr(budget - 1) + ", 4)])";
                    // the array is evaluated before the index and the right side: they may replace it
                    default: return "(arr = new int[] {arr[1], arr[2], " + expr(budget - 1) + ", arr[0]})[Math.floorMod("
                            + expr(budget - 1) + ", 4)]";
                }
            case 19:
                // boxing and unboxing
                switch (random.nextInt(3)) {
                    case 0: return "(" + cond(budget - 1) + " ? (Integer) " + expr(budget - 1) + " : Integer.valueOf(" + expr(budget - 1) + "))";
                    case 1: return "Integer.valueOf(" + expr(budget - 1) + ").compareTo(" + expr(budget - 1) + ")";
                    default: return "((Long) (long) " + expr(budget - 1) + ").intValue()";
                }
            case 20:
                return "Math.max(" + expr(budget - 1) + ", " + expr(budget - 1) + ")";
            case 21:
                return "(new int[] {" + expr(budget - 1) + ", " + expr(budget - 1) + "})[Math.floorMod(" + expr(budget - 1) + ", 2)]";
            case 22:
                return "(" + cond(budget - 1) + " ? 1 : 0)";
            case 23:
                if (random.nextBoolean()) {
                    // an awaited thing that fails (when its value is 3 mod 4): thrown in at the await
                    return "AWAITX(" + expr(budget - 1) + ")";
                }
                // fall through
            case 24:
                // a boxed operand (sometimes null) unboxed before the later operands' awaits run
                switch (random.nextInt(arrays ? 4 : 3)) {
                    case 0: return "(t.nb(" + expr(budget - 1) + ") + " + expr(budget - 1) + ")";
                    case 1: return "Math.max(t.nb(" + expr(budget - 1) + "), " + expr(budget - 1) + ")";
                    case 2: return "(t.nb(" + expr(budget - 1) + ") < " + expr(budget - 1) + " ? 1 : 0)";
                    default: return "(arr[Math.floorMod(t.nb(" + expr(budget - 1) + "), 4)] += " + expr(budget - 1) + ")";
                }
            case 25:
                // string conversion of an object operand happens when it is evaluated
                return "(\"\" + t.ts(" + expr(budget - 1) + ") + " + expr(budget - 1) + " + t.ts(" + expr(budget - 1) + ")).length()";
            case 26:
                // the outer instance (sometimes null) is checked before the arguments' awaits run
                return "t.tn(" + expr(budget - 1) + ").new In(" + expr(budget - 1) + ").v";
            default: {
                // a pattern binding read after an await in the same expression
                String b = "b" + fresh++;
                return "((((Object) " + expr(budget - 1) + ") instanceof Integer " + b + " && " + b + " > "
                        + expr(budget - 1) + ") ? " + b + " : " + expr(budget - 1) + ")";
            }
        }
    }

    private String cond(int budget) {
        switch (budget <= 0 ? 0 : random.nextInt(8)) {
            case 0:
                return "(" + expr(budget) + " > " + expr(budget) + ")";
            case 1:
                return "(" + cond(budget - 1) + " && " + cond(budget - 1) + ")";
            case 2:
                return "(" + cond(budget - 1) + " || " + cond(budget - 1) + ")";
            case 3:
                return "(Math.floorMod(" + expr(budget) + ", 3) == 0)";
            case 4:
                return "(!" + cond(budget - 1) + ")";
            case 5:
                // non-short-circuit: both sides always run
                return "(" + cond(budget - 1) + (random.nextBoolean() ? " & " : random.nextBoolean() ? " | " : " ^ ") + cond(budget - 1) + ")";
            case 6:
                return "(" + cond(budget - 1) + " ? " + cond(budget - 1) + " : " + cond(budget - 1) + ")";
            default:
                return "(" + expr(budget) + (random.nextBoolean() ? " == " : " != ") + expr(budget) + ")";
        }
    }

    private void statement() {
        int choice = depth > 3 ? random.nextInt(4) : random.nextInt(35);
        switch (choice) {
            case 0, 1 -> line(var() + " = " + expr(3) + ";");
            case 2 -> line("t.log(" + expr(3) + ");");
            case 3 -> jump();
            case 4 -> {
                line("if " + cond(2) + " {");
                block();
                if (random.nextBoolean()) {
                    line("} else {");
                    block();
                }
                line("}");
            }
            case 5 -> {
                String i = "i" + fresh++;
                maybeLabel();
                line("for (int " + i + " = 0; " + i + " < " + expr(1).replace("AWAIT", "AWAIT") + " % 3; " + i + "++) {");
                loopBody(i);
                line("}");
            }
            case 6 -> {
                String w = "w" + fresh++;
                line("int " + w + " = 0;");
                maybeLabel();
                line("while (" + w + "++ < 2 && " + cond(1) + ") {");
                loopBody(null);
                line("}");
            }
            case 7 -> {
                String d = "d" + fresh++;
                line("int " + d + " = 0;");
                maybeLabel();
                line("do {");
                loopBody(null);
                line("} while (" + d + "++ < " + expr(1) + " % 2);");
            }
            case 8 -> {
                line("try {");
                block();
                // sometimes an exception no catch here takes (a multi-catch's lub would)
                String thrown = random.nextInt(4) == 0 ? "UnsupportedOperationException" : "IllegalStateException";
                line("if " + cond(1) + " throw new " + thrown + "(\"x\" + " + expr(1) + ");");
                String caught = random.nextBoolean() ? "IllegalStateException" : "IllegalStateException | ArithmeticException";
                line("} catch (" + caught + " e" + fresh + ") {");
                depth++;
                // a multi-catch awaits in its body: its handler is generated, not copied
                line("t.log(e" + fresh++ + ".getMessage()" + (caught.contains("|") ? " + AWAIT(1)" : "") + ");");
                depth--;
                block();
                if (random.nextBoolean()) {
                    line("} finally {");
                    block();
                }
                line("}");
            }
            case 9 -> {
                line("try {");
                block();
                line("} finally {");
                block();
                line("}");
            }
            case 10 -> {
                line("switch (Math.floorMod(" + expr(2) + ", 3)) {");
                depth++;
                for (int c = 0; c < 3; c++) {
                    line(c == 2 ? "default:" : "case " + c + ":");
                    loops++;
                    labels.add(null);
                    block();
                    labels.remove(labels.size() - 1);
                    loops--;
                    if (random.nextBoolean()) {
                        line("    break;");
                    }
                }
                depth--;
                line("}");
            }
            case 11 -> {
                line("switch (Math.floorMod(" + expr(2) + ", 3)) {");
                depth++;
                line("case 0 -> t.log(" + expr(2) + ");");
                line("case 1 -> {");
                block();
                line("}");
                line("default -> " + var() + " = " + expr(2) + ";");
                depth--;
                line("}");
            }
            case 12 -> {
                String l = "l" + fresh++;
                line("{");
                depth++;
                line((random.nextBoolean() ? "Integer " : "int ") + l + " = " + expr(2) + ";");
                vars.add(l);
                statement();
                line("t.log(" + l + ");");
                vars.remove(l);
                depth--;
                line("}");
            }
            case 13 -> {
                String y = "y" + fresh++; // named first: expressions may take fresh names too
                line(var() + " = switch (Math.floorMod(" + expr(2) + ", 2)) { case 0 -> " + expr(2)
                        + "; default -> { int " + y + " = " + expr(2) + "; yield " + y + " + " + expr(1) + "; } };");
            }
            case 14 -> {
                // try-with-resources: t.r(v) logs its opening and closing; close() of a value
                // that is 6 mod 7 throws (suppressed when the body threw)
                String r1 = "r" + fresh++;
                String r2 = "r" + fresh++;
                boolean two = random.nextBoolean();
                line("try (T.R " + r1 + " = t.r(" + expr(2) + ")" + (two ? "; T.R " + r2 + " = t.r(" + expr(1) + ")" : "")
                        + ") {");
                depth++;
                line("t.log(" + r1 + ".v);");
                depth--;
                block();
                if (random.nextBoolean()) {
                    String e = "e" + fresh++;
                    line("} catch (IllegalStateException " + e + ") {");
                    depth++;
                    line("t.log(" + e + ".getMessage() + \"/\" + " + e + ".getSuppressed().length);");
                    depth--;
                    block();
                }
                line("}");
            }
            case 15 -> {
                // a pattern binding live across the awaits of a block
                String b = "b" + fresh++;
                line("if (((Object) " + expr(1) + ") instanceof Integer " + b + " && " + cond(1) + ") {");
                depth++;
                line("t.log(" + b + ");");
                depth--;
                block();
                depth++;
                line("t.log(" + b + " + " + expr(1) + ");");
                depth--;
                line("}");
            }
            case 16 -> line("if " + cond(1) + " return RET(" + expr(2) + ");");
            case 17 -> {
                // a labeled block, left by break from nested statements
                String l = "B" + fresh++;
                line(l + ": {");
                blockLabels.add(l);
                block();
                line("    if " + cond(1) + " break " + l + ";");
                block();
                blockLabels.remove(l);
                line("}");
            }
            case 18 -> {
                String x = "x" + fresh++;
                maybeLabel();
                if (random.nextBoolean()) {
                    line("for (int " + x + " : arr) {");
                } else {
                    line("for (Integer " + x + " : java.util.List.of(" + expr(1) + ", " + expr(1) + ")) {");
                }
                loopBody(x);
                line("}");
            }
            case 19 -> {
                // awaits in a for's condition and update
                String i = "i" + fresh++;
                maybeLabel();
                line("for (int " + i + " = " + expr(1) + " % 2; " + i + " < 3 && " + cond(1) + "; " + i + " += 1 + Math.floorMod("
                        + expr(1) + ", 2), t.log(" + expr(1) + ")) {");
                loopBody(i);
                line("}");
            }
            case 20 -> {
                // narrow and wide primitives, compound assignments' implicit casts, live across awaits
                String b = "n" + fresh++;
                String c = "n" + fresh++;
                String g = "n" + fresh++;
                String sh = "n" + fresh++;
                line("{");
                depth++;
                line("byte " + b + " = (byte) (int) " + expr(2) + ";");
                line("char " + c + " = 'a';");
                line("long " + g + " = " + expr(2) + ";");
                line("short " + sh + " = 7;");
                line(b + " += " + expr(2) + " * 40;");
                line(c + " += Math.floorMod(" + expr(2) + ", 20);");
                line(g + " *= " + expr(2) + " + 1000000007L;");
                line(sh + " -= " + expr(2) + " * 1000;");
                statement();
                line(b + "++;");
                line(c + "--;");
                line(g + " >>>= Math.floorMod(" + expr(1) + ", 5);");
                line(sh + " *= " + expr(1) + ";");
                line("t.log(" + b + " + \"/\" + " + c + " + \"/\" + " + g + " + \"/\" + " + sh + ");");
                line("v0 += " + b + " + " + c + " + (int) " + g + " + " + sh + ";");
                depth--;
                line("}");
            }
            case 21 -> {
                // string locals with += across awaits
                String st = "str" + fresh++;
                line("{");
                depth++;
                line("String " + st + " = \"s\" + " + expr(2) + ";");
                line(st + " += " + expr(2) + " + \"-\" + " + expr(1) + ";");
                statement();
                line(st + " += 'q' + " + expr(1) + ";");
                line("t.log(" + st + ");");
                line("v0 += " + st + ".length();");
                depth--;
                line("}");
            }
            case 22 -> {
                // an exception thrown in a catch (after its awaits) and caught by an outer try
                String e1 = "e" + fresh++;
                String e2 = "e" + fresh++;
                line("try {");
                depth++;
                line("try {");
                block();
                line("    if " + cond(1) + " throw new IllegalStateException(\"in\" + " + expr(1) + ");");
                line("} catch (IllegalStateException " + e1 + ") {");
                line("    t.log(" + e1 + ".getMessage() + " + expr(2) + ");");
                line("    if " + cond(1) + " throw new ArithmeticException(\"re\" + " + expr(1) + ");");
                if (random.nextBoolean()) {
                    line("    if " + cond(1) + " throw " + e1 + ";"); // a catch parameter rethrown after awaits
                }
                block();
                line("} finally {");
                line("    t.log(\"f\" + " + expr(2) + ");");
                if (random.nextBoolean()) {
                    block();
                }
                line("}");
                depth--;
                line("} catch (ArithmeticException " + e2 + ") {");
                line("    t.log(" + e2 + ".getMessage() + " + expr(2) + ");");
                block();
                line("}");
            }
            case 23 -> {
                // a string switch statement with awaits in its selector and arms, fall-through
                line("switch (\"k\" + Math.floorMod(" + expr(2) + ", 3)) {");
                depth++;
                for (int c = 0; c < 3; c++) {
                    line(c == 2 ? "default:" : "case \"k" + c + "\":");
                    loops++;
                    labels.add(null);
                    block();
                    labels.remove(labels.size() - 1);
                    loops--;
                    if (random.nextBoolean()) {
                        line("    break;");
                    }
                }
                depth--;
                line("}");
            }
            case 24 -> {
                // a switch expression statement whose arm throws, on a boxed selector
                String sel = "sel" + fresh++;
                String y = "y" + fresh++; // `yield (...)...` JDK 17's parser may take for a call
                line("Integer " + sel + " = Math.floorMod(" + expr(2) + ", 4);");
                line(var() + " = switch (" + sel + ") { case 0, 1 -> " + expr(2) + "; case 2 -> throw new IllegalStateException(\"sw\" + "
                        + expr(1) + "); default -> { t.log(" + expr(1) + "); int " + y + " = " + expr(2) + "; yield " + y + "; } };");
            }
            case 25 -> {
                // a return inside a try whose finally awaits and changes what the return read
                line("try {");
                depth++;
                line("if " + cond(1) + " return RET(v0 + " + expr(2) + ");");
                statement();
                depth--;
                line("} finally {");
                depth++;
                line("v0 = " + expr(2) + ";");
                line("t.log(v0);");
                depth--;
                line("}");
            }
            case 26 -> {
                // catch of an exception thrown by an expression after awaits
                String e = "e" + fresh++;
                line("try {");
                block();
                line("    t.log(" + expr(2) + " / Math.floorMod(" + expr(2) + ", 3));");
                block();
                line("} catch (" + (random.nextBoolean() ? "ArithmeticException" : "RuntimeException") + " " + e + ") {");
                line("    t.log(" + e + ".getMessage() + " + expr(2) + ");");
                block();
                if (random.nextBoolean()) {
                    line("} finally {");
                    block();
                }
                line("}");
            }
            case 27 -> {
                // lambdas made in a loop capture each iteration's own local, read after awaits
                String ls = "ls" + fresh++;
                String i = "i" + fresh++;
                String c = "c" + fresh++;
                line("java.util.List<java.util.function.IntSupplier> " + ls + " = new java.util.ArrayList<>();");
                line("for (int " + i + " = 0; " + i + " < 3; " + i + "++) {");
                depth++;
                line("int " + c + " = " + i + " * 10 + " + expr(2) + ";");
                line("if " + cond(1) + " " + c + "++;");
                line("final int " + c + "f = " + c + ";");
                line(ls + ".add(() -> " + c + "f + t.f(" + c + "f));");
                line("t.log(" + expr(1) + ");");
                depth--;
                line("}");
                statement();
                line("for (java.util.function.IntSupplier s : " + ls + ") t.log(s.getAsInt() + " + expr(1) + ");");
            }
            case 28 -> {
                // a binding of a negated instanceof, in scope after the if (which cannot complete normally)
                String b = "b" + fresh++;
                line("if (!(((Object) " + expr(2) + ") instanceof Integer " + b + ")) throw new IllegalStateException();");
                statement();
                line("t.log(" + b + " + " + expr(2) + ");");
                line("v0 += " + b + ";");
            }
            case 30 -> {
                // an old-style switch expression: colon cases fall through to a yield
                String y = "y" + fresh++;
                line(var() + " = switch (Math.floorMod(" + expr(2) + ", 3)) { case 0: t.log(" + expr(1) + "); case 1: { int " + y
                        + " = " + expr(2) + "; if " + cond(1) + " { yield " + y + "; } t.log(" + y + "); } default: yield 0 + " + expr(2) + "; };");
            }
            case 31 -> {
                // two-level arrays and String arrays: array, index, old value saved before the right side
                String m = "m" + fresh++;
                String sa = "sa" + fresh++;
                line("int[][] " + m + " = {{" + expr(1) + ", 1}, {2, " + expr(1) + "}};");
                line("String[] " + sa + " = {\"p\", \"q\"};");
                line(m + "[Math.floorMod(" + expr(2) + ", 2)][Math.floorMod(" + expr(2) + ", 2)] " + (random.nextBoolean() ? "+=" : "*=") + " " + expr(2) + ";");
                line(sa + "[Math.floorMod(" + expr(2) + ", 2)] += " + expr(2) + " + \"/\" + " + sa + "[Math.floorMod(" + expr(1) + ", 2)];");
                statement();
                line(m + "[Math.floorMod(" + expr(1) + ", 2)][1]++;");
                line("t.log(" + m + "[0][0] + \",\" + " + m + "[0][1] + \",\" + " + m + "[1][0] + \",\" + " + m + "[1][1] + " + sa + "[0] + " + sa + "[1]);");
            }
            case 32 -> {
                // an enum switch expression without default (exhaustive) and an enum switch statement
                String en = "en" + fresh++;
                line("E " + en + " = E.values()[Math.floorMod(" + expr(2) + ", 3)];");
                line(var() + " = switch (" + en + ") { case A -> " + expr(2) + "; case B -> { t.log(" + expr(1) + "); yield 0 + " + expr(2)
                        + "; } case C -> 0 + " + expr(1) + "; };");
                line("switch (" + en + ") {");
                depth++;
                line("case A:");
                loops++;
                labels.add(null);
                block();
                line("case C:");
                block();
                labels.remove(labels.size() - 1);
                loops--;
                depth--;
                line("}");
            }
            case 33 -> {
                // strings with equal hash codes ("Aa", "BB") as case labels, awaits in the arms
                line("switch (Math.floorMod(" + expr(2) + ", 3) == 0 ? \"Aa\" : Math.floorMod(" + expr(1) + ", 2) == 0 ? \"BB\" : \"C\") {");
                depth++;
                line("case \"Aa\" -> t.log(\"Aa\" + " + expr(2) + ");");
                line("case \"BB\" -> {");
                block();
                line("}");
                line("default -> t.log(" + expr(2) + ");");
                depth--;
                line("}");
            }
            case 29 -> {
                // a local declared in a loop body, assigned on both branches, live across awaits
                String z = "z" + fresh++;
                String i = "i" + fresh++;
                line("for (int " + i + " = 0; " + i + " < 2; " + i + "++) {");
                depth++;
                line("int " + z + ";");
                line("if " + cond(1) + " " + z + " = " + expr(2) + "; else " + z + " = " + i + ";");
                line("t.log(" + expr(1) + ");");
                line(z + " += " + expr(1) + ";");
                line("t.log(" + z + ");");
                depth--;
                line("}");
            }
            default -> {
                // an unlabeled continue/break in a while with an await in its condition
                String w = "w" + fresh++;
                line("int " + w + " = 0;");
                line("while (" + w + "++ < " + expr(1) + " % 3) {");
                loops++;
                labels.add(null);
                line("    if " + cond(1) + (random.nextBoolean() ? " continue;" : " break;"));
                block();
                labels.remove(labels.size() - 1);
                loops--;
                line("}");
            }
        }
    }

    private String pendingLabel;

    private void maybeLabel() {
        if (random.nextInt(3) == 0) {
            pendingLabel = "L" + fresh++;
            line(pendingLabel + ":");
        }
    }

    private void loopBody(String counter) {
        String label = pendingLabel;
        pendingLabel = null;
        loops++;
        labels.add(label);
        if (counter != null) {
            vars.add(counter);
        }
        // the counter is read, never written, by the body (writes could loop forever)
        List<String> saved = new ArrayList<>(vars);
        if (counter != null) {
            vars.remove(counter);
            depth++;
            line("t.log(" + counter + ");");
            depth--;
        }
        block();
        vars.clear();
        vars.addAll(saved);
        if (counter != null) {
            vars.remove(counter);
        }
        labels.remove(labels.size() - 1);
        loops--;
    }

    private void jump() {
        if (!blockLabels.isEmpty() && (loops == 0 || random.nextInt(3) == 0)) {
            line("if " + cond(1) + " break " + blockLabels.get(random.nextInt(blockLabels.size())) + ";");
            return;
        }
        if (loops == 0) {
            line("t.log(" + expr(2) + ");");
            return;
        }
        List<String> named = new ArrayList<>();
        for (String l : labels) {
            if (l != null) {
                named.add(l);
            }
        }
        String kind = random.nextBoolean() ? "break" : "continue";
        if ("continue".equals(kind) && labels.get(labels.size() - 1) == null && isSwitchInnermost()) {
            kind = "break";
        }
        String target = "";
        if (!named.isEmpty() && random.nextBoolean()) {
            target = " " + named.get(random.nextInt(named.size()));
        }
        line("if " + cond(1) + " " + kind + target + ";");
    }

    private boolean isSwitchInnermost() {
        return true; // conservative: unlabeled continue only as labeled jumps
    }

    private void block() {
        depth++;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            statement();
        }
        depth--;
    }
}
