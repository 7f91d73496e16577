package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Awaits inside try/finally with return, continue, break; rethrowing from catch; short-circuits; loops; switch. */
public class ControlFlow {
    @Async
    static <T> Coroutine<T> v(T x) {
        await(sleep(0));
        return completed(x);
    }

    @Async
    static Coroutine<Void> boom(String msg) {
        await(sleep(0));
        throw new IllegalArgumentException(msg);
    }

    @Async
    static Coroutine<String> returnInTry() {
        try {
            return completed(await(v("from try")));
        } finally {
            out("finally sees", await(v("cleanup")));
        }
    }

    @Async
    static Coroutine<Integer> loopWithFinally() {
        int total = 0;
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 1) {
                    continue;
                }
                if (i == 3) {
                    break;
                }
                total += await(v(i));
            } finally {
                out("finally", i, await(v(total)));
            }
        }
        return completed(total);
    }

    @Async
    static Coroutine<Void> catchRethrow() {
        try {
            await(boom("first"));
        } catch (IllegalArgumentException e) {
            out("caught", d(e));
            try {
                await(boom("second"));
            } catch (IllegalArgumentException e2) {
                out("nested caught", d(e2));
            }
            NoSuchElementException k = new NoSuchElementException("from except");
            k.initCause(e);
            throw k;
        }
        return completed();
    }

    @Async
    @SuppressWarnings("finally")
    static Coroutine<String> finallyOverrides() {
        for (int i = 0; i < 1; i++) {
            try {
                await(boom("lost"));
            } finally {
                await(v(0));
                break;
            }
        }
        return completed("break in finally swallowed it");
    }

    @Async
    static <T> Coroutine<T> t(List<Object> calls, T x) {
        calls.add(x);
        return v(x);
    }

    @Async
    static Coroutine<Integer> shortCircuit(List<Object> calls) {
        if (await(t(calls, false)) && await(t(calls, true))) {
            out("no");
        }
        if (await(t(calls, true)) || await(t(calls, false))) {
            out("or short-circuits");
        }
        return completed(await(t(calls, 1)) + await(t(calls, 2)) * await(t(calls, 3)));
    }

    @Async
    static Coroutine<Void> main() {
        out(await(returnInTry()));
        out("total", await(loopWithFinally()));
        try {
            await(catchRethrow());
        } catch (NoSuchElementException e) {
            out("outer", d(e), d(e.getCause()));
        }
        out(await(finallyOverrides()));
        List<Object> calls = new ArrayList<>();
        out("arith", await(shortCircuit(calls)), calls);
        int n = 0;
        while (await(v(n)) < 3) {
            n++;
        }
        out("while", n);
        List<Integer> results = new ArrayList<>();
        List<String> xs = new ArrayList<>();
        for (String c : List.of("a", "b", "c")) {
            xs.add(await(v(c)));
        }
        for (String x : xs) {
            switch (await(v(x))) {
                case "a":
                    results.add(1);
                    break;
                case "b":
                    results.add(await(v(2)));
                    break;
                default:
                    results.add(0);
            }
        }
        out("switch", results);
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
