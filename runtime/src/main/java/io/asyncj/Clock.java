package io.asyncj;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Where an event loop gets its time and how it waits. The system clock waits in the selector; a
 * virtual clock (tests) jumps to the next deadline instead, so timer tests run instantly and
 * deterministically.
 */
interface Clock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Waits for I/O readiness or a wakeup, at most {@code timeoutNanos} ({@code 0}: poll,
     * {@code -1}: until something happens).
     */
    void select(Selector selector, long timeoutNanos) throws IOException;

    /**
     * {@link #select(Selector, long)}, then {@code action} for each key that became ready. The
     * clocks of this file use the selector's {@code select(Consumer)} forms, which hand each ready
     * key straight to {@code action}: no selected-key set to add to, iterate and clear.
     */
    default void select(Selector selector, Consumer<SelectionKey> action, long timeoutNanos) throws IOException {
        select(selector, timeoutNanos);
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            action.accept(key);
        }
    }

    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void select(Selector selector, long timeoutNanos) throws IOException {
            if (timeoutNanos == 0) {
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                // Round up: waking before the deadline would only spin through another select.
                selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
            }
        }

        @Override
        public void select(Selector selector, Consumer<SelectionKey> action, long timeoutNanos) throws IOException {
            if (timeoutNanos == 0) {
                selector.selectNow(action);
            } else if (timeoutNanos < 0) {
                selector.select(action);
            } else {
                selector.select(action, Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
            }
        }
    };

    /** A clock that starts at 0 and advances only when the loop would wait for a timer. */
    static VirtualClock virtual() {
        return new VirtualClock();
    }

    /**
     * Virtual time: the loop never sleeps; when it would wait for a timer, time jumps to the timer's
     * deadline. Tests can also move time forward themselves ({@link #advance}), as if a callback
     * took that long.
     */
    final class VirtualClock implements Clock {
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        void advance(long nanos) {
            now += nanos;
        }

        @Override
        public void select(Selector selector, long timeoutNanos) throws IOException {
            if (timeoutNanos >= 0) {
                now += timeoutNanos;
                selector.selectNow();
            } else {
                // Nothing is scheduled: only another thread can wake us. Give a stuck test a
                // clear failure instead of a hang.
                long start = System.nanoTime();
                selector.select(30_000);
                if (System.nanoTime() - start >= 30_000_000_000L) {
                    throw new IllegalStateException("virtual-time loop idle for 30 s with nothing scheduled");
                }
            }
        }
    }
}
