#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make mutate: break one VM rule at a time and check that a test notices.

Each mutation in tools/mutations.py replaces one exact piece of text in one
file with a broken version and names the rule that breaks.  This script
copies the tree (the files git knows, as they are in the work tree) to a
temporary directory, builds it once and runs the tests there unmutated (they
must pass), then for each mutation: writes the mutated file, runs the
mutation's test command, writes the original back.  A mutation is killed if
its command fails (or times out), and survives if it passes: a survivor is a
rule that no test checks.  A mutated tree must build first: one that does
not is reported as a build error (the row needs a better replacement), never
counted as killed.  A mutation whose text is missing, or is found more
than once, is an error before anything runs.  The work tree is never written.

    tools/mutate.py [--only SUBSTRING] [--test TEST] [--list] [--keep]
                    [--timeout S]

Exit status: 0 if every mutation was killed, 1 if any survived, 2 on an
error (a missing text, a mutation that does not build, a failing baseline).
"""

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# What the test column of the table runs, in the copy: "host", "kernel" or
# "user" (make test-host, test-kernel, test-user), optionally narrowed by a
# T= selection after a colon ("user:vm_rules_test").  -j2: the machine is
# shared.
TARGETS = {"host": "test-host", "kernel": "test-kernel", "user": "test-user"}


def command(test):
    where, _, selection = test.partition(":")
    argv = ["make", "-j2", TARGETS[where], "TIMEOUT=120"]
    return argv + ([f"T={selection}"] if selection else [])


# What must build first: a mutation that does not compile is not one the
# tests caught (it is reported as a build error, and needs a better row).
BUILDS = {
    "host": ["make", "-j2", "build/host/ktest-host",
             "build/host/ktest-host-nospecial", "build/host/vma-fuzz"],
    "kernel": ["make", "-j2", "all"],
    "user": ["make", "-j2", "all"],
}


def build_command(test):
    return BUILDS[test.partition(":")[0]]


class MutationError(Exception):
    pass


def load_table(path=os.path.join(HERE, "mutations.py")):
    spec = importlib.util.spec_from_file_location("mutations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MUTATIONS


def check_table(root, mutations):
    """Every mutation's text occurs exactly once in its file, names unique."""
    errors, names = [], set()
    for m in mutations:
        if m.name in names:
            errors.append(f"{m.name}: name used twice")
        names.add(m.name)
        if m.test.partition(":")[0] not in TARGETS:
            errors.append(f"{m.name}: unknown test {m.test!r}")
        path = os.path.join(root, m.file)
        if not os.path.isfile(path):
            errors.append(f"{m.name}: no file {m.file}")
            continue
        with open(path) as f:
            count = f.read().count(m.find)
        if count != 1:
            errors.append(f"{m.name}: text found {count} times in {m.file}, "
                          "not once")
    return errors


def apply_mutation(root, m):
    """Write m into the tree at root; return the file's original text."""
    path = os.path.join(root, m.file)
    with open(path) as f:
        original = f.read()
    if original.count(m.find) != 1:
        raise MutationError(f"{m.name}: text not found once in {m.file}")
    with open(path, "w") as f:
        f.write(original.replace(m.find, m.replace))
    return original


def restore(root, m, original):
    path = os.path.join(root, m.file)
    with open(path, "w") as f:
        f.write(original)
    # A new modification time (the write gives one) makes make rebuild.
    os.utime(path)


def copy_tree(src, dst):
    """Copy the files git knows (tracked or new, not ignored) to dst."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=src, check=True, capture_output=True).stdout
    for rel in filter(None, out.decode().split("\0")):
        s = os.path.join(src, rel)
        if not os.path.isfile(s):
            continue  # deleted in the work tree
        d = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(d), exist_ok=True)
        shutil.copy2(s, d)


def run_one(argv, root, timeout, log):
    try:
        r = subprocess.run(argv, cwd=root, stdout=log,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return r.returncode == 0
    except subprocess.TimeoutExpired:
        log.write(b"\n*** timed out\n")
        return False


def run(root, test, timeout, log):
    """'passed', 'failed', or 'build error' (the tree does not build)."""
    if not run_one(build_command(test), root, timeout, log):
        return "build error"
    return "passed" if run_one(command(test), root, timeout, log) else "failed"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="run the mutations whose name contains this")
    ap.add_argument("--test", help="run this test (as in the table) for every "
                    "mutation: what does one test catch?")
    ap.add_argument("--list", action="store_true", help="list them and stop")
    ap.add_argument("--keep", action="store_true",
                    help="keep the copy (its logs: mutate-*.log)")
    ap.add_argument("--timeout", type=float, default=600,
                    help="seconds per test command (default 600)")
    args = ap.parse_args(argv)

    root = subprocess.run(["git", "rev-parse", "--show-toplevel"],
                          capture_output=True, check=True,
                          text=True).stdout.strip()
    mutations = [m for m in load_table()
                 if not args.only or args.only in m.name]
    if args.test:
        mutations = [m._replace(test=args.test) for m in mutations]
    errors = check_table(root, mutations)
    if errors:
        for e in errors:
            print(f"mutate: {e}", file=sys.stderr)
        return 2
    if args.list:
        for m in mutations:
            print(f"{m.name:40} {m.test:6} {m.file}")
        return 0

    work = tempfile.mkdtemp(prefix="pagoda-mutate-")
    survivors, broken = [], []
    try:
        copy_tree(root, work)
        for test in sorted({m.test for m in mutations}):
            with open(os.path.join(work, f"mutate-baseline-{test}.log"),
                      "wb") as log:
                if run(work, test, args.timeout, log) != "passed":
                    print(f"mutate: the unmutated tree fails '{test}' "
                          f"(log in {work})", file=sys.stderr)
                    args.keep = True
                    return 2
        print(f"{len(mutations)} mutations, tests pass unmutated")
        for i, m in enumerate(mutations, 1):
            start = time.monotonic()
            original = apply_mutation(work, m)
            try:
                with open(os.path.join(work, f"mutate-{m.name}.log"),
                          "wb") as log:
                    result = run(work, m.test, args.timeout, log)
            finally:
                restore(work, m, original)
            verdict = {"passed": "SURVIVED", "failed": "killed"}.get(
                result, "BUILD ERROR")
            print(f"[{i:2}/{len(mutations)}] {verdict:11} {m.name} "
                  f"({m.test}, {time.monotonic() - start:.0f} s): {m.rule}",
                  flush=True)
            if result == "passed":
                survivors.append(m)
            elif result == "build error":
                broken.append(m)
        killed = len(mutations) - len(survivors) - len(broken)
        print(f"kill rate: {killed} of {len(mutations)}")
        for m in survivors:
            print(f"  survivor: {m.name} ({m.file}): {m.rule}")
        for m in broken:
            print(f"  does not build (fix the row): {m.name} ({m.file})")
        return 2 if broken else 1 if survivors else 0
    finally:
        if args.keep:
            print(f"mutate: the copy is kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
