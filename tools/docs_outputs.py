#!/usr/bin/env python3
"""Regenerate the command outputs pasted in the docs and compare them.

    tools/docs_outputs.py [--slow] [--exact] [--update] [--only NAME] [FILE.md ...]

A fenced block right after `<!-- output: NAME -->` in README.md or docs/
is the output of a command the text shows; NAME is one of RECIPES below,
which runs that very command (a real boot under QEMU) and keeps the part
the block shows.  The block and the fresh output must agree line by line,
trailing blanks aside, except where the block says `...`:

  * `...` inside a line matches any text (a value that varies, such as a
    TIME column or an address the next compiler moves);
  * a line that is only `...` matches any number of lines; at the end of
    a block, it shows only the start of a long output (chapter 3's part of
    `make bench`'s table), and --update keeps it so.

So what may vary from run to run is marked in the text itself, where the
reader sees it.  Some figures do not vary from run to run but follow the
sizes of what was built: the kernel image's (the boot log's managed pages,
`free`'s total), the programs' and the C library's (`pmap`'s segments,
`vmstat`'s counts after a demo).  A recipe names those lines (`sizes`);
without --exact any figure there matches any other, the words and the
other figures still exactly, so that a change that moves the kernel by a
page does not fail make test, while one that changes what a demo prints
does.  The `session` recipe boots `make run` and types, at each shell
prompt, the commands of the block's `$ ` lines.  Recipes marked slow (`make
bench`, a few minutes) run only with --slow.  --update (which implies
--exact) rewrites each block that differs with the fresh output (keeping its
`...` lines where they still match); read the diff before committing it.

Prints KTAP, one case per block, and exits 0 only if every block matches.
`make test` runs it as it is (the spec host:tools/docs_outputs.py, last,
as it rebuilds the run image once per recipe and boots it: about 40 s);
`make docs-outputs` with --exact (SLOW=1: --slow, UPDATE=1: --update).
Both boot the commands through make, so they change build/ARCH's run image
and initrd as `make run` would.
"""

import argparse
import os
import re
import select
import subprocess
import sys
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docs_check  # noqa: E402  (lives next to this file)

BUILD_LINE_RE = re.compile(r"^(  [A-Z]+ +\S|  kernel: |run\.py: |make(\[\d+\])?: (Entering|Leaving)"
                           r"|tools/install-deps\.sh|Pagoda .* ready)")
