package io.asyncj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BasicTest {
    @Test
    void helloWorld() {
        String out = Harness.run("demo.Hello", """
                package demo;
                import io.asyncj.*;
                import static io.asyncj.Asyncio.*;
                public class Hello {
                    static StringBuilder sb = new StringBuilder();
                    @Async static Coroutine<Void> foo() {
                        sb.append("Foo!");
                        return completed();
                    }
                    @Async static Coroutine<Integer> add(int a) {
                        int x = await(sleep(0.0, 40));
                        sb.append(" x=" + x);
                        return completed(a + x);
                    }
                    @Async static Coroutine<Void> helloWorld() {
                        await(foo());
                        sb.append(" Hello World! ");
                        int v = await(add(2));
                        sb.append(v);
                        return completed();
                    }
                    static String main() { run(helloWorld()); return sb.toString(); }
                }
                """);
        assertEquals("Foo! Hello World!  x=4042", out);
    }
}
