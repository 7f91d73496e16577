// The Kotlin coroutines peers (kotlinx-coroutines-core). The workload bodies below are shared by
// three peers that differ only in the dispatcher the workload's main coroutine (and so every
// coroutine it starts without a dispatcher of its own) runs on, see runMain():
//   kotlin          runBlocking on the main thread: one event loop, the fair comparison with
//                   asyncio/asyncj;
//   kotlin-st       a single-thread executor as dispatcher (Executors.newSingleThreadExecutor()
//                   .asCoroutineDispatcher()), the main coroutine launched on it and awaited with
//                   runBlocking from the main thread;
//   kotlin-default  Dispatchers.Default (2 threads on this 2-core machine; the harness pins it with
//                   -Dkotlinx.coroutines.scheduler.core.pool.size=2).
// Because kotlin-default runs coroutines on two threads at once, shared counters are atomics.
// The only workload that does not run on that dispatcher is W5, see w5().
//
// usage: KotlinBenchKt WORKLOAD N WARMUPS REPS   (prints WARMUP lines, then one RESULT line per rep)
package io.asyncj.bench.peers

import java.io.InputStream
import java.lang.management.ManagementFactory
import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.net.SocketException
import java.util.Locale
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong
import kotlin.system.exitProcess
import kotlin.time.Duration.Companion.nanoseconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.yield

private val PEER = System.getProperty("bench.peer", "kotlin")

class Run(val seconds: Double, val ops: Long, val extra: String)

private fun secondsSince(t0: Long) = (System.nanoTime() - t0) / 1e9

/** kotlin-st's dispatcher: one thread, made once per process (a daemon, so exit is not held up). */
private val SINGLE_THREAD by lazy {
    Executors.newSingleThreadExecutor { r -> Thread(r, "kotlin-st").apply { isDaemon = true } }
        .asCoroutineDispatcher()
}

/** Runs a workload's main coroutine on this peer's dispatcher and waits for it on the main thread. */
fun <T> runMain(body: suspend CoroutineScope.() -> T): T = when (PEER) {
    "kotlin-st" -> runBlocking(SINGLE_THREAD, body)
    "kotlin-default" -> runBlocking(Dispatchers.Default, body)
    else -> runBlocking(block = body)
}

// W1: N coroutines (async), each yields once to the loop and returns its index; awaitAll; sum.
fun w1(n: Int): Run = runMain {
    val t0 = System.nanoTime()
    val deferreds = List(n) { i -> async { yield(); i } }
    var sum = 0L
    for (v in deferreds.awaitAll()) sum += v
    val dt = secondsSince(t0)
    check(sum == n.toLong() * (n - 1) / 2) { "W1 sum $sum" }
    Run(dt, n.toLong(), "sum_ok=1")
}

// W2: await round-robin on a ring of 1,024 already-completed CompletableDeferreds.
fun w2(n: Int): Run = runMain {
    val ring = Array(1024) { CompletableDeferred(it) }
    var s = 0L
    val t0 = System.nanoTime()
    for (k in 0 until n) s += ring[k and 1023].await()
    val dt = secondsSince(t0)
    var expect = 0L
    for (k in 0 until n) expect += (k and 1023)
    check(s == expect) { "W2 sum" }
    Run(dt, n.toLong(), "sum_ok=1")
}

// W3: two coroutines exchange N messages through two one-slot channels (Channel(1)).
fun w3(n: Int): Run = runMain {
    val q1 = Channel<Int>(1)
    val q2 = Channel<Int>(1)
    val t0 = System.nanoTime()
    val ping = async {
        var acc = 0L
        for (i in 0 until n) {
            q1.send(i)
            acc += q2.receive()
        }
        acc
    }
    val pong = launch {
        for (i in 0 until n) q2.send(q1.receive())
    }
    val s = ping.await()
    pong.join()
    val dt = secondsSince(t0)
    check(s == n.toLong() * (n - 1) / 2) { "W3 sum" }
    Run(dt, n.toLong(), "round_trips=$n")
}

