package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Subprocesses: communicate, exit codes, reading lines, kill and terminate, a missing program, a timed-out wait. */
public class Processes {
    static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).strip();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Subprocess p = await(createSubprocessExec(Subprocess.pipes(), "sh", "-c", "cat; echo err >&2; exit 3"));
        out("before", p.returncode());
        Subprocess.Output o = await(p.communicate("hello\n".getBytes(StandardCharsets.UTF_8)));
        out("communicate", s(o.stdout()), s(o.stderr()), p.returncode());
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "sh", "-c", "printf 'a\\nb\\n'"));
        out("line", s(await(p.stdout().readline())));
        out("rest", s(await(p.stdout().read())));
        out("wait", await(p.waitFor()));
        p = await(createSubprocessExec("sleep", "10"));
        p.kill();
        out("killed", await(p.waitFor()));
        p = await(createSubprocessExec("sleep", "10"));
        p.terminate();
        out("terminated", await(p.waitFor()));
        p = await(createSubprocessShell("exit 7"));
        out("shell", await(p.waitFor()));
        try {
            await(createSubprocessExec("/nonexistent/program"));
        } catch (IOException e) {
            out("missing", e.getClass().getSimpleName().replace("NoSuchFileException", "FileNotFoundError")
                    .replace("IOException", "FileNotFoundError"));
        }
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "sleep", "10"));
        try {
            await(waitFor(p.waitFor(), 0.05));
        } catch (AsyncTimeoutException e) {
            out("wait timed out", p.returncode());
        }
        p.kill();
        out("after kill", await(p.waitFor()));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
