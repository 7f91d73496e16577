package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.function.Supplier;

/** Cases ported from CPython 3.11's test_taskgroups.py (test_taskgroup_11 to _19), with shorter sleeps. */
public class TaskGroupSuite {
    static class MyExc extends RuntimeException {
        MyExc(String m) {
            super(m);
        }
    }

    static int num = 0;

    @Async
    static Coroutine<Void> foo() {
        try {
            await(sleep(1));
        } finally {
            throw new ArithmeticException("division by zero");
        }
    }

    @Async
    static Coroutine<Void> crashAfter(double t) {
        await(sleep(t));
        throw new IllegalArgumentException(String.valueOf(t));
    }

    @Async
    static Coroutine<Void> crashSoon(double t) {
        await(sleep(t));
        throw new ArithmeticException("division by zero");
    }

    @Async
    static Coroutine<Void> g2Foos(TaskGroup g2) {
        for (int i = 0; i < 3; i++) {
            g2.createTask(foo());
        }
        await(sleep(1));
        return completed();
    }

    @Async
    static Coroutine<Void> r11() {
        await(TaskGroup.run(g1 -> TaskGroup.run(g2 -> g2Foos(g2))));
        return completed();
    }

    @Async
    static Coroutine<Void> r12() {
        await(TaskGroup.run(g1 -> {
            g1.createTask(sleep(1));
            return TaskGroup.run(g2 -> g2Foos(g2));
        }));
        return completed();
    }

    @Async
    static Coroutine<Void> r13() {
        await(TaskGroup.run(g1 -> {
            g1.createTask(crashAfter(0.01));
            return TaskGroup.run(g2 -> {
                g2.createTask(crashAfter(1));
                return completed();
            });
        }));
        return completed();
    }

    @Async
    static Coroutine<Void> r14() {
        await(TaskGroup.run(g1 -> {
            g1.createTask(crashAfter(1));
            return TaskGroup.run(g2 -> {
                g2.createTask(crashAfter(0.01));
                return completed();
            });
        }));
        return completed();
    }

    @Async
    static Coroutine<Void> r15Body(TaskGroup g1) {
        g1.createTask(crashSoon(0.03));
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            await(sleep(0.05));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> r15() {
        await(TaskGroup.run(g1 -> r15Body(g1)));
        return completed();
    }

    @Async
    static Coroutine<Void> r16() {
        Task<Void> t = createTask(r15());
        await(t);
        return completed();
    }

    @Async
    static Coroutine<Void> r17Body() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            num += 10;
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> r17() {
        await(TaskGroup.run(g -> r17Body()));
        return completed();
    }

    @Async
    static Coroutine<Void> r18Body() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            num += 10;
            throw new MyExc("weird");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> r18() {
        await(TaskGroup.run(g -> r18Body()));
        return completed();
    }

    @Async
    static Coroutine<Void> nested() {
        try {
            await(sleep(1));
        } finally {
            throw new MyExc("nested");
        }
    }

    @Async
    static Coroutine<Void> r19() {
        await(TaskGroup.run(g -> {
            g.createTask(crashSoon(0.01));
            return nested();
        }));
        return completed();
    }


    @Async
    static Coroutine<Void> runCase(String name, Supplier<Coroutine<Void>> f, double cancelAfter) {
        Task<Void> r = createTask(f.get());
        if (!Double.isNaN(cancelAfter)) {
            await(sleep(cancelAfter));
            out(name, "done before cancel", r.isDone());
            r.cancel();
        }
        try {
            await(r);
            out(name, "returned");
        } catch (Throwable e) {
            out(name, d(e));
        }
        out(name, "cancelled", r.isCancelled(), "NUM", num);
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(runCase("11", TaskGroupSuite::r11, 0.01));
        await(runCase("12", TaskGroupSuite::r12, 0.01));
        await(runCase("13", TaskGroupSuite::r13, Double.NaN));
        await(runCase("14", TaskGroupSuite::r14, Double.NaN));
        await(runCase("15", TaskGroupSuite::r15, 0.01));
        await(runCase("16", TaskGroupSuite::r16, 0.01));
        await(runCase("17", TaskGroupSuite::r17, 0.01));
        await(runCase("18", TaskGroupSuite::r18, 0.01));
        await(runCase("19", TaskGroupSuite::r19, Double.NaN));
        return completed();
    }

    public static void main(String[] args) {
        num = 0; // a rerun in the same JVM starts afresh
        go(main());
    }
}
