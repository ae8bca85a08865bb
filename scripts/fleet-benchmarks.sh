#!/bin/sh
# The fleet optimiser's benchmarks in one command: Cloud Balancing (Timefold's public data sets) against the
# published reference costs, Falkenauer u120/t60 packing quality against first fit decreasing, and 50,000
# instances in a fresh JVM. Usage: scripts/fleet-benchmarks.sh [all|cloud|falkenauer|fifty] [budget per cloud set, default 8]
set -eu
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
cp=$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# FLEET_JAVA_OPTS: extra JVM options, e.g. -DwallCap=3000 on a busy machine (the wall clock then does not cut the search short)
exec java -Xmx2g ${FLEET_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$cp" dev.clusterplanner.bench.FleetBenchmark "${1:-all}" "${2:-8}"
