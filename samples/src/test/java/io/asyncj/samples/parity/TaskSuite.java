package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import io.asyncj.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Cases ported from CPython 3.11's test_tasks.py: cancel messages, cancelling()/uncancel(), the
 * cancel semantics tests, wait/as_completed/shield/gather corner cases, current_task. The task's
 * repr is compared up to its coro= part (CPython prints the coroutine's source position, and keeps
 * printing it once the task is done, where asyncj drops the coroutine).
 */
public class TaskSuite {
    static String rs(Object t) {
        String s = t.toString().split(" coro=")[0];
        return s.endsWith(">") ? s.substring(0, s.length() - 1) : s;
    }

    @Async
    static Coroutine<Void> sleep10() {
        await(sleep(10));
        return completed();
    }

    @Async
    static Coroutine<String> nothing() {
        return completed("abc");
    }

    @Async
    static Coroutine<Void> msgCoro(String[] args, boolean result) {
        Task<Void> task = createTask(sleep10());
        await(sleep(0));
        if (args.length == 0) {
            task.cancel();
        } else {
            task.cancel(args[0]);
        }
        await(Asyncio.wait(List.of(task)));
        if (result) {
            task.result();
        } else {
            task.exception();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> msgCoro3() {
        Task<Void> task = createTask(sleep10());
        task.cancel("my message");
        await(Asyncio.wait(List.of(task)));
        task.exception();
        return completed();
    }

    static Future<Void> fut;

    @Async
    static Coroutine<Void> setterSleeper() {
        fut.setResult(null);
        await(sleep(10));
        return completed();
    }

    @Async
    static Coroutine<Void> msgCoro4() {
        Task<Void> innerTask = createTask(setterSleeper());
        await(fut);
        getRunningLoop().callSoon(() -> innerTask.cancel("msg"));
        try {
            await(innerTask);
        } catch (CancelledException ex) {
            throw new IllegalArgumentException("cancelled", ex);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> cancelMessages() {
        Task<String> t = createTask(nothing(), "T");
        out("cancel_message_getter", t.cancel("my message"), rs(t));
        try {
            await(t);
        } catch (CancelledException e) {
            out("cancel_message_getter", d(e), rs(t));
        }
        String[] labels = {"no args", "None", "message"};
        String[][] argss = {{}, {null}, {"my message"}};
        for (int i = 0; i < 3; i++) {
            try {
                await(createTask(msgCoro(argss[i], true)));
            } catch (CancelledException e) {
                out("cancel_with_message_then_result", labels[i], d(e));
            }
            try {
                await(createTask(msgCoro(argss[i], false)));
            } catch (CancelledException e) {
                out("cancel_with_message_then_exception", labels[i], d(e));
            }
        }
        try {
            await(createTask(msgCoro3()));
        } catch (CancelledException e) {
            out("cancel_with_message_before_starting", d(e));
        }
        fut = getRunningLoop().createFuture();
        try {
            await(createTask(msgCoro4()));
        } catch (IllegalArgumentException e) {
            out("cancellation_exception_context", d(e), d(e.getCause()));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> uncancelTask() {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            out("uncancel_basic", "uncancel", currentTask().uncancel());
            await(sleep(10));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> cancelling() {
        Task<Void> t = createTask(sleep10(), "C");
        out("cancelling", t.cancelling(), rs(t));
        out("cancelling", t.cancel(), t.cancelling(), rs(t));
        out("cancelling", t.cancel(), t.cancelling());
        try {
            await(t);
        } catch (CancelledException e) {
            out("cancelling", d(e), t.cancelling(), rs(t));
        }
        t = createTask(uncancelTask(), "U");
        await(sleep(0.01));
        out("uncancel_basic", t.cancel(), rs(t), t.cancelling(), t.isCancelled());
        await(sleep(0.01));
        out("uncancel_basic", rs(t), t.cancelling(), t.isCancelled());
        out("uncancel_basic", t.cancel(), t.cancelling(), t.isCancelled());
        try {
            await(t);
        } catch (CancelledException e) {
            out("uncancel_basic", d(e), t.isCancelled(), t.isDone());
        }
        t.uncancel();
        out("uncancel_basic", t.isCancelled(), t.isDone(), t.cancelling());
        return completed();
    }

    @Async
    static Coroutine<List<Object>> makeRequestWithTimeout(double sleep, double timeout) {
        Task<?> task = currentTask();
        EventLoop loop = getRunningLoop();
        boolean[] timedOut = {false};
        boolean finished = false;
        Integer uncancel = null;
        TimerHandle timeoutHandle = loop.callLater(timeout, () -> {
            timedOut[0] = true;
            task.cancel();
        });
        try {
            boolean cancelled = false;
            try {
                await(sleep(sleep));
                finished = true;
            } catch (CancelledException e) {
                cancelled = true;
                throw e;
            } finally {
                timeoutHandle.cancel();
                if (timedOut[0]) {
                    uncancel = task.uncancel();
                    if (uncancel == 0 && cancelled) {
                        throw new AsyncTimeoutException();
                    }
                }
            }
        } catch (AsyncTimeoutException e) {
            out("structured_blocks", "TimeoutError caught");
        }
        await(sleep(0));
        return completed(java.util.Arrays.asList(timedOut[0], finished, true, uncancel, task.cancelling()));
    }

    @Async
    static Coroutine<Void> structured() {
        Task<List<Object>> t1 = createTask(makeRequestWithTimeout(10.0, 0.01));
        out("structured_blocks", await(t1), t1.cancelling());
        Task<List<Object>> t2 = createTask(makeRequestWithTimeout(0, 10.0));
        out("structured_blocks", await(t2), t2.cancelling());
        return completed();
    }

    @Async
    static Coroutine<Integer> task12() {
        await(sleep(10.0));
        return completed(12);
    }

    @Async
    static Coroutine<Integer> yields() {
        await(sleep(0));
        await(sleep(0));
        return completed(12);
    }

    static Future<Object> f;
    static Future<Object> fut1;
    static Future<Object> fut2;
    static Future<Object> fut3;

    @Async
    static Coroutine<Integer> awaitsF() {
        await(f);
        return completed(12);
    }

    @Async
    static Coroutine<Integer> catching() {
        await(fut1);
        try {
            await(fut2);
        } catch (CancelledException e) {
            return completed(42);
        }
        return completed(null);
    }

    @Async
    static Coroutine<Object> ignoring() {
        await(fut1);
        try {
            await(fut2);
        } catch (CancelledException e) {
            // ignored
        }
        return completed(await(fut3));
    }

    static List<Task<?>> box = new ArrayList<>();

    @Async
    static Coroutine<Integer> cancelSelf() {
        box.get(0).cancel();
        out("cancel_current_task", rs(box.get(0)));
        await(sleep(100));
        return completed(12);
    }

    @Async
    static Coroutine<Integer> cancelAtEnd() {
        box.get(1).cancel();
        return completed(12);
    }

    static List<Task<?>> nestedBox = new ArrayList<>();

    @Async
    static Coroutine<Void> nested() {
        await(f);
        return completed();
    }

    @Async
    static Coroutine<Void> awaitNested() {
        nestedBox.add(createTask(nested()));
        await(sleep(0));
        box.get(2).cancel();
        await(nestedBox.get(0));
        return completed();
    }

    @Async
    static Coroutine<String> doit() {
        Task<Void> sleeper = createTask(sleep(5000));
        getRunningLoop().callLater(0.01, () -> sleeper.cancel());
        try {
            await(sleeper);
        } catch (CancelledException e) {
            return completed("cancelled");
        }
        return completed("slept in");
    }

    static Future<Object> waiter;
    static List<Object> proof = new ArrayList<>();

    @Async
    static Coroutine<Void> passInner() {
        try {
            await(waiter);
        } catch (CancelledException e) {
            proof.add(1);
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> passOuter() {
        try {
            await(passInner());
            proof.add(10);
        } catch (CancelledException e) {
            proof.add(100);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> inner2() {
        await(waiter);
        proof.add(1);
        return completed();
    }

    @Async
    static Coroutine<Void> outer2() {
        await(Asyncio.wait(List.of(createTask(inner2()))));
        proof.add(100);
        return completed();
    }

    @Async
    static Coroutine<Void> cancelSemantics() {
        Task<Integer> t = createTask(task12());
        getRunningLoop().callSoon(() -> t.cancel());
        try {
            await(t);
        } catch (CancelledException e) {
            out("cancel", d(e), t.isDone(), t.isCancelled(), t.cancel());
        }
        Task<Integer> ty = createTask(yields());
        await(sleep(0));
        ty.cancel();
        try {
            await(ty);
        } catch (CancelledException e) {
            out("cancel_yield", d(e), ty.isDone(), ty.isCancelled(), ty.cancel());
        }
        EventLoop loop = getRunningLoop();
        f = loop.createFuture();
        Task<Integer> tf = createTask(awaitsF());
        await(sleep(0));
        f.cancel();
        try {
            await(tf);
        } catch (CancelledException e) {
            out("cancel_inner_future", d(e), f.isCancelled(), tf.isCancelled());
        }
        f = loop.createFuture();
        tf = createTask(awaitsF());
        await(sleep(0));
        f.cancel();
        tf.cancel();
        try {
            await(tf);
        } catch (CancelledException e) {
            out("cancel_both_task_and_inner_future", d(e), tf.isDone(), f.isCancelled(), tf.isCancelled());
        }
        fut1 = loop.createFuture();
        fut2 = loop.createFuture();
        Task<Integer> tc = createTask(catching());
        await(sleep(0));
        fut1.setResult(null);
        await(sleep(0));
        tc.cancel();
        out("cancel_task_catching", fut2.isCancelled(), await(tc), tc.isCancelled(), tc.cancelling());
        fut1 = loop.createFuture();
        fut2 = loop.createFuture();
        fut3 = loop.createFuture();
        Task<Object> ti = createTask(ignoring());
        await(sleep(0));
        fut1.setResult(null);
        await(sleep(0));
        ti.cancel();
        out("cancel_task_ignoring", fut2.isCancelled());
        await(sleep(0));
        fut3.setResult(42);
        out("cancel_task_ignoring", await(ti), fut3.isCancelled(), ti.isCancelled(), ti.cancelling());

        Task<Integer> ts = createTask(cancelSelf(), "S");
        box.add(ts);
        out("cancel_current_task", ts.isCancelled());
        try {
            await(ts);
        } catch (CancelledException e) {
            out("cancel_current_task", d(e), ts.isDone(), ts.isCancelled(), ts.cancel());
        }
        Task<Integer> te = createTask(cancelAtEnd());
        box.add(te);
        try {
            await(te);
        } catch (CancelledException e) {
            out("cancel_at_end", d(e), te.isDone(), te.isCancelled(), te.cancel());
        }
        f = loop.createFuture();
        Task<Void> tn = createTask(awaitNested());
        box.add(tn);
        try {
            await(tn);
        } catch (CancelledException e) {
            out("cancel_awaited_task", d(e), tn.isCancelled(), nestedBox.get(0).isCancelled(), f.isCancelled());
        }
        out("cancel_sleeping_task", await(doit()));

        f = loop.createFuture();
        Task<Integer> tw = createTask(awaitsF());
        await(sleep(0));
        tw.cancel();
        await(sleep(0));
        try {
            await(tw);
        } catch (CancelledException e) {
            out("cancel_waiter_future", d(e), f.isCancelled());
        }

        waiter = loop.createFuture();
        proof.clear();
        Future<Void> fo = ensureFuture(passOuter());
        await(sleep(0));
        fo.cancel();
        await(fo);
        out("yield_future_passes_cancel", proof, waiter.isCancelled(), fo.isCancelled());

        waiter = loop.createFuture();
        proof = new ArrayList<>();
        Future<Void> fo2 = ensureFuture(outer2());
        await(sleep(0));
        fo2.cancel();
        try {
            await(fo2);
        } catch (CancelledException e) {
            out("wait_does_not_shield_cancel", d(e));
        }
        waiter.setResult(null);
        await(sleep(0));
        await(sleep(0));
        out("wait_does_not_shield_cancel", proof);
        return completed();
    }

    @Async
    static Coroutine<String> coroS(String s) {
        return completed(s);
    }

    @Async
    static Coroutine<Void> coro1() {
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> coro2() {
        await(sleep(0));
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> exc() {
        throw new ArithmeticException("err");
    }

    @Async
    static Coroutine<Void> exc2() {
        await(sleep(0.01));
        throw new ArithmeticException("err");
    }

    @Async
    static Coroutine<Void> raisingSleeper() {
        await(sleep(0.02));
        throw new ArithmeticException("really");
    }

    static <T> List<Object> sortedResults(Set<Future<T>> done) {
        List<String> r = new ArrayList<>();
        for (Future<T> f : done) {
            r.add((String) f.result());
        }
        Collections.sort(r);
        return new ArrayList<>(r);
    }

    @Async
    static Coroutine<Void> waits() {
        Task<Void> a = createTask(sleep(0.01));
        Task<Void> b = createTask(sleep(0.02));
        WaitResult<Void> r = await(Asyncio.wait(List.of(b, a)));
        out("wait", r.done().equals(Set.of(a, b)), r.pending().size());
        r = await(Asyncio.wait(List.of(b, a)));
        out("wait again", r.done().equals(Set.of(a, b)), r.pending().size());

        Task<String> c = createTask(coroS("test"));
        WaitResult<String> rs = await(Asyncio.wait(List.of(c, c, createTask(coroS("spam")))));
        out("wait_duplicate", sortedResults(rs.done()), rs.done().size(), rs.pending().size());

        a = createTask(sleep(10.0));
        b = createTask(sleep(0.01));
        r = await(Asyncio.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED, null));
        out("wait_first_completed", r.done().equals(Set.of(b)), r.pending().equals(Set.of(a)), a.isDone(), b.isDone(),
                b.result());
        a.cancel();

        a = createTask(coro1());
        b = createTask(coro2());
        r = await(Asyncio.wait(List.of(b, a), ReturnWhen.FIRST_COMPLETED, null));
        out("wait_really_done", r.done().equals(Set.of(a, b)), a.isDone(), b.isDone());

        a = createTask(sleep(10.0));
        b = createTask(exc());
        r = await(Asyncio.wait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION, null));
        out("wait_first_exception", r.done().equals(Set.of(b)), r.pending().equals(Set.of(a)));

        b = createTask(exc2());
        r = await(Asyncio.wait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION, null));
        out("wait_first_exception_in_wait", r.done().equals(Set.of(b)), r.pending().equals(Set.of(a)),
                d(b.exception()));
        a.cancel();

        a = createTask(sleep(0.01));
        b = createTask(raisingSleeper());
        r = await(Asyncio.wait(List.of(b, a)));
        List<Object> errors = new ArrayList<>();
        for (Future<Void> x : r.done()) {
            if (x.exception() != null) {
                errors.add(d(x.exception()));
            }
        }
        out("wait_with_exception", r.done().size(), r.pending().size(), errors);

        a = createTask(sleep(0.01));
        b = createTask(sleep(0.15));
        r = await(Asyncio.wait(List.of(b, a), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(50)));
        out("wait_with_timeout", r.done().equals(Set.of(a)), r.pending().equals(Set.of(b)));
        b.cancel();

        Task<String> sa = createTask(sleep(0.01, "a"));
        Task<String> sb = createTask(sleep(0.01, "b"));
        rs = await(Asyncio.wait(List.of(sa, sb)));
        out("wait_concurrent_complete", sortedResults(rs.done()), rs.pending().size());

        try {
            await(Asyncio.wait(List.<Task<Void>>of()));
        } catch (IllegalArgumentException e) {
            out("wait_errors", d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> asCompletedTests() {
        Task<String> a = createTask(sleep(0.03, "a"));
        Task<String> b = createTask(sleep(0.01, "b"));
        Task<String> c = createTask(sleep(0.02, "c"));
        List<Object> res = new ArrayList<>();
        for (Coroutine<String> f : asCompleted(List.of(a, b, c))) {
            res.add(await(f));
        }
        out("as_completed", res);

        a = createTask(sleep(0.01, "a"));
        b = createTask(sleep(5, "b"));
        List<Object> values = new ArrayList<>();
        for (Coroutine<String> f : asCompleted(List.of(a, b), 0.05)) {
            try {
                values.add(await(f));
            } catch (AsyncTimeoutException e) {
                values.add(d(e));
            }
        }
        out("as_completed_with_timeout", values);
        b.cancel();

        a = createTask(sleep(0.01, "a"));
        for (Coroutine<String> f : asCompleted(List.of(a), 1)) {
            out("as_completed_unused_timeout", await(f));
        }

        a = createTask(sleep(0.01, "a"));
        b = createTask(sleep(0.03, "b"));
        List<Coroutine<String>> futs = new ArrayList<>();
        for (Coroutine<String> f : asCompleted(List.of(a, b))) {
            futs.add(f);
        }
        out("as_completed_reverse_wait", futs.size(), await(futs.get(1)), await(futs.get(0)));

        a = createTask(sleep(0.01, "a"));
        b = createTask(sleep(0.01, "b"));
        List<Future<String>> ensured = new ArrayList<>();
        for (Coroutine<String> f : asCompleted(List.of(a, b))) {
            ensured.add(ensureFuture(f));
        }
        WaitResult<String> r = await(Asyncio.wait(ensured));
        out("as_completed_concurrent", sortedResults(r.done()));

        Task<String> co = createTask(coroS("ok"));
        List<String> got = new ArrayList<>();
        for (Coroutine<String> f : asCompleted(List.of(co, co, createTask(coroS("spam"))))) {
            got.add(await(f));
        }
        Collections.sort(got);
        out("as_completed_duplicate", got);
        return completed();
    }

    @Async
    static Coroutine<Void> innerC() {
        await(waiter);
        proof.add(1);
        return completed();
    }

    @Async
    static Coroutine<Void> outerC() {
        await(shield(innerC()));
        proof.add(100);
        return completed();
    }

    @Async
    static Coroutine<Void> shields() {
        EventLoop loop = getRunningLoop();
        Future<Integer> inner = loop.createFuture();
        Future<Integer> outer = shield(inner);
        inner.setResult(42);
        out("shield_result", await(outer));

        inner = loop.createFuture();
        outer = shield(inner);
        await(sleep(0));
        inner.setException(new IllegalStateException("expected"));
        await(sleep(0));
        out("shield_exception", d(outer.exception()));

        inner = loop.createFuture();
        outer = shield(inner);
        await(sleep(0));
        inner.cancel();
        await(sleep(0));
        out("shield_cancel_inner", outer.isCancelled());

        inner = loop.createFuture();
        outer = shield(inner);
        await(sleep(0));
        outer.cancel();
        await(sleep(0));
        out("shield_cancel_outer", outer.isCancelled(), inner.isCancelled());
        inner.cancel();

        Future<Integer> done = loop.createFuture();
        done.setResult(42);
        out("shield_shortcut", await(shield(done)));

        waiter = loop.createFuture();
        proof = new ArrayList<>();
        Future<Void> fo = ensureFuture(outerC());
        await(sleep(0));
        fo.cancel();
        try {
            await(fo);
        } catch (CancelledException e) {
            out("shield_effect", d(e));
        }
        waiter.setResult(null);
        await(sleep(0));
        await(sleep(0));
        out("shield_effect", proof);

        Future<Integer> child1 = loop.createFuture();
        Future<Integer> child2 = loop.createFuture();
        Future<List<Integer>> parent = gather(child1, child2);
        Future<List<Integer>> outerG = shield(parent);
        await(sleep(0));
        outerG.cancel();
        await(sleep(0));
        out("shield_gather", outerG.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        await(sleep(0));
        out("shield_gather", parent.result());

        child1 = loop.createFuture();
        child2 = loop.createFuture();
        Future<Integer> inner1 = shield(child1);
        Future<Integer> inner2 = shield(child2);
        parent = gather(inner1, inner2);
        await(sleep(0));
        out("gather_shield", parent.cancel());
        await(sleep(0));
        out("gather_shield", d(parent.exception()), inner1.isCancelled(), inner2.isCancelled(), child1.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        await(sleep(0));
        return completed();
    }

    static Future<Integer> gfut;

    @Async
    static Coroutine<Integer> childCoro() {
        return completed(await(gfut));
    }

    @Async
    static Coroutine<Void> gatherLoop() {
        double t = 0;
        while (true) {
            t += 0.01;
            await(gather(true, sleep(0.01)));
            if (t > 1) {
                return completed();
            }
        }
    }

    @Async
    static Coroutine<Void> gatherMain(String[] args) {
        Task<Void> qwe = createTask(gatherLoop());
        await(sleep(0.035));
        if (args.length == 0) {
            qwe.cancel();
        } else {
            qwe.cancel(args[0]);
        }
        await(qwe);
        return completed();
    }

    @Async
    static Coroutine<Void> innerRaise(Future<Object> f) {
        await(f);
        throw new IllegalStateException("should not be ignored");
    }

    @Async
    static Coroutine<Void> outerRaise(Future<Object> a, Future<Object> b) {
        await(gather(innerRaise(a), innerRaise(b)));
        return completed();
    }

    static List<Future<List<Void>>> gatherer = new ArrayList<>();
    static Task<Void> bc1;
    static Task<Void> bc2;

    @Async
    static Coroutine<Void> broadcastOuter() {
        gatherer.add(gather(bc1, bc2));
        await(gatherer.get(0));
        proof.add(100);
        return completed();
    }

    @Async
    static Coroutine<Void> gathers() {
        EventLoop loop = getRunningLoop();
        gfut = loop.createFuture();
        Future<List<Integer>> gatherFuture = gather(childCoro());
        Future<List<Integer>> gatherTask = ensureFuture(gatherFuture);
        await(sleep(0));
        List<Object> cancelResult = new ArrayList<>();
        gfut.addDoneCallback(x -> cancelResult.add(gatherTask.cancel()));
        gfut.setResult(42);
        out("cancel_gather_1", await(gatherTask), cancelResult, gatherTask.isCancelled());

        String[] labels = {"no args", "message"};
        String[][] argss = {{}, {"my message"}};
        for (int i = 0; i < 2; i++) {
            try {
                await(createTask(gatherMain(argss[i])));
            } catch (CancelledException e) {
                out("cancel_gather_2", labels[i], d(e));
            }
        }

        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(loop.createFuture());
        }
        Future<List<Object>> g = gather(fs);
        List<Object> calls = new ArrayList<>();
        Future<List<Object>> g0 = g;
        g.addDoneCallback(x -> calls.add(x == g0));
        fs.get(0).setResult(1);
        fs.get(1).setException(new ArithmeticException("z"));
        await(sleep(0));
        out("one_exception", g.isDone(), calls, d(g.exception()));
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new IllegalStateException());
        fs.get(4).exception();

        fs.clear();
        for (int i = 0; i < 4; i++) {
            fs.add(loop.createFuture());
        }
        Future<List<Object>> gr = gather(true, fs);
        fs.get(1).setResult(1);
        fs.get(2).setException(new ArithmeticException("z"));
        fs.get(0).setResult(3);
        await(sleep(0));
        out("return_exceptions", gr.isDone());
        fs.get(3).setException(new IllegalStateException("r"));
        await(sleep(0));
        out("return_exceptions", gr.isDone(), gr.result());

        fs.clear();
        for (int i = 0; i < 5; i++) {
            fs.add(loop.createFuture());
        }
        g = gather(fs);
        fs.get(0).setResult(1);
        fs.get(1).cancel();
        await(sleep(0));
        out("one_cancellation", g.isDone(), g.isCancelled(), d(g.exception()));
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new IllegalStateException());
        fs.get(4).exception();

        fs.clear();
        for (int i = 0; i < 6; i++) {
            fs.add(loop.createFuture());
        }
        gr = gather(true, fs);
        fs.get(0).setResult(1);
        fs.get(1).setException(new ArithmeticException("z"));
        fs.get(2).cancel();
        await(sleep(0));
        out("result_exception_one_cancellation", gr.isDone());
        fs.get(3).setResult(3);
        fs.get(4).cancel("msg");
        fs.get(5).setException(new IllegalStateException("r"));
        out("result_exception_one_cancellation", await(gr));

        out("gather_empty", await(gather()));

        waiter = loop.createFuture();
        proof = new ArrayList<>();
        bc1 = (Task<Void>) ensureFuture(inner2());
        bc2 = (Task<Void>) ensureFuture(inner2());
        Future<Void> fb = ensureFuture(broadcastOuter());
        await(sleep(0));
        out("cancellation_broadcast", fb.cancel());
        try {
            await(fb);
        } catch (CancelledException e) {
            out("cancellation_broadcast", d(e));
        }
        out("cancellation_broadcast", gatherer.get(0).cancel(), waiter.isCancelled(), bc1.isCancelled(),
                bc2.isCancelled());
        await(sleep(0));
        out("cancellation_broadcast", proof);

        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        Future<Void> fr = ensureFuture(outerRaise(a, b));
        await(sleep(0));
        a.setResult(null);
        await(sleep(0));
        b.setResult(null);
        await(sleep(0));
        await(sleep(0));
        out("exception_marking", d(fr.exception()));
        return completed();
    }

    static List<Task<?>> tasks = new ArrayList<>();
    static Task<?> current;

    @Async
    static Coroutine<Void> curCoro() {
        out("current_task", currentTask() == current);
        return completed();
    }

    @Async
    static Coroutine<Void> interleave1() {
        out("interleaving", 1, currentTask() == tasks.get(0));
        await(fut1);
        out("interleaving", 1, currentTask() == tasks.get(0));
        fut2.setResult(true);
        return completed();
    }

    @Async
    static Coroutine<Void> interleave2() {
        out("interleaving", 2, currentTask() == tasks.get(1));
        fut1.setResult(true);
        await(fut2);
        out("interleaving", 2, currentTask() == tasks.get(1));
        return completed();
    }

    @Async
    static Coroutine<Void> currents() {
        Task<Void> t = createTask(curCoro());
        current = t;
        await(t);
        EventLoop loop = getRunningLoop();
        fut1 = loop.createFuture();
        fut2 = loop.createFuture();
        Task<Void> t1 = createTask(interleave1());
        tasks.add(t1);
        Task<Void> t2 = createTask(interleave2());
        tasks.add(t2);
        await(Asyncio.wait(List.of(t1, t2)));
        out("interleaving", currentTask().getName());
        return completed();
    }

    @Async
    static Coroutine<Void> reprs() {
        Task<String> t = createTask(nothing(), "R");
        out("task_repr", rs(t));
        t.cancel();
        out("task_repr", rs(t));
        try {
            await(t);
        } catch (CancelledException e) {
            // expected
        }
        out("task_repr", rs(t));
        Task<Void> ta = createTask(sleep(0));
        out("task_repr_autogenerated", rs(ta));
        await(ta);
        Future<Object> f = getRunningLoop().createFuture();
        f.setResult("abc");
        out("future_repr_str", f.toString());
        f = getRunningLoop().createFuture();
        f.setResult(null);
        out("future_repr_none", f.toString());
        f = getRunningLoop().createFuture();
        f.setResult(List.of(1, "x"));
        out("future_repr_list", f.toString());
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(cancelMessages());
        await(cancelling());
        await(structured());
        await(cancelSemantics());
        await(waits());
        await(asCompletedTests());
        await(shields());
        await(gathers());
        await(currents());
        await(reprs());
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        box.clear();
        nestedBox.clear();
        proof = new ArrayList<>();
        gatherer.clear();
        tasks.clear();
        go(main());
    }
}
