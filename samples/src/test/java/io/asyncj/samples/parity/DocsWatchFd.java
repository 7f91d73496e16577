package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The event loop page's "watch a file descriptor for read events" example (a Pipe for the socketpair), and addWriter. */
public class DocsWatchFd {
    public static void main(String[] args) throws IOException {
        Pipe pipe = Pipe.open();
        Pipe.SourceChannel rsock = pipe.source();
        Pipe.SinkChannel wsock = pipe.sink();
        rsock.configureBlocking(false);
        wsock.configureBlocking(false);
        EventLoop loop = newEventLoop();
        List<Boolean> removed = new ArrayList<>();
        loop.addReader(rsock, () -> {
            ByteBuffer buf = ByteBuffer.allocate(100);
            try {
                rsock.read(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out("Received:", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
            removed.add(loop.removeReader(rsock));
            removed.add(loop.removeReader(rsock));
            loop.stop();
        });
        loop.addWriter(wsock, () -> {
            out("writable");
            try {
                wsock.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out("remove_writer", loop.removeWriter(wsock), loop.removeWriter(wsock));
        });
        try {
            loop.runForever();
        } finally {
            out("removed", removed);
            out("remove unwatched", loop.removeReader(wsock), loop.removeWriter(rsock));
            rsock.close();
            wsock.close();
            loop.close();
            out("after close", loop.removeReader(rsock));
        }
    }
}
