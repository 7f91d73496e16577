package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases ported from CPython 3.11's test_locks.py: LockTests, EventTests, ConditionTests. Private
 * state ({@code _waiters}) is read through the repr's bracket, {@code [locked, waiters:1]}.
 * {@code wait_for} returns the predicate's value in asyncio and a boolean here (a
 * {@code BooleanSupplier}): the twin's predicate returns {@code True}.
 */
public class LockSuite {
    static List<Object> result = new ArrayList<>();
    static AsyncLock lock;
    static AsyncEvent ev;
    static AsyncCondition cond;

    static String br(Object x) {
        String r = x.toString();
        return r.substring(r.indexOf('['), r.indexOf(']') + 1);
    }

    @Async
    static Coroutine<Boolean> lockC(int n) {
        if (await(lock.acquire())) {
            result.add(n);
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> lockAcquire() {
        lock = new AsyncLock();
        result.clear();
        out("acquire", await(lock.acquire()));
        Task<Boolean> t1 = createTask(lockC(1));
        Task<Boolean> t2 = createTask(lockC(2));
        await(sleep(0));
        out("acquire", result, br(lock));
        lock.release();
        await(sleep(0));
        out("acquire", result);
        await(sleep(0));
        out("acquire", result);
        Task<Boolean> t3 = createTask(lockC(3));
        lock.release();
        await(sleep(0));
        out("acquire", result);
        lock.release();
        await(sleep(0));
        out("acquire", result, t1.isDone(), t1.result(), t2.result(), t3.result(), br(lock));
        lock.release();
        return completed();
    }

    @Async
    static Coroutine<Void> lockAcquireCancel() {
        AsyncLock lock = new AsyncLock();
        out("acquire_cancel", await(lock.acquire()));
        Task<Boolean> task = createTask(lock.acquire());
        getRunningLoop().callSoon(() -> task.cancel());
        try {
            await(task);
        } catch (CancelledException e) {
            out("acquire_cancel", d(e), br(lock));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> lockit(String name, Future<Void> blocker) {
        await(lock.acquire());
        try {
            if (blocker != null) {
                await(blocker);
            }
        } finally {
            lock.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> lockCancelRace() {
        lock = new AsyncLock();
        Future<Void> fa = getRunningLoop().createFuture();
        Task<Void> ta = createTask(lockit("A", fa));
        await(sleep(0));
        out("cancel_race", lock.locked());
        Task<Void> tb = createTask(lockit("B", null));
        await(sleep(0));
        out("cancel_race", br(lock));
        Task<Void> tc = createTask(lockit("C", null));
        await(sleep(0));
        out("cancel_race", br(lock));
        fa.setResult(null);
        tb.cancel();
        await(sleep(0));
        out("cancel_race", lock.locked(), ta.isDone(), tb.isCancelled(), tc.isDone());
        await(tc);
        out("cancel_race", br(lock));
        return completed();
    }

    static int[] counts = new int[2];

    @Async
    static Coroutine<Void> countingLockit() {
        counts[1]++;
        await(lock.acquire());
        counts[0]++;
        return completed();
    }

    @Async
    static Coroutine<Void> lockCancelReleaseRace() {
        EventLoop loop = getRunningLoop();
        lock = new AsyncLock();
        await(lock.acquire());
        Task<Void> t1 = createTask(countingLockit());
        Task<Void> t2 = createTask(countingLockit());
        Task<Void> t3 = createTask(countingLockit());
        await(sleep(0));
        loop.callSoon(() -> {
            t1.cancel();
            lock.release();
        });
        try {
            await(t1);
        } catch (CancelledException e) {
            out("cancel_release_race", "t1 cancelled");
        }
        out("cancel_release_race", List.of(counts[0], counts[1]), t1.isCancelled(), t2.isDone(), t3.isDone());
        t3.cancel();
        await(sleep(0));
        out("cancel_release_race", t3.isCancelled(), br(lock));
        return completed();
    }

    @Async
    static Coroutine<Void> lockFinishedWaiterCancelled() {
        AsyncLock lock = new AsyncLock();
        await(lock.acquire());
        Task<Boolean> tb = createTask(lock.acquire());
        await(sleep(0));
        out("finished_waiter_cancelled", br(lock));
        Task<Boolean> tc = createTask(lock.acquire());
        tb.cancel();
        lock.release();
        await(sleep(0));
        out("finished_waiter_cancelled", lock.locked(), tb.isCancelled(), tc.isDone());
        out("finished_waiter_cancelled", await(tc), br(lock));
        return completed();
    }

    @Async
    static Coroutine<Void> lockRelease() {
        AsyncLock lock = new AsyncLock();
        try {
            lock.release();
        } catch (IllegalStateException e) {
            out("release_not_acquired", d(e));
        }
        await(lock.acquire());
        out("release_no_waiters", br(lock));
        lock.release();
        out("release_no_waiters", br(lock));
        return completed();
    }

    @Async
    static Coroutine<Void> evC(int n) {
        if (await(ev.waitAsync())) {
            result.add(n);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> eventWait() {
        ev = new AsyncEvent();
        result.clear();
        Task<Void> t1 = createTask(evC(1));
        Task<Void> t2 = createTask(evC(2));
        await(sleep(0));
        out("event_wait", result, br(ev));
        Task<Void> t3 = createTask(evC(3));
        ev.set();
        await(sleep(0));
        out("event_wait", result, t1.isDone(), t1.result(), t2.result(), t3.result(), br(ev));
        out("event_wait_on_set", await(ev.waitAsync()));
        return completed();
    }

    @Async
    static Coroutine<Void> eventWaitCancel() {
        AsyncEvent ev = new AsyncEvent();
        Task<Boolean> wait = createTask(ev.waitAsync());
        getRunningLoop().callSoon(() -> wait.cancel());
        try {
            await(wait);
        } catch (CancelledException e) {
            out("event_wait_cancel", d(e), br(ev));
        }
        return completed();
    }

    @Async
    static Coroutine<Boolean> evC1() {
        if (await(ev.waitAsync())) {
            result.add(1);
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> eventClearWithWaiters() {
        ev = new AsyncEvent();
        result.clear();
        Task<Boolean> t = createTask(evC1());
        await(sleep(0));
        out("clear_with_waiters", result);
        ev.set();
        ev.clear();
        out("clear_with_waiters", ev.isSet());
        ev.set();
        ev.set();
        out("clear_with_waiters", br(ev));
        await(sleep(0));
        out("clear_with_waiters", result, br(ev), t.isDone(), t.result());
        return completed();
    }

    @Async
    static Coroutine<Boolean> condC(int n) {
        await(cond.acquire());
        if (await(cond.waitAsync())) {
            result.add(n);
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> condWait() {
        cond = new AsyncCondition();
        result.clear();
        Task<Boolean> t1 = createTask(condC(1));
        Task<Boolean> t2 = createTask(condC(2));
        Task<Boolean> t3 = createTask(condC(3));
        await(sleep(0));
        out("cond_wait", result, cond.locked(), br(cond));
        out("cond_wait", await(cond.acquire()));
        cond.signal();
        await(sleep(0));
        out("cond_wait", result, cond.locked());
        cond.release();
        await(sleep(0));
        out("cond_wait", result, cond.locked());
        cond.signal(2);
        await(sleep(0));
        out("cond_wait", result, cond.locked());
        cond.release();
        await(sleep(0));
        out("cond_wait", result, cond.locked());
        cond.release();
        await(sleep(0));
        out("cond_wait", result, cond.locked(), t1.result(), t2.result(), t3.result(), br(cond));
        cond.release();
        return completed();
    }

    @Async
    static Coroutine<Void> condWaitCancel() {
        AsyncCondition cond = new AsyncCondition();
        await(cond.acquire());
        Task<Boolean> wait = createTask(cond.waitAsync());
        getRunningLoop().callSoon(() -> wait.cancel());
        try {
            await(wait);
        } catch (CancelledException e) {
            out("cond_wait_cancel", d(e), br(cond), cond.locked());
        }
        cond.release();
        return completed();
    }

    @Async
    static Coroutine<Void> condWaitCancelContested() {
        AsyncCondition cond = new AsyncCondition();
        await(cond.acquire());
        Task<Boolean> waitTask = createTask(cond.waitAsync());
        await(sleep(0));
        out("wait_cancel_contested", cond.locked());
        await(cond.acquire());
        out("wait_cancel_contested", cond.locked());
        cond.signal();
        getRunningLoop().callSoon(() -> waitTask.cancel());
        getRunningLoop().callSoon(cond::release);
        try {
            await(waitTask);
            out("wait_cancel_contested", "not cancelled");
        } catch (CancelledException e) {
            out("wait_cancel_contested", "cancelled");
        }
        out("wait_cancel_contested", cond.locked(), waitTask.isCancelled());
        cond.release();
        return completed();
    }

    static List<Object> waited = new ArrayList<>();

    @Async
    static Coroutine<Void> waitOnCond() {
        await(cond.acquire());
        try {
            waited.add(true);
            await(cond.waitAsync());
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> condWaitCancelAfterNotify() {
        cond = new AsyncCondition();
        Task<Void> waiter = createTask(waitOnCond());
        await(sleep(0));
        await(cond.acquire());
        cond.signal();
        await(sleep(0));
        waiter.cancel();
        await(sleep(0));
        cond.release();
        await(sleep(0));
        out("wait_cancel_after_notify", waiter.isCancelled(), waited, cond.locked());
        return completed();
    }

    @Async
    static Coroutine<Void> condUnacquired() {
        AsyncCondition cond = new AsyncCondition();
        try {
            await(cond.waitAsync());
        } catch (IllegalStateException e) {
            out("wait_unacquired", d(e));
        }
        out("wait_for_unacquired", await(cond.waitFor(() -> true)));
        try {
            await(cond.waitFor(() -> false));
        } catch (IllegalStateException e) {
            out("wait_for_unacquired", d(e));
        }
        try {
            cond.signal();
        } catch (IllegalStateException e) {
            out("notify_unacquired", d(e));
        }
        try {
            cond.signalAll();
        } catch (IllegalStateException e) {
            out("notify_all_unacquired", d(e));
        }
        return completed();
    }

    static boolean presult;
    static List<Object> calls = new ArrayList<>();

    @Async
    static Coroutine<Boolean> waitForC1() {
        await(cond.acquire());
        if (await(cond.waitFor(() -> {
            calls.add(presult);
            return presult;
        }))) {
            result.add(1);
            cond.release();
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> condWaitFor() {
        cond = new AsyncCondition();
        result.clear();
        Task<Boolean> t = createTask(waitForC1());
        await(sleep(0));
        out("wait_for", result, calls);
        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        out("wait_for", result, calls);
        presult = true;
        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        out("wait_for", result, calls, t.isDone(), t.result());
        return completed();
    }

    @Async
    static Coroutine<Boolean> notifyC(int n) {
        await(cond.acquire());
        if (await(cond.waitAsync())) {
            result.add(n);
            cond.release();
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> condNotify() {
        cond = new AsyncCondition();
        result.clear();
        List<Task<Boolean>> ts = new ArrayList<>();
        for (int n : new int[] {1, 2, 3}) {
            ts.add(createTask(notifyC(n)));
        }
        await(sleep(0));
        out("notify", result);
        await(cond.acquire());
        cond.signal(1);
        cond.release();
        await(sleep(0));
        out("notify", result);
        await(cond.acquire());
        cond.signal(1);
        cond.signal(2048);
        cond.release();
        await(sleep(0));
        List<Object> rs = new ArrayList<>();
        for (Task<Boolean> t : ts) {
            rs.add(t.result());
        }
        out("notify", result, rs);
        ts.clear();
        for (int n : new int[] {4, 5}) {
            ts.add(createTask(notifyC(n)));
        }
        await(sleep(0));
        await(cond.acquire());
        cond.signalAll();
        cond.release();
        await(sleep(0));
        rs.clear();
        for (Task<Boolean> t : ts) {
            rs.add(t.result());
        }
        out("notify_all", result, rs);
        return completed();
    }

    @Async
    static Coroutine<Void> explicit(AsyncLock lock, AsyncCondition cond) {
        if (lock == null) {
            lock = new AsyncLock();
        }
        if (cond == null) {
            cond = new AsyncCondition(lock);
        }
        List<Object> r = new ArrayList<>(List.of(lock.locked(), cond.locked()));
        await(cond.acquire());
        try {
            r.add(lock.locked());
            r.add(cond.locked());
        } finally {
            cond.release();
        }
        r.add(lock.locked());
        r.add(cond.locked());
        await(lock.acquire());
        try {
            r.add(lock.locked());
            r.add(cond.locked());
        } finally {
            lock.release();
        }
        r.add(lock.locked());
        r.add(cond.locked());
        out("explicit_lock", r);
        return completed();
    }

    @Async
    static Coroutine<Void> condExplicitLock() {
        await(explicit(null, null));
        await(explicit(new AsyncLock(), null));
        AsyncLock l = new AsyncLock();
        await(explicit(l, new AsyncCondition(l)));
        return completed();
    }

    @Async
    static Coroutine<Void> condTimeoutInBlock() {
        AsyncCondition condition = new AsyncCondition();
        await(condition.acquire());
        try {
            try {
                await(waitFor(condition.waitAsync(), 0.05));
            } catch (AsyncTimeoutException e) {
                out("timeout_in_block", d(e), condition.locked(), br(condition));
            }
        } finally {
            condition.release();
        }
        out("timeout_in_block", condition.locked());
        return completed();
    }

    @Async
    static Coroutine<Void> reprs() {
        AsyncLock lock = new AsyncLock();
        out("repr", br(lock));
        await(lock.acquire());
        out("repr", br(lock));
        AsyncEvent ev = new AsyncEvent();
        out("repr", br(ev));
        ev.set();
        out("repr", br(ev));
        AsyncCondition cond = new AsyncCondition();
        out("repr", br(cond));
        await(cond.acquire());
        out("repr", br(cond));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(lockAcquire());
        await(lockAcquireCancel());
        await(lockCancelRace());
        await(lockCancelReleaseRace());
        await(lockFinishedWaiterCancelled());
        await(lockRelease());
        await(eventWait());
        await(eventWaitCancel());
        await(eventClearWithWaiters());
        await(condWait());
        await(condWaitCancel());
        await(condWaitCancelContested());
        await(condWaitCancelAfterNotify());
        await(condUnacquired());
        await(condWaitFor());
        await(condNotify());
        await(condExplicitLock());
        await(condTimeoutInBlock());
        await(reprs());
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        result.clear();
        counts = new int[2];
        waited.clear();
        presult = false;
        calls.clear();
        go(main());
    }
}
