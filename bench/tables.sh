#!/usr/bin/env bash
# Runs the benchmarks and prints the README's performance tables (Markdown).
#
#     bench/tables.sh [BUILD_DIR] [--huge] [--quick]
#
# BUILD_DIR (default: build) must be a Release build with the benchmarks
# (cmake -DCMAKE_BUILD_TYPE=Release -DTLATV_BUILD_BENCH=ON; ninja tlatv_windows_bench
# tlatv_engine_bench tlatv_sysmobench_bench tlatv_memory_bench tlatv_parse_bench).
# --huge adds the 10^7-window memory run (about 1.9 GB of temporary file); --quick shortens every
# benchmark (for checking the script, not for figures). Wall-clock figures depend on the load of
# the machine: the load average is printed with the tables.
set -euo pipefail

build=build
huge=0
min_time=1
for arg in "$@"; do
    case "$arg" in
    --huge) huge=1 ;;
    --quick) min_time=0.05 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) build=$arg ;;
    esac
done
bench=$build/bench
for program in tlatv_windows_bench tlatv_engine_bench tlatv_sysmobench_bench tlatv_memory_bench \
    tlatv_parse_bench; do
    [[ -x $bench/$program ]] || { echo "missing $bench/$program: build it first" >&2; exit 1; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # program, filter, output name
    "$bench/$1" --benchmark_filter="$2" --benchmark_min_time="$min_time" \
        --benchmark_format=json >"$out/$3.json" 2>/dev/null
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run tlatv_windows_bench . windows
run tlatv_engine_bench . engine
run tlatv_sysmobench_bench BM_TvAllModules sysmobench
run tlatv_parse_bench . parse
memory=()
sizes=(100000 1000000)
((huge)) && sizes+=(10000000)
for n in "${sizes[@]}"; do
    memory+=("$("$bench/tlatv_memory_bench" --windows "$n" --threads 2)")
done
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

python3 - "$out" "${memory[@]}" <<'EOF'
import json, sys

out, memory = sys.argv[1], sys.argv[2:]

def load(name):
    with open(f"{out}/{name}.json") as f:
        return {b["name"]: b for b in json.load(f)["benchmarks"] if b.get("run_type") != "aggregate"}

def rate(b):
    return b.get("windows/s", 0.0)

def k(x):
    return f"{x / 1e6:.2f} M" if x >= 1e6 else f"{x / 1e3:.0f} k"

windows = load("windows")
print("Reading windows (one thread): tlatv's reader (JSON to TLA+ values) against simdjson alone")
print()
print("| file | windows/s tlatv | simdjson On-Demand | simdjson DOM | tlatv / On-Demand |")
print("|---|---:|---:|---:|---:|")
for i in range(3):
    r = windows.get(f"BM_ReadWindows/{i}")
    o = windows.get(f"BM_SimdjsonOndemand/{i}")
    d = windows.get(f"BM_SimdjsonDom/{i}")
    if not (r and o and d):
        continue
    print(f"| {r['label']} | {k(rate(r))} | {k(rate(o))} | {k(rate(d))} | "
          f"{rate(o) / rate(r):.1f}x slower |")
print()

engine = load("engine")
print("Validating windows through the engine (`tlatv validate`, default options)")
print()
print("| windows | 1 thread | 2 threads | speed-up |")
print("|---|---:|---:|---:|")
for name, label in [("BM_SpinAcquireLock", "spin AcquireLock (210, mapping)"),
                    ("BM_SpinAcquireLockCheckOnly", "spin AcquireLock, --no-over-approximation"),
                    ("BM_EtcdHandleAppendEntries", "etcd HandleAppendEntries (154, mapping)"),
                    ("BM_LockService", "lock-service example (196)")]:
    one = engine.get(f"{name}/1/real_time")
    two = engine.get(f"{name}/2/real_time")
    if not (one and two) or one.get("error_occurred") or two.get("error_occurred"):
        print(f"| {label} | (not run) | | |")
        continue
    print(f"| {label} | {k(rate(one))}/s | {k(rate(two))}/s | {rate(two) / rate(one):.2f}x |")
print()

for line in memory:
    fields = dict(f.split("=") for f in line.split())
    if fields["windows"] == "1000000":
        print(f"Generated spin file, 10^6 windows, 2 threads: {k(float(fields['windows_per_s']))}"
              f" windows/s ({fields['seconds']} s)")
print()
print("| windows | file | peak RSS | windows/s (2 threads) |")
print("|---:|---:|---:|---:|")
for line in memory:
    f = dict(x.split("=") for x in line.split())
    print(f"| {int(f['windows']):,} | {float(f['file_mb']):.0f} MB | {float(f['peak_rss_mb']):.0f} MB "
          f"| {k(float(f['windows_per_s']))} |")
print()

tv = load("sysmobench")
print("SysMoBench's TV modules run natively (`tlatv sysmobench`), against TLC's 1.1-1.3 s per window")
print()
print("| threads | windows | total | per window | TLC (est.) |")
print("|---:|---:|---:|---:|---:|")
for threads in (1, 2):
    b = tv.get(f"BM_TvAllModules/{threads}/real_time")
    if not b or b.get("error_occurred"):
        continue
    n = int(b["windows"])
    seconds = b["real_time"] / 1e3  # milliseconds
    print(f"| {threads} | {n} | {seconds:.2f} s | {seconds / n * 1e3:.2f} ms | "
          f"{n * 1.1:.0f}-{n * 1.3:.0f} s |")
print()

parse = load("parse")
print("Parsing")
print()
print("| input | time |")
print("|---|---:|")
for name, label in [("parse/raftkvs", "raftkvs.tla (19,448 lines)"),
                    ("parse/etcdraft", "etcdraft.tla"),
                    ("BM_ParseCorpus", "whole spec corpus")]:
    b = parse.get(name)
    if not b or b.get("error_occurred"):
        continue
    extra = ""
    if "modules" in b:
        extra = f" ({int(b['modules'])} modules, {int(b['lines']):,} lines, {int(b['parsed'])} parsed)"
    print(f"| {label}{extra} | {b['real_time']:.1f} ms |")
EOF
