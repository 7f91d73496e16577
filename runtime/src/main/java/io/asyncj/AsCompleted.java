package io.asyncj;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link Asyncio#asCompleted}: CPython 3.11's {@code as_completed}. The awaitables are scheduled
 * at once; the iterator yields as many coroutines as there were distinct awaitables, and the i-th
 * coroutine awaited returns (or throws) the outcome of the i-th one to finish. After the timeout,
 * the coroutines not yet satisfied throw {@link AsyncTimeoutException}.
 */
final class AsCompleted<T> {
    private final Set<Future<T>> todo = new LinkedHashSet<>();
    /** Finished futures not yet handed out; {@link #timeoutMarker} entries mean "timed out". */
    private final ArrayDeque<Future<T>> done = new ArrayDeque<>();
    /** Stands for "timed out" (an ArrayDeque holds no nulls); created when the timeout fires. */
    private Future<T> timeoutMarker;
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final SelectorEventLoop loop;
    private TimerHandle timer;
    private final Consumer<Future<T>> onCompletion = this::completed;
    private final int count;

    AsCompleted(java.util.Collection<? extends Awaitable<T>> awaitables, double timeout) {
        loop = Asyncio.runningLoop();
        Set<Awaitable<T>> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Awaitable<T> a : awaitables) {
            // Each sleep(0) is one shared object standing for a new coroutine: never a duplicate.
            if (a == Yield.SLEEP_ZERO || seen.add(a)) {
                todo.add(Asyncio.ensureFuture(a));
            }
        }
        count = todo.size();
        for (Future<T> f : todo) {
            f.addDoneCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeout >= 0) {
            timer = loop.callLater(timeout, this::timedOut);
        }
    }

    private void timedOut() {
        timeoutMarker = new Future<>(loop);
        for (Future<T> f : todo) {
            f.removeDoneCallback(onCompletion);
            put(timeoutMarker);
        }
        todo.clear();
    }

    private void completed(Future<T> f) {
        if (todo.isEmpty()) {
            return; // the timeout came first
        }
        todo.remove(f);
        put(f);
        if (todo.isEmpty() && timer != null) {
            timer.cancel();
        }
    }

    /**
     * CPython's {@code done.put_nowait(f)}: the future joins the queue and the first getter still
     * waiting is woken. It takes the future itself when it runs; a getter cancelled in between
     * leaves it there for the next (CPython's {@code Queue.get}), so no outcome is lost.
     */
    private void put(Future<T> f) {
        done.add(f);
        wakeNext();
    }

    private void wakeNext() {
        while (!getters.isEmpty()) {
            Future<Void> g = getters.poll();
            if (!g.isDone()) {
                g.setResult(null);
                return;
            }
        }
    }

    /** One step ({@code _wait_for_one}): wait for the next finished future and return its outcome. */
    private Coroutine<T> next() {
        return new Coroutine<T>() {
            private Future<Void> getter;

            @Override
            protected void $resume() throws Throwable {
                switch ($state) {
                    case 0:
                    case 1:
                        if ($state == 1) {
                            Future<Void> g = getter;
                            getter = null;
                            try {
                                $get();
                            } catch (Throwable e) { // cancelled while waiting: pass the wakeup on
                                g.cancel();
                                getters.remove(g);
                                if (!done.isEmpty() && !g.isCancelled()) {
                                    wakeNext();
                                }
                                throw e;
                            }
                        }
                        while (done.isEmpty()) {
                            Future<Void> g = getter = new Future<>(loop);
                            getters.add(g);
                            if ($await(g, 1)) {
                                return;
                            }
                            getter = null;
                            $get();
                        }
                        Future<T> f = done.poll();
                        if (f == timeoutMarker) {
                            throw new AsyncTimeoutException();
                        }
                        $complete(f.result());
                        return;
                    default:
                        throw $badState();
                }
            }
        };
    }

    Iterable<Coroutine<T>> iterable() {
        List<Coroutine<T>> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            steps.add(next());
        }
        return Collections.unmodifiableList(steps);
    }
}
