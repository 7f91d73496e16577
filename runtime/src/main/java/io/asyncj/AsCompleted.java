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
    private final ArrayDeque<Future<Future<T>>> getters = new ArrayDeque<>();
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

    private void put(Future<T> f) {
        while (!getters.isEmpty()) {
            Future<Future<T>> g = getters.poll();
            if (!g.isDone()) {
                g.setResult(f);
                return;
            }
        }
        done.add(f);
    }

    /** One step: wait for the next finished future and return its outcome. */
    private Coroutine<T> next() {
        return new Coroutine<T>() {
            @Override
            protected void $resume() {
                switch ($state) {
                    case 0:
                        Future<Future<T>> g = new Future<>(loop);
                        if (!done.isEmpty()) {
                            g.setResult(done.poll());
                        } else {
                            getters.add(g);
                        }
                        if ($await(g, 1)) {
                            return;
                        }
                    case 1:
                        Future<T> f = this.<Future<T>>$get();
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
