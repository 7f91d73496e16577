package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Asyncio;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.List;

/** Which awaits give up the loop and for how many iterations: a ticker task counts them. */
public class YieldPoints {
    static int ticks;

    @Async
    static Coroutine<Void> ticker() {
        while (true) {
            await(sleep(0));
            ticks++;
        }
    }

    @Async
    static Coroutine<Integer> value() {
        return completed(1);
    }

    @Async
    static Coroutine<Void> noop(TaskGroup tg) {
        return completed();
    }

    @Async
    static Coroutine<Void> one(TaskGroup tg) {
        tg.createTask(value());
        return completed();
    }

    static void step(String what) {
        out(what, "ticks", ticks);
    }

    @Async
    static Coroutine<Void> main() {
        ticks = 0;
        EventLoop loop = getRunningLoop();
        Task<Void> t = createTask(ticker());
        await(sleep(0));
        step("start");
        await(value());
        step("coroutine");
        Future<Integer> f = loop.createFuture();
        f.setResult(1);
        await(f);
        step("done future");
        AsyncLock lock = new AsyncLock();
        await(lock.acquire());
        step("free lock");
        lock.release();
        AsyncSemaphore sem = new AsyncSemaphore(1);
        await(sem.acquire());
        step("free semaphore");
        AsyncEvent ev = new AsyncEvent();
        ev.set();
        await(ev.waitAsync());
        step("set event");
        AsyncQueue<Integer> q = new AsyncQueue<>();
        await(q.put(1));
        step("queue put");
        await(q.get());
        step("queue get");
        q.taskDone();
        await(q.join());
        step("queue join");
        Task<Integer> done = createTask(value());
        await(sleep(0));
        step("task ran");
        await(done);
        step("done task");
        await(shield(done));
        step("shield done");
        await(gather(done));
        step("gather done");
        await(gather());
        step("gather empty");
        await(Asyncio.wait(List.of(done)));
        step("wait done");
        await(timeout(1, value()));
        step("timeout scope");
        await(TaskGroup.run(tg -> noop(tg)));
        step("empty task group");
        await(TaskGroup.run(tg -> one(tg)));
        step("task group");
        await(sleep(0));
        step("sleep 0");
        AsyncCondition cond = new AsyncCondition();
        await(cond.acquire());
        try {
            cond.signal();
        } finally {
            cond.release();
        }
        step("condition");
        for (Coroutine<Integer> c : asCompleted(List.of(done))) {
            await(c);
        }
        step("as_completed done");
        await(gather(value(), value()));
        step("gather coroutines");
        t.cancel();
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
