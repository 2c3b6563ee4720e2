#!/usr/bin/env python3
"""Makes the seed corpora of the fuzz targets from the shared test data (never stored in the
repository): TLA+ modules, .cfg files, window/trace NDJSON lines and TLC state texts.

    make_seeds.py SHARED_DIR OUT_DIR

writes OUT_DIR/<target>/<n> files, one seed each, and prints how many per target.
"""
import hashlib
import json
import pathlib
import sys

# Seeds larger than this are left out: libFuzzer's input length defaults to the largest seed,
# and mutating 20,000-line specs spends the time budget on a few inputs.
MAX_SEED_BYTES = 64 * 1024
LINES_PER_FILE = 8  # NDJSON lines taken from each file, each a seed of its own
STATES_PER_GRAPH = 12


def write_seeds(out_dir: pathlib.Path, seeds):
    out_dir.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        if not seed or len(seed) > MAX_SEED_BYTES:
            continue
        # Content-addressed names, as libFuzzer names its own corpus files: duplicates merge.
        (out_dir / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    return sum(1 for _ in out_dir.iterdir())


def files(shared: pathlib.Path, pattern: str):
    return sorted(p for p in shared.rglob(pattern) if p.is_file())


def tla_seeds(shared):
    for path in files(shared, "*.tla"):
        yield path.read_bytes()


def cfg_seeds(shared):
    for path in files(shared, "*.cfg"):
        yield path.read_bytes()


def first_lines(path: pathlib.Path, count: int):
    lines = []
    with path.open("rb") as f:
        for line in f:
            lines.append(line)
            if len(lines) == count:
                break
    return lines


def window_seeds(shared):
    # The first byte of a window seed selects format and JSON policies (fuzz_window_reader.cpp):
    # 0 is automatic detection with TLC's policies; 0x38 accepts null, exact integers, fractions.
    for path in files(shared, "*.ndjson"):
        lines = first_lines(path, LINES_PER_FILE)
        for line in lines:
            yield b"\x00" + line
        yield b"\x38" + b"".join(lines)


def state_seeds(shared):
    for path in files(shared / "oracle" / "graphs", "graph.ndjson"):
        for line in first_lines(path, STATES_PER_GRAPH):
            try:
                state = json.loads(line).get("state")
            except (json.JSONDecodeError, AttributeError):
                continue
            if isinstance(state, str):
                yield state.encode()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_seeds.py SHARED_DIR OUT_DIR")
    shared = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    if not shared.is_dir():
        sys.exit(f"make_seeds.py: no shared test data at {shared}")
    for target, seeds in (
        ("fuzz_tla_parser", tla_seeds(shared)),
        ("fuzz_cfg_parser", cfg_seeds(shared)),
        ("fuzz_window_reader", window_seeds(shared)),
        ("fuzz_state_text", state_seeds(shared)),
    ):
        print(f"{target}: {write_seeds(out / target, seeds)} seeds")


if __name__ == "__main__":
    main()
