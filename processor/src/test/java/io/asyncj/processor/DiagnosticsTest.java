package io.asyncj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One negative test per diagnostic: the file, the line and the message. */
class DiagnosticsTest {
    private static JavaFileObject source(String body) {
        return JavaFileObjects.forSourceString("demo.Bad", """
                package demo;
                import io.asyncj.*;
                import static io.asyncj.Asyncio.*;
                public abstract class Bad {
                """ + body + "}\n");
    }

    private static void assertError(String body, int line, String message) {
        JavaFileObject file = source(body);
        Compilation c = Harness.compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(file).onLine(line);
    }

    /**
     * A type the user misspelled is javac's "cannot find symbol", said once on the user's line;
     * the processor adds no internal error of its own for the method it could not type.
     */
    @Test
    void unknownTypeIsJavacsErrorOnly() {
        JavaFileObject file = source("""
                @Async static Coroutine<Integer> n() { return completed(1); }
                @Async static Coroutine<Void> f() {
                    Missing m = await(n());
                    Strin s = "x" + await(n());
                    byte[] b = await(Gone.read());
                    int k = await(nn());
                    return completed();
                }
                """);
        Compilation c = Harness.compile(file);
        assertThat(c).failed();
        for (int line = 7; line <= 10; line++) {
            assertThat(c).hadErrorContaining("cannot find symbol").inFile(file).onLine(line);
        }
        org.junit.jupiter.api.Assertions.assertEquals(4, c.errors().size(), () -> c.errors().toString());
    }

    @Test
    void awaitOutsideAsync() {
        assertError("""
                static int f() {
                    return await(sleep(0.0, 1));
                }
                """, 6, "[AsyncAwaitOutsideAsync]");
    }

    @Test
    void awaitMethodOutsideAsyncResolvedByType() {
        assertError("""
                static int f(Coroutine<Integer> c) {
                    return c.await();
                }
                """, 6, "[AsyncAwaitOutsideAsync]");
    }

    @Test
    void awaitInInitializer() {
        assertError("""
                int x = await(sleep(0.0, 1));
                """, 5, "[AsyncAwaitInInitializer]");
    }

    @Test
    void awaitInLambda() {
        assertError("""
                @Async static Coroutine<Void> f() {
                    Runnable r = () -> await(sleep(0));
                    return completed();
                }
                """, 6, "[AsyncAwaitInLambda]");
    }

    @Test
    void awaitInAnonymousClass() {
        assertError("""
                @Async static Coroutine<Void> f() {
                    Runnable r = new Runnable() {
                        public void run() {
                            await(sleep(0));
                        }
                    };
                    return completed();
                }
                """, 8, "[AsyncAwaitInClass]");
    }

    @Test
    void awaitInSynchronized() {
        assertError("""
                @Async static Coroutine<Void> f(Object lock) {
                    synchronized (lock) {
                        await(sleep(0));
                    }
                    return completed();
                }
                """, 7, "[AsyncAwaitInSynchronized]");
    }

    @Test
    void asyncNotReturningCoroutine() {
        assertError("""
                @Async static int f() {
                    return 1;
                }
                """, 5, "[AsyncNotCoroutine]");
    }

    @Test
    void asyncOnAbstractMethod() {
        assertError("""
                @Async abstract Coroutine<Void> f();
                """, 5, "[AsyncNoBody]");
    }

    @Test
    void asyncOnNativeMethod() {
        assertError("""
                @Async native Coroutine<Void> f();
                """, 5, "[AsyncNoBody]");
    }

    @Test
    void localClassCapturingALocalUsedAcrossAwait() {
        assertError("""
                @Async static Coroutine<Integer> f() {
                    int one = 1;
                    class C { int v() { return one; } }
                    await(sleep(0));
                    return completed(new C().v());
                }
                """, 7, "captures the local variable 'one'");
    }

    @Test
    void droppedCoroutineIsAWarning() {
        JavaFileObject file = source("""
                @Async static Coroutine<Void> g() { return completed(); }
                static void f() {
                    g();
                }
                """);
        Compilation c = Harness.compile(file);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[AsyncDroppedCoroutine]").inFile(file).onLine(7);
    }

    @Test
    void usersTypeErrorsStayOnTheUsersLine() {
        assertError("""
                @Async static Coroutine<Integer> f() {
                    int x = await(sleep(0.0, 1));
                    String s = x;
                    return completed(x);
                }
                """, 7, "incompatible types");
    }

    @Test
    void undeclaredCheckedExceptionThroughALoweredFinallyIsReportedWhereThrown() {
        assertError("""
                @Async static Coroutine<Void> fail() throws java.io.IOException { return completed(); }
                @Async static Coroutine<Void> f() {
                    try {
                        await(sleep(0));
                        await(fail());
                    } finally {
                        await(sleep(0));
                    }
                    return completed();
                }
                """, 9, "unreported exception java.io.IOException");
    }

    @Test
    void definiteAssignmentIsCheckedOnTheMethodAsWritten() {
        // s becomes a field of the state machine: javac alone would no longer see it unassigned
        assertError("""
                @Async static Coroutine<String> f(boolean b) {
                    String s;
                    if (b) s = "x";
                    await(sleep(0));
                    return completed(s);
                }
                """, 9, "variable s might not have been initialized");
    }

    @Test
    void lambdaCapturingAHoistedLocalThatIsNotEffectivelyFinal() {
        // the state machine would capture a snapshot: javac alone would accept it
        assertError("""
                @Async static Coroutine<Void> f() {
                    int k = 1;
                    await(sleep(0));
                    k++;
                    Runnable r = () -> System.out.println(k);
                    return completed();
                }
                """, 9, "must be final or effectively final");
    }

    @Test
    void missingReturnIsReportedAsJavacWould() {
        // the state machine would complete with null when the body falls off its end
        assertError("""
                @Async static Coroutine<String> f(boolean b) {
                    await(sleep(0));
                    if (b) return completed("x");
                }
                """, 8, "missing return statement");
    }

    @Test
    void unreachableStatementIsReportedAsJavacWould() {
        // every state of the machine is reachable through its dispatch switch
        assertError("""
                @Async static Coroutine<String> f() {
                    await(sleep(0));
                    return completed("x");
                    System.out.println("never");
                }
                """, 8, "unreachable statement");
    }
}
