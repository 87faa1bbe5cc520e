#!/usr/bin/env python3
"""Print `make help`: the targets and knobs documented in the makefiles.

    tools/mkhelp.py MAKEFILE...

A target is documented by a comment after its prerequisites, a knob (a
variable a user may set) by one after its default value, both starting `##`:

    test: deps $(TEST_IMAGE) ## everything; ends with "N passed, N failed"
    MEM ?= 256##  RAM in MiB

The text is the makefile's own, so the list cannot drift from the rules.
"""

import re
import sys

TARGET_RE = re.compile(r"^([A-Za-z0-9_.-]+)\s*:[^=#]*##\s*(.*)$")
KNOB_RE = re.compile(r"^([A-Z][A-Z0-9_]*)\s*\?=\s*([^#]*)##\s*(.*)$")


def scan(paths):
    targets, knobs = [], []
    for path in paths:
        with open(path) as f:
            text = f.read().replace("\\\n", " ")  # join continued lines
            for line in text.splitlines():
                if m := KNOB_RE.match(line):
                    knobs.append((m.group(1), m.group(2).strip(), m.group(3)))
                elif m := TARGET_RE.match(line):
                    targets.append((m.group(1), m.group(2)))
    return targets, knobs


def main(paths):
    targets, knobs = scan(paths)
    print("Targets (make TARGET [KNOB=value ...]):")
    width = max(len(name) for name, _ in targets)
    for name, text in targets:
        print(f"  {name.ljust(width)}  {text}")
    print("\nKnobs (default in brackets):")
    width = max(len(name) for name, _, _ in knobs)
    for name, default, text in knobs:
        shown = f" [{default}]" if default and "$(" not in default else ""
        print(f"  {name.ljust(width)}  {text}{shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