fun delaysNanos(n: Int): LongArray {
    var x = 42L
    return LongArray(n) {
        x = x * 6364136223846793005L + 1442695040888963407L
        ((x ushr 11) * (1.0 / (1L shl 53)) * 0.1 * 1e9).toLong()
    }
}

// W4: N coroutines each delay a seeded random 0-100 ms, then bump a counter. Note: kotlinx
// delay(Duration) rounds up to whole milliseconds.
fun w4(n: Int): Run {
    val delays = delaysNanos(n)
    return runMain {
        val counter = AtomicInteger()
        val lateSum = AtomicLong()
        val lateMax = AtomicLong()
        val t0 = System.nanoTime()
        val jobs = List(n) { i ->
            launch {
                delay(delays[i].nanoseconds)
                val late = System.nanoTime() - (t0 + delays[i])
                lateSum.addAndGet(late)
                lateMax.accumulateAndGet(late) { a, b -> maxOf(a, b) }
                counter.incrementAndGet()
            }
        }
        jobs.joinAll()
        val dt = secondsSince(t0)
        check(counter.get() == n) { "W4 counter" }
        Run(dt, n.toLong(), String.format(Locale.ROOT, "overshoot_ms=%.1f,mean_late_ms=%.2f,max_late_ms=%.1f",
            (dt - 0.1) * 1e3, lateSum.get() / 1e6 / n, lateMax.get() / 1e6))
    }
}

private const val W5_CLIENTS = 100
private val MSG = "0123456789abcdef".toByteArray()

private fun readFully(input: InputStream, buf: ByteArray) {
    var off = 0
    while (off < buf.size) {
        val r = input.read(buf, off, buf.size - off)
        if (r < 0) throw java.io.EOFException()
        off += r
    }
}

// W5: kotlinx-coroutines has no socket I/O of its own (ktor is not used here), so this peer uses
// blocking java.net sockets in coroutines on Dispatchers.IO.limitedParallelism(256): one thread
// blocked per connection end (100 client + 100 server), as Kotlin code without ktor does. The same
// for kotlin, kotlin-st and kotlin-default: the main coroutine only starts and joins the others.
fun w5(n: Int): Run {
    val perClient = maxOf(1, n / W5_CLIENTS)
    val io = Dispatchers.IO.limitedParallelism(256)
    return runMain {
        val server = ServerSocket(0, 1024, InetAddress.getLoopbackAddress())
        val acceptor = launch(io) {
            val conns = mutableListOf<kotlinx.coroutines.Job>()
            while (true) {
                val s = try { server.accept() } catch (e: SocketException) { break }
                s.tcpNoDelay = true
                conns += launch(io) {
                    s.use {
                        val input = it.getInputStream()
                        val out = it.getOutputStream()
                        val buf = ByteArray(4096)
                        while (true) {
                            val r = input.read(buf)
                            if (r <= 0) break
                            out.write(buf, 0, r)
                        }
                    }
                }
            }
        }
        val t0 = System.nanoTime()
        List(W5_CLIENTS) {
            launch(io) {
                Socket(InetAddress.getLoopbackAddress(), server.localPort).use { s ->
                    s.tcpNoDelay = true
                    val input = s.getInputStream()
                    val out = s.getOutputStream()
                    val back = ByteArray(16)
                    repeat(perClient) {
                        out.write(MSG)
                        readFully(input, back)
                        check(back.contentEquals(MSG)) { "W5 echo mismatch" }
                    }
                }
            }
        }.joinAll()
        val dt = secondsSince(t0)
        withContext(io) { server.close() }
        acceptor.join()
        Run(dt, perClient.toLong() * W5_CLIENTS,
            "clients=$W5_CLIENTS,per_client=$perClient,io=blocking_sockets_on_Dispatchers.IO")
    }
}

