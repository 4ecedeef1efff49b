#!/usr/bin/env bash
# Benchmark (not a test): wall time of `rebuild-causes scan` against `git log --first-parent
# --name-status` on a generated repository of about 10,000 commits. Goal: scan within 2x, JVM
# start included. Build first: mvn -B -q -DskipTests package
#
# Usage: bench/scan-vs-git-log.sh [commits (default 10000)] [runs (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-10000}"
runs="${2:-5}"
jar=app/target/rebuild-causes.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q -DskipTests package first" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/scan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/image-repo"
git init -q -b main "$repo"
start=$(date +%s.%N)
python3 bench/generate-history.py "$commits" | git -C "$repo" fast-import --quiet
git -C "$repo" checkout -q main
echo "generated $(git -C "$repo" rev-list --count HEAD) commits" \
  "($(git -C "$repo" rev-list --first-parent --count HEAD) first-parent)" \
  "in $(echo "$(date +%s.%N) - $start" | bc) s"

# best of $runs wall-clock seconds of a command
best() {
  local best=""
  for _ in $(seq "$runs"); do
    local t0 t1 t
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

git_s=$(best git -C "$repo" log --first-parent --name-status)
scan_s=$(best java -jar "$jar" scan "$repo" --quiet --out "$work/report")
printf 'git log --first-parent --name-status: %.3f s (best of %d)\n' "$git_s" "$runs"
printf 'rebuild-causes scan --quiet:          %.3f s (best of %d)\n' "$scan_s" "$runs"
printf 'ratio: %.2fx (goal: within 2x)\n' "$(echo "$scan_s / $git_s" | bc -l)"
echo "builds: $(($(wc -l < "$work/report/builds.csv") - 1))"
