#!/usr/bin/env bash
# Benchmark (not a test): wall time of `rebuild-causes scan` against `git log --first-parent
# --name-status` on a generated repository of about 10,000 commits. Goal: scan within 2x, JVM
# start included. Build first: mvn -B -q -DskipTests package
#
# Times three variants of scan: the default (inference and advice), --no-advice, and
# --no-infer --no-advice (the rules-only pipeline). JAR=<path> times another build of the jar.
#
# Usage: bench/scan-vs-git-log.sh [commits (default 10000)] [runs (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-10000}"
runs="${2:-5}"
jar="${JAR:-app/target/rebuild-causes.jar}"
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

# best of $runs runs of a command: "wall user+sys" seconds (user+sys includes child processes)
best() {
  local best_wall="" best_cpu=""
  TIMEFORMAT='%R %U %S'
  for _ in $(seq "$runs"); do
    local line wall cpu
    line=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    wall=$(echo "$line" | cut -d' ' -f1)
    cpu=$(echo "$line" | awk '{print $2 + $3}')
    if [ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" = 1 ]; then best_wall=$wall; fi
    if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

read -r git_wall git_cpu < <(best git -C "$repo" log --first-parent --name-status)
scan=(java -jar "$jar" scan "$repo" --quiet --out "$work/report")
read -r scan_wall scan_cpu < <(best "${scan[@]}")
read -r noadv_wall noadv_cpu < <(best "${scan[@]}" --no-advice)
read -r rules_wall rules_cpu < <(best "${scan[@]}" --no-infer --no-advice)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf 'git log --first-parent --name-status:   wall %.3f s, cpu %.3f s (best of %d)\n' "$git_wall" "$git_cpu" "$runs"
printf 'scan --quiet (inference, advice):      wall %.3f s, cpu %.3f s, %.2fx git wall\n' \
  "$scan_wall" "$scan_cpu" "$(echo "$scan_wall / $git_wall" | bc -l)"
printf 'scan --quiet --no-advice:              wall %.3f s, cpu %.3f s, %.2fx git wall\n' \
  "$noadv_wall" "$noadv_cpu" "$(echo "$noadv_wall / $git_wall" | bc -l)"
printf 'scan --quiet --no-infer --no-advice:   wall %.3f s, cpu %.3f s, %.2fx git wall (goal: within 2x)\n' \
  "$rules_wall" "$rules_cpu" "$(echo "$rules_wall / $git_wall" | bc -l)"
echo "builds in builds.csv: $(($(wc -l < "$work/report/builds.csv") - 1))"
