package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncBrokenBarrierException;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import java.util.ArrayList;
import java.util.List;

/** Barrier reset and abort with waiters and more parties than fit; timers in the past; a semaphore releasing several. */
public class BarrierAndTimers {
    @Async
    static Coroutine<Void> party(AsyncBarrier b, String name) {
        try {
            out(name, "index", await(b.waitAsync()));
        } catch (AsyncBrokenBarrierException e) {
            out(name, "broken", d(e), b.broken());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> acq(AsyncSemaphore s, int n) {
        await(s.acquire());
        out("acquired", n);
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        AsyncBarrier b = new AsyncBarrier(3);
        List<Task<Void>> ts = new ArrayList<>();
        for (String n : List.of("a", "b")) {
            ts.add(createTask(party(b, n)));
        }
        await(sleep(0));
        await(b.reset());
        await(gather(ts));
        out("after reset", b.broken(), b.nWaiting());
        ts = new ArrayList<>();
        for (String n : List.of("c", "d", "e", "f", "g")) {
            ts.add(createTask(party(b, n)));
        }
        await(gather(ts.subList(0, 3)));
        out("waiting", b.nWaiting());
        await(b.abort());
        await(gather(ts));
        AsyncBarrier b2 = new AsyncBarrier(1);
        out("single", await(b2.waitAsync()), await(b2.waitAsync()));
        loop.callLater(-1, () -> out("negative delay"));
        loop.callAt(loop.time() - 5, () -> out("past call_at"));
        loop.callSoon(() -> out("soon"));
        TimerHandle h = loop.callLater(0.01, () -> out("timer"));
        out("when is later", h.when() > loop.time());
        await(sleep(0.02));
        AsyncEvent e = new AsyncEvent();
        loop.callLater(0.01, e::set);
        out("event by timer", await(e.waitAsync()));
        AsyncSemaphore s = new AsyncSemaphore(0);
        List<Task<Void>> as = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            as.add(createTask(acq(s, n)));
        }
        await(sleep(0));
        s.release();
        s.release();
        await(sleep(0));
        List<Boolean> done = new ArrayList<>();
        for (Task<Void> t : as) {
            done.add(t.isDone());
        }
        out("value", s.value(), done);
        s.release();
        await(gather(as));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
