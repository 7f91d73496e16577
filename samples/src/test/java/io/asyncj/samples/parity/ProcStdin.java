package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Subprocess;
import java.io.IOException;

/**
 * A child's stdin after the child is gone: drain throws (the connection is lost), a writer that
 * outlives its reader gets a broken pipe, communicate ignores it.
 */
public class ProcStdin {
    /** asyncio's error type, from the Java exception. */
    static String type(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.equals("Connection lost")) {
            return "ConnectionResetError";
        }
        if (m.contains("Broken pipe")) {
            return "BrokenPipeError";
        }
        return e.getClass().getSimpleName() + "(" + m + ")";
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        Subprocess.Options stdin = Subprocess.options().stdin(Subprocess.PIPE);
        Subprocess p = await(createSubprocessExec(stdin, "true"));
        out("exit", await(p.waitFor()));
        await(sleep(0.05)); // the pipe's connection_lost may come an iteration after wait returns
        out("closing", p.stdin().isClosing());
        p.stdin().write(new byte[100000]);
        try {
            await(p.stdin().drain());
            out("drained");
        } catch (IOException e) {
            out("drain", type(e), e.getMessage());
        }
        out("closing", p.stdin().isClosing());
        try {
            await(p.stdin().drain());
            out("drained");
        } catch (IOException e) {
            out("drain again", type(e), e.getMessage());
        }
        p.stdin().close();
        await(p.stdin().waitClosed());
        out("closed");
        p = await(createSubprocessExec(stdin, "sh", "-c", "head -c 10 >/dev/null; exit 5"));
        try {
            for (int i = 0; i < 100; i++) {
                p.stdin().write(new byte[65536]);
                await(p.stdin().drain());
            }
            out("wrote everything");
        } catch (IOException e) {
            out("drain while the child quits", type(e));
        }
        out("exit", await(p.waitFor()));
        p = await(createSubprocessExec(stdin, "sh", "-c", "head -c 10 >/dev/null; exit 5"));
        Subprocess.Output o = await(p.communicate(new byte[1000000]));
        out("communicate ignores the broken pipe", "(" + repr(o.stdout()) + ", " + repr(o.stderr()) + ")", p.returncode());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
