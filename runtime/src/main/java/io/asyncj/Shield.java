package io.asyncj;

/**
 * {@link Asyncio#shield}: an outer future that follows the inner one, so that cancelling the outer
 * (for example by cancelling the task that awaits it) leaves the inner work running.
 */
final class Shield {
    private Shield() {}

    static <T> Future<T> shield(Awaitable<T> awaitable) {
        Future<T> inner = Asyncio.ensureFuture(awaitable);
        if (inner.isDone()) {
            return inner;
        }
        Future<T> outer = new Future<>(inner.loop);
        java.util.function.Consumer<Future<T>> innerDone = in -> {
            if (outer.isCancelled()) {
                if (!in.isCancelled()) {
                    in.exception(); // retrieved
                }
                return;
            }
            if (in.isCancelled()) {
                outer.cancel();
            } else {
                Throwable e = in.exception();
                if (e != null) {
                    outer.setException(e);
                } else {
                    outer.setResult(in.result());
                }
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(out -> {
            if (!inner.isDone()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }
}
