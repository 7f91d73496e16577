package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;
import static io.asyncj.samples.parity.StreamBuffer.b;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.LimitOverrunException;
import io.asyncj.Subprocess;
import java.io.IOException;

/**
 * A child's stdout read through a small limit: a line past it, then lines within it; 1 MiB through
 * a reader whose buffer pauses the pipe far below that.
 */
public class ProcLimit {
    @Async
    static Coroutine<Void> main() throws IOException {
        Subprocess p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE).limit(16),
                "sh", "-c", "printf '%0100d\\nshort\\nend'"));
        try {
            await(p.stdout().readline());
        } catch (LimitOverrunException e) { // which message depends on what is buffered
            out("line too long");
        }
        out("next", b(await(p.stdout().readline())));
        out("last", b(await(p.stdout().readline())), b(await(p.stdout().readline())), p.stdout().atEof());
        out("exit", await(p.waitFor()));
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE).limit(1024),
                "sh", "-c", "head -c 1048576 /dev/zero"));
        int total = 0;
        byte[] chunk;
        while ((chunk = await(p.stdout().read(5000))).length > 0) {
            total += chunk.length;
        }
        out("read", total, await(p.waitFor()));
        p = await(createSubprocessExec(Subprocess.options().stdout(Subprocess.PIPE).limit(1024),
                "sh", "-c", "head -c 300000 /dev/zero; echo; echo done"));
        byte[] data = await(p.stdout().readexactly(300001));
        out("readexactly", data.length, b(await(p.stdout().readline())), await(p.waitFor()));
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
