// W5 for Kotlin on ONE thread: coroutines on a small dispatcher that is also a java.nio Selector
// loop (what asyncio and asyncj do), peer "kotlin-nio". kotlinx-coroutines has no socket I/O of its
// own and ktor is not used; this is the minimal glue a Kotlin user would write.
package io.asyncj.bench.peers

import java.net.InetSocketAddress
import java.nio.ByteBuffer
import java.nio.channels.SelectableChannel
import java.nio.channels.SelectionKey
import java.nio.channels.Selector
import java.nio.channels.ServerSocketChannel
import java.nio.channels.SocketChannel
import java.net.StandardSocketOptions
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.resume
import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Runnable
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.suspendCancellableCoroutine

/** A single-threaded dispatcher whose thread also runs the Selector: an asyncio-style event loop. */
class NioLoop : CoroutineDispatcher() {
    val selector: Selector = Selector.open()
    private val ready = ArrayDeque<Runnable>()
    private val lock = Any()
    @Volatile private var thread: Thread? = null

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        synchronized(lock) { ready.addLast(block) }
        if (Thread.currentThread() !== thread) selector.wakeup()
    }

    /** Runs the loop on the calling thread until [done] says so. */
    fun runUntil(done: () -> Boolean) {
        thread = Thread.currentThread()
        while (!done()) {
            var batch: Array<Runnable>
            synchronized(lock) {
                batch = ready.toTypedArray()
                ready.clear()
            }
            for (r in batch) r.run()
            if (done()) break
            val hasWork = synchronized(lock) { ready.isNotEmpty() }
            if (hasWork) selector.selectNow() else selector.select()
            val keys = selector.selectedKeys()
            for (key in keys) {
                @Suppress("UNCHECKED_CAST")
                val cont = key.attachment() as CancellableContinuation<Unit>?
                key.attach(null)
                if (key.isValid) key.interestOps(0)
                cont?.resume(Unit)
            }
            keys.clear()
        }
        thread = null
    }

    /** Suspends until [ch] is ready for [ops]. */
    suspend fun awaitReady(ch: SelectableChannel, ops: Int) = suspendCancellableCoroutine<Unit> { cont ->
        val key = ch.keyFor(selector) ?: ch.register(selector, 0)
        key.interestOps(ops)
        key.attach(cont)
    }

    fun close() = selector.close()
}

private suspend fun NioLoop.readSome(ch: SocketChannel, buf: ByteBuffer): Int {
    while (true) {
        val r = ch.read(buf)
        if (r != 0) return r
        awaitReady(ch, SelectionKey.OP_READ)
    }
}

private suspend fun NioLoop.writeAll(ch: SocketChannel, buf: ByteBuffer) {
    while (buf.hasRemaining()) {
        if (ch.write(buf) == 0) awaitReady(ch, SelectionKey.OP_WRITE)
    }
}

fun w5Nio(n: Int): Run {
    val clients = 100
    val perClient = maxOf(1, n / clients)
    val msg = "0123456789abcdef".toByteArray()
    val loop = NioLoop()
    val server = ServerSocketChannel.open()
    server.bind(InetSocketAddress("127.0.0.1", 0), 1024)
    server.configureBlocking(false)
    val addr = server.localAddress as InetSocketAddress
    val scope = CoroutineScope(loop)
    var t0 = 0L
    val main = scope.async {
        val acceptor = launch {
            while (true) {
                val ch = server.accept()
                if (ch == null) {
                    loop.awaitReady(server, SelectionKey.OP_ACCEPT)
                    continue
                }
                ch.configureBlocking(false)
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true)
                launch {
                    val buf = ByteBuffer.allocateDirect(4096)
                    ch.use {
                        while (true) {
                            buf.clear()
                            if (loop.readSome(ch, buf) < 0) break
                            buf.flip()
                            loop.writeAll(ch, buf)
                        }
                    }
                }
            }
        }
        t0 = System.nanoTime()
        List(clients) {
            async {
                val ch = SocketChannel.open()
                ch.configureBlocking(false)
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true)
                if (!ch.connect(addr)) {
                    loop.awaitReady(ch, SelectionKey.OP_CONNECT)
                    ch.finishConnect()
                }
                val out = ByteBuffer.allocateDirect(16)
                val back = ByteBuffer.allocateDirect(16)
                ch.use {
                    repeat(perClient) {
                        out.clear(); out.put(msg); out.flip()
                        loop.writeAll(ch, out)
                        back.clear()
                        while (back.hasRemaining()) {
                            if (loop.readSome(ch, back) < 0) throw java.io.EOFException()
                        }
                        back.flip()
                        for (i in 0 until 16) check(back.get(i) == msg[i]) { "W5 echo mismatch" }
                    }
                }
            }
        }.awaitAll()
        val dt = (System.nanoTime() - t0) / 1e9
        acceptor.cancel()
        dt
    }
    loop.runUntil { main.isCompleted }
    val dt = main.getCompleted()
    server.close()
    loop.close()
    return Run(dt, perClient.toLong() * clients, "clients=$clients,per_client=$perClient,io=nio_selector_one_thread")
}
