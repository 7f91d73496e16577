package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Child processes: {@code communicate} feeds stdin and collects stdout; {@code waitFor} gives the exit code. */
public class Subprocesses {
    @Async
    static Coroutine<Void> main() throws IOException {
        Subprocess sort = await(createSubprocessExec(Subprocess.pipes(), "sort"));
        Subprocess.Output out = await(sort.communicate("pear\napple\nfig\n".getBytes(StandardCharsets.UTF_8)));
        System.out.print(new String(out.stdout(), StandardCharsets.UTF_8));
        System.out.println("sort exited with " + sort.returncode());

        Subprocess failing = await(createSubprocessShell("exit 3"));
        System.out.println("sh exited with " + await(failing.waitFor()));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        run(main());
    }
}
