package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;

/** Task-N numbers around subprocesses: CPython's subprocess machinery creates tasks that use up numbers. */
public class ProcNames {
    @Async
    static Coroutine<Void> nothing() {
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        out("first", createTask(nothing()).getName());
        Subprocess p = await(createSubprocessExec("true"));
        out("after exec", createTask(nothing()).getName());
        await(p.waitFor());
        out("after wait", createTask(nothing()).getName());
        p = await(createSubprocessExec(Subprocess.options().stdin(Subprocess.PIPE).stdout(Subprocess.PIPE), "cat"));
        out("after exec with pipes", createTask(nothing()).getName());
        await(p.communicate("x".getBytes()));
        out("after communicate", createTask(nothing()).getName());
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "echo", "hi"));
        await(p.stdout().read());
        await(p.waitFor());
        out("after read", createTask(nothing()).getName());
        try {
            await(createSubprocessExec("/nonexistent/x"));
        } catch (IOException e) {
            // not started: no task name used up
        }
        out("after failed exec", createTask(nothing()).getName());
        p = await(createSubprocessShell("exit 0"));
        out("after shell", createTask(nothing()).getName(), allTasks().size());
        await(p.waitFor());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
