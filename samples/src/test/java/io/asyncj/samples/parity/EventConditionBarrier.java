package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncBrokenBarrierException;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** Event set/clear, Condition.waitFor with signalAll, Barrier indexes, abort and reset. */
public class EventConditionBarrier {
    @Async
    static Coroutine<Void> evWaiter(AsyncEvent ev, String name) {
        out(name, "waits");
        out(name, "woke", await(ev.waitAsync()));
        return completed();
    }

    @Async
    static Coroutine<Void> condWaiter(AsyncCondition cond, String name, List<String> box) {
        await(cond.acquire());
        try {
            out(name, "waits");
            await(cond.waitFor(() -> !box.isEmpty() && box.get(0).equals(name)));
            out(name, "got it", cond.locked());
            box.remove(box.size() - 1);
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierParty(AsyncBarrier barrier, String name, double delay) {
        await(sleep(delay));
        try {
            int i = await(barrier.waitAsync());
            out(name, "passed", i);
        } catch (AsyncBrokenBarrierException e) {
            out(name, "broken", d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncEvent ev = new AsyncEvent();
        List<Task<Void>> ts = new ArrayList<>();
        ts.add(createTask(evWaiter(ev, "e1")));
        ts.add(createTask(evWaiter(ev, "e2")));
        await(sleep(0));
        ev.set();
        ev.clear();
        await(gather(ts));
        out("set", ev.isSet());
        ev.set();
        out("already set", await(ev.waitAsync()));
        AsyncCondition cond = new AsyncCondition();
        List<String> box = new ArrayList<>();
        ts.clear();
        for (String n : List.of("c1", "c2", "c3")) {
            ts.add(createTask(condWaiter(cond, n, box)));
        }
        await(sleep(0.001));
        for (String name : List.of("c2", "c3", "c1")) {
            await(cond.acquire());
            try {
                box.add(name);
                cond.signalAll();
            } finally {
                cond.release();
            }
            await(sleep(0.001));
        }
        await(gather(ts));
        try {
            cond.signal();
        } catch (IllegalStateException e) {
            out("notify", d(e));
        }
        AsyncBarrier barrier = new AsyncBarrier(3);
        await(gather(barrierParty(barrier, "b1", 0), barrierParty(barrier, "b2", 0.001), barrierParty(barrier, "b3", 0.002)));
        out("parties", barrier.parties(), barrier.nWaiting(), barrier.broken());
        ts.clear();
        ts.add(createTask(barrierParty(barrier, "x1", 0)));
        ts.add(createTask(barrierParty(barrier, "x2", 0)));
        await(sleep(0.01));
        out("waiting", barrier.nWaiting());
        await(barrier.abort());
        await(gather(ts));
        out("broken", barrier.broken());
        await(barrierParty(barrier, "late", 0));
        await(barrier.reset());
        out("after reset", barrier.broken(), barrier.nWaiting());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
