"""Embedding tlatv in Python: validate the lock service's trace and list rejected windows.

    python3 embed.py SPEC.tla SPEC.cfg WINDOWS.ndjson
"""
import sys

import tlatv


def main(spec_file, config, windows):
    spec = tlatv.load(spec_file, config)
    report = spec.validate(windows)
    for action in report["actions"]:
        print(f'{action["action"]:<10} {action["windows"]} windows, {action["fail"]} rejected')
    return 0 if report["totals"]["fail"] == 0 and report["totals"]["error"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
