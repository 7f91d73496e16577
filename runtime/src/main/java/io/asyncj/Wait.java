package io.asyncj;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link Asyncio#wait}: CPython's {@code _wait}. Parks on a waiter future that the futures' done
 * callbacks (or the timeout) complete, then splits the futures into done and pending. The futures
 * are never cancelled, also not on timeout.
 */
final class Wait<T> extends Coroutine<WaitResult<T>> {
    private final Set<Future<T>> futures;
    private final ReturnWhen returnWhen;
    private final double timeout; // seconds; negative: none
    private Future<Void> waiter;
    private TimerHandle timer;
    private int counter;
    private Consumer<Future<T>> onCompletion;

    Wait(Set<Future<T>> futures, ReturnWhen returnWhen, double timeout) {
        this.futures = futures;
        this.returnWhen = returnWhen;
        this.timeout = timeout;
    }

    @Override
    protected void $resume() {
        switch ($state) {
            case 0:
                SelectorEventLoop loop = Asyncio.runningLoop();
                Future<Void> w = waiter = new Future<>(loop);
                if (timeout >= 0) {
                    timer = loop.callLater(timeout, () -> release(w));
                }
                counter = futures.size();
                onCompletion = f -> {
                    counter--;
                    if (counter <= 0
                            || returnWhen == ReturnWhen.FIRST_COMPLETED
                            || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null)) {
                        if (timer != null) {
                            timer.cancel();
                        }
                        release(w);
                    }
                };
                for (Future<T> f : futures) {
                    f.addDoneCallback(onCompletion);
                }
                if ($await(w, 1)) {
                    return;
                }
            case 1:
                try {
                    $get();
                } finally {
                    if (timer != null) {
                        timer.cancel();
                    }
                    for (Future<T> f : futures) {
                        f.removeDoneCallback(onCompletion);
                    }
                    waiter = null;
                    timer = null;
                    onCompletion = null;
                }
                Set<Future<T>> done = new LinkedHashSet<>();
                Set<Future<T>> pending = new LinkedHashSet<>();
                for (Future<T> f : futures) {
                    (f.isDone() ? done : pending).add(f);
                }
                $complete(new WaitResult<>(done, pending));
                return;
            default:
                throw $badState();
        }
    }

    static void release(Future<?> waiter) {
        if (!waiter.isDone()) {
            ((Future<Object>) waiter).setResult(null);
        }
    }
}
