package io.asyncj;

import java.lang.ref.Cleaner;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The checks of debug mode and the reports that need the garbage collector: coroutines that were
 * created but never awaited nor scheduled, and futures whose exception nobody retrieved.
 *
 * <p>Debug mode is per loop ({@link EventLoop#setDebug}); the system property {@code asyncj.debug}
 * or the environment variable {@code ASYNCJ_DEBUG} turns it on for every new loop, as
 * {@code PYTHONASYNCIODEBUG} does for asyncio.
 */
final class Debug {
    private Debug() {}

    private static final System.Logger LOG = System.getLogger("io.asyncj");

    static final boolean ENV_DEBUG = Boolean.getBoolean("asyncj.debug")
            || (System.getenv("ASYNCJ_DEBUG") != null && !System.getenv("ASYNCJ_DEBUG").isEmpty());

    /**
     * Whether new coroutines are tracked for the never-awaited warning: while any loop is in debug
     * mode (coroutines are created before they know their loop, so this is JVM-wide).
     */
    static volatile boolean trackCoroutines = ENV_DEBUG;

    private static int debugLoops;

    /** A loop entered ({@code +1}) or left ({@code -1}) debug mode. */
    static synchronized void debugLoops(int delta) {
        debugLoops += delta;
        trackCoroutines = ENV_DEBUG || debugLoops > 0;
    }

    /** Where warnings go; tests replace it. */
    static volatile Consumer<String> warnings = msg -> LOG.log(System.Logger.Level.WARNING, msg);

    // ---- never-awaited coroutines ----

    private static final ReferenceQueue<Coroutine<?>> COLLECTED = new ReferenceQueue<>();
    private static final ConcurrentHashMap<Tracked, Throwable> UNCLAIMED = new ConcurrentHashMap<>();

    /** A weak reference compared by the identity of its referent. */
    private static final class Tracked extends WeakReference<Coroutine<?>> {
        final int hash;
        final String name;

        Tracked(Coroutine<?> c, ReferenceQueue<Coroutine<?>> q) {
            super(c, q);
            hash = System.identityHashCode(c);
            name = c.getClass().getName();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Tracked t)) {
                return false;
            }
            Coroutine<?> mine = get();
            return mine != null && mine == t.get();
        }
    }

    static void trackCreation(Coroutine<?> c) {
        UNCLAIMED.put(new Tracked(c, COLLECTED), new Throwable("coroutine created here"));
    }

    static void claimed(Coroutine<?> c) {
        if (!UNCLAIMED.isEmpty()) {
            UNCLAIMED.remove(new Tracked(c, null));
        }
    }

    /** Reports tracked coroutines that were collected without ever being run. */
    static void reportCollected(SelectorEventLoop loop) {
        Object ref;
        while ((ref = COLLECTED.poll()) != null) {
            Throwable site = UNCLAIMED.remove(ref);
            if (site != null) {
                StringBuilder sb = new StringBuilder("coroutine ").append(((Tracked) ref).name)
                        .append(" was never awaited (await it, or schedule it with createTask)");
                StackTraceElement[] st = site.getStackTrace();
                for (int i = 2; i < Math.min(st.length, 10); i++) { // from the caller of Coroutine()
                    sb.append("\n\tcreated at ").append(st[i]);
                }
                warnings.accept(sb.toString());
            }
        }
    }

    // ---- exceptions never retrieved ----

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /** Watches a failed future; if it is collected before anyone looked at the exception, reports it. */
    static final class Unretrieved implements Runnable {
        volatile boolean retrieved;
        private final SelectorEventLoop loop;
        private final Throwable error;
        private final String message;

        Unretrieved(SelectorEventLoop loop, Throwable error, String message) {
            this.loop = loop;
            this.error = error;
            this.message = message;
        }

        @Override
        public void run() {
            if (retrieved) {
                return;
            }
            ExceptionContext ctx = new ExceptionContext(message, error);
            if (!loop.isClosed()) {
                try {
                    loop.callSoonThreadsafe(() -> loop.callExceptionHandler(ctx));
                    return;
                } catch (IllegalStateException closed) {
                    // fall through to the default handler
                }
            }
            loop.defaultExceptionHandler(ctx);
        }
    }

    static Unretrieved watchUnretrieved(Future<?> future, Throwable error) {
        String what = future instanceof Task<?> t ? "Task exception was never retrieved (task " + t.getName() + ")"
                : "Future exception was never retrieved";
        Unretrieved watch = new Unretrieved(future.loop, error, what);
        CleanerHolder.CLEANER.register(future, watch);
        return watch;
    }
}
