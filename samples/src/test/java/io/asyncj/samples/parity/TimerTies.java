package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.TimerHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Timers due at the same time: asyncio's heap compares deadlines only, so their order is heapq's
 * (ties; cancelled timers dropped from the top; the heap rebuilt when more than half are
 * cancelled, past 2,500 entries in CPython's cache-friendly order; tasks sharing a timeoutAt).
 */
public class TimerTies {
    @Async
    static Coroutine<Void> ties() {
        EventLoop loop = getRunningLoop();
        List<Integer> fired = new ArrayList<>();
        double t = loop.time() + 0.05;
        for (int i = 0; i < 12; i++) {
            int n = i;
            loop.callAt(t, () -> fired.add(n));
        }
        await(sleep(0.1));
        out("twelve ties", fired);
        return completed();
    }

    static String summary(List<Integer> fired) {
        long sum = 0;
        for (int k = 0; k < fired.size(); k++) {
            sum += (long) k * fired.get(k);
        }
        return fired.size() + " " + str(fired.subList(0, 30)) + " " + sum;
    }

    @Async
    static Coroutine<Void> headDrops() {
        EventLoop loop = getRunningLoop();
        List<Integer> fired = new ArrayList<>();
        double t = loop.time() + 0.05;
        List<TimerHandle> hs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            hs.add(loop.callAt(t + (i % 3) * 0.01, () -> fired.add(n)));
        }
        for (int i = 0; i < 300; i += 5) {
            hs.get(i).cancel();
        }
        await(sleep(0.15));
        out("head drops", summary(fired));
        return completed();
    }

    @Async
    static Coroutine<Void> compaction(int n) {
        EventLoop loop = getRunningLoop();
        List<Integer> fired = new ArrayList<>();
        double t = loop.time() + 0.05;
        List<TimerHandle> hs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            hs.add(loop.callAt(t + (i % 4) * 0.01, () -> fired.add(k)));
        }
        for (int i = 0; i < n; i += 2) {
            hs.get(i).cancel();
        }
        hs.get(1).cancel();
        await(sleep(0.2));
        out("compaction", n, summary(fired));
        return completed();
    }

    @Async
    static Coroutine<Void> sleeper(int i, double deadline) {
        try {
            await(timeoutAt(deadline, sleep(1)));
        } catch (AsyncTimeoutException e) {
            out("timed out", i);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> sharedDeadline() {
        double deadline = getRunningLoop().time() + 0.05;
        List<Coroutine<Void>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(sleeper(i, deadline));
        }
        await(gather(all));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(ties());
        await(headDrops());
        await(compaction(1000));
        await(compaction(8000));
        await(sharedDeadline());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
