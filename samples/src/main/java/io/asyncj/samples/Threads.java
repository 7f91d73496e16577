package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import java.util.concurrent.CompletableFuture;

/**
 * Blocking work goes to a thread ({@code toThread}) while the loop keeps running; a
 * {@link CompletableFuture} from any thread can be awaited directly.
 */
public class Threads {
    static long blockingSum(long n) throws InterruptedException {
        Thread.sleep(100); // pretend to block on I/O
        long s = 0;
        for (long i = 1; i <= n; i++) {
            s += i;
        }
        return s;
    }

    @Async
    static Coroutine<Void> ticker() {
        for (int i = 0; i < 3; i++) {
            System.out.println("tick " + i);
            await(sleep(0.01));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        var ticks = createTask(ticker());
        long sum = await(toThread(() -> blockingSum(1_000_000)));
        System.out.println("sum computed on a thread: " + sum);
        String fromJava = await(CompletableFuture.supplyAsync(() -> "hello from " + "a CompletableFuture"));
        System.out.println(fromJava);
        await(ticks);
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
