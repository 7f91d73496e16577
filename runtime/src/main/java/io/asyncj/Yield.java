package io.asyncj;

/** {@code sleep(0)}: gives up the loop for one iteration, then returns the value. */
final class Yield<T> extends Coroutine<T> {
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
