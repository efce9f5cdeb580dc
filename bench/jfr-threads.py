#!/usr/bin/env python3
"""CPU seconds per thread of a JFR recording (jdk.ThreadCPULoad, every thread's share of the machine
between two of its events, times the cores). Shows what CPU samples cannot: the JIT compiler's and
H2's own threads. Usage: jfr-threads.py X.jfr [cores]  (the recording needs settings=profile or default)."""
import collections, json, subprocess, sys
from datetime import datetime

cores = int(sys.argv[2]) if len(sys.argv) > 2 else 2
out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ThreadCPULoad", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = sorted(json.loads(out)["recording"]["events"], key=lambda e: e["values"]["startTime"])
last, seconds = {}, collections.Counter()
for e in events:
    v = e["values"]
    thread = v.get("eventThread") or {}
    name = thread.get("javaName", "?")
    name = "pool (H2 compaction)" if name.startswith("pool-") else name.split(" (")[0]
    key = (name, thread.get("javaThreadId"))
    now = datetime.fromisoformat(v["startTime"][:26])
    if key in last:  # the first event of a thread has no interval: its first seconds are not counted
        seconds[name] += (v["user"] + v["system"]) * (now - last[key]).total_seconds() * cores
    last[key] = now
for name, s in seconds.most_common(15):
    print(f"{name:40s} {s:6.1f} s")
print(f"{'Java threads (no GC threads)':40s} {sum(seconds.values()):6.1f} s")
