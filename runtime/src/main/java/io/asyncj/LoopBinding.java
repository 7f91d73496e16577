package io.asyncj;

/**
 * asyncio's {@code _LoopBoundMixin}: a synchronization primitive or queue is created without a
 * loop and binds to the running loop the first time it needs one (to create a waiter future);
 * using it from another loop afterwards is an error.
 */
final class LoopBinding {
    private LoopBinding() {}

    /** The running loop, which must be {@code bound} unless {@code bound} is null. */
    static SelectorEventLoop bind(SelectorEventLoop bound, Object owner) {
        SelectorEventLoop running = Asyncio.runningLoop();
        if (bound != null && bound != running) {
            throw new IllegalStateException(owner + " is bound to a different event loop");
        }
        return running;
    }
}
