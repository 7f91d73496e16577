package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import io.asyncj.Task;
import java.io.IOException;
import java.util.List;

/** How many turns other tasks get while a subprocess starts (CPython connects its pipes with callbacks). */
public class ProcTicks {
    static int ticks;

    @Async
    static Coroutine<Void> ticker() {
        while (true) {
            await(sleep(0));
            ticks++;
        }
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Task<Void> t = createTask(ticker());
        await(sleep(0));
        List<Subprocess.Options> opts = List.of(Subprocess.options(), Subprocess.options().stdout(Subprocess.PIPE), Subprocess.pipes());
        List<List<String>> names = List.of(List.of(), List.of("stdout"), List.of("stderr", "stdin", "stdout"));
        for (int i = 0; i < 3; i++) {
            int before = ticks;
            Subprocess p = await(createSubprocessExec(opts.get(i), "true"));
            out("exec", names.get(i), ticks - before);
            await(p.waitFor());
        }
        int before = ticks;
        try {
            await(createSubprocessExec("/nonexistent/x"));
        } catch (IOException e) {
            out("failed exec", ticks - before);
        }
        t.cancel();
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
