"""Embedding tlatv in Python: validate the lock service's trace, list what each action rejects,
and check one window given as a dict.

    python3 embed.py SPEC.tla SPEC.cfg WINDOWS.ndjson
"""
import sys

import tlatv


def main(spec_file, config, windows):
    spec = tlatv.load(spec_file, config)
    report = spec.validate(windows)
    for action in report.actions:
        print(f"{action.action:<10} {action.windows} windows, {action.fails} rejected")
        for example in action.examples[:1]:
            closest = example.closest
            if closest:
                differing = ", ".join(f'{d["variable"]}: observed {d["observed"]}, spec {d["spec"]}'
                                      for d in closest["differing"])
                print(f"  window {example.index}: closest is {closest['action']} ({differing})")

    hand_off = {"action": "Release", "args": {"c": "c1"},
                "pre": {"holder": "c1", "waiting": ["c2"]},
                "post": {"holder": "c2", "waiting": []}}
    print("hand-off from c1 to c2:", spec.check_window(hand_off).verdict)
    return 0 if report.all_pass else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
