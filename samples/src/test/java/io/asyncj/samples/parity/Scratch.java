package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.*;
import java.util.*;

public class Scratch {
    static List<Object> log = new ArrayList<>();

    @Async
    static Coroutine<Void> party(AsyncBarrier b, String name) {
        try {
            int i = await(b.waitAsync());
            log.add(name + ":" + i);
        } catch (CancelledException e) {
            log.add(name + ":cancelled");
            throw e;
        } catch (AsyncBrokenBarrierException e) {
            log.add(name + ":broken");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        for (int variant = 0; variant < 4; variant++) {
            log.clear();
            AsyncBarrier b = new AsyncBarrier(3);
            List<Task<Void>> ts = new ArrayList<>(List.of(createTask(party(b, "A")), createTask(party(b, "B"))));
            await(sleep(0));
            Task<Void> c = createTask(party(b, "C"));
            await(sleep(0));
            if (variant == 0) ts.get(0).cancel();
            else if (variant == 1) ts.get(1).cancel();
            List<Task<Void>> ds = new ArrayList<>();
            for (String n : List.of("D", "E", "F")) ds.add(createTask(party(b, n)));
            if (variant == 2) {
                await(sleep(0));
                ds.get(0).cancel();
            }
            if (variant == 3) {
                ts.get(0).cancel();
                ds.get(1).cancel();
            }
            await(sleep(0.01));
            List<Task<Void>> all = new ArrayList<>(ts);
            all.add(c);
            all.addAll(ds);
            List<Object> done = new ArrayList<>();
            for (Task<Void> t : all) done.add(t.isDone());
            out(variant, log, b.toString().split("\\[")[1], done);
            for (Task<Void> t : all) t.cancel();
            await(gather(true, new ArrayList<>(all)));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
