package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import java.util.NoSuchElementException;

/** A loop driven by hand: newEventLoop, callbacks before it runs, runUntilComplete, stop, close; misuse. */
public class LoopApi {
    @Async
    static Coroutine<String> value(String x) {
        await(sleep(0));
        return completed(x);
    }

    @Async
    static Coroutine<Void> nested() {
        Coroutine<String> c = value("1");
        try {
            run(c);
        } catch (IllegalStateException e) {
            out("nested run", d(e));
        }
        c = value("2");
        out("first await", await(c));
        try {
            await(c);
        } catch (IllegalStateException e) {
            out("second await", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        try {
            getRunningLoop();
        } catch (IllegalStateException e) {
            out("no loop", d(e));
        }
        EventLoop loop = newEventLoop();
        out("running", loop.isRunning(), loop.isClosed());
        loop.callSoon(() -> out("soon before run"));
        loop.callLater(0.05, () -> out("later before run"));
        out("result", loop.runUntilComplete(value("v")));
        out("result", loop.runUntilComplete(sleep(0.1, "slept")));
        loop.callSoon(loop::stop);
        loop.callSoon(() -> out("after stop is scheduled"));
        loop.runForever();
        out("stopped", loop.isRunning());
        loop.runUntilComplete(nested());
        Future<String> fut = loop.createFuture();
        loop.callSoon(() -> fut.setException(new NoSuchElementException("boom")));
        try {
            loop.runUntilComplete(fut);
        } catch (NoSuchElementException e) {
            out("future failed", d(e));
        }
        loop.close();
        out("closed", loop.isClosed());
        try {
            loop.callSoon(() -> out("x"));
        } catch (IllegalStateException e) {
            out("closed loop", d(e));
        }
    }
}
