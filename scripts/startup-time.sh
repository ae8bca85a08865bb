#!/bin/sh
# Cold start of the desktop app to a usable window, measured N times (default 5) under a virtual display.
# Each run is a fresh JVM: `java -Dclusterplanner.startupProbe=true -jar target/cluster-planner.jar` builds the
# window on the default plan, waits for the first rendered frame after the content is laid out, prints
# "startup-ms <ms since JVM start>" and exits. Also prints the wall time of the whole process (JVM start to exit).
# Needs: target/cluster-planner.jar (mvn -o -q package -DskipTests), xvfb-run, libgtk-3-0.
set -eu
runs=${1:-5}
jar=${JAR:-target/cluster-planner.jar}
export HOME_PREFS=$(mktemp -d)
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  # a throwaway user.home: no last plan, no recovery file, no remembered window: a true first start
  out=$(xvfb-run -a -s '-screen 0 1600x1000x24' java -Duser.home="$HOME_PREFS" -Djava.util.prefs.userRoot="$HOME_PREFS/prefs" \
        -Dclusterplanner.startupProbe=true -jar "$jar" 2>/dev/null | grep '^startup-' || true)
  end=$(date +%s%N)
  ms=$(printf '%s\n' "$out" | sed -n 's/^startup-ms //p')
  phases=$(printf '%s\n' "$out" | sed -n 's/^startup-phases //p')
  echo "run $((i+1)): window usable after ${ms} ms (JVM start to first frame); process wall time $(( (end-start)/1000000 )) ms incl. Xvfb start and JVM exit; since JVM start: ${phases}"
  i=$((i+1))
done
rm -rf "$HOME_PREFS"
