package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/**
 * Cancelling a task throws {@link CancelledException} into it at the await where it is suspended;
 * its {@code finally} runs, and whoever awaits the task sees the cancellation.
 */
public class Cancellation {
    @Async
    static Coroutine<Void> worker() {
        try {
            for (int i = 1; ; i++) {
                System.out.println("working... " + i);
                await(sleep(0.1));
            }
        } catch (CancelledException e) {
            System.out.println("worker cancelled: " + e.getMessage());
            throw e; // let the cancellation finish the task
        } finally {
            System.out.println("worker cleans up");
        }
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task = createTask(worker());
        await(sleep(0.35));
        task.cancel("enough");
        try {
            await(task);
        } catch (CancelledException e) {
            System.out.println("main saw the task cancelled: " + task.isCancelled());
        }
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
