package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/** A CancelledException set as a future's exception or thrown by a coroutine on its own, seen through gather, shield, waitFor, TaskGroup. */
public class FutureOdds {
    @Async
    static Coroutine<Void> raisesCancelled() {
        await(sleep(0));
        throw new CancelledException("self-made");
    }

    @Async
    static Coroutine<Void> early() {
        throw new CancelledException();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        Future<Object> f = loop.createFuture();
        f.setException(new CancelledException("as exception"));
        out("cancelled()", f.isCancelled(), f.isDone(), d(f.exception()));
        try {
            await(f);
        } catch (CancelledException e) {
            out("await raised", d(e), currentTask().cancelling());
        }
        f = loop.createFuture();
        f.setException(new AsyncTimeoutException());
        out("timeout as exception", d(f.exception()));
        f = loop.createFuture();
        f.cancel();
        out("cancel twice", f.cancel(), f.isCancelled());
        Task<Void> t = createTask(raisesCancelled());
        try {
            await(t);
        } catch (CancelledException e) {
            out("self-made", d(e), t.isCancelled(), t.cancelling());
        }
        out("me", currentTask().cancelling(), currentTask().isCancelled());
        List<Object> res = await(gather(true, early(), sleep(0, "ok")));
        List<Object> shown = new ArrayList<>();
        for (Object x : res) {
            shown.add(x instanceof Throwable e ? d(e) : x);
        }
        out("gather early", shown);
        Task<Void> s = createTask(raisesCancelled());
        try {
            await(shield(s));
        } catch (CancelledException e) {
            out("shield self-made", d(e), s.isCancelled());
        }
        s = createTask(raisesCancelled());
        try {
            await(waitFor(s, 1));
        } catch (CancelledException e) {
            out("wait_for self-made", d(e), currentTask().cancelling());
        }
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(raisesCancelled());
                tg.createTask(sleep(0.02));
                return completed();
            }));
            out("group fine");
        } catch (Throwable e) {
            out("group", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
