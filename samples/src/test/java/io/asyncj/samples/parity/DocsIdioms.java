package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.StreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The asyncio idioms a port writes in Java: walrus loops over readline, awaits in conditions, ternaries, switches. */
public class DocsIdioms {
    @Async
    static <T> Coroutine<T> value(T x) {
        await(sleep(0));
        return completed(x);
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        StreamReader r = new StreamReader();
        r.feedData("a\nbb\nccc\n".getBytes(StandardCharsets.UTF_8));
        r.feedEof();
        List<Integer> lines = new ArrayList<>();
        byte[] line;
        while ((line = await(r.readline())).length > 0) {
            lines.add(line.length);
        }
        out("walrus", lines);
        int n = 0;
        while (await(value(n)) < 3) {
            n++;
        }
        out("while cond", n);
        n = 0;
        do {
            n++;
        } while (await(value(n < 4)));
        out("do-while", n);
        out("ternary", await(value(true)) ? await(value("a")) : await(value("b")),
                await(value(false)) ? await(value("a")) : await(value("b")));
        int total = 0;
        for (int i = 0; i < await(value(4)); i++) {
            if (i == await(value(1))) {
                continue;
            }
            if (i == await(value(3))) {
                break;
            }
            total += await(value(i * 10));
        }
        out("for", total);
        int res = switch (await(value("two"))) {
            case "one" -> await(value(1));
            case "two" -> await(value(2)) + await(value(20));
            default -> -1;
        };
        out("switch", res);
        Object x = await(value("str"));
        out("instanceof", x instanceof String s ? (Object) s.length() : (Object) false);
        List<String> acc = new ArrayList<>();
        outer:
        for (int o = 0; o < 3; o++) {
            for (int in = 0; in < 3; in++) {
                if (in == await(value(2))) {
                    break;
                }
                if (o == await(value(1))) {
                    continue outer;
                }
                acc.add("(" + o + ", " + in + ")");
            }
        }
        out("labeled", "[" + String.join(", ", acc) + "]");
        int s = 0;
        s += await(value(5));
        s *= await(value(3));
        out("compound", s);
        List<Integer> arr = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            arr.add(await(value(i)));
        }
        List<Integer> doubled = new ArrayList<>();
        for (int i : arr) {
            doubled.add(await(value(i)) * 2);
        }
        out("list", arr, doubled);
        int zero = await(value(0));
        out("short-circuit", false && await(value(true)), true || await(value(false)), zero != 0 ? zero : await(value(9)));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
