package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cases ported from CPython 3.11's test_taskgroups.py that TaskGroupSuite leaves out: 01 to 10,
 * 22 to 25, task names, no createTask after a failure, a body whose cleanup throws after the group
 * cancelled it (gh-95289), a finished group. Sleeps are shorter; the errors an ExceptionGroup
 * holds are printed as reprs in order.
 */
public class TaskGroupSuite2 {
    static List<Object> eg(ExceptionGroup e) {
        List<Object> r = new ArrayList<>();
        for (Throwable x : e.exceptions()) {
            r.add(d(x));
        }
        return r;
    }

    static int num;
    static boolean t2Cancel;
    static boolean runnerCancel;
    static int nhydras;
    static List<Task<?>> box = new ArrayList<>();

    @Async
    static Coroutine<Integer> foo1(double t, int r) {
        await(sleep(t));
        return completed(r);
    }

    @Async
    static Coroutine<Void> b01(TaskGroup g) {
        box.add(g.createTask(foo1(0.01, 42)));
        box.add(g.createTask(foo1(0.02, 11)));
        return completed();
    }

    @Async
    static Coroutine<Void> b02(TaskGroup g) {
        box.add(g.createTask(foo1(0.01, 42)));
        await(sleep(0.015));
        box.add(g.createTask(foo1(0.02, 11)));
        return completed();
    }

    @Async
    static Coroutine<Void> b03(TaskGroup g) {
        box.add(g.createTask(foo1(1, 42)));
        await(sleep(0.015));
        box.get(0).cancel();
        box.add(g.createTask(foo1(0.02, 11)));
        return completed();
    }

    @Async
    static Coroutine<Void> divAfter(double t) {
        await(sleep(t));
        throw new ArithmeticException("division by zero");
    }

    @Async
    static Coroutine<Void> t2Foo(double t) {
        try {
            await(sleep(t));
        } catch (CancelledException e) {
            t2Cancel = true;
            throw e;
        }
        num++;
        return completed();
    }

    @Async
    static Coroutine<Void> b04(TaskGroup g) {
        g.createTask(divAfter(0.01));
        box.add(g.createTask(t2Foo(1)));
        return completed();
    }

    @Async
    static Coroutine<Void> runner04() {
        await(TaskGroup.run(g -> b04(g)));
        num += 10;
        return completed();
    }

