#!/usr/bin/env python3
"""Checks of the harness's own arithmetic (parsing, medians' inputs, ratio direction, chart).
run.sh runs these before every benchmark run; they take milliseconds."""
import json
import os
import tempfile
import unittest

import bench
import chart


class HarnessTest(unittest.TestCase):
    def test_parse_line_keeps_extra_pairs(self):
        d = bench.parse_line("RESULT workload=W4 peer=kotlin n=100 seconds=0.2 ops_per_sec=500.0 "
                             "extra=overshoot_ms=100.0,max_late_ms=3.5")
        self.assertEqual(d["tag"], "RESULT")
        self.assertEqual(d["workload"], "W4")
        self.assertEqual(d["extra_map"], {"overshoot_ms": "100.0", "max_late_ms": "3.5"})
        self.assertEqual(bench.metric_value(d, "seconds"), 0.2)
        self.assertEqual(bench.metric_value(d, "ops"), 500.0)

    def test_ratio_is_asyncj_advantage_in_both_directions(self):
        # rates: asyncj 2M/s vs peer 1M/s -> 2x better
        self.assertAlmostEqual(bench.ratio(2e6, 1e6, True), 2.0)
        # bytes/time: asyncj 50 B vs peer 300 B -> 6x better
        self.assertAlmostEqual(bench.ratio(50, 300, False), 6.0)
        # worse is below 1
        self.assertAlmostEqual(bench.ratio(1e6, 4e6, True), 0.25)
        self.assertIsNone(bench.ratio(None, 1.0, True))

    def test_format(self):
        self.assertEqual(bench.fmt_value(1.46e9, "ops"), "1.46G")
        self.assertEqual(bench.fmt_value(0.199, "seconds"), "199 ms")
        self.assertEqual(bench.fmt_value(68.2, "bytes_per_task"), "68 B")
        self.assertEqual(bench.fmt_value(None, "ops"), "n/a")

    def test_chart_falls_back_to_kotlin_and_draws_every_peer(self):
        data = {"mode": "quick", "started": "2026-11-25T06:00:00",
                "workloads": {"W1": {"title": "spawn", "unit": "tasks/s", "higher_is_better": True},
                              "W6": {"title": "parked", "unit": "bytes/task", "higher_is_better": False}},
                "peers": ["asyncj", "python", "kotlin"],
                "peer_titles": {},
                "medians": {"W1/asyncj": {"fail": "processor_not_applied"},
                            "W1/python": {"value": 50e3}, "W1/kotlin": {"value": 500e3},
                            "W6/python": {"value": 800.0}, "W6/kotlin": {"value": 320.0}}}
        rs = chart.ratios(data, "kotlin")
        self.assertAlmostEqual(rs["W1"][0][1], 10.0)   # kotlin 10x python's rate
        self.assertAlmostEqual(rs["W6"][0][1], 2.5)    # python retains 2.5x kotlin's bytes
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "c.svg")
            chart.write_svg(data, path)
            svg = open(path).read()
        self.assertIn("asyncj not measured yet", svg)
        self.assertIn("10.00x", svg)
        json.dumps(data)

    def test_every_default_peer_is_described_and_coloured(self):
        for p in bench.DEFAULT_PEERS + ["vthreads2"]:
            self.assertIn(p, bench.PEER_WORKLOADS, p)
            self.assertIn(p, bench.PEER_TITLES, p)
            self.assertIn(p, chart.COLORS, p)
        order = bench.DEFAULT_PEERS
        self.assertEqual(order.index("kotlin") + 1, order.index("kotlin-st"))
        self.assertEqual(order.index("kotlin-st") + 1, order.index("kotlin-default"))

    def test_kotlin_peers_share_one_program_and_differ_by_dispatcher(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "peers", "target"))
            with open(os.path.join(d, "peers", "target", "classpath.txt"), "w") as f:
                f.write("/x.jar")
            saved = bench.BENCH_DIR
            bench.BENCH_DIR = d
            try:
                cmds = bench.peer_commands(None)
            finally:
                bench.BENCH_DIR = saved
        for p in ("kotlin", "kotlin-st", "kotlin-default"):
            self.assertEqual(cmds[p][-1], "io.asyncj.bench.peers.KotlinBenchKt", p)
            self.assertEqual(set(bench.PEER_WORKLOADS[p]), set(bench.WORKLOADS), p)
        self.assertIn("-Dbench.peer=kotlin-st", cmds["kotlin-st"])
        self.assertIn("-Dbench.peer=kotlin-default", cmds["kotlin-default"])
        self.assertIn("-Dkotlinx.coroutines.scheduler.core.pool.size=2", cmds["kotlin-default"])
        self.assertFalse(any(a.startswith("-Dbench.peer") for a in cmds["kotlin"]))

    def test_light_peers_get_fewer_reps_and_warmups(self):
        self.assertEqual(bench.peer_reps("kotlin", "W1", 5, 5), (5, 5))
        self.assertEqual(bench.peer_reps("kotlin-st", "W1", 5, 5), (3, 3))
        self.assertEqual(bench.peer_reps("kotlin-default", "W3", 5, 5), (3, 3))
        self.assertEqual(bench.peer_reps("kotlin-default", "W6", 5, 5), (0, 3))
        self.assertEqual(bench.peer_reps("kotlin-st", "W1", 1, 1), (1, 1))   # --quick stays quick
        self.assertEqual(bench.peer_reps("python", "W4", 5, 5), (0, 3))


if __name__ == "__main__":
    unittest.main()