# The kernel's own lines that a busy host (TCG) may add to a program's
# output: a CPU that comes up while init already runs, and after the
# program's end the power-off message when QEMU acts on the ACPI soft-off
# later than the kernel waits for it (arch/x86_64/power.c).
ASYNC_LINE_RE = re.compile(r"^(CPU \d+: online|Power-off failed \(no ACPI S5\))")
PROMPT = b"$ "
# The commands run as a reader types them, not as a sub-make of
# `make docs-outputs` (which would print make[1]: and pass its flags on).
ENV = {k: v for k, v in os.environ.items()
       if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")}


@dataclass
class Recipe:
    """Run `argv` (a make command, as the text shows it) and keep the lines
    from the first one matching `start` (all lines if None), or only those
    matching `keep`.  Lines matching `sizes` hold figures that follow the
    sizes of what was built (the kernel image, the programs, the C
    library), not the mechanism the text shows."""
    argv: list
    start: str = None
    keep: str = None
    slow: bool = False
    timeout: int = 120
    sizes: str = None


@dataclass
class Session:
    """Boot `make run` and type the block's `$ ` commands at the prompts."""
    argv: tuple = ("make", "run")
    slow: bool = False
    timeout: int = 120
    sizes: str = r"^(Mem: | +\d+ +\d+ (\.\.\.|[A-Z]) )"  # free, ps


FAMILY = ["make", "run", "EXTRA=docs/demos/family.c", "RUN=family one two"]

RECIPES = {
    # Chapter 1: the memory lines of the boot log, 256 MiB.
    "boot-memory": Recipe(["make", "run", "RUN=true"],
                          keep=r"^(Memory|struct page): ", sizes=r"^Memory: "),
    # README, chapter 2: commands typed at the shell.
    "session": Session(),
    # Chapter 2's demo program, and what make says of its exit status.
    "family": Recipe(FAMILY, start=r"^argc "),
    "family-fault": Recipe(FAMILY, keep=r"^pid \d+ \(family\)"),
    # Chapter 3's tour of the fault path, then pmap and vmstat.
    "vmtour": Recipe(["make", "run", "EXTRA=docs/demos/vmtour.c",
                      "RUN=vmtour; pmap; vmstat"], start=r"^mapped ",
                     sizes=r"^([0-9a-f]{8}-|[a-z_]+ +\d+$)"),
    # Chapter 3's profile of one fault (gdb steps every instruction).
    "profile": Recipe(["make", "profile"], start=r"^vmbench anon_fault: ", slow=True,
                      timeout=600),
    # Chapter 3's benchmark table.
    "bench": Recipe(["make", "bench"], start=r"^vmbench: ", slow=True,
                    timeout=900),
}


def clean(text):
    return [ln.rstrip() for ln in text.replace("\r", "").split("\n")
            if not ASYNC_LINE_RE.match(ln)]


def run_recipe(recipe, block, cache):
    """The fresh output for one block, as a list of lines.  Recipes with the
    same command share one run (`cache`)."""
    if isinstance(recipe, Session):
        return run_session(recipe, [ln[2:] for ln in block if ln.startswith("$ ")])
    key = tuple(recipe.argv)
    if key not in cache:
        proc = subprocess.run(recipe.argv, cwd=ROOT, env=ENV, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=recipe.timeout)
        cache[key] = [ln for ln in clean(proc.stdout.decode("utf-8", "replace"))
                      if not BUILD_LINE_RE.match(ln)]
    lines = list(cache[key])
    if recipe.keep:
        return [ln for ln in lines if re.search(recipe.keep, ln)]
    if recipe.start:
        for i, ln in enumerate(lines):
            if re.search(recipe.start, ln):
                lines = lines[i:]
                break
        else:
            return [f"(no line matching {recipe.start!r} in the output)"]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_session(recipe, commands):
    """Type each command at a fresh prompt; the transcript from the first
    prompt to the last, as the reader sees it (the console echoes)."""
    proc = subprocess.Popen(list(recipe.argv), cwd=ROOT, env=ENV, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = b""
    deadline = time.monotonic() + recipe.timeout

    def read_until_prompt():
        nonlocal out
        start = len(out)
        while time.monotonic() < deadline:
            tail = out[start:]
            if tail.endswith(b"\n" + PROMPT) or tail == PROMPT:
                return True
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    return False
                out += chunk
        return False

    try:
        ok = read_until_prompt()
        first = out.rfind(b"\n" + PROMPT) + 1
        for cmd in commands:
            if not ok:
                break
            proc.stdin.write(cmd.encode() + b"\r")
            proc.stdin.flush()
            ok = read_until_prompt()
        proc.stdin.write(b"\x01x")  # Ctrl-A X: quit QEMU
        proc.stdin.flush()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = clean(out[first:].decode("utf-8", "replace"))
    if lines and lines[-1] == "$":
        lines.pop()
    return lines


# In a line of build-size figures, a figure (decimal or hexadecimal: a
# word of hex digits with at least one digit) and the blanks that align it.
FIGURE_RE = re.compile(r"\b[0-9a-f]*[0-9][0-9a-f]*\b| +")


def loosen(text):
    """A regular expression for a piece of a line whose figures may differ."""
    out, pos = [], 0
    for m in FIGURE_RE.finditer(text):
        out.append(re.escape(text[pos:m.start()]))
        out.append(" +" if m.group().startswith(" ") else "[0-9a-f]+")
        pos = m.end()
    return "".join(out) + re.escape(text[pos:])


def matches(pattern, line, any_figures=False):
    escape = loosen if any_figures else re.escape
    parts = [escape(p) for p in pattern.split("...")]
    return re.fullmatch(".*".join(parts), line) is not None


def compare(want, got, sizes=None):
    """None if `got` matches the block `want`, else the first difference.
    In the block's lines that match `sizes`, any figure matches any other."""
    def walk(i, j):
        while i < len(want):
            if want[i] == "...":
                if any(walk(i + 1, k) is None for k in range(j, len(got) + 1)):
                    return None
                return f"nothing matches the lines after block line {i + 1}'s '...'"
            if j >= len(got):
                return f"block line {i + 1} {want[i]!r}: the output has ended"
            if not matches(want[i], got[j], bool(sizes and re.search(sizes, want[i]))):
                return f"block line {i + 1} is {want[i]!r}, the output has {got[j]!r}"
            i += 1
            j += 1
        if j < len(got):
            return f"the output goes on: {got[j]!r}"
        return None
    return walk(0, 0)


def merge(want, got):
    """The fresh output, keeping the block's lines with `...` that match.
    A block that ends with a `...` line shows only the start of the output:
    it keeps that line, and the rest of the output stays out."""
    out, j = [], 0
    for w in want:
        if w == "..." or j >= len(got):
            continue
        out.append(w if "..." in w and matches(w, got[j]) else got[j])
        j += 1
    if want and want[-1] == "...":
        return out + ["..."]
    return out + got[j:]


def find_blocks(docs):
    for path in docs:
        with open(os.path.join(ROOT, path)) as f:
            text = f.read()
        for block in docs_check.Doc(path, text).blocks():
            if block[0] == "fence" and block[3] and block[3][0] == "output":
                yield path, block[1], block[2], block[3][1].split()[0]


def update_block(path, first, old, new):
    with open(os.path.join(ROOT, path)) as f:
        lines = f.read().split("\n")
    start = first - 1
    assert lines[start:start + len(old)] == old
    lines[start:start + len(old)] = new
    with open(os.path.join(ROOT, path), "w") as f:
        f.write("\n".join(lines))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--slow", action="store_true")
    ap.add_argument("--exact", action="store_true")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("docs", nargs="*")
    args = ap.parse_args(argv)
    tree = docs_check.Tree(ROOT)
    blocks = [b for b in find_blocks(args.docs or docs_check.find_docs(tree))
              if not args.only or b[3] in args.only]
    print("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: docs_outputs")
    print(f"    1..{len(blocks)}")
    failed = 0
    cache = {}
    # Blocks are updated from the last to the first, so line numbers hold.
    updates = []
    for n, (path, first, body, name) in enumerate(blocks, 1):
        label = f"{path}:{first} {name}"
        recipe = RECIPES.get(name)
        if recipe is None:
            print(f"    # {path}:{first}: no recipe {name!r}")
            print(f"    not ok {n} {label}")
            failed += 1
            continue
        if recipe.slow and not args.slow:
            print(f"    ok {n} {label} # SKIP slow (--slow, make docs-outputs SLOW=1)")
            continue
        t0 = time.monotonic()
        try:
            got = run_recipe(recipe, body, cache)
        except subprocess.TimeoutExpired:
            got = [f"(timed out after {recipe.timeout} s)"]
        why = compare(body, got, None if args.exact or args.update else recipe.sizes)
        print(f"    # {label}: {len(got)} lines in {time.monotonic() - t0:.1f} s")
        if why:
            print(f"    # {path}:{first}: {why} (make docs-outputs UPDATE=1 "
                  "rewrites the block: read its diff)")
            for ln in got:
                print(f"    #   | {ln}")
            failed += 1
            if args.update:
                updates.append((path, first, body, merge(body, got)))
        print(f"    {'not ok' if why else 'ok'} {n} {label}")
    for path, first, body, new in sorted(updates, key=lambda u: -u[1]):
        update_block(path, first, body, new)
        print(f"    # updated {path}:{first}")
    print(f"{'not ok' if failed else 'ok'} 1 docs_outputs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
