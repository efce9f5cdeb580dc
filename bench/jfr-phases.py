#!/usr/bin/env python3
"""CPU samples of a `pairstudio import` JFR recording per phase (store, analyse, group) and kind of
work. Usage: jfr print --json --stack-depth 300 --events jdk.ExecutionSample X.jfr > s.json; jfr-phases.py s.json"""
import json, sys, collections
ev = json.load(open(sys.argv[1]))["recording"]["events"]
PH = [("group", "DuplicateTracker."), ("analyse", "PendingAnalysis."), ("store", "PairImporter"),
      ("validate", "ValidationRun."), ("store", "JdbcPairStore.addAll")]
def names(st):
    return [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"] for f in st["frames"]]
phase = collections.Counter(); sub = collections.defaultdict(collections.Counter); thr = collections.defaultdict(collections.Counter)
for e in ev:
    v = e["values"]; st = v.get("stackTrace")
    if not st: continue
    ns = names(st); joined = " ".join(ns)
    t = (v.get("sampledThread") or {}).get("javaName") or "?"
    p = next((n for n, k in PH if k in joined), None)
    if p is None:
        p = {"pair-writer": "store", "pair-enricher": "store", "pending-analysis": "analyse"}.get(t, "other:" + t)
    phase[p] += 1; thr[p][t] += 1
    # what kind of work
    kind = ("enrich.sql" if "SqlAnalyzer.analyze" in joined else
            "enrich.pii" if "AnalyzingEnricher.piiTypes" in joined else
            "enrich.other" if "AnalyzingEnricher.enrich" in joined else
            "group.cpu" if "DuplicateGrouper." in joined else
            "store.read" if any(k in joined for k in ("JdbcResultSet.next", "PairRows.read", "readRows", "IndexRows.read", "executeQuery")) else
            "index" if "IndexKeeper" in joined or "PairIndex" in joined else
            "store.write" if any(k in joined for k in ("executeBatch", "executeUpdate", "commit", "Page.write", "MVStore")) else
            "json.parse" if "jackson" in joined.lower() or "PairMapper" in joined else
            "gc/jit/other")
    sub[p][kind] += 1
tot = sum(phase.values())
for p, c in phase.most_common():
    print(f"{p:28s} {c:6d} {100*c/tot:5.1f}%  threads: {dict(thr[p])}")
    for k, n in sub[p].most_common():
        print(f"      {k:20s} {n:6d} {100*n/c:5.1f}%")
