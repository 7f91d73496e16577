package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;

/** {@code waitFor} and {@code timeout}: the slow work is cancelled and the caller gets a timeout. */
public class Timeouts {
    @Async
    static Coroutine<String> slow() {
        await(sleep(10));
        return completed("finished");
    }

    @Async
    static Coroutine<String> quick() {
        await(sleep(0.05));
        return completed("quick result");
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println(await(waitFor(quick(), 1.0)));
        try {
            await(waitFor(slow(), 0.1));
        } catch (AsyncTimeoutException e) {
            System.out.println("waitFor timed out");
        }
        try {
            await(timeout(0.1, slow()));
        } catch (AsyncTimeoutException e) {
            System.out.println("timeout() expired");
        }
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
