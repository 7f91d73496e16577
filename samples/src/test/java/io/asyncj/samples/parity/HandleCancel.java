package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.EventLoop;
import io.asyncj.Handle;
import java.util.HashMap;
import java.util.Map;

/** Handles cancelled while already due in the same iteration; stop() from a callback and before runForever. */
public class HandleCancel {
    public static void main(String[] args) {
        EventLoop loop = newEventLoop();
        Map<String, Handle> handles = new HashMap<>();
        loop.callSoon(() -> {
            out("a cancels b");
            handles.get("b").cancel();
        });
        handles.put("b", loop.callSoon(() -> out("b never runs")));
        handles.put("t", loop.callLater(0.01, () -> out("timer never runs")));
        loop.callLater(0.005, () -> {
            out("early timer cancels the later one");
            handles.get("t").cancel();
        });
        loop.callSoon(() -> {
            out("c stops the loop");
            loop.stop();
        });
        loop.callSoon(() -> out("d still runs in this iteration"));
        loop.runForever();
        out("stopped once");
        loop.callSoon(() -> out("e next run"));
        loop.callLater(0.02, loop::stop);
        loop.runForever();
        out("stopped twice");
        loop.stop();
        loop.callSoon(() -> out("f runs before the pending stop"));
        loop.runForever();
        out("stopped thrice", handles.get("b").isCancelled(), handles.get("t").isCancelled());
        loop.close();
    }
}
