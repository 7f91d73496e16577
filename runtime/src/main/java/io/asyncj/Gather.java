package io.asyncj;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Asyncio#gather}: CPython's {@code gather} and {@code _GatheringFuture}.
 *
 * <p>Coroutines are wrapped in tasks; an awaitable passed twice is awaited once and its value
 * appears twice. Without {@code returnExceptions} the first failure (or cancellation, as a
 * {@link CancelledException}) fails the gathering future at once and the other children keep
 * running; with it, failures are values in the list. Cancelling the gathering future cancels every
 * child that is not done; if any was cancelled, the gathering future ends with
 * {@link CancelledException} whatever {@code returnExceptions} says.
 */
final class Gather {
    private Gather() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Future<List<T>> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        if (awaitables.isEmpty()) {
            Future<List<T>> outer = new Future<>(Asyncio.runningLoop());
            outer.setResult(new ArrayList<>());
            return outer;
        }
        // An awaitable passed twice is awaited once. Duplicates are found with a mark bit on the
        // futures instead of a hash map: gather over a million tasks is a benchmark (W1).
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        SelectorEventLoop loop = null;
        boolean marked = false;
        try {
            for (Awaitable<?> a : awaitables) {
                Future<?> f;
                if (a instanceof Future<?> given) {
                    f = given;
                } else if (a instanceof Coroutine<?> c) {
                    if (c.parent instanceof Task<?> t && (t.flags & Future.MARK) != 0) {
                        f = t; // this coroutine was passed before: its task
                    } else {
                        f = (loop != null ? loop : Asyncio.runningLoop()).createTask(c);
                    }
                } else {
                    throw new NullPointerException("gather() got a null awaitable");
                }
                if (loop == null) {
                    loop = f.loop;
                } else if (f.loop != loop) {
                    throw new IllegalArgumentException("gather(): all futures must belong to the same event loop");
                }
                f.flags |= Future.MARK;
                children.add(f);
            }
            marked = true;
        } finally {
            if (!marked) {
                for (Future<?> f : children) {
                    f.flags &= ~Future.MARK;
                }
            }
        }
        // Distinct children in argument order (the first occurrence still has its mark): their
        // done callbacks are added in this order (as asyncio does), so among children already done
        // the first argument's outcome is seen first. Callbacks never run inline, so counting the
        // distinct children while adding them is safe.
        GatheringFuture<T> outer = new GatheringFuture<>(loop, children, returnExceptions);
        for (Future<?> f : children) {
            if ((f.flags & Future.MARK) != 0) {
                f.flags &= ~Future.MARK;
                outer.distinct++;
                ((Future) f).addDoneCallback(outer.onChildDone);
            }
        }
        return outer;
    }

    private static final class GatheringFuture<T> extends Future<List<T>> {
        private final List<Future<?>> children;
        private int distinct;
        private final boolean returnExceptions;
        private int finished;
        private boolean cancelRequested;
        @SuppressWarnings("rawtypes")
        final java.util.function.Consumer<Future> onChildDone = this::childDone;

        GatheringFuture(SelectorEventLoop loop, List<Future<?>> children, boolean returnExceptions) {
            super(loop);
            this.children = children;
            this.returnExceptions = returnExceptions;
        }

        @Override
        public boolean cancel(String msg) {
            if (isDone()) {
                return false;
            }
            boolean any = false;
            for (Future<?> child : children) {
                if (child.cancel(msg)) {
                    any = true;
                }
            }
            if (any) {
                cancelRequested = true;
            }
            return any;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void childDone(Future<?> f) {
            finished++;
            if (isDone()) {
                if (!f.isCancelled()) {
                    f.exception(); // retrieved: do not report it as lost
                }
                return;
            }
            if (!returnExceptions) {
                if (f.isCancelled()) {
                    setException(f.makeCancelledError());
                    return;
                }
                Throwable e = f.exception();
                if (e != null) {
                    setException(e);
                    return;
                }
            }
            if (finished == distinct) {
                List results = new ArrayList<>(children.size());
                for (Future<?> child : children) {
                    if (child.isCancelled()) {
                        // CPython: CancelledError('' if fut._cancel_message is None else ...): a
                        // task whose coroutine ended cancelled has no cancel message of its own.
                        Object m = child.result;
                        results.add(new CancelledException(m instanceof String msg ? msg : ""));
                    } else {
                        Throwable e = child.exception();
                        results.add(e != null ? e : child.result());
                    }
                }
                if (cancelRequested) {
                    // CPython 3.11 takes fut._make_cancelled_error() after its results loop has
                    // rebound fut: the last child in argument order, not the one that finished
                    // last, and it may have finished normally.
                    setException(children.get(children.size() - 1).makeCancelledErrorAnyState());
                } else {
                    setResult(results);
                }
            }
        }
    }
}
