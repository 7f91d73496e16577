#!/usr/bin/env python3
"""Draws the ratio chart of a benchmark run as SVG, stdlib only (no matplotlib).

usage: chart.py [results/latest.json [results/latest.svg]]

One group of horizontal bars per workload, one bar per peer: the reference's advantage over that
peer on a log scale (1x in the middle; right and green = the reference is better). The reference is
asyncj; while asyncj has no numbers, it is Kotlin's runBlocking loop, and the title says so.
"""
import json
import math
import os
import sys
from xml.sax.saxutils import escape

COLORS = {"python": "#3572A5", "kotlin": "#A97BFF", "kotlin-st": "#7B4FD6",
          "kotlin-default": "#5A2DA8", "kotlin-nio": "#C9A9FF", "vthreads": "#E76F00", "vthreads2": "#F4A259",
          "cf": "#5B8C5A", "netty": "#6C757D", "asyncj": "#D62828"}


def ratios(data, ref):
    out = {}  # w -> [(peer, ratio or None, note)]
    for w, meta in data["workloads"].items():
        rm = data["medians"].get("%s/%s" % (w, ref))
        rv = rm.get("value") if rm and "fail" not in rm else None
        ref_note = "%s failed: %s" % (ref, rm["fail"]) if rm and "fail" in rm else "n/a"
        row = []
        for p in data["peers"]:
            if p == ref or (p == "asyncj" and ref != "asyncj"):
                continue
            m = data["medians"].get("%s/%s" % (w, p))
            if m is None:
                continue
            pv = m.get("value") if "fail" not in m else None
            if rv is None or pv is None or rv <= 0 or pv <= 0:
                note = ref_note if rv is None else ("%s failed: %s" % (p, m.get("fail", "?")))
                row.append((p, None, note))
            else:
                r = rv / pv if meta["higher_is_better"] else pv / rv
                row.append((p, r, ""))
        out[w] = row
    return out


def has_values(data, peer):
    return any("fail" not in v for k, v in data["medians"].items() if k.endswith("/" + peer))


def write_svg(data, path):
    ref = "asyncj" if has_values(data, "asyncj") else "kotlin"
    rs = ratios(data, ref)
    vals = [r for row in rs.values() for _, r, _ in row if r]
    lo = min(vals + [0.1])
    hi = max(vals + [10.0])
    lo_e = math.floor(math.log10(lo))
    hi_e = math.ceil(math.log10(hi))

    left, right, top, bar_h, gap = 210, 140, 70, 16, 14
    plot_w = 560
    width = left + plot_w + right
    n_bars = sum(max(1, len(row)) for row in rs.values())
    legend = ["%s = %s" % (p, data["peer_titles"].get(p, p)) for p in data["peers"]
              if p != ref and not (p == "asyncj" and ref != "asyncj")]
    height = top + n_bars * (bar_h + 4) + len(rs) * gap + 60 + 16 * len(legend)

    def x_of(r):
        return left + (math.log10(r) - lo_e) / (hi_e - lo_e) * plot_w

    if ref == "asyncj":
        title = "asyncj vs peers: asyncj's advantage (log scale, >1x = asyncj better)"
    else:
        title = "asyncj not measured yet: Kotlin runBlocking vs the other peers (>1x = Kotlin better)"
    sub = "%s run, %s; medians; rates: ref/peer, times and bytes: peer/ref" % (data["mode"], data["started"][:16])

    s = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
         % (width, height),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="10" y="22" font-size="15" font-weight="bold">%s</text>' % escape(title),
         '<text x="10" y="42" fill="#555">%s</text>' % escape(sub)]
    y_axis_bottom = height - 40 - 16 * len(legend)
    for e in range(lo_e, hi_e + 1):
        x = x_of(10 ** e)
        s.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%s"/>'
                 % (x, top - 8, x, y_axis_bottom, "#000" if e == 0 else "#ddd", "1.5" if e == 0 else "1"))
        label = ("%gx" % (10 ** e)) if e >= 0 else ("1/%gx" % (10 ** -e))
        s.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>' % (x, y_axis_bottom + 16, label))
    y = top
    for w, row in rs.items():
        meta = data["workloads"][w]
        s.append('<text x="10" y="%d" font-weight="bold">%s %s</text>' % (y + 12, w, escape(meta["title"])))
        s.append('<text x="10" y="%d" fill="#555">%s</text>' % (y + 26, escape(meta["unit"])))
        if not row:
            y += bar_h + 4
        for p, r, note in row:
            color = COLORS.get(p, "#888")
            s.append('<text x="%d" y="%d" text-anchor="end" fill="#333">%s</text>' % (left - 6, y + 12, escape(p)))
            if r is None:
                s.append('<text x="%.1f" y="%d" fill="#999">%s</text>' % (x_of(1) + 4, y + 12, escape(note)))
            else:
                x0, x1 = x_of(1), x_of(r)
                s.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" opacity="%s"/>'
                         % (min(x0, x1), y, max(1.0, abs(x1 - x0)), bar_h, color, "0.9" if r >= 1 else "0.45"))
                s.append('<text x="%.1f" y="%d" fill="#000">%s</text>'
                         % (max(x0, x1) + 4, y + 12, "%.2fx" % r if r < 100 else "%.0fx" % r))
            y += bar_h + 4
        y += gap
    for i, item in enumerate(legend):
        s.append('<text x="10" y="%d" fill="#555">%s</text>' % (y_axis_bottom + 40 + 16 * i, escape(item)))
    s.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(s) + "\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "results", "latest.json")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "results", "latest.svg")
    with open(src) as f:
        write_svg(json.load(f), dst)
    print("wrote", dst)
