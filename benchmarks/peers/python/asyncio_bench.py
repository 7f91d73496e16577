#!/usr/bin/env python3
"""CPython asyncio peer for the asyncj benchmarks (BENCH.md W1-W7). Stdlib only.

usage: asyncio_bench.py WORKLOAD N WARMUPS REPS

Each warm-up prints a WARMUP line, each measured repetition prints one line:
RESULT workload=W peer=python n=N seconds=S ops_per_sec=X extra=k=v,k=v
Every repetition runs in a fresh event loop (asyncio.run).
"""
import asyncio
import gc
import socket
import sys
import time
import tracemalloc

PEER = "python"
MASK64 = (1 << 64) - 1


def lcg_delays(n, seed=42):
    """The same 64-bit LCG every peer uses: delays uniform in [0, 0.1) seconds."""
    x = seed
    out = []
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK64
        out.append((x >> 11) * (1.0 / (1 << 53)) * 0.1)
    return out


# ---------------------------------------------------------------- W1 spawn
async def w1_task(i):
    await asyncio.sleep(0)
    return i


async def w1(n):
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(w1_task(i)) for i in range(n)]
    results = await asyncio.gather(*tasks)
    total = sum(results)
    dt = time.perf_counter() - t0
    if total != n * (n - 1) // 2:
        raise AssertionError(f"W1 sum {total}")
    return dt, n, "sum_ok=1"


# ---------------------------------------------------------------- W2 await fast path
async def w2(n):
    loop = asyncio.get_running_loop()
    ring = []
    for i in range(1024):
        f = loop.create_future()
        f.set_result(i)
        ring.append(f)
    s = 0
    t0 = time.perf_counter()
    for k in range(n):
        s += await ring[k & 1023]
    dt = time.perf_counter() - t0
    expect = sum(k & 1023 for k in range(1024)) * (n // 1024) + sum(range(n % 1024))
    if s != expect:
        raise AssertionError(f"W2 sum {s} != {expect}")
    return dt, n, "sum_ok=1"


# ---------------------------------------------------------------- W3 ping-pong
async def w3(n):
    q1 = asyncio.Queue(maxsize=1)
    q2 = asyncio.Queue(maxsize=1)

    async def ping():
        s = 0
        for i in range(n):
            await q1.put(i)
            s += await q2.get()
        return s

    async def pong():
        for _ in range(n):
            v = await q1.get()
            await q2.put(v)

    t0 = time.perf_counter()
    a = asyncio.create_task(ping())
    b = asyncio.create_task(pong())
    s, _ = await asyncio.gather(a, b)
    dt = time.perf_counter() - t0
    if s != n * (n - 1) // 2:
        raise AssertionError("W3 sum")
    return dt, n, "round_trips=%d" % n


# ---------------------------------------------------------------- W4 timers
async def w4(n):
    delays = lcg_delays(n)
    loop = asyncio.get_running_loop()
    counter = 0
    late_sum = 0.0
    late_max = 0.0

    async def sleeper(d, start):
        nonlocal counter, late_sum, late_max
        await asyncio.sleep(d)
        late = loop.time() - (start + d)
        late_sum += late
        if late > late_max:
            late_max = late
        counter += 1

    t0 = time.perf_counter()
    start = loop.time()
    tasks = [asyncio.create_task(sleeper(d, start)) for d in delays]
    await asyncio.gather(*tasks)
    dt = time.perf_counter() - t0
    if counter != n:
        raise AssertionError("W4 counter")
    extra = "overshoot_ms=%.1f,mean_late_ms=%.2f,max_late_ms=%.1f" % (
        (dt - 0.1) * 1e3, late_sum / n * 1e3, late_max * 1e3)
    return dt, n, extra


# ---------------------------------------------------------------- W5 TCP echo
W5_CLIENTS = 100


async def w5(n):
    # n = total messages; each of the 100 clients sends n // 100 messages of 16 bytes.
    per_client = max(1, n // W5_CLIENTS)

    async def handle(reader, writer):
        try:
            while True:
                data = await reader.read(4096)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    msg = b"0123456789abcdef"

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(per_client):
            writer.write(msg)
            await writer.drain()
            data = await reader.readexactly(16)
            if data != msg:
                raise AssertionError("W5 echo mismatch")
        writer.close()
        await writer.wait_closed()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(W5_CLIENTS)))
    dt = time.perf_counter() - t0
    server.close()
    await server.wait_closed()
    total = per_client * W5_CLIENTS
    return dt, total, "clients=%d,per_client=%d" % (W5_CLIENTS, per_client)


# ---------------------------------------------------------------- W6 parked memory
async def w6(n):
    # Retained bytes are measured with tracemalloc (every Python allocation, after gc.collect()),
    # i.e. the Python heap the parked tasks keep alive; the RSS delta is reported beside it.
    loop = asyncio.get_running_loop()
    never = loop.create_future()

    async def parked(f):
        await f

    def rss():
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * 4096

    gc.collect()
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    rss0 = rss()
    t0 = time.perf_counter()
    tasks = [loop.create_task(parked(never)) for _ in range(n)]
    await asyncio.sleep(0)  # every task runs to its await and parks on `never`
    await asyncio.sleep(0)
    dt = time.perf_counter() - t0
    gc.collect()
    gc.collect()
    used = tracemalloc.get_traced_memory()[0]
    rss1 = rss()
    tracemalloc.stop()
    parked_ok = sum(1 for t in tasks if not t.done())
    if parked_ok != n:
        raise AssertionError("W6 not all parked")
    per = (used - base) / n
    never.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    extra = "bytes_per_task=%.1f,rss_bytes_per_task=%.1f,method=tracemalloc" % (per, (rss1 - rss0) / n)
    return dt, n, extra


# ---------------------------------------------------------------- W7 call depth
async def rec(d):
    if d == 0:
        return 0
    return await rec(d - 1) + 1


async def w7(n):
    reps = max(1, 2_000_000 // n)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), n * 4 + 1000))
    t0 = time.perf_counter()
    s = 0
    for _ in range(reps):
        s += await rec(n)
    dt = time.perf_counter() - t0
    if s != n * reps:
        raise AssertionError("W7 sum")
    return dt, n * reps, "depth=%d,reps=%d" % (n, reps)


WORKLOADS = {"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W6": w6, "W7": w7}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    w, n, warmups, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    fn = WORKLOADS[w]
    for i in range(warmups + reps):
        gc.collect()
        try:
            dt, ops, extra = asyncio.run(fn(n))
        except BaseException as e:  # e.g. RecursionError in W7
            print("FAIL workload=%s peer=%s n=%d error=%s" % (w, PEER, n, type(e).__name__), flush=True)
            sys.exit(1)
        tag = "WARMUP" if i < warmups else "RESULT"
        print("%s workload=%s peer=%s n=%d seconds=%.6f ops_per_sec=%.1f extra=%s"
              % (tag, w, PEER, n, dt, ops / dt, extra), flush=True)


if __name__ == "__main__":
    main()
