#!/usr/bin/env bash
# Runs `tlatv trace` on the rows of the trace corpus (../shared/corpus/traces/EXPECTED.md) and
# prints a Markdown table of verdicts, distinct states and times (wall clock and CPU), to set
# next to TLC's figures.
#
# usage: bench/trace_corpus.sh [TLATV] [ROWS...]
#   TLATV  the tlatv binary (default: build/cli/tlatv)
#   ROWS   row names to run (default: all): etcd-250 etcd-500 etcd-1000 etcd-1500 etcd-2500
#          etcd-full etcd-111 ccf-replicate ccf-election ... (see the rows below)
# Environment: THREADS (default 2), SHARED (default: ../shared next to the repository).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
tlatv=${1:-$repo/build/cli/tlatv}
shift || true
shared=${SHARED:-$repo/../shared}
traces=$shared/corpus/traces
threads=${THREADS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

etcd=$traces/etcd-io+raft/tla
awk 'NR == 111 { sub(/"commit":5/, "\"commit\":6") } 1' "$etcd/example.ndjson" > "$tmp/etcd-111.ndjson"

# name | spec | environment (space-separated NAME=VALUE) | what TLC said
rows=(
    "etcd-250|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson MAX_TRACE=250|accepted, 263 states, 10 s"
    "etcd-500|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson MAX_TRACE=500|accepted, 520 states, 14 s"
    "etcd-1000|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson MAX_TRACE=1000|accepted, 1,031 states, 32 s"
    "etcd-1500|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson MAX_TRACE=1500|accepted, 1,538 states, 62 s"
    "etcd-2500|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson MAX_TRACE=2500|accepted, 2,541 states, 191 s"
    "etcd-full|$etcd/Traceetcdraft.tla|JSON=$etcd/example.ndjson|accepted, 4,998 states, 2,537 s"
    "etcd-111|$etcd/Traceetcdraft.tla|JSON=$tmp/etcd-111.ndjson MAX_TRACE=200|rejected @111, 14 s"
)
ccf=$traces/lemmy+CCF@811ab6dd/tla
for trace in replicate:62 election:71 reconnect:71 reconnect_node:71 fancy_election.1:147 \
    bad_network:151 check_quorum:153 suffix_collision.1:169 multi_election:220 \
    suffix_collision.3:367; do
    rows+=("ccf-${trace%%:*}|$ccf/Traceccfraft.tla|JSON=$ccf/traces/${trace%%:*}.ndjson|accepted, ${trace##*:} states")
done

wanted=("$@")
selected() {
    [ ${#wanted[@]} -eq 0 ] && return 0
    for want in "${wanted[@]}"; do [ "$want" = "$1" ] && return 0; done
    return 1
}

echo "| row | TLC | tlatv verdict | tlatv distinct | tlatv wall | tlatv CPU |"
echo "|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
    IFS='|' read -r name spec env tlc <<< "$row"
    selected "$name" || continue
    args=()
    for assignment in $env; do args+=(--env "$assignment"); done
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$tmp/time" \
        "$tlatv" trace "$spec" "${args[@]}" --threads "$threads" > "$tmp/out" 2>&1 || true
    end=$(date +%s.%N)
    verdict=$(grep -m1 -E '^(accepted|rejected)' "$tmp/out" || echo "error: $(head -c 200 "$tmp/out")")
    distinct=$(sed -n 's/.*distinct \([0-9]*\),.*/\1/p' "$tmp/out" | tail -1)
    cpu=$(tail -n 1 "$tmp/time" | awk '{ printf "%.1f s", $1 + $2 }')
    wall=$(echo "$end - $start" | bc | awk '{ printf "%.1f s", $1 }')
    echo "| $name | $tlc | $verdict | $distinct | $wall | $cpu |"
done
