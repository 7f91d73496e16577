package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;
import static io.asyncj.samples.parity.StreamBuffer.bytes;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subprocesses: communicate without input, kill and wait twice, signals after the exit, stderr
 * into stdout, DEVNULL, 1 MiB through cat, env and cwd, a shell command, readline to the end.
 * Not compared: a child that kills itself with a signal (asyncio reports -15; Java's Process
 * reports 143 and cannot tell it from exit(143)).
 */
public class ProcMore {
    static String bn(byte[] data) {
        return data == null ? "None" : b(data);
    }

    static String tuple(Subprocess.Output o) {
        return "(" + bn(o.stdout()) + ", " + bn(o.stderr()) + ")";
    }

    interface Call {
        void run() throws IOException;
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Subprocess p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "sh", "-c", "exit 3"));
        out("communicate", tuple(await(p.communicate())), p.returncode());
        p = await(createSubprocessExec("sleep", "5"));
        out("running", p.returncode());
        p.kill();
        out("killed", await(p.waitFor()), await(p.waitFor()), p.returncode());
        Subprocess dead = p;
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("send_signal", () -> dead.sendSignal(15));
        calls.put("kill", dead::kill);
        calls.put("terminate", dead::terminate);
        for (Map.Entry<String, Call> c : calls.entrySet()) {
            try {
                c.getValue().run();
            } catch (IllegalStateException e) {
                out(c.getKey(), "after exit", e.getMessage().split(":")[0]);
            }
        }
        p = await(createSubprocessExec(Subprocess.options().stdin(Subprocess.PIPE).stdout(Subprocess.PIPE)
                .stderr(Subprocess.STDOUT), "sh", "-c", "read x; echo got $x; echo err >&2; exit 4"));
        p.stdin().write(bytes("hi\n"));
        await(p.stdin().drain());
        out("stderr to stdout", p.stderr(), b(await(p.stdout().read())), await(p.waitFor()));
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.DEVNULL), "sh", "-c", "echo x"));
        out("devnull", p.stdout(), tuple(await(p.communicate())), p.returncode());
        p = await(createSubprocessExec(Subprocess.options().stdin(Subprocess.PIPE).stdout(Subprocess.PIPE), "cat"));
        byte[] data = new byte[256 * 4096]; // 1 MiB, far above a pipe's buffer
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Subprocess.Output o = await(p.communicate(data));
        out("cat 1 MiB", o.stdout().length, Arrays.equals(o.stdout(), data), o.stderr(), p.returncode());
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE)
                .env(Map.of("FOO", "bar", "PATH", System.getenv("PATH"))).cwd(Path.of("/")),
                "sh", "-c", "echo $FOO; pwd"));
        out("env and cwd", tuple(await(p.communicate())));
        p = await(createSubprocessShell(Subprocess.pipes(), "echo one; echo two >&2"));
        out("shell", tuple(await(p.communicate())));
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE), "sh", "-c", "printf 'a\\nb\\nc'"));
        List<String> lines = new ArrayList<>();
        byte[] line;
        while ((line = await(p.stdout().readline())).length > 0) {
            lines.add(b(line));
        }
        out("lines", "[" + String.join(", ", lines) + "]", p.stdout().atEof(), await(p.waitFor()));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
