package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncBoundedSemaphore;
import io.asyncj.AsyncBrokenBarrierException;
import io.asyncj.AsyncSemaphore;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases ported from CPython 3.11's test_locks.py: SemaphoreTests and BarrierTests. Where the
 * original counts results, this prints them in the order they happened, and which task did what.
 * Private state ({@code _waiters}) is read through the repr's bracket.
 */
public class SemaphoreBarrierSuite {
    static List<Object> log = new ArrayList<>();
    static List<Object> result = new ArrayList<>();
    static AsyncSemaphore sem;
    static AsyncBarrier barrier;
    static AsyncBarrier barrier2;

    static String br(Object x) {
        String r = x.toString();
        return r.substring(r.indexOf('['), r.indexOf(']') + 1);
    }

    static List<Object> done(List<? extends Task<?>> ts) {
        List<Object> r = new ArrayList<>();
        for (Task<?> t : ts) {
            r.add(t.isDone());
        }
        return r;
    }

    @Async
    static Coroutine<Void> semRepr() {
        AsyncSemaphore sem = new AsyncSemaphore();
        out("sem_repr", br(sem));
        await(sem.acquire());
        out("sem_repr", br(sem));
        Task<Boolean> t = createTask(sem.acquire());
        await(sleep(0));
        out("sem_repr", br(sem));
        sem.release();
        await(t);
        out("sem_repr", br(sem), sem.locked());
        out("initial_value_zero", new AsyncSemaphore(0).locked(), br(new AsyncSemaphore(0)));
        try {
            new AsyncSemaphore(-1);
        } catch (IllegalArgumentException e) {
            out("semaphore_value", d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Boolean> semC(int n) {
        await(sem.acquire());
        result.add(n);
        return completed(true);
    }

    @Async
    static Coroutine<Void> semAcquire() {
        sem = new AsyncSemaphore(3);
        result.clear();
        out("sem_acquire", await(sem.acquire()), await(sem.acquire()), sem.locked());
        Task<Boolean> t1 = createTask(semC(1));
        Task<Boolean> t2 = createTask(semC(2));
        Task<Boolean> t3 = createTask(semC(3));
        await(sleep(0));
        out("sem_acquire", result, sem.locked(), br(sem));
        Task<Boolean> t4 = createTask(semC(4));
        sem.release();
        sem.release();
        out("sem_acquire", br(sem));
        await(sleep(0));
        out("sem_acquire", result, sem.locked(), br(sem));
        out("sem_acquire", done(List.of(t1, t2, t3, t4)));
        sem.release();
        out("sem_acquire", await(gather(t2, t3, t4)), result);
        return completed();
    }

    @Async
    static Coroutine<Void> semAcquireCancel() {
        AsyncSemaphore sem = new AsyncSemaphore();
        await(sem.acquire());
        Task<Boolean> acquire = createTask(sem.acquire());
        getRunningLoop().callSoon(() -> acquire.cancel());
        try {
            await(acquire);
        } catch (CancelledException e) {
            out("sem_acquire_cancel", d(e), br(sem));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> semAcquireCancelBeforeAwoken() {
        AsyncSemaphore sem = new AsyncSemaphore(0);
        List<Task<Boolean>> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ts.add(createTask(sem.acquire()));
        }
        await(sleep(0));
        ts.get(0).cancel();
        ts.get(1).cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        out("cancel_before_awoken", done(ts), br(sem));
        ts.get(2).cancel();
        ts.get(3).cancel();
        await(sleep(0));
        List<Object> c = new ArrayList<>();
        for (Task<Boolean> t : ts) {
            c.add(t.isCancelled());
        }
        out("cancel_before_awoken", c, br(sem));
        return completed();
    }

    @Async
    static Coroutine<Void> semAcquireHang() {
        AsyncSemaphore sem = new AsyncSemaphore(0);
        Task<Boolean> t1 = createTask(sem.acquire());
        Task<Boolean> t2 = createTask(sem.acquire());
        await(sleep(0));
        t1.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        out("acquire_hang", sem.locked(), t2.isDone(), br(sem));
        return completed();
    }

    static Task<Void> box;

    @Async
    static Coroutine<Void> noHangC1() {
        await(sem.acquire());
        try {
            await(sleep(0));
        } finally {
            sem.release();
        }
        box.cancel();
        return completed();
    }

    @Async
    static Coroutine<Void> noHangC2() {
        await(sem.acquire());
        try {
            out("acquire_no_hang", "c2 got it");
        } finally {
            sem.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> semAcquireNoHang() {
        sem = new AsyncSemaphore(1);
        Task<Void> t1 = createTask(noHangC1());
        Task<Void> t2 = createTask(noHangC2());
        box = t2;
        List<Object> r = await(gather(true, t1, t2));
        out("acquire_no_hang", r, br(sem));
        out("acquire_no_hang", await(waitFor(sem.acquire(), 1.0)));
        return completed();
    }

    @Async
    static Coroutine<Void> semBounded() {
        AsyncSemaphore bs = new AsyncBoundedSemaphore();
        try {
            bs.release();
        } catch (IllegalArgumentException | IllegalStateException e) {
            out("release_not_acquired", "ValueError(" + repr(e.getMessage()) + ")");
        }
        AsyncSemaphore sem = new AsyncSemaphore();
        await(sem.acquire());
        out("release_no_waiters", sem.locked());
        sem.release();
        out("release_no_waiters", sem.locked());
        return completed();
    }

    @Async
    static Coroutine<Void> fifoCoro(String tag) {
        await(sem.acquire());
        result.add(tag + "_1");
        await(sleep(0.01));
        sem.release();
        await(sem.acquire());
        result.add(tag + "_2");
        await(sleep(0.01));
        sem.release();
        return completed();
    }

    @Async
    static Coroutine<Void> fifoBody(TaskGroup tg) {
        tg.createTask(fifoCoro("c1"));
        tg.createTask(fifoCoro("c2"));
        tg.createTask(fifoCoro("c3"));
        return completed();
    }

    @Async
    static Coroutine<Void> semFifo() {
        sem = new AsyncSemaphore(1);
        result.clear();
        await(TaskGroup.run(tg -> fifoBody(tg)));
        out("fifo_order", result);
        return completed();
    }

    @Async
    static Coroutine<Boolean> fifo2C1() {
        await(sem.acquire());
        result.add(1);
        return completed(true);
    }

    @Async
    static Coroutine<Boolean> fifo2C2() {
        await(sem.acquire());
        result.add(2);
        sem.release();
        await(sem.acquire());
        result.add(4);
        return completed(true);
    }

    @Async
    static Coroutine<Boolean> fifo2C3() {
        await(sem.acquire());
        result.add(3);
        return completed(true);
    }

    @Async
    static Coroutine<Void> semFifo2() {
        sem = new AsyncSemaphore(1);
        result.clear();
        List<Task<Boolean>> tasks = List.of(createTask(fifo2C1()), createTask(fifo2C2()), createTask(fifo2C3()));
        await(sleep(0));
        sem.release();
        sem.release();
        out("fifo_order_2", await(gather(tasks)), result);
        return completed();
    }

    @Async
    static Coroutine<Void> semFifo3() {
        sem = new AsyncSemaphore(0);
        result.clear();
        List<Task<Boolean>> tasks = new ArrayList<>();
        for (int n : new int[] {1, 2, 3}) {
            tasks.add(createTask(semC(n)));
        }
        await(sleep(0));
        tasks.get(0).cancel();
        await(sleep(0));
        sem.release();
        sem.release();
        List<Object> r = await(gather(true, new ArrayList<>(tasks)));
        out("fifo_order_3", r, result);
        return completed();
    }

    @Async
    static Coroutine<Void> barrierRepr() {
        int n = 5;
        AsyncBarrier barrier = new AsyncBarrier(n);
        out("barrier_repr", br(barrier));
        List<Task<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiters.add(createTask(barrier.waitAsync()));
        }
        await(sleep(0));
        out("barrier_repr", br(barrier));
        int missing = barrier.parties() - barrier.nWaiting();
        for (int i = 0; i < missing; i++) {
            waiters.add(createTask(barrier.waitAsync()));
        }
        await(sleep(0));
        out("barrier_repr", br(barrier), barrier.nWaiting());
        for (int i = 0; i < 2; i++) {
            waiters.add(createTask(barrier.waitAsync()));
        }
        await(sleep(0));
        await(barrier.reset());
        out("barrier_repr", br(barrier));
        for (int i = 0; i < 2; i++) {
            waiters.add(createTask(barrier.waitAsync()));
        }
        await(sleep(0));
        await(barrier.abort());
        out("barrier_repr", br(barrier), barrier.broken());
        List<Object> r = await(gather(true, new ArrayList<>(waiters)));
        out("barrier_repr", r);
        for (int p : new int[] {0, -4}) {
            try {
                new AsyncBarrier(p);
            } catch (IllegalArgumentException e) {
                out("barrier_parties", d(e));
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierFilling() {
        AsyncBarrier barrier = new AsyncBarrier(1);
        out("filling_one_task", await(barrier.waitAsync()), barrier.nWaiting(), barrier.broken());
        Task<Integer> t1 = createTask(barrier.waitAsync());
        await(sleep(0));
        out("filling_one_task_twice", barrier.nWaiting());
        Task<Integer> t2 = createTask(barrier.waitAsync());
        await(sleep(0));
        out("filling_one_task_twice", t1.result(), t2.result(), t1.isDone(), t2.isDone(), barrier.nWaiting(),
                barrier.broken());
        barrier = new AsyncBarrier(3);
        List<Task<Integer>> ts = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ts.add(createTask(barrier.waitAsync()));
            await(sleep(0));
            out("filling_task_by_task", barrier.nWaiting(), br(barrier));
        }
        await(io.asyncj.Asyncio.wait(ts));
        List<Object> r = new ArrayList<>();
        for (Task<Integer> t : ts) {
            r.add(t.result());
        }
        out("filling_task_by_task", r, barrier.nWaiting(), br(barrier));
        return completed();
    }

    @Async
    static Coroutine<Integer> twiceCoro(int n) {
        int i = await(barrier.waitAsync());
        log.add(n + ":first:" + i + ":" + str(barrier.toString().contains("draining")));
        int j = await(barrier.waitAsync());
        log.add(n + ":second:" + j);
        return completed(j);
    }

    @Async
    static Coroutine<Void> barrierTwice() {
        barrier = new AsyncBarrier(5);
        log.clear();
        List<Task<Integer>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(twiceCoro(n)));
        }
        List<Integer> res = await(gather(ts));
        out("wait_twice", res, barrier.nWaiting(), barrier.broken());
        out("wait_twice", log);
        return completed();
    }

    static int rewait;
    static int count;

    @Async
    static Coroutine<Void> blockingCoro(int n) {
        log.add(n + ":a:" + await(barrier.waitAsync()));
        if (rewait > 0) {
            rewait--;
            log.add(n + ":b:" + await(barrier.waitAsync()));
        } else {
            log.add(n + ":nw:" + await(barrier2.waitAsync()));
            log.add(n + ":c:" + await(barrier.waitAsync()));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierBlockingWhileDraining() {
        rewait = 2;
        barrier = new AsyncBarrier(5);
        barrier2 = new AsyncBarrier(3);
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(blockingCoro(n)));
        }
        await(gather(ts));
        out("blocking_while_draining", log);
        return completed();
    }

    @Async
    static Coroutine<Void> cancelOneCoro(int n) {
        int i = await(barrier.waitAsync());
        log.add(n + ":" + i);
        return completed();
    }

    @Async
    static Coroutine<Void> barrierCancelOne() {
        barrier = new AsyncBarrier(3);
        log.clear();
        Task<Void> t1 = createTask(cancelOneCoro(1));
        await(sleep(0));
        out("cancel_one", barrier.nWaiting());
        Task<Void> t2 = createTask(cancelOneCoro(2));
        await(sleep(0));
        out("cancel_one", barrier.nWaiting());
        t1.cancel();
        await(sleep(0));
        out("cancel_one", barrier.nWaiting());
        try {
            await(t1);
        } catch (CancelledException e) {
            out("cancel_one", d(e), t1.isCancelled());
        }
        Task<Void> t3 = createTask(cancelOneCoro(3));
        await(sleep(0));
        out("cancel_one", barrier.nWaiting());
        Task<Void> t4 = createTask(cancelOneCoro(4));
        await(gather(t2, t3, t4));
        out("cancel_one", log, barrier.nWaiting(), barrier.broken());
        return completed();
    }

    @Async
    static Coroutine<Void> resetCoro(int n) {
        try {
            await(barrier.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":" + d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierReset() {
        AsyncBarrier b1 = new AsyncBarrier(1);
        createTask(b1.reset());
        await(sleep(0));
        out("reset_barrier", b1.nWaiting(), b1.broken());
        barrier = new AsyncBarrier(5);
        log.clear();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            tasks.add(createTask(resetCoro(n)));
        }
        await(sleep(0));
        createTask(barrier.reset());
        await(gather(tasks));
        out("reset_while_waiting", log, barrier.nWaiting(), br(barrier), barrier.broken());
        return completed();
    }

    @Async
    static Coroutine<Void> halfCoro(int n) {
        try {
            await(barrier.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":broken1");
            log.add(n + ":w:" + await(barrier.waitAsync()));
            return completed();
        }
        count++;
        if (count > 2) {
            log.add(n + ":reset");
            await(barrier.reset());
            log.add(n + ":w:" + await(barrier.waitAsync()));
        } else {
            try {
                log.add(n + ":w:" + await(barrier.waitAsync()));
            } catch (AsyncBrokenBarrierException e) {
                log.add(n + ":broken2");
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierResetHalfDrainingHalfBlocking() {
        barrier = new AsyncBarrier(5);
        count = 0;
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(halfCoro(n)));
        }
        await(gather(ts));
        out("half_draining_half_blocking", log, barrier.nWaiting(), br(barrier), barrier.broken());
        return completed();
    }

    @Async
    static Coroutine<Void> againCoro1(int n) {
        try {
            await(barrier.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":broken");
        } finally {
            log.add(n + ":w:" + await(barrier.waitAsync()));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> againCoro2() {
        int i = await(barrier.waitAsync());
        log.add("c2:w:" + i);
        return completed();
    }

    @Async
    static Coroutine<Void> barrierResetWaitingAgain() {
        barrier = new AsyncBarrier(5);
        log.clear();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            tasks.add(createTask(againCoro1(n)));
        }
        createTask(barrier.reset());
        await(sleep(0));
        Task<Void> t = createTask(againCoro2());
        await(gather(tasks));
        await(t);
        out("reset_waiting_again", log, barrier.broken(), barrier.nWaiting());
        return completed();
    }

    @Async
    static Coroutine<Void> drainingCoro(int n) {
        await(barrier.waitAsync());
        count++;
        if (count == 5) {
            log.add(n + ":reset");
            await(barrier.reset());
            log.add(n + ":w2:" + await(barrier.waitAsync()));
        } else {
            try {
                log.add(n + ":w2:" + await(barrier.waitAsync()));
            } catch (AsyncBrokenBarrierException e) {
                log.add(n + ":" + d(e));
            }
        }
        log.add(n + ":w3:" + await(barrier.waitAsync()));
        return completed();
    }

    @Async
    static Coroutine<Void> barrierResetWhileDraining() {
        barrier = new AsyncBarrier(5);
        count = 0;
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(drainingCoro(n)));
        }
        await(gather(ts));
        out("reset_while_draining", log, barrier.broken(), barrier.nWaiting());
        return completed();
    }

    @Async
    static Coroutine<Void> abortCoro(int n) {
        try {
            await(barrier.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":broken1");
            return completed();
        }
        count++;
        if (count > 2) {
            log.add(n + ":abort");
            await(barrier.abort());
        } else {
            try {
                await(barrier.waitAsync());
            } catch (AsyncBrokenBarrierException e) {
                log.add(n + ":broken2");
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierAbort() {
        AsyncBarrier b1 = new AsyncBarrier(1);
        createTask(b1.abort());
        await(sleep(0));
        out("abort_barrier", b1.nWaiting(), b1.broken(), br(b1));
        barrier = new AsyncBarrier(5);
        count = 0;
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(abortCoro(n)));
        }
        await(gather(ts));
        out("abort_half_draining", log, barrier.broken(), barrier.nWaiting(), br(barrier));
        return completed();
    }

    @Async
    static Coroutine<Void> exceptionCoro(int n) {
        try {
            int i = await(barrier.waitAsync());
            if (i == 2) {
                throw new RuntimeException();
            }
            await(barrier.waitAsync());
            log.add(n + ":passed");
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":broken");
        } catch (RuntimeException e) {
            log.add(n + ":abort");
            await(barrier.abort());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> barrierAbortWhenException() {
        barrier = new AsyncBarrier(5);
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(exceptionCoro(n)));
        }
        await(gather(ts));
        out("abort_when_exception", log, barrier.broken(), barrier.nWaiting());
        return completed();
    }

    @Async
    static Coroutine<Void> thenResetCoro(int n) {
        try {
            int i = await(barrier.waitAsync());
            if (i == 2) {
                throw new RuntimeException();
            }
            await(barrier.waitAsync());
            log.add(n + ":passed");
        } catch (AsyncBrokenBarrierException e) {
            log.add(n + ":broken");
        } catch (RuntimeException e) {
            log.add(n + ":abort");
            await(barrier.abort());
        }
        int i = await(barrier2.waitAsync());
        if (i == 2) {
            log.add(n + ":reset");
            await(barrier.reset());
        }
        await(barrier2.waitAsync());
        log.add(n + ":w:" + await(barrier.waitAsync()));
        return completed();
    }

    @Async
    static Coroutine<Void> barrierAbortThenReset() {
        barrier = new AsyncBarrier(5);
        barrier2 = new AsyncBarrier(5);
        log.clear();
        List<Task<Void>> ts = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            ts.add(createTask(thenResetCoro(n)));
        }
        await(gather(ts));
        out("abort_then_reset", log, barrier.broken(), barrier.nWaiting());
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(semRepr());
        await(semAcquire());
        await(semAcquireCancel());
        await(semAcquireCancelBeforeAwoken());
        await(semAcquireHang());
        await(semAcquireNoHang());
        await(semBounded());
        await(semFifo());
        await(semFifo2());
        await(semFifo3());
        await(barrierRepr());
        await(barrierFilling());
        await(barrierTwice());
        await(barrierBlockingWhileDraining());
        await(barrierCancelOne());
        await(barrierReset());
        await(barrierResetHalfDrainingHalfBlocking());
        await(barrierResetWaitingAgain());
        await(barrierResetWhileDraining());
        await(barrierAbort());
        await(barrierAbortWhenException());
        await(barrierAbortThenReset());
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        log.clear();
        result.clear();
        go(main());
    }
}
