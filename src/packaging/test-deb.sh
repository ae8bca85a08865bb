#!/usr/bin/env bash
# Installs the .deb that `mvn -B -Pinstaller package` built, checks that it works with no Java on the PATH
# (the command line, a real plan, the window under a virtual display, a double-clicked plan file, the man
# pages and the bash completion), removes it and checks that nothing is left behind.
# Run as root on Debian 12 from the project folder (.ci/run does): bash src/packaging/test-deb.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }

shopt -s nullglob
debs=(target/installer/cluster-planner_*_amd64.deb)
[[ ${#debs[@]} -eq 1 ]] || fail "expected one target/installer/cluster-planner_*_amd64.deb, found ${#debs[@]}"
deb=${debs[0]}
! dpkg -s cluster-planner >/dev/null 2>&1 || fail "cluster-planner is already installed; remove it first"
step "$deb: $(du -k "$deb" | cut -f1) KiB"

# Everything the package may touch; compared before the installation and after the removal. The package's
# dependencies are installed first, so that only the package's own files can make a difference.
watched=(/opt /usr/bin /usr/share/applications /usr/share/mime /usr/share/icons /usr/share/man/man1
         /usr/share/bash-completion/completions /usr/share/desktop-directories /etc/xdg/menus)
snapshot() { { find "${watched[@]}" 2>/dev/null || true; } | sort; }
depends=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' '\n' | sort -u | tr '\n' ' ')
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $depends >/dev/null
before=$(mktemp); snapshot > "$before"

step "installing"
DEBIAN_FRONTEND=noninteractive apt-get install -y "./$deb" >/dev/null
dpkg -s cluster-planner | grep -q '^Status: install ok installed' || fail "not installed"
[[ -L /usr/bin/cluster-planner ]] || fail "no cluster-planner command in /usr/bin"

# No Java on the PATH: a folder holding only the cluster-planner command; JAVA_HOME unset (env -i).
work=$(mktemp -d)
mkdir "$work/bin" "$work/home"
ln -s /usr/bin/cluster-planner "$work/bin/cluster-planner"
nojava() { env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 "$@"; }
if nojava java -version >/dev/null 2>&1; then fail "java is reachable on the test PATH"; fi

step "cluster-planner --version"
version=$(nojava cluster-planner --version)
[[ $version == "Cluster Planner "[0-9]* ]] || fail "--version printed '$version'"
step "  $version"

step "cluster-planner plan (a real plan, with JSON, CSV and PDF)"
cp catalogs/examples/meerkat-cluster.plan.json "$work/meerkat.plan.json"
set +e
nojava cluster-planner plan "$work/meerkat.plan.json" --json "$work/result.json" --csv "$work/csv" \
    --pdf "$work/report.pdf" > "$work/plan.txt" 2>&1
code=$?
set -e
[[ $code -eq 0 ]] || { cat "$work/plan.txt"; fail "plan exited with $code"; }
grep -q 'Recommended:' "$work/plan.txt" || fail "plan output has no recommendation"
grep -q '"format"' "$work/result.json" || fail "no result JSON"
[[ -s "$work/csv/comparison.csv" ]] || fail "no comparison.csv"
[[ $(head -c 5 "$work/report.pdf") == "%PDF-" ]] || fail "no PDF report"
set +e; nojava cluster-planner plan "$work/missing.plan.json" >/dev/null 2>&1; code=$?; set -e
[[ $code -eq 1 ]] || fail "a missing plan file exited with $code, not 1"

step "man pages and bash completion"
for page in cluster-planner cluster-planner-plan cluster-planner-probe; do
    gzip -t "/usr/share/man/man1/$page.1.gz" || fail "no man page $page"
done
zcat /usr/share/man/man1/cluster-planner-plan.1.gz | grep -q '^\\fB\\-\\-pdf' || fail "the plan man page has no --pdf"

if command -v man >/dev/null; then
    man -w cluster-planner-plan >/dev/null || fail "man does not find cluster-planner-plan"
fi
bash -c 'source /usr/share/bash-completion/completions/cluster-planner && complete -p cluster-planner' >/dev/null \
    || fail "the bash completion does not register"

step "desktop entry and file type"
desktop=/usr/share/applications/cluster-planner.desktop
grep -q '^Exec=/opt/cluster-planner/bin/cluster-planner %f' "$desktop" || fail "no desktop entry $desktop"
grep -q '^MimeType=application/x-cluster-planner-plan' "$desktop" || fail "the desktop entry opens no plan files"
grep -q 'glob pattern="\*.plan.json"' /usr/share/mime/packages/cluster-planner.xml || fail "*.plan.json is not a registered file type"
for f in /usr/bin/cluster-planner "$desktop" /usr/share/mime/packages/cluster-planner.xml \
         /usr/share/bash-completion/completions/cluster-planner /usr/share/man/man1/cluster-planner.1.gz; do
    [[ $(dpkg -S "$f" 2>/dev/null) == "cluster-planner: $f" ]] || fail "$f is not a file of the package"
done

step "the window, under a virtual display"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    [[ -n $app ]] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
# waits for a top-level window whose title contains $1 (JavaFX start-up takes seconds on a busy machine)
wait_for_window() {
    local i
    for i in $(seq 1 120); do
        if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q -- "$1"; then return 0; fi
        kill -0 "$app" 2>/dev/null || fail "the window process ended before showing '$1'"
        sleep 1
    done
    fail "no window '$1' within 120 s"
}
for attempt in window plan-file; do
    if [[ $attempt == window ]]; then
        ( exec env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 DISPLAY="$display" cluster-planner ) \
            > "$work/window.log" 2>&1 &
        app=$!
        wait_for_window " - Cluster Planner"
    else # what the file manager runs for a double-clicked plan (Exec=... %f)
        cp catalogs/examples/hybrid.plan.json "$work/hybrid.plan.json"
        ( exec env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 DISPLAY="$display" \
            cluster-planner "$work/hybrid.plan.json" ) > "$work/window.log" 2>&1 &
        app=$!
        wait_for_window "(hybrid.plan.json) - Cluster Planner"
    fi
    grep -q '/opt/cluster-planner/lib/runtime/lib/server/libjvm.so' "/proc/$app/maps" \
        || fail "the window does not run on the packaged runtime"
    sleep 3
    kill -0 "$app" 2>/dev/null || { cat "$work/window.log"; fail "the window closed by itself"; }
    step "  $attempt: shown, running on /opt/cluster-planner/lib/runtime"
    kill "$app"; wait "$app" 2>/dev/null || true
    app=
done
cleanup
trap - EXIT

step "removing"
DEBIAN_FRONTEND=noninteractive apt-get purge -y cluster-planner >/dev/null
! dpkg -s cluster-planner >/dev/null 2>&1 || fail "still installed"
after=$(mktemp); snapshot > "$after"
if ! diff "$before" "$after" > "$work/left.txt"; then
    cat "$work/left.txt"
    fail "the removal left files behind or removed others (diff above)"
fi
rm -rf "$work" "$before" "$after"
step "OK: installed, ran without Java on the PATH, removed cleanly"
