package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncQueueTest {

    static Coroutine<Object> getter(AsyncQueue<Integer> q, List<String> trace, String name) {
        return Script.start(q::get).handle((v, e) -> {
            trace.add(name + " " + (e == null ? v : e.getClass().getSimpleName()));
            if (e instanceof CancelledException) {
                throw e;
            }
            return null;
        }).build();
    }

    static Coroutine<Object> putter(AsyncQueue<Integer> q, List<String> trace, String name, int x) {
        return Script.start(() -> q.put(x)).handle((v, e) -> {
            trace.add(name + " " + (e == null ? "put" : e.getClass().getSimpleName()));
            if (e instanceof CancelledException) {
                throw e;
            }
            return null;
        }).build();
    }

    @Test
    void fifoOrderAndSizes() {
        AsyncQueue<Integer> q = new AsyncQueue<>(3);
        assertTrue(q.empty());
        assertFalse(q.full());
        q.putNowait(1);
        q.putNowait(2);
        q.putNowait(3);
        assertTrue(q.full());
        assertEquals(3, q.qsize());
        assertEquals(3, q.maxsize());
        assertEquals(1, q.getNowait());
        assertEquals(2, Loops.runVirtual(q.get()));
        assertEquals(3, q.getNowait());
        assertTrue(q.empty());
    }

    @Test
    void getFromANonEmptyQueueDoesNotSuspend() {
        Expect e = new Expect();
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        SelectorEventLoop loop = Loops.virtual();
        loop.runUntilComplete(Script.start(() -> {
            loop.callSoon(() -> e.expect(3));
            return q.put(7);
        }).then(v -> q.get()).then(v -> {
            e.expect(1);
            assertEquals(7, v);
            e.expect(2);
            return sleep(0);
        }).build());
        e.finish(4);
        loop.close();
    }

    @Test
    void getWaitsForAPutAndPutWaitsForAGet() {
        Expect e = new Expect();
        AsyncQueue<Integer> q = new AsyncQueue<>(2);
        Loops.runVirtual(Script.start(() -> {
            Task<Integer> g = createTask(q.get());
            return Script.start(() -> sleep(0)).then(v -> {
                e.expect(1);
                assertFalse(g.isDone());
                q.putNowait(1);
                q.putNowait(2); // g was woken but has not taken its item yet
                return q.put(3); // full: waits until g takes item 1
            }).then(v -> {
                e.expect(2);
                assertEquals(1, g.result());
                assertEquals(List.of(2, 3), List.of(q.getNowait(), q.getNowait()));
                return null;
            }).build();
        }).build());
        e.finish(3);
    }

    @Test
    void pingPongThroughTwoOneSlotQueues() {
        // The shape of benchmark W3, scaled down.
        AsyncQueue<Integer> ping = new AsyncQueue<>(1);
        AsyncQueue<Integer> pong = new AsyncQueue<>(1);
        int n = 10_000;
        Coroutine<Object> echo = new Coroutine<>() {
            private int i;

            @Override
            protected void $resume() {
                for (;;) {
                    switch ($state) {
                        case 0:
                            if (i == n) {
                                $complete(null);
                                return;
                            }
                            if ($await(ping.get(), 1)) {
                                return;
                            }
                            // fall through
                        case 1:
                            Integer v = $get();
                            if ($await(pong.put(v + 1), 2)) {
                                return;
                            }
                            // fall through
                        case 2:
                            $get();
                            i++;
                            $state = 0;
                            continue;
                        default:
                            throw $badState();
                    }
                }
            }
        };
        Coroutine<Long> driver = new Coroutine<>() {
            private int i;
            private long sum;

            @Override
            protected void $resume() {
                for (;;) {
                    switch ($state) {
                        case 0:
                            if (i == 0) {
                                createTask(echo);
                            }
                            if (i == n) {
                                $complete(sum);
                                return;
                            }
                            if ($await(ping.put(i), 1)) {
                                return;
                            }
                            // fall through
                        case 1:
                            $get();
                            if ($await(pong.get(), 2)) {
                                return;
                            }
                            // fall through
                        case 2:
                            sum += this.<Integer>$get();
                            i++;
                            $state = 0;
                            continue;
                        default:
                            throw $badState();
                    }
                }
            }
        };
        assertEquals((long) n * (n + 1) / 2, Loops.runVirtual(driver));
    }

    @Test
    void wokenGetterCancelledBeforeItRunsPassesTheItemOn() {
        // Python 3.13: [('a', 'cancelled'), ('b', 1)] 0
        AsyncQueue<Integer> q = new AsyncQueue<>();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(getter(q, trace, "a"));
            Task<Object> b = createTask(getter(q, trace, "b"));
            return Script.start(() -> sleep(0)).then(v -> {
                q.putNowait(1);
                a.cancel();
                return Asyncio.gather(true, a, b);
            }).build();
        }).build());
        assertEquals(List.of("a CancelledException", "b 1"), trace);
        assertEquals(0, q.qsize());
    }

    @Test
    void wokenPutterCancelledBeforeItRunsPassesTheSlotOn() {
        // Python 3.13: 0, then [('a', 'cancelled'), ('b', 'put')] 2
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        List<String> trace = new ArrayList<>();
        q.putNowait(0);
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(putter(q, trace, "a", 1));
            Task<Object> b = createTask(putter(q, trace, "b", 2));
            return Script.start(() -> sleep(0)).then(v -> {
                assertEquals(0, q.getNowait());
                a.cancel();
                return Asyncio.gather(true, a, b);
            }).build();
        }).build());
        assertEquals(List.of("a CancelledException", "b put"), trace);
        assertEquals(2, q.getNowait());
    }

    @Test
    void cancelledWaitingGetterLeavesTheQueue() {
        AsyncQueue<Integer> q = new AsyncQueue<>();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(getter(q, trace, "a"));
            Task<Object> b = createTask(getter(q, trace, "b"));
            return Script.start(() -> sleep(0)).then(v -> {
                a.cancel();
                return sleep(0);
            }).then(v -> {
                assertEquals("<AsyncQueue maxsize=0 _getters[1]>", q.toString());
                q.putNowait(5);
                return b;
            }).build();
        }).build());
        assertEquals(List.of("a CancelledException", "b 5"), trace);
    }

    @Test
    void reprShowsTheItemsAsCPythonsFormatDoes() {
        AsyncQueue<String> q = new AsyncQueue<>(3);
        q.putNowait("a");
        q.putNowait(null);
        assertEquals("<AsyncQueue maxsize=3 _queue=['a', None] tasks=2>", q.toString());
        AsyncPriorityQueue<Integer> pq = new AsyncPriorityQueue<>();
        for (int i : new int[] {5, 1, 4, 2, 3}) {
            pq.putNowait(i);
        }
        assertEquals("<AsyncPriorityQueue maxsize=0 _queue=[1, 2, 4, 5, 3] tasks=5>", pq.toString()); // heapq's order
    }

    @Test
    void joinWaitsForEveryTaskDone() {
        Expect e = new Expect();
        AsyncQueue<Integer> q = new AsyncQueue<>();
        Loops.runVirtual(Script.start(() -> {
            q.putNowait(1);
            q.putNowait(2);
            Task<Object> joiner = createTask(Script.start(q::join).then(v -> {
                e.expect(3);
                return null;
            }).build());
            return Script.start(() -> sleep(0)).then(v -> {
                e.expect(1);
                q.getNowait();
                q.getNowait();
                q.taskDone();
                return sleep(0);
            }).then(v -> {
                e.expect(2);
                assertFalse(joiner.isDone());
                q.taskDone();
                return joiner;
            }).then(v -> q.join()) // nothing unfinished: returns at once
                    .build();
        }).build());
        e.finish(4);
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Test
    void shutdownWakesPuttersAndGettersWhichFailOnceEmpty() {
        // Python 3.13: [('p', 'shutdown'), ('g1', 1), ('g2', 'shutdown')] 0
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        List<String> trace = new ArrayList<>();
        q.putNowait(1);
        Loops.runVirtual(Script.start(() -> {
            Task<Object> p = createTask(putter(q, trace, "p", 2));
            return Script.start(() -> sleep(0)).then(v -> {
                q.shutdown();
                assertTrue(q.isShutdown());
                Task<Object> g1 = createTask(getter(q, trace, "g1"));
                Task<Object> g2 = createTask(getter(q, trace, "g2"));
                return Asyncio.gather(p, g1, g2);
            }).build();
        }).build());
        assertEquals(List.of("p QueueShutDownException", "g1 1", "g2 QueueShutDownException"), trace);
        assertEquals(0, q.qsize());
        assertThrows(QueueShutDownException.class, () -> q.putNowait(3));
        assertThrows(QueueShutDownException.class, q::getNowait);
    }

    @Test
    void immediateShutdownDropsItemsAndCountsThemDone() {
        // Python 3.13: qsize 0, unfinished 2; join still waits for the item taken before.
        AsyncQueue<Integer> q = new AsyncQueue<>();
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            q.putNowait(i);
        }
        q.getNowait();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> j = createTask(Script.start(q::join).then(v -> trace.add("joined")).build());
            Task<Integer> g = createTask(q.get());
            return Script.start(() -> sleep(0)).then(v -> {
                q.shutdown(true);
                assertEquals(0, q.qsize());
                assertEquals(2, q.unfinishedTasks());
                return sleep(0);
            }).then(v -> {
                assertTrue(trace.isEmpty());
                assertEquals(1, g.result());
                q.taskDone();
                q.taskDone();
                return j;
            }).build();
        }).build());
        assertEquals(List.of("joined"), trace);
    }

    @Test
    void waitingGetterFailsOnImmediateShutdown() {
        AsyncQueue<Integer> q = new AsyncQueue<>();
        Object r = Loops.runVirtual(Script.start(() -> {
            Task<Integer> g = createTask(q.get());
            return Script.start(() -> sleep(0)).then(v -> {
                q.shutdown(true);
                return g;
            }).handle((v, e) -> e.getClass().getSimpleName()).build();
        }).build());
        assertEquals("QueueShutDownException", r);
    }

    @Test
    void misuseThrows() {
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        // CPython raises QueueEmpty, QueueFull and QueueShutDown without a message: str(e) == ''.
        assertEquals(null, assertThrows(QueueEmptyException.class, q::getNowait).getMessage());
        q.putNowait(1);
        QueueFullException full = assertThrows(QueueFullException.class, () -> q.putNowait(2));
        assertTrue(full instanceof IllegalStateException);
        assertEquals(null, full.getMessage());
        assertEquals(null, new QueueShutDownException().getMessage());
        assertThrows(NullPointerException.class, () -> new AsyncPriorityQueue<Integer>().putNowait(null));
        q.taskDone();
        assertEquals("task_done() called too many times", assertThrows(IllegalStateException.class, q::taskDone).getMessage());
    }

    @Test
    void nullIsAnItemLikeAnyOther() {
        // asyncio queues take None (the usual end-of-work sentinel); null is not "nothing" here.
        AsyncQueue<String> q = new AsyncQueue<>(2);
        q.putNowait(null);
        q.putNowait("x");
        assertTrue(q.full());
        assertEquals(2, q.qsize());
        assertEquals(null, q.getNowait());
        assertEquals("x", q.getNowait());
        assertThrows(QueueEmptyException.class, q::getNowait);
        AsyncLifoQueue<String> lifo = new AsyncLifoQueue<>();
        lifo.putNowait("a");
        lifo.putNowait(null);
        assertEquals(null, lifo.getNowait());
        assertEquals("a", lifo.getNowait());
        String got = Loops.runVirtual(Co.of(() -> Script.start(() -> q.put(null))
                .then(v -> q.get()).build()));
        assertEquals(null, got);
        assertEquals(0, q.qsize());
    }

    @Test
    void unboundedQueueIsNeverFull() {
        AsyncQueue<Integer> q = new AsyncQueue<>(-1);
        for (int i = 0; i < 1000; i++) {
            q.putNowait(i);
        }
        assertFalse(q.full());
        assertEquals(1000, q.qsize());
    }

    @Test
    void lifoQueueReturnsNewestFirst() {
        AsyncLifoQueue<Integer> q = new AsyncLifoQueue<>();
        for (int i = 0; i < 4; i++) {
            q.putNowait(i);
        }
        List<Integer> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.getNowait());
        }
        assertEquals(List.of(3, 2, 1, 0), out); // Python: [3, 2, 1, 0]
    }

    record Job(int priority, String name) {}

    @Test
    void priorityQueueBreaksTiesExactlyLikeHeapq() {
        // Python: heapq on keys comparing the priority only gives [b, e, h, c, g, f, a, i, j, d].
        AsyncPriorityQueue<Job> q = new AsyncPriorityQueue<>(0, Comparator.comparingInt(Job::priority));
        int[] ps = {1, 0, 1, 2, 0, 1, 1, 0, 1, 1};
        String[] ns = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        for (int i = 0; i < ps.length; i++) {
            q.putNowait(new Job(ps[i], ns[i]));
        }
        StringBuilder out = new StringBuilder();
        while (!q.empty()) {
            out.append(q.getNowait().name());
        }
        assertEquals("behcgfaijd", out.toString());
    }

    @Test
    void priorityQueueOfComparables() {
        AsyncPriorityQueue<Integer> q = new AsyncPriorityQueue<>(2);
        q.putNowait(5);
        q.putNowait(1);
        assertThrows(QueueFullException.class, () -> q.putNowait(3));
        assertEquals(1, Loops.runVirtual(q.get()));
        assertEquals(5, q.getNowait());
        AsyncPriorityQueue<Object> bad = new AsyncPriorityQueue<>();
        assertThrows(ClassCastException.class, () -> bad.putNowait(new Object()));
    }
}
