#!/usr/bin/env python3
"""Merges TpchBenchmark JSON results (one per engine) into one Markdown table.

Usage: python3 benchmarks/scripts/tpch_table.py muru.json duckdb.json h2.json [> table.md]

Columns: query | Muru | DuckDB | H2 | Muru/DuckDB | H2/Muru, median ms per query. A query that
did not give a median shows its status (timeout, error, wrong). The sum row adds the medians of
the queries that every engine in the table completed (so the sums compare like with like); the
load row gives each engine's load time. Ratios below 1 in Muru/DuckDB mean Muru is faster;
H2/Muru above 1 means Muru is faster.
"""
import json
import sys

ENGINES = [("muru", "Muru"), ("duckdb", "DuckDB"), ("h2", "H2")]


def fmt(ms):
    if ms is None:
        return "–"
    if ms >= 100:
        return f"{ms:,.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    return f"{ms:.2f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}×"


def cell(q):
    if q is None:
        return "–", None
    status = q.get("status", "")
    median = q.get("medianMs")
    if status == "ok" and median is not None:
        return fmt(median), median
    if status.startswith("wrong"):
        return (fmt(median) + " (wrong)") if median is not None else "wrong", None
    if status.startswith("error"):
        return "error", None
    return status or "–", None


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = {}
    for p in paths:
        with open(p) as f:
            d = json.load(f)
        if d["engine"] in runs:
            sys.exit(f"{p}: a second result for engine {d['engine']}")
        runs[d["engine"]] = d
    sfs = {d["sf"] for d in runs.values()}
    if len(sfs) > 1:
        print(f"**Warning: the results are at different scale factors: "
              f"{', '.join(e + ' SF ' + str(d['sf']) for e, d in runs.items())}.**\n")
    queries = sorted({q for d in runs.values() for q in d["queries"]})

    sf = "/".join(str(s) for s in sorted(sfs))
    print(f"TPC-H-derived queries at SF {sf}, median ms per query "
          f"(derived from TPC-H; not comparable with published TPC-H results).\n")
    for e, name in ENGINES:
        if e in runs:
            d = runs[e]
            print(f"- {d.get('settings', name)}; 1 warmup + {d.get('runs', '?')} runs, "
                  f"timeout {d.get('timeoutS', '?')} s ({d.get('date', '')})")
    print()
    print("| query | Muru | DuckDB | H2 | Muru/DuckDB | H2/Muru |")
    print("|---|---:|---:|---:|---:|---:|")
    sums = {e: 0.0 for e, _ in ENGINES}
    common = 0
    present = [e for e, _ in ENGINES if e in runs]
    for q in queries:
        texts, vals = {}, {}
        for e, _ in ENGINES:
            texts[e], vals[e] = cell(runs[e]["queries"].get(q)) if e in runs else ("–", None)
        if all(vals[e] is not None for e in present):
            common += 1
            for e in present:
                sums[e] += vals[e]
        print(f"| {q} | {texts['muru']} | {texts['duckdb']} | {texts['h2']} | "
              f"{ratio(vals['muru'], vals['duckdb'])} | {ratio(vals['h2'], vals['muru'])} |")
    s = {e: (sums[e] if e in runs and common else None) for e, _ in ENGINES}
    print(f"| **sum** ({common} of {len(queries)} queries all engines completed) | "
          f"{fmt(s['muru'])} | {fmt(s['duckdb'])} | {fmt(s['h2'])} | "
          f"{ratio(s['muru'], s['duckdb'])} | {ratio(s['h2'], s['muru'])} |")
    load = {e: (runs[e]["loadMs"] if e in runs else None) for e, _ in ENGINES}
    print(f"| load (not in the sum) | {fmt(load['muru'])} | {fmt(load['duckdb'])} | {fmt(load['h2'])} | "
          f"{ratio(load['muru'], load['duckdb'])} | {ratio(load['h2'], load['muru'])} |")


if __name__ == "__main__":
    main(sys.argv[1:])
