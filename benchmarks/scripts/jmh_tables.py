#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the Markdown tables of docs/benchmarks.md.

Usage: python3 benchmarks/scripts/jmh_tables.py /tmp/jmh.json
Per trial: median of the measurement iterations, JMH score (mean) and its 99.9% error, in ms/op.
"""
import json
import statistics
import sys
from collections import defaultdict


def load(path):
    with open(path) as f:
        data = json.load(f)
    out = []
    for r in data:
        bench = r["benchmark"].rsplit(".", 2)
        cls, method = bench[-2], bench[-1]
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        out.append({
            "cls": cls, "method": method, "params": r.get("params", {}),
            "median": statistics.median(raw), "score": r["primaryMetric"]["score"],
            "error": r["primaryMetric"]["scoreError"], "n": len(raw),
        })
    return out


def fmt(x):
    if x != x:  # NaN: too few iterations for an error
        return "n/a"
    if x >= 100:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.4f}"


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"


def engines_table(rows, key, key_name, method):
    by = defaultdict(dict)
    for r in rows:
        if r["method"] == method:
            by[r["params"][key]][r["params"]["engine"]] = r
    print(f"| {key_name} | engine | median ms/op | JMH score ± error (ms/op) | iterations |")
    print("|---|---|---:|---:|---:|")
    keys = sorted(by, key=lambda k: [int(p) for p in k.split("x")])
    for k in keys:
        for e in ("muru", "duckdb", "h2"):
            r = by[k].get(e)
            if r:
                print(f"| {k} | {e} | {fmt(r['median'])} | {fmt(r['score'])} ± {fmt(r['error'])} | {r['n']} |")
    print()
    print(f"| {key_name} | Muru / DuckDB (median) | Muru / H2 (median) |")
    print("|---|---:|---:|")
    for k in keys:
        m, d, h = (by[k].get(e) for e in ("muru", "duckdb", "h2"))
        print(f"| {k} | {ratio(m['median'], d['median']) if m and d else 'n/a'} "
              f"| {ratio(m['median'], h['median']) if m and h else 'n/a'} |")
    print()


def param_table(rows, cls, key, key_name):
    sel = [r for r in rows if r["cls"] == cls]
    print(f"| query | {key_name} | median ms/op | JMH score ± error (ms/op) | iterations |")
    print("|---|---|---:|---:|---:|")
    for r in sorted(sel, key=lambda r: (r["method"], str(r["params"][key]).rjust(12))):
        print(f"| {r['method']} | {r['params'][key]} | {fmt(r['median'])} | {fmt(r['score'])} ± {fmt(r['error'])} | {r['n']} |")
    print()
    return sel


def main():
    rows = load(sys.argv[1])
    classes = {r["cls"] for r in rows}
    if "ScanBenchmark" in classes:
        print("### ScanBenchmark\n")
        engines_table([r for r in rows if r["cls"] == "ScanBenchmark"], "rows", "rows", "scan")
    if "GroupByBenchmark" in classes:
        print("### GroupByBenchmark\n")
        engines_table([r for r in rows if r["cls"] == "GroupByBenchmark"], "shape", "rows x groups", "groupBy")
    if "ScalingBenchmark" in classes:
        print("### ScalingBenchmark\n")
        sel = param_table(rows, "ScalingBenchmark", "dop", "dop")
        for m in ("scan", "groupBy"):
            d = {r["params"]["dop"]: r for r in sel if r["method"] == m}
            if "1" in d and "2" in d:
                print(f"- {m}: DOP 2 / DOP 1 speedup = {d['1']['median'] / d['2']['median']:.2f}× (medians)")
        print()
    if "AdaptiveBenchmark" in classes:
        print("### AdaptiveBenchmark\n")
        sel = param_table(rows, "AdaptiveBenchmark", "mode", "mode")
        d = {r["params"]["mode"]: r for r in sel}
        if "adaptive" in d and "sequential" in d:
            print(f"- adaptive / sequential = {d['adaptive']['median'] / d['sequential']['median']:.3f} (medians)")
        if "parallel" in d and "sequential" in d:
            print(f"- parallel / sequential = {d['parallel']['median'] / d['sequential']['median']:.3f} (medians)")
        print()
    if "MorselSizeBenchmark" in classes:
        print("### MorselSizeBenchmark\n")
        sel = param_table(rows, "MorselSizeBenchmark", "morselRows", "morsel rows")
        for m in ("scan", "groupBy"):
            s = [r for r in sel if r["method"] == m]
            if s:
                best = min(s, key=lambda r: r["median"])
                print(f"- {m}: fastest morsel-rows = {best['params']['morselRows']} ({fmt(best['median'])} ms/op)")
        print()


if __name__ == "__main__":
    main()
