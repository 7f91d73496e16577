#!/usr/bin/env python3
"""Runs the asyncj benchmark workloads (BENCH.md W1-W7) for asyncj and every peer, takes medians,
prints the RESULT lines and a table of medians and asyncj's ratios, writes results/latest.txt and
results/latest.json, and draws results/latest.svg (chart.py). Stdlib only.

Called by benchmarks/run.sh after it has built what is needed; see benchmarks/README.md.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.dirname(HERE)
RESULTS = os.path.join(BENCH_DIR, "results")

# workload -> (title, N full, N quick, metric, unit, higher_is_better)
# metric "ops" = ops_per_sec, "seconds" = wall seconds, "bytes_per_task" = from extra.
WORKLOADS = {
    "W1": ("spawn", 1_000_000, 50_000, "ops", "tasks/s", True),
    "W2": ("await fast path", 10_000_000, 1_000_000, "ops", "awaits/s", True),
    "W3": ("ping-pong", 1_000_000, 20_000, "ops", "round trips/s", True),
    "W4": ("timers (wall)", 100_000, 10_000, "seconds", "wall", False),
    "W5": ("TCP echo", 100_000, 10_000, "ops", "msgs/s", True),
    "W6": ("parked memory", 1_000_000, 50_000, "bytes_per_task", "bytes/task", False),
    "W7": ("call depth", 10_000, 10_000, "ops", "awaits/s", True),
}

# Which peers implement which workload (BENCH.md "Peers"; cf also does W7 as an extra).
PEER_WORKLOADS = {
    "asyncj": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "python": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "kotlin": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "kotlin-st": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "kotlin-default": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "vthreads": ["W1", "W2", "W3", "W4", "W5", "W6", "W7"],
    "vthreads2": ["W1", "W3", "W4", "W5"],
    "cf": ["W1", "W2", "W6", "W7"],
    "kotlin-nio": ["W5"],
    "netty": ["W5"],
}
# BENCH.md's other two Kotlin dispatchers: same code as `kotlin`, only the dispatcher differs. They
# add 14 (workload, peer) processes to a full run, so they get at most 3 warm-ups and 3 measured reps.
LIGHT_PEERS = {"kotlin-st": 3, "kotlin-default": 3}
DEFAULT_PEERS = ["asyncj", "python", "kotlin", "kotlin-st", "kotlin-default", "kotlin-nio", "vthreads", "cf", "netty"]

PEER_TITLES = {
    "asyncj": "asyncj (@Async state machines, 1 loop thread)",
    "python": "CPython asyncio",
    "kotlin": "Kotlin coroutines, runBlocking (1 thread)",
    "kotlin-st": "Kotlin coroutines, single-thread executor dispatcher",
    "kotlin-default": "Kotlin coroutines, Dispatchers.Default (2 threads)",
    "kotlin-nio": "Kotlin coroutines + java.nio Selector, 1 thread (W5)",
    "vthreads": "Java 25 virtual threads, 1 carrier",
    "vthreads2": "Java 25 virtual threads, 2 carriers",
    "cf": "CompletableFuture, single-thread executor",
    "netty": "Netty 4.2 epoll, 1 event loop",
}


def env(name, default):
    v = os.environ.get(name)
    return v if v else default


# The same for every JVM peer. The young generation is fixed: with G1 sizing it adaptively inside a
# 4 GB heap, allocation-heavy workloads spent their timed window page-faulting fresh eden regions
# (W3 measured 5x slower with -Xms4g alone than with a fixed young generation, Kotlin's too).
DEFAULT_JVM_OPTS = "-Xms4g -Xmx4g -Xmn256m -XX:+UseG1GC"


def peer_commands(args):
    java = env("BENCH_JAVA", "java")
    java25 = env("BENCH_JAVA25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    jvm_opts = env("BENCH_JVM_OPTS", DEFAULT_JVM_OPTS).split()
    peers_cp = os.path.join(BENCH_DIR, "peers", "target", "classes")
    cp_file = os.path.join(BENCH_DIR, "peers", "target", "classpath.txt")
    cmds = {}
    if os.path.exists(cp_file):
        with open(cp_file) as f:
            peers_cp += os.pathsep + f.read().strip()
        pkg = "io.asyncj.bench.peers."
        cmds["kotlin"] = [java, *jvm_opts, "-cp", peers_cp, pkg + "KotlinBenchKt"]
        cmds["kotlin-st"] = [java, *jvm_opts, "-Dbench.peer=kotlin-st", "-cp", peers_cp, pkg + "KotlinBenchKt"]
        # Dispatchers.Default has max(2, cores) threads: 2 here; pinned so the peer means the same elsewhere.
        cmds["kotlin-default"] = [java, *jvm_opts, "-Dbench.peer=kotlin-default",
                                  "-Dkotlinx.coroutines.scheduler.core.pool.size=2",
                                  "-cp", peers_cp, pkg + "KotlinBenchKt"]
        cmds["kotlin-nio"] = [java, *jvm_opts, "-Dbench.peer=kotlin-nio", "-cp", peers_cp, pkg + "KotlinBenchKt"]
        cmds["cf"] = [java, *jvm_opts, "-cp", peers_cp, pkg + "CfBench"]
        cmds["netty"] = [java, *jvm_opts, "-cp", peers_cp, pkg + "NettyBench"]
        cmds["vthreads"] = [java25, *jvm_opts, "-Djdk.virtualThreadScheduler.parallelism=1",
                            "-cp", peers_cp, pkg + "VtBench"]
        cmds["vthreads2"] = [java25, *jvm_opts, "-Djdk.virtualThreadScheduler.parallelism=2",
                             "-Dbench.peer=vthreads2", "-cp", peers_cp, pkg + "VtBench"]
    cmds["python"] = [env("BENCH_PYTHON", "python3"), os.path.join(BENCH_DIR, "peers", "python", "asyncio_bench.py")]
    asyncj_cp_file = os.path.join(BENCH_DIR, "target", "asyncj-classpath.txt")
    asyncj_main = os.path.join(BENCH_DIR, "target", "classes", "io", "asyncj", "bench", "AsyncjBench.class")
    if os.path.exists(asyncj_main) and os.path.exists(asyncj_cp_file):
        with open(asyncj_cp_file) as f:
            cp = os.path.join(BENCH_DIR, "target", "classes") + os.pathsep + f.read().strip()
        cmds["asyncj"] = [java, *jvm_opts, "-cp", cp, "io.asyncj.bench.AsyncjBench"]
    return cmds


def peer_reps(peer, workload, jvm_warmups, reps):
    """(warm-ups, measured reps) of one (workload, peer) process."""
    warm = 0 if peer == "python" else jvm_warmups
    if workload == "W6":
        warm = 0  # the JVM programs pre-run W6 at a small N themselves (class loading)
    r = min(reps, 3) if peer == "python" else reps  # no JIT: 3 runs are enough for a median
    if peer in LIGHT_PEERS:
        warm = min(warm, LIGHT_PEERS[peer])
        r = min(r, LIGHT_PEERS[peer])
    return warm, r


def parse_line(line):
    """'RESULT workload=W1 peer=p n=1 seconds=.. ops_per_sec=.. extra=a=1,b=2' -> dict."""
    parts = line.split()
    d = {"tag": parts[0]}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        d[k] = v
    extra = {}
    for kv in d.get("extra", "").split(","):
        k, _, v = kv.partition("=")
        if k:
            extra[k] = v
    d["extra_map"] = extra
    return d


def metric_value(rec, metric):
    if metric == "ops":
        return float(rec["ops_per_sec"])
    if metric == "seconds":
        return float(rec["seconds"])
    return float(rec["extra_map"][metric])


def run_one(cmd, peer, workload, n, warmups, reps, timeout, log):
    """Runs one peer on one workload in a fresh process; returns (results, fail_reason)."""
    full = cmd + [workload, str(n), str(warmups), str(reps)]
    t0 = time.time()
    try:
        p = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], "timeout after %ds" % timeout
    results = []
    fail = None
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            print(line, flush=True)
            log.append(line)
            results.append(parse_line(line))
        elif line.startswith("FAIL "):
            print(line, flush=True)
            log.append(line)
            fail = parse_line(line).get("error", "failed")
    if p.returncode != 0 and fail is None:
        err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
        fail = "crash: " + err[:120]
    if not results and fail is None:
        fail = "no RESULT line"
    sys.stderr.write("  [%s %s: %.1fs]\n" % (workload, peer, time.time() - t0))
    return results, fail


def fmt_value(v, metric):
    if v is None:
        return "n/a"
    if metric == "seconds":
        return "%.0f ms" % (v * 1e3) if v < 10 else "%.2f s" % v
    if metric == "bytes_per_task":
        return "%.0f B" % v
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if v >= div:
            return "%.3g%s" % (v / div, unit)
    return "%.3g" % v


def ratio(ref, other, higher_better):
    if ref is None or other is None or ref <= 0 or other <= 0:
        return None
    return ref / other if higher_better else other / ref


def render_table(rows, headers):
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    out = []
    sep = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    out.append(sep)
    out.append("| " + " | ".join(str(h).ljust(w) for h, w in zip(headers, widths)) + " |")
    out.append(sep)
    for r in rows:
        out.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    out.append(sep)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--peers", default=None,
                    help="comma-separated (default: %s; full runs add vthreads2)" % ",".join(DEFAULT_PEERS))
    ap.add_argument("--reps", type=int, default=None, help="measured repetitions (default 5, quick 1)")
    ap.add_argument("--warmups", type=int, default=None, help="JVM warm-ups (default 5, quick 1)")
    ap.add_argument("--n", type=int, default=None, help="override N for every workload")
    ap.add_argument("--strict", action="store_true", help="exit 1 if asyncj is missing too")
    ap.add_argument("workloads", nargs="*")
    a = ap.parse_args()

    workloads = [w.upper() for w in a.workloads] or list(WORKLOADS)
    for w in workloads:
        if w not in WORKLOADS:
            sys.exit("unknown workload %s (have %s)" % (w, " ".join(WORKLOADS)))
    if a.peers is None:
        a.peers = ",".join(DEFAULT_PEERS + ([] if a.quick else ["vthreads2"]))
    peers = [p for p in a.peers.split(",") if p]
    reps = a.reps if a.reps is not None else (1 if a.quick else 5)
    jvm_warmups = a.warmups if a.warmups is not None else (1 if a.quick else 5)
    timeout = 120 if a.quick else 900
    cmds = peer_commands(a)

    started = datetime.datetime.now().astimezone()
    log = []
    medians = {}  # (w, peer) -> dict(value, seconds, extra, reps, fail)
    errors = []
    for w in workloads:
        title, n_full, n_quick, metric, unit, higher = WORKLOADS[w]
        n = a.n or (n_quick if a.quick else n_full)
        for peer in peers:
            if w not in PEER_WORKLOADS.get(peer, []):
                continue
            if peer not in cmds:
                medians[(w, peer)] = {"fail": "not built"}
                if peer != "asyncj" or a.strict:
                    errors.append("%s %s: not built" % (w, peer))
                continue
            warm, r = peer_reps(peer, w, jvm_warmups, reps)
            results, fail = run_one(cmds[peer], peer, w, n, warm, r, timeout, log)
            if fail and not results:
                medians[(w, peer)] = {"fail": fail}
                if fail.startswith("crash") or fail.startswith("timeout") or fail == "no RESULT line":
                    errors.append("%s %s: %s" % (w, peer, fail))
                elif peer == "asyncj" and fail not in ("not_implemented", "processor_not_applied"):
                    # A peer's FAIL (e.g. Kotlin's stack overflow in W7) is a result; asyncj's is a bug.
                    errors.append("%s %s: %s" % (w, peer, fail))
                continue
            vals = [metric_value(x, metric) for x in results]
            med = {
                "value": statistics.median(vals),
                "seconds": statistics.median(float(x["seconds"]) for x in results),
                "ops_per_sec": statistics.median(float(x["ops_per_sec"]) for x in results),
                "n": int(results[0]["n"]),
                "reps": len(results),
                "all": vals,
                "extra": results[len(results) // 2]["extra"],
            }
            if w == "W4":
                over = [float(x["extra_map"].get("overshoot_ms", "nan")) for x in results]
                med["overshoot_ms"] = statistics.median(over)
            medians[(w, peer)] = med

    # ---------------------------------------------------------------- tables
    shown_peers = [p for p in peers if any((w, p) in medians for w in workloads)]
    rows = []
    for w in workloads:
        title, _, _, metric, unit, higher = WORKLOADS[w]
        row = ["%s %s" % (w, title), unit + (" (higher better)" if higher else " (lower better)")]
        for p in shown_peers:
            m = medians.get((w, p))
            if m is None:
                row.append("-")
            elif "fail" in m:
                row.append("n/a" if m["fail"] == "not built" else "FAIL:" + m["fail"][:24])
            else:
                cell = fmt_value(m["value"], metric)
                if w == "W4":
                    cell += " (+%.0f ms)" % m["overshoot_ms"]
                row.append(cell)
        rows.append(row)
    table1 = render_table(rows, ["workload", "metric"] + shown_peers)

    others = [p for p in shown_peers if p != "asyncj"]
    rrows = []
    for w in workloads:
        _, _, _, metric, _, higher = WORKLOADS[w]
        a_m = medians.get((w, "asyncj"))
        a_v = a_m.get("value") if a_m and "fail" not in a_m else None
        row = [w]
        for p in others:
            m = medians.get((w, p))
            if m is None:
                row.append("-")
                continue
            p_v = m.get("value") if "fail" not in m else None
            if a_v is None:
                row.append("n/a")
            elif p_v is None:
                row.append("asyncj only" if "fail" in m else "-")
            else:
                row.append("%.2fx" % ratio(a_v, p_v, higher))
        rrows.append(row)
    table2 = render_table(rrows, ["asyncj vs"] + others)

    header = [
        "asyncj benchmarks: %s mode, %s" % ("quick" if a.quick else "full", started.strftime("%Y-%m-%d %H:%M %Z")),
        "machine: %s, %d cores; %s" % (platform.machine(), os.cpu_count() or 0, platform.platform()),
        "jvm (asyncj, kotlin, cf, netty): %s; vthreads: %s; python: %s" % (
            java_version(env("BENCH_JAVA", "java")),
            java_version(env("BENCH_JAVA25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")),
            platform.python_version()),
        "reps=%d (median), JVM warm-ups=%d in the same process; JVM opts: %s" % (
            reps, jvm_warmups, env("BENCH_JVM_OPTS", DEFAULT_JVM_OPTS)),
        "python: at most 3 reps, no warm-up; %s: at most 3 warm-ups + 3 reps" % ", ".join(sorted(LIGHT_PEERS)),
        "ratio = asyncj's advantage: asyncj/peer for rates, peer/asyncj for times and bytes (>1 = asyncj better)",
    ]
    text = "\n".join(header) + "\n\n" + "\n".join(log) + "\n\nmedians:\n" + table1 + \
        "\n\nasyncj's ratio to each peer:\n" + table2 + "\n"
    if errors:
        text += "\nerrors:\n" + "\n".join("  " + e for e in errors) + "\n"
    print()
    print("medians:")
    print(table1)
    print()
    print("asyncj's ratio to each peer (>1 = asyncj better):")
    print(table2)
    if errors:
        print("\nerrors:\n" + "\n".join("  " + e for e in errors))

    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.txt"), "w") as f:
        f.write(text)
    data = {
        "mode": "quick" if a.quick else "full",
        "started": started.isoformat(),
        "workloads": {w: {"title": WORKLOADS[w][0], "unit": WORKLOADS[w][4], "higher_is_better": WORKLOADS[w][5]}
                      for w in workloads},
        "peers": shown_peers,
        "peer_titles": {p: PEER_TITLES.get(p, p) for p in shown_peers},
        "medians": {"%s/%s" % k: v for k, v in medians.items()},
    }
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    sys.path.insert(0, HERE)
    import chart
    chart.write_svg(data, os.path.join(RESULTS, "latest.svg"))
    print("\nwrote %s, latest.json and latest.svg" % os.path.join(RESULTS, "latest.txt"))
    return 1 if errors else 0


def java_version(java):
    try:
        p = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=30)
        first = p.stdout.splitlines()[0]
        return first.split('"')[1] if '"' in first else first
    except Exception as e:  # noqa: BLE001 - report, do not fail the run
        return "unknown (%s)" % e


if __name__ == "__main__":
    sys.exit(main())
