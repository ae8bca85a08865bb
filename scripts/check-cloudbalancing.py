#!/usr/bin/env python3
"""Checks a fleet benchmark answer against the original Cloud Balancing data set, outside the planner:
every process on exactly one computer, no computer over cpu, memory or network, and the cost of the used computers.
Usage: scripts/check-cloudbalancing.py src/test/resources/benchmarks/cloudbalancing/NAME.json target/cloudbalancing-NAME.csv"""
import csv, json, sys
data = json.load(open(sys.argv[1]))
comp = {c["id"]: c for c in data["computerList"]}
proc = {p["id"]: p for p in data["processList"]}
seen, load = {}, {}
for row in csv.DictReader(open(sys.argv[2])):
    p, c = int(row["process"]), int(row["computer"])
    seen[p] = seen.get(p, 0) + 1
    l = load.setdefault(c, [0, 0, 0])
    l[0] += proc[p]["requiredCpuPower"]; l[1] += proc[p]["requiredMemory"]; l[2] += proc[p]["requiredNetworkBandwidth"]
bad = [p for p in proc if seen.get(p) != 1]
over = [c for c, l in load.items() if l[0] > comp[c]["cpuPower"] or l[1] > comp[c]["memory"] or l[2] > comp[c]["networkBandwidth"]]
print(f"processes placed once: {len(proc) - len(bad)}/{len(proc)}; computers over capacity: {len(over)}; "
      f"computers used: {len(load)}; cost: {sum(comp[c]['cost'] for c in load)}")
sys.exit(1 if bad or over else 0)