fun usedHeapAfterGc(): Long {
    val mem = ManagementFactory.getMemoryMXBean()
    var last = Long.MAX_VALUE
    for (i in 0 until 5) {
        System.gc()
        Thread.sleep(20)
        val used = mem.heapMemoryUsage.used
        if (used == last) break
        last = used
    }
    return mem.heapMemoryUsage.used
}

// W6: N coroutines (launch) parked on one never-completed CompletableDeferred; heap after GC.
fun w6(n: Int): Run {
    w6Once(minOf(n, 10_000)) // load and link the classes before the baseline
    return w6Once(n)
}

/**
 * How many W6 coroutines reached their await. Top-level, so the coroutines do not capture it (a
 * captured field would count in bytes/task). On one thread every launched coroutine has run after
 * the spawner's first yield(); on Dispatchers.Default the spawner yields until they all have.
 */
private val W6_STARTED = AtomicInteger()

fun w6Once(n: Int): Run = runMain {
    val never = CompletableDeferred<Unit>()
    W6_STARTED.set(0)
    val before = usedHeapAfterGc()
    val t0 = System.nanoTime()
    val jobs = List(n) { launch { W6_STARTED.incrementAndGet(); never.await() } }
    yield() // every launched coroutine runs to its await and parks
    while (W6_STARTED.get() < n) yield()
    val dt = secondsSince(t0)
    val after = usedHeapAfterGc()
    check(jobs.none { it.isCompleted }) { "W6 not parked" }
    val extra = String.format(Locale.ROOT, "bytes_per_task=%.1f,method=heap_after_gc", (after - before) / n.toDouble())
    never.complete(Unit)
    jobs.joinAll()
    Run(dt, n.toLong(), extra)
}

suspend fun rec(d: Int): Int = if (d == 0) 0 else rec(d - 1) + 1

// W7: a suspend function calling itself to depth N, never suspending (completes synchronously).
fun w7(n: Int): Run = runMain {
    val reps = maxOf(1, 2_000_000 / n)
    var s = 0L
    val t0 = System.nanoTime()
    repeat(reps) { s += rec(n) }
    val dt = secondsSince(t0)
    check(s == n.toLong() * reps) { "W7 sum" }
    Run(dt, n.toLong() * reps, "depth=$n,reps=$reps")
}

val WORKLOADS: Map<String, (Int) -> Run> =
    mapOf("W1" to ::w1, "W2" to ::w2, "W3" to ::w3, "W4" to ::w4, "W5" to ::w5, "W6" to ::w6, "W7" to ::w7)

fun main(args: Array<String>) {
    if (args.size != 4) {
        System.err.println("usage: WORKLOAD N WARMUPS REPS")
        exitProcess(2)
    }
    val w = args[0]
    val n = args[1].toInt()
    val warmups = args[2].toInt()
    val reps = args[3].toInt()
    val table = if (PEER == "kotlin-nio") mapOf("W5" to ::w5Nio) else WORKLOADS
    val fn = table[w] ?: run { System.err.println("$PEER does not implement $w"); exitProcess(3) }
    Bench.touchYoungGeneration() // as every JVM peer: eden faulted in before the first warm-up
    for (i in 0 until warmups + reps) {
        val r = try {
            fn(n)
        } catch (t: Throwable) {
            var root = t
            while (root.cause != null && root.cause !== root) root = root.cause!!
            println("FAIL workload=$w peer=$PEER n=$n error=${root.javaClass.simpleName}")
            System.out.flush()
            exitProcess(1)
        }
        val tag = if (i < warmups) "WARMUP" else "RESULT"
        println(String.format(Locale.ROOT, "%s workload=%s peer=%s n=%d seconds=%.6f ops_per_sec=%.1f extra=%s",
            tag, w, PEER, n, r.seconds, r.ops / r.seconds, r.extra))
        System.out.flush()
    }
    exitProcess(0)
}
