package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The subprocess page's examples: a shell command's output and exit code, two at once, reading a child's line, stdin, a wait that times out. */
public class DocsSubprocess {
    static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static String b(byte[] data) {
        return "b" + repr(s(data)).replace("\n", "\\n");
    }

    @Async
    static Coroutine<Void> runCmd(String cmd) throws IOException {
        Subprocess proc = await(createSubprocessShell(Subprocess.options().stdout(Subprocess.PIPE).stderr(Subprocess.PIPE), cmd));
        Subprocess.Output o = await(proc.communicate());
        out("[" + repr(cmd) + " exited with " + proc.returncode() + "]");
        if (o.stdout().length > 0) {
            out("[stdout]\n" + s(o.stdout()));
        }
        if (o.stderr().length > 0) {
            out("[stderr]\n" + s(o.stderr()));
        }
        return completed();
    }

    @Async
    static Coroutine<String> getDate() throws IOException {
        String code = "print(6 * 7)";
        Subprocess proc = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "python3", "-c", code));
        byte[] data = await(proc.stdout().readline());
        String line = new String(data, StandardCharsets.US_ASCII).stripTrailing();
        await(proc.waitFor());
        return completed("(" + repr(line) + ", " + proc.returncode() + ")");
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        await(runCmd("ls /zzz"));
        await(gather(runCmd("sleep 0.05; echo 'hello'"), runCmd("echo first")));
        out("answer", await(getDate()));
        Subprocess proc = await(createSubprocessExec(Subprocess.options().stdin(Subprocess.PIPE).stdout(Subprocess.PIPE), "cat"));
        out("returncode while running", proc.returncode());
        proc.stdin().write("via stdin\n".getBytes(StandardCharsets.UTF_8));
        await(proc.stdin().drain());
        out("cat says", b(await(proc.stdout().readline())));
        proc.stdin().close();
        out("cat ends", b(await(proc.stdout().read())), await(proc.waitFor()), proc.returncode());
        proc = await(createSubprocessExec("sleep", "10"));
        try {
            await(waitFor(proc.waitFor(), 0.05));
        } catch (AsyncTimeoutException e) {
            out("still running", proc.returncode());
            proc.terminate();
            out("terminated", await(proc.waitFor()));
        }
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
