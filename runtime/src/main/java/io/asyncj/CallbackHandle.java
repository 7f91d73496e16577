package io.asyncj;

/** The handle of a callback in the ready queue; also the base of timer handles. */
class CallbackHandle implements Handle, Runnable {
    final SelectorEventLoop loop;
    Runnable callback;
    boolean cancelled;

    CallbackHandle(SelectorEventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            callback = null; // drop what the callback captured
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void run() {
        if (!cancelled) {
            callback.run();
        }
    }

    @Override
    public String toString() {
        return "<Handle " + (cancelled ? "cancelled" : String.valueOf(callback)) + ">";
    }
}
