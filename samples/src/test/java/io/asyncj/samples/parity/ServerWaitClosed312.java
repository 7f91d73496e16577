package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncEvent;
import io.asyncj.Coroutine;
import io.asyncj.Server;
import io.asyncj.StreamPair;
import io.asyncj.StreamReader;
import io.asyncj.StreamWriter;
import io.asyncj.Task;
import java.io.IOException;

/** Server.waitClosed as 3.12 made it (asyncj's): it waits for the connections the server accepted, also once the server is closed. */
public class ServerWaitClosed312 {
    static AsyncEvent release;

    @Async
    static Coroutine<Void> handler(StreamReader reader, StreamWriter writer) throws IOException {
        out("handler starts");
        await(release.waitAsync());
        writer.close();
        await(writer.waitClosed());
        out("handler done");
        return completed();
    }

    @Async
    static Coroutine<Void> main() throws IOException {
        release = new AsyncEvent();
        Server server = await(startServer(ServerWaitClosed312::handler, "127.0.0.1", 0));
        int port = server.getPort();
        StreamPair pair = await(openConnection("127.0.0.1", port));
        await(sleep(0.01));
        server.close();
        out("closed", server.isServing());
        Task<Void> w = createTask(server.waitClosed());
        await(sleep(0.02));
        out("wait_closed done while a connection is open", w.isDone());
        release.set();
        await(w);
        out("wait_closed returned");
        await(server.waitClosed());
        out("again at once");
        pair.writer().close();
        await(pair.writer().waitClosed());
        return completed();
    }

    public static void main(String[] args) throws IOException {
        go(main());
    }
}
