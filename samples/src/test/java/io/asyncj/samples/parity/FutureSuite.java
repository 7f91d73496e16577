package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Cases ported from CPython 3.11's test_futures.py (BaseFutureTests' states, cancel messages and
 * reprs; BaseFutureDoneCallbackTests). remove_done_callback returns a count in asyncio and a
 * boolean here (the pinned API): the twin prints count > 0. Reprs with an exception or callbacks
 * are left out (Java's exception text; CPython's callback source positions).
 */
public class FutureSuite {
    static void attempt(String name, Supplier<Object> f) {
        try {
            out(name, f.get());
        } catch (Throwable e) {
            out(name, "raised", d(e));
        }
    }

    static void attemptRun(String name, Runnable f) {
        attempt(name, () -> {
            f.run();
            return null;
        });
    }

    @Async
    static Coroutine<Void> states() {
        EventLoop loop = getRunningLoop();
        Future<Object> f = loop.createFuture();
        out("initial_state", f.isCancelled(), f.isDone());
        f.cancel();
        out("initial_state", f.isCancelled(), f.isDone());

        Future<Object> fc = loop.createFuture();
        out("cancel", fc.cancel(), fc.isCancelled(), fc.isDone());
        attempt("cancel result", fc::result);
        attempt("cancel exception", fc::exception);
        attemptRun("cancel set_result", () -> fc.setResult(null));
        attemptRun("cancel set_exception", () -> fc.setException(new RuntimeException()));
        out("cancel", fc.cancel());

        Future<Object> fr = loop.createFuture();
        attempt("result pending", fr::result);
        attempt("exception pending", fr::exception);
        fr.setResult(42);
        out("result", fr.isCancelled(), fr.isDone(), fr.result(), fr.exception());
        attemptRun("result set_result", () -> fr.setResult(null));
        attemptRun("result set_exception", () -> fr.setException(new RuntimeException()));
        out("result", fr.cancel());

        Future<Object> fe = loop.createFuture();
        RuntimeException exc = new RuntimeException("boom");
        fe.setException(exc);
        out("exception", fe.isCancelled(), fe.isDone(), fe.exception() == exc);
        attempt("exception result", fe::result);
        attemptRun("exception set_result", () -> fe.setResult(null));
        out("exception", fe.cancel());

        Future<Object> fm = loop.createFuture();
        fm.cancel("my message");
        try {
            await(fm);
        } catch (CancelledException e) {
            out("cancel_message", d(e));
        }
        attempt("cancel_message result", fm::result);
        attempt("cancel_message exception", fm::exception);
        out("cancel_message", fm.cancel("other"));

        Future<Object> f2 = loop.createFuture();
        f2.cancel();
        f2.cancel("second");
        attempt("cancel twice", f2::result);

        out("repr", loop.createFuture().toString());
        f = loop.createFuture();
        f.cancel();
        out("repr", f.toString());
        f = loop.createFuture();
        f.setResult(4);
        out("repr", f.toString());
        return completed();
    }

    static Consumer<Future<Object>> make(List<Object> bag, Object thing) {
        return fut -> bag.add(thing);
    }

    @Async
    static Coroutine<Void> callbacks() {
        EventLoop loop = getRunningLoop();
        String[] names = {"remove_first", "remove_first_and_second", "remove_third"};
        int[][] removes = {{0, 0}, {0, 1, 0}, {2, 2}};
        for (int k = 0; k < 3; k++) {
            List<Object> bag = new ArrayList<>();
            Future<Object> f = loop.createFuture();
            List<Consumer<Future<Object>>> cbs = List.of(make(bag, 42), make(bag, 17), make(bag, 100));
            for (Consumer<Future<Object>> cb : cbs) {
                f.addDoneCallback(cb);
            }
            List<Object> removed = new ArrayList<>();
            for (int i : removes[k]) {
                removed.add(f.removeDoneCallback(cbs.get(i)));
            }
            f.setResult("foo");
            out(names[k], bag, removed);
            await(sleep(0));
            out(names[k], bag, f.result());
        }

        List<Object> bag = new ArrayList<>();
        Future<Object> f = loop.createFuture();
        f.addDoneCallback(make(bag, 42));
        f.addDoneCallback(make(bag, 17));
        f.setResult("foo");
        await(sleep(0));
        out("invoked_on_set_result", bag);

        bag = new ArrayList<>();
        f = loop.createFuture();
        f.addDoneCallback(make(bag, 100));
        f.setException(new RuntimeException());
        await(sleep(0));
        out("invoked_on_set_exception", bag, d(f.exception()));

        bag = new ArrayList<>();
        f = loop.createFuture();
        Consumer<Future<Object>> cb1 = make(bag, 1);
        Consumer<Future<Object>> cb2 = make(bag, 2);
        Consumer<Future<Object>> cb3 = make(bag, 3);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        List<Object> r = new ArrayList<>(List.of(f.removeDoneCallback(cb2), f.removeDoneCallback(cb3)));
        f.addDoneCallback(cb2);
        for (int i = 0; i < 5; i++) {
            f.addDoneCallback(cb1);
        }
        r.add(f.removeDoneCallback(cb1));
        f.setResult("foo");
        await(sleep(0));
        out("remove_done_callback", r, bag);

        List<Object> bag2 = new ArrayList<>();
        f = loop.createFuture();
        Consumer<Future<Object>> c2 = make(bag2, 2);
        f.addDoneCallback(fut -> bag2.add("mut " + str(fut.removeDoneCallback(c2))));
        f.addDoneCallback(c2);
        f.addDoneCallback(c2);
        f.setResult(1);
        await(sleep(0));
        out("schedule_callbacks_list_mutation", bag2);

        List<Object> bag3 = new ArrayList<>();
        f = loop.createFuture();
        f.addDoneCallback(make(bag3, "a"));
        f.setResult(1);
        f.addDoneCallback(make(bag3, "b"));
        loop.callSoon(() -> bag3.add("soon"));
        f.addDoneCallback(make(bag3, "c"));
        out("done then add", bag3, f.removeDoneCallback(make(bag3, "x")));
        await(sleep(0));
        out("done then add", bag3);

        List<Object> bag4 = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> seen.add(d(ctx.exception())));
        f = loop.createFuture();
        f.addDoneCallback(fut -> {
            throw new ArithmeticException("division by zero");
        });
        f.addDoneCallback(make(bag4, "after"));
        f.setResult(1);
        await(sleep(0));
        out("raising callback", bag4, seen);
        loop.setExceptionHandler(null);
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(states());
        await(callbacks());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
