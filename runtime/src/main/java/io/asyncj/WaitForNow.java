package io.asyncj;

/**
 * {@link Asyncio#waitFor} with a timeout of zero or less (asyncio 3.12): the value if the work is
 * already done, else the work is cancelled, waited for, and its value returned if it finished
 * anyway, or {@link AsyncTimeoutException} thrown.
 */
final class WaitForNow<T> extends Coroutine<T> {
    private Awaitable<T> awaitable;
    private Future<T> future;
    private java.util.function.Consumer<Future<T>> release;

    WaitForNow(Awaitable<T> awaitable) {
        this.awaitable = awaitable;
    }

    @Override
    protected void $resume() {
        switch ($state) {
            case 0:
                Future<T> f = future = Asyncio.ensureFuture(awaitable);
                awaitable = null;
                if (f.isDone()) {
                    $complete(f.result());
                    return;
                }
                Future<Void> waiter = new Future<>(f.loop);
                release = x -> Wait.release(waiter);
                f.addDoneCallback(release);
                f.cancel();
                if ($await(waiter, 1)) {
                    return;
                }
            case 1:
                try {
                    $get();
                } finally {
                    future.removeDoneCallback(release);
                }
                try {
                    $complete(future.result());
                } catch (CancelledException e) {
                    throw new AsyncTimeoutException(null, e);
                }
                return;
            default:
                throw $badState();
        }
    }
}
