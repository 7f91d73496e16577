package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.List;

/**
 * Tasks run concurrently: three "downloads" of different lengths started as tasks finish in 0.3 s,
 * not 0.6 s; {@code gather} collects their results in the order they were given.
 */
public class Tasks {
    @Async
    static Coroutine<String> download(String name, double seconds) {
        System.out.println("start " + name);
        await(sleep(seconds));
        System.out.println("done  " + name);
        return completed(name + ":" + (int) (seconds * 1000) + "ms");
    }

    @Async
    static Coroutine<Void> main() {
        double start = getRunningLoop().time();
        Task<String> a = createTask(download("a", 0.3));
        Task<String> b = createTask(download("b", 0.1));
        List<String> results = await(gather(a, b, download("c", 0.2)));
        double took = getRunningLoop().time() - start;
        System.out.println(results);
        System.out.println(took < 0.5 ? "ran concurrently" : "ran one after the other?!");
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