    @Async
    static Coroutine<Void> bChildError(TaskGroup g) {
        g.createTask(divAfter(0.01));
        g.createTask(divAfter(0.01));
        g.createTask(divAfter(0.01));
        g.createTask(t2Foo(5));
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            runnerCancel = true;
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> runnerChildError() {
        await(TaskGroup.run(g -> bChildError(g)));
        num += 10;
        return completed();
    }

    @Async
    static Coroutine<Void> counting() {
        try {
            await(sleep(5));
        } catch (CancelledException e) {
            num++;
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> bCancellation(TaskGroup g) {
        for (int i = 0; i < 5; i++) {
            g.createTask(counting());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> b07(TaskGroup g) {
        for (int i = 0; i < 5; i++) {
            g.createTask(counting());
        }
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            num += 10;
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> foo08() {
        try {
            await(sleep(10));
        } finally {
            throw new ArithmeticException("division by zero");
        }
    }

    @Async
    static Coroutine<Void> b08(TaskGroup g) {
        for (int i = 0; i < 5; i++) {
            g.createTask(foo08());
        }
        await(sleep(10));
        return completed();
    }

    @Async
    static Coroutine<Void> b09(TaskGroup g, boolean pause) {
        box.add(g.createTask(foo1(1, 42)));
        box.add(g.createTask(foo1(2, 11)));
        if (pause) {
            await(sleep(0.01));
        }
        throw new ArithmeticException("division by zero");
    }

    @Async
    static Coroutine<Void> b22(TaskGroup g) {
        g.createTask(foo1(1, 42));
        g.createTask(foo1(2, 11));
        return completed();
    }

    @Async
    static Coroutine<Void> b23(TaskGroup g) {
        for (int count = 0; count < 10; count++) {
            await(sleep(0.01));
            g.createTask(sleep(0.03));
        }
        await(sleep(0.1));
        int n = 0;
        for (Task<?> t : allTasks()) {
            if (!t.isDone()) {
                n++;
            }
        }
        out("23", n);
        return completed();
    }

    static List<Object> log = new ArrayList<>();

    @Async
    static Coroutine<Void> coro1(double delay) {
        await(sleep(delay));
        log.add(delay);
        return completed();
    }

    @Async
    static Coroutine<Void> root(TaskGroup g) {
        await(sleep(0.01));
        g.createTask(coro1(0.01));
        g.createTask(coro1(0.02));
        return completed();
    }

    @Async
    static Coroutine<Void> b24(TaskGroup g) {
        g.createTask(root(g));
        return completed();
    }

    @Async
    static Coroutine<Void> hydra(TaskGroup g) {
        nhydras++;
        await(sleep(0.01));
        g.createTask(hydra(g));
        g.createTask(hydra(g));
        return completed();
    }

    @Async
    static Coroutine<Void> hercules() {
        while (nhydras < 10) {
            await(sleep(0.015));
        }
        throw new ArithmeticException("division by zero");
    }

    @Async
    static Coroutine<Void> b25(TaskGroup g) {
        g.createTask(hydra(g));
        g.createTask(hercules());
        return completed();
    }

    @Async
    static Coroutine<Void> zero() {
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> bNames(TaskGroup g) {
        Task<Void> t = g.createTask(zero(), "yolo");
        out("task_name", t.getName());
        return completed();
    }

    @Async
    static Coroutine<Void> failSoon() {
        await(sleep(0.001));
        throw new ArithmeticException("division by zero");
    }

    @Async
    static Coroutine<Void> coro2(TaskGroup g) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            Coroutine<Void> c1 = failSoon();
            try {
                g.createTask(c1);
            } catch (IllegalStateException e2) {
                String[] parts = e2.getMessage().split(">");
                out("no_create_task_after_failure", parts[parts.length - 1]);
            }
            try {
                await(c1);
            } catch (ArithmeticException e3) {
                out("no_create_task_after_failure", d(e3));
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> bNoCreate(TaskGroup g) {
        g.createTask(failSoon());
        g.createTask(coro2(g));
        return completed();
    }

    @Async
    static Coroutine<Void> raiseExc() {
        throw new NoSuchElementException("child");
    }

    @Async
    static Coroutine<Void> bExitRaises(TaskGroup tg) {
        try {
            tg.createTask(raiseExc());
            await(sleep(1));
        } finally {
            throw new NoSuchElementException("body");
        }
    }

    @Async
    static Coroutine<Void> exitRaisesMain() {
        Task<?> task = currentTask();
        try {
            await(TaskGroup.run(tg -> bExitRaises(tg)));
        } catch (ExceptionGroup err) {
            out("context_manager_exit_raises", task.cancelling(), d(err), eg(err));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> bKeep(TaskGroup g, TaskGroup[] keep) {
        keep[0] = g;
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        box.clear();
        await(TaskGroup.run(g -> b01(g)));
        out("01", box.get(0).result(), box.get(1).result());
        box.clear();
        await(TaskGroup.run(g -> b02(g)));
        out("02", box.get(0).result(), box.get(1).result());
        box.clear();
        await(TaskGroup.run(g -> b03(g)));
        out("03", box.get(0).isCancelled(), box.get(1).result());

        num = 0;
        t2Cancel = false;
        box.clear();
        try {
            await(createTask(runner04()));
        } catch (ExceptionGroup e) {
            out("04", d(e), eg(e));
        }
        out("04", num, t2Cancel, box.get(0).isCancelled());

        num = 0;
        t2Cancel = false;
        runnerCancel = false;
        try {
            await(createTask(runnerChildError()));
        } catch (ExceptionGroup e) {
            out("cancel_children_on_child_error", d(e), eg(e));
        }
        out("cancel_children_on_child_error", num, t2Cancel, runnerCancel);

        num = 0;
        Task<Void> r = createTask(TaskGroup.run(g -> bCancellation(g)));
        await(sleep(0.01));
        out("cancellation", r.isDone());
        r.cancel();
        try {
            await(r);
        } catch (CancelledException e) {
            out("cancellation", d(e), num, r.isCancelled());
        }

        num = 0;
        r = createTask(TaskGroup.run(g -> b07(g)));
        await(sleep(0.01));
        out("07", r.isDone());
        r.cancel();
        try {
            await(r);
        } catch (CancelledException e) {
            out("07", d(e), num);
        }

        r = createTask(TaskGroup.run(g -> b08(g)));
        await(sleep(0.01));
        out("08", r.isDone());
        r.cancel();
        try {
            await(r);
        } catch (ExceptionGroup e) {
            out("08", d(e), eg(e), r.isCancelled(), currentTask().cancelling());
        }

        for (String name : new String[] {"09", "10"}) {
            box.clear();
            try {
                await(TaskGroup.run(g -> b09(g, name.equals("09"))));
            } catch (ExceptionGroup e) {
                out(name, d(e), eg(e));
            }
            out(name, box.get(0).isCancelled(), box.get(1).isCancelled(), currentTask().cancelling());
        }

        r = createTask(TaskGroup.run(g -> b22(g)));
        await(sleep(0.005));
        r.cancel();
        try {
            await(r);
        } catch (CancelledException e) {
            out("22", d(e));
        }

        await(TaskGroup.run(g -> b23(g)));
        await(TaskGroup.run(g -> b24(g)));
        out("24", log);

        nhydras = 0;
        try {
            await(TaskGroup.run(g -> b25(g)));
        } catch (ExceptionGroup e) {
            out("25", d(e), eg(e), nhydras >= 10);
        }

        await(TaskGroup.run(g -> bNames(g)));

        try {
            await(TaskGroup.run(g -> bNoCreate(g)));
        } catch (ExceptionGroup e) {
            out("no_create_task_after_failure", d(e), eg(e));
        }

        await(createTask(exitRaisesMain()));

        TaskGroup[] keep = new TaskGroup[1];
        await(TaskGroup.run(g -> bKeep(g, keep)));
        Coroutine<Void> coro = sleep(0);
        try {
            keep[0].createTask(coro);
        } catch (IllegalStateException e) {
            String[] parts = e.getMessage().split(">");
            out("finished", parts[parts.length - 1]);
        }
        await(coro);
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        box.clear();
        log.clear();
        go(main());
    }
}
