package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.List;

/** gather: fail-fast, returnExceptions, cancelling the gather, duplicates, done futures, a cancelled child. */
public class GatherEdges {
    static class Boom extends RuntimeException {
        Boom(String m) {
            super(m);
        }
    }

    @Async
    static Coroutine<String> work(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
            if (fail) {
                throw new Boom(name);
            }
            out("done", name);
            return completed(name);
        } catch (CancelledException e) {
            out("cancelled", name, d(e));
            throw e;
        }
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(gather(work("a", 0.2, false), work("b", 0.02, true), work("c", 0.3, false)));
        } catch (Boom e) {
            out("gather raised", d(e));
        }
        await(sleep(0.35));
        List<Object> r = await(gather(true, work("d", 0.005, false), work("e", 0.001, true)));
        out("with exceptions", r);
        Future<List<String>> g = gather(work("f", 1, false), work("g", 1, false));
        await(sleep(0));
        out("cancel gather", g.cancel("stop"));
        try {
            await(g);
        } catch (CancelledException e) {
            out("gather cancelled", d(e), g.isCancelled());
        }
        out("empty", await(gather()));
        Task<String> t = createTask(work("h", 0.001, false), "named");
        out("same twice", await(gather(t, t, work("i", 0, false))));
        Future<Object> f = getRunningLoop().createFuture();
        f.setResult(5);
        out("done future", await(gather(f, sleep(0, "x"))));
        Task<String> v = createTask(work("v", 1, false));
        Future<List<Object>> g2 = gather(true, v, work("w", 0.01, false));
        await(sleep(0));
        v.cancel();
        try {
            out("child cancelled", await(g2));
        } catch (CancelledException e) {
            out("g2 raised", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
