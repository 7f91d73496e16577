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

    /** A var local of a type only javac's inference can name (package-private elsewhere) lives across an await. */
    @Test
    void inaccessibleVarTypeAcrossAwait() {
        JavaFileObject factory = JavaFileObjects.forSourceString("other.Factory", """
                package other;
                public class Factory { public static Hidden make() { return new Hidden(); } }
                class Hidden { @Override public String toString() { return "h"; } }
                """);
        JavaFileObject file = source("""
                @Async static Coroutine<String> f() {
                    var h = other.Factory.make();
                    await(sleep(0));
                    return completed("" + h);
                }
                """);
        Compilation c = Harness.compile(file, factory);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[AsyncUnsupported] 'h' has a type that mentions other.Hidden")
                .inFile(file).onLine(6);
        org.junit.jupiter.api.Assertions.assertEquals(1, c.errors().size(), () -> c.errors().toString());
    }

    /** `return f();` awaits f(): inside synchronized it is said so, on the return. */
    @Test
    void returnOfACoroutineInSynchronized() {
        assertError("""
                @Async static Coroutine<Integer> n() { return completed(1); }
                @Async static Coroutine<Integer> f(Object lock) {
                    synchronized (lock) {
                        if (lock != null) return n();
                    }
                    return completed(0);
                }
                """, 8, "[AsyncAwaitInSynchronized] returning a coroutine (other than completed(...)) awaits it");
    }

    /** A guard runs while the switch chooses its case, where the machine cannot park. */
    @Test
    void awaitInACaseGuard() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "case guards need JDK 21");
        assertError("""
                @Async static Coroutine<Integer> n() { return completed(1); }
                @Async static Coroutine<String> f(Object o) {
                    String s = switch (o) {
                        case Integer i when i > await(n()) -> "big";
                        default -> "other";
                    };
                    return completed(s);
                }
                """, 8, "an await in a case guard ('when ...') cannot be lowered");
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
    void parameterNamedWithADollarIsRefusedOnItsLine() {
        assertError("""
                @Async static Coroutine<Integer> f(int $t0) {
                    int x = $t0 + await(sleep(0, 1));
                    return completed(x);
                }
                """, 5, "parameter name '$t0' contains '$'");
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

    @Test
    void asyncMethodOfAnAnonymousClassInAnInitializerBlock() {
        // annotation processing never sees it, nor does asyncj's search of methods and field values:
        // without the error its awaits failed at run time
        assertError("""
                interface Svc { Coroutine<Integer> get(); }
                static Svc made;
                static {
                    made = new Svc() {
                        @Async public Coroutine<Integer> get() { return completed(await(sleep(0.0, 1))); }
                    };
                }
                """, 9, "[AsyncInLocalClass]");
    }

    @Test
    void superInAnAsyncMethodOfAnAnonymousClass() {
        // its this is kept in a local before the state machine; its super cannot be
        assertError("""
                interface Svc { Coroutine<String> get(); }
                static Svc make() {
                    return new Svc() {
                        @Async public Coroutine<String> get() {
                            await(sleep(0));
                            return completed(super.toString());
                        }
                    };
                }
                """, 10, "'super' in an @Async method of an anonymous class");
    }

    @Test
    void asyncMethodOfALocalClassInAnAsyncBody() {
        // once reported as an await in a class body, telling the user to add the @Async it had
        JavaFileObject file = source("""
                @Async static Coroutine<Integer> f() {
                    class L {
                        @Async Coroutine<Integer> get() { return completed(await(sleep(0.0, 1))); }
                    }
                    return completed(await(new L().get()));
                }
                """);
        Compilation c = Harness.compile(file);
        assertThat(c).hadErrorContaining("[AsyncInLocalClass]").inFile(file).onLine(7);
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void awaitMethodReferenceInAsync() {
        // it compiled, and failed at run time as an await outside @Async
        assertError("""
                @Async static Coroutine<Object> f(java.util.List<Coroutine<Integer>> cs) {
                    await(sleep(0));
                    return completed(cs.stream().map(Asyncio::await).toList());
                }
                """, 7, "[AsyncAwaitInLambda]");
    }

    @Test
    void awaitMethodReferenceOutsideAsync() {
        assertError("""
                static Object f(java.util.List<Coroutine<Integer>> cs) {
                    return cs.stream().map(Coroutine::await).toList();
                }
                """, 6, "[AsyncAwaitInLambda]");
    }

    @Test
    void returnOfAValueThatIsNotACoroutineIsJavacsTypeError() {
        // once "no suitable method found for $await(int,int)", naming the generated code
        assertError("""
                @Async static Coroutine<Integer> f() {
                    int x = await(sleep(0.0, 1));
                    return x;
                }
                """, 7, "incompatible types: int cannot be converted to");
    }

    @Test
    void returnNull() {
        // once "reference to $await is ambiguous"
        assertError("""
                @Async static Coroutine<Integer> f() {
                    await(sleep(0));
                    return null;
                }
                """, 7, "write return completed(null)");
    }

    @Test
    void memberOfAnAnonymousClassHeldAcrossAnAwait() {
        // once javac's "cannot find symbol" on the generated field, typed with a named supertype
        assertError("""
                @Async static Coroutine<Integer> f() {
                    var counter = new Object() { int n; };
                    await(sleep(0));
                    counter.n++;
                    return completed(counter.n);
                }
                """, 8, "'counter' holds an instance of an anonymous class");
    }

    @Test
    void synchronizedAsyncMethod() {
        // it compiled, and the monitor was released before the body ran
        assertError("""
                @Async synchronized Coroutine<Integer> f() {
                    int x = await(sleep(0.0, 1));
                    return completed(x);
                }
                """, 5, "[AsyncSynchronizedMethod]");
    }

    @Test
    void generatedCodeAddsNoLintWarnings() {
        // the dispatch switch's fall-through, compound assignments' casts and the initializers of
        // locals whose @SuppressWarnings was dropped once warned on the user's lines, so
        // -Xlint:all -Werror failed on code javac alone accepts
        JavaFileObject file = JavaFileObjects.forSourceString("demo.Lint", """
                package demo;
                import io.asyncj.*;
                import static io.asyncj.Asyncio.*;
                public class Lint {
                    int f;
                    @Async Coroutine<String> f(int[] a, long l, String s) {
                        int i = 0;
                        a[i++] += await(sleep(0.0, 1));
                        f -= a[0] - await(sleep(0.0, 2));
                        l <<= await(sleep(0.0, 3));
                        s += await(sleep(0.0, 'c'));
                        a[1] *= await(sleep(0.0, 1.5));
                        Object o = new java.util.ArrayList<String>();
                        @SuppressWarnings("unchecked") java.util.List<String> held = (java.util.List<String>) o;
                        @SuppressWarnings("unchecked") java.util.List<String> now = (java.util.List<String>) await(sleep(0.0, o));
                        await(sleep(0));
                        return completed(s + l + f + held + now.size());
                    }
                }
                """);
        Compilation c = com.google.testing.compile.Compiler.javac().withProcessors(new AsyncProcessor())
                .withOptions("-Xlint:all", "-Xlint:-options", "-Xlint:-processing", "-Werror").compile(file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void instanceOfACapturingLocalClassHeldAcrossAnAwait() {
        // once javac's "cannot find symbol class Adder" on the method's brace (the field's type)
        assertError("""
                @Async static Coroutine<Integer> f() {
                    int base = 10;
                    class Adder { int add(int x) { return x + base; } }
                    java.util.List<Adder> adders = new java.util.ArrayList<>();
                    Adder a = new Adder();
                    await(sleep(0));
                    return completed(a.add(adders.size()));
                }
                """, 7, "[AsyncLocalClassAcrossAwait] the local class 'Adder'");
    }

    @Test
    void sameNamedLocalRecordsOneUsedAcrossAnAwait() {
        // both were made members of the state machine: "record P is already defined"
        assertError("""
                @Async static Coroutine<String> f() {
                    {
                        record P(int x) {}
                        P p = new P(await(sleep(0.0, 1)));
                        System.out.println(p);
                    }
                    record P(String s) {}
                    return completed(new P("s").s());
                }
                """, 7, "its name also denotes another type in this method");
    }

    @Test
    void superinterfaceSuperCall() {
        // attributing the copy crashed javac's Resolve ([AsyncInternalError]); the generated code
        // could not name it anyway
        assertError("""
                interface A { default String who() { return "A"; } }
                static class AB implements A {
                    @Async Coroutine<String> f() {
                        await(sleep(0));
                        return completed(A.super.who());
                    }
                }
                """, 9, "A.super cannot be used in an @Async body");
    }

    @Test
    void definiteAssignmentInAnAsyncMethodOfAnAnonymousClass() {
        // the member method's own flow check found it first, which made the method's check give up
        assertError("""
                interface Svc { Coroutine<String> call(boolean b); }
                static Svc make() {
                    return new Svc() {
                        @Async public Coroutine<String> call(boolean b) {
                            String s;
                            if (b) s = "x";
                            await(sleep(0));
                            return completed(s);
                        }
                    };
                }
                """, 12, "variable s might not have been initialized");
    }
}
