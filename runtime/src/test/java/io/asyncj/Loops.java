package io.asyncj;

/** Test loops: on virtual time (timers fire instantly, in deadline order) or on the system clock. */
final class Loops {
    private Loops() {}

    static SelectorEventLoop virtual() {
        return new SelectorEventLoop(Clock.virtual());
    }

    /** Runs {@code main} to completion on a new virtual-time loop, then closes it. */
    static <T> T runVirtual(Coroutine<T> main) {
        SelectorEventLoop loop = virtual();
        try {
            return loop.runUntilComplete(main);
        } finally {
            loop.close();
        }
    }
}
