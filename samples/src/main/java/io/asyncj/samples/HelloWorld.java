package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;

/** The seed program: {@code foo()} prints {@code Foo!}, then {@code helloWorld()} prints {@code Hello World!}. */
public class HelloWorld {
    @Async
    static Coroutine<Void> foo() {
        System.out.println("Foo!");
        return completed();
    }

    @Async
    static Coroutine<Void> helloWorld() {
        await(foo()); // waits for foo() to complete
        System.out.println("Hello World!");
        return completed();
    }

    public static void main(String[] args) {
        run(helloWorld());
    }
}
