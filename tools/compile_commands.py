#!/usr/bin/env python3
"""Write compile_commands.json (for clangd and other C tools) on stdout.

    tools/compile_commands.py make [VAR=value ...] TARGET...

The commands are the build's own: make is run with -n (print, do not run),
-B (every rule, as if nothing were built) and V=1 (full command lines), and
every compiler call with -c in its output becomes an entry.  So the flags
are exactly the Makefile's, for the kernel, user space and the host tests
alike; a file compiled twice (mm/ for the kernel and for the host) gets an
entry for each, the kernel's first.  The project's .clangd removes the
gcc-only flags that clang does not understand.
"""

import json
import os
import shlex
import subprocess
import sys

COMPILERS = ("gcc", "cc", "clang")


def entries(lines, directory):
    for line in lines:
        try:
            argv = shlex.split(line)
        except ValueError:  # a shell fragment that is not a command
            continue
        if not argv or os.path.basename(argv[0]).split("-")[-1] not in COMPILERS:
            continue
        if "-c" not in argv or "-o" not in argv:
            continue
        source = argv[argv.index("-c") + 1]
        yield {"directory": directory, "arguments": argv, "file": source,
               "output": argv[argv.index("-o") + 1]}


def main(argv):
    if not argv:
        sys.exit("usage: compile_commands.py make [VAR=value ...] TARGET...")
    make = [argv[0], "-n", "-B", "--no-print-directory", "V=1", *argv[1:]]
    proc = subprocess.run(make, stdout=subprocess.PIPE, text=True)
    if proc.returncode:
        sys.exit(f"compile_commands.py: {shlex.join(make)} failed")
    found = list(entries(proc.stdout.splitlines(), os.getcwd()))
    if not found:
        sys.exit("compile_commands.py: make printed no compiler command")
    json.dump(found, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
