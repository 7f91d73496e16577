package io.asyncj;

/** {@code sleep(0)}: gives up the loop for one iteration, then returns the value. */
final class Yield<T> extends Coroutine<T> {
    /**
     * What {@code sleep(0)} returns: one shared instance that {@link Coroutine#$await} recognizes and
     * turns into a bare yield, so the commonest way to give up the loop allocates nothing. Wrapped in
     * a task (where it needs state of its own), it is replaced by a fresh {@code Yield}. Unlike a
     * Python coroutine object it can be awaited more than once.
     */
    static final Coroutine<Void> SLEEP_ZERO = new Yield<>(null);

    private T value;

    Yield(T value) {
        this.value = value;
    }

    @Override
    protected void $resume() {
        switch ($state) {
            case 0:
                $yield(1);
                return;
            case 1:
                $get(); // throws if the task was cancelled meanwhile
                T v = value;
                value = null;
                $complete(v);
                return;
            default:
                throw $badState();
        }
    }

    @Override
    public String toString() {
        return "<coroutine sleep(0)>";
    }
}
