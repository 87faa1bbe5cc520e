#!/usr/bin/env python3
"""Graded labs: a working tree with one mechanism taken out, and its grader.

    tools/lab.py list
    tools/lab.py prepare LAB            (make lab LAB=...)
    tools/lab.py grade LAB [--tree DIR] (make grade LAB=... [TREE=...])
    tools/lab.py [check]                (make test: every lab still applies)
    tools/lab.py selftest [LAB ...]     (make labs-check: mainline scores full
                                         marks, every skeleton less)

`prepare` copies the tree (what git tracks, plus new files not ignored)
with its build products into build/labs/LAB/, a git repository of its own
whose first commit is the starting point, and there replaces each function
the lab names by the skeleton in docs/labs/LAB/: the same signature, a body
of TODOs.  Functions are found by name, so the lab survives edits
elsewhere in the file; if a function is gone, defined a different number
of times, or its signature no longer matches the skeleton's, `prepare`
(and `check`, which make test runs) fails and says which.  The rest of the
kernel is untouched and builds; helpers only the removed code used are
left as warnings (-Wno-error=unused-function in the lab's Makefile), a
hint of what the solution needs.

`grade` builds the tree (the lab's, or --tree, such as mainline) and runs
the lab's tests: the test boot (kernel suites, then the user tests with
init's free-page check) and, where the lab needs it, the host tests built
without a PTE special bit.  Each item is a test path with points; it
scores if every case it names ran and passed.  The leak item scores if the
run finished cleanly and no case reported a leak.  The last line is
`Score: N/M`.
"""

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import ktap  # noqa: E402

ARCH = "x86_64"
LEAK_MARKS = ("pages leaked", "pages freed twice", "pages not freed")
WARNINGS_LINE = re.compile(r"^WARNINGS :=", re.M)
LAB_WARNINGS = ("# Lab tree: helpers that only the removed code used are warnings, "
                "not errors.\nWARNINGS += -Wno-error=unused-function\n")


@dataclass
class Skeleton:
    """Replace definition number `which` (of `count`) of `name` in `path`."""
    path: str
    name: str
    which: int = 0
    count: int = 1


@dataclass
class Item:
    """Points for a test path: 'SPEC:suite.case' with fnmatch globs; SPEC is
    the x86_64 test boot or host-nospecial.  Or, with a limit, for a figure
    of make bench: 'bench:METRIC' scores when vmbench's METRIC (guest
    instructions under -icount shift=0) is at most `limit`."""
    test: str
    points: int
    limit: int = None

    @property
    def label(self):
        return self.test if self.limit is None else f"{self.test} <= {self.limit}"


@dataclass
class Lab:
    title: str
    skeletons: list
    items: list
    leak_points: int = 10
    host_suites: str = None  # run the no-special-bit host tests with this filter
    boot: bool = True        # run the test boot
    extra: list = field(default_factory=list)
    bench_args: str = None   # make bench's BENCH_ARGS, for the bench: items
    naive: str = None        # a correct but slow solution (labs-check)


LABS = {
    "lazy": Lab(
        "Lazy anonymous allocation: do_anonymous_page",
        [Skeleton("mm/memory.c", "do_anonymous_page")],
        [Item("x86_64:memory.read*", 15),
         Item("x86_64:memory.write_after_read_copies_zero_page", 10),
         Item("x86_64:proc_test.*", 10),
         Item("x86_64:mmap_test.reading_is_free", 10),
         Item("x86_64:mmap_test.write_then_read_back", 10),
         Item("x86_64:mmap_test.zero_page_stays_zero", 10),
         Item("x86_64:mmap_test.madv_dontneed_zero_fills", 10),
         Item("x86_64:cow_test.*", 10)]),
    "cow": Lab(
        "Copy-on-write fork: do_wp_page",
        [Skeleton("mm/memory.c", "do_wp_page")],
        [Item("x86_64:memory.write_after_read_copies_zero_page", 10),
         Item("x86_64:memory.cow_copy_then_reuse", 15),
         Item("x86_64:cow_test.isolation_both_ways", 10),
         Item("x86_64:cow_test.three_generations", 10),
         Item("x86_64:cow_test.reuse_after_child_exits", 10),
         Item("x86_64:cow_test.fork_more_than_half_of_memory", 10),
         Item("x86_64:mmap_test.private_is_private", 10),
         Item("x86_64:mmap_test.shared_survives_fork", 10),
         Item("x86_64:mmap_test.shared_file_mapping", 5)]),
    "filemap": Lab(
        "File mappings: filemap_fault",
        [Skeleton("mm/filemap_mmap.c", "filemap_fault")],
        [Item("x86_64:mmap_test.private_file_mapping", 15),
         Item("x86_64:mmap_test.shared_file_mapping", 15),
         Item("x86_64:mmap_test.past_eof_is_sigbus", 15),
         Item("x86_64:mmap_test.truncate_unmaps_shared", 10),
         Item("x86_64:mmap_test.truncate_unmaps_every_vma", 10)]),
    "normal-page": Lab(
        "vm_normal_page without the special bit",
        [Skeleton("mm/vm_normal_page.c", "vm_normal_page", which=1, count=2)],
        [Item("host-nospecial:vm_normal_page.*", 25),
         Item("host-nospecial:devmem.*", 20),
         Item("host-nospecial:memory.*", 15),
         Item("host-nospecial:mmap_fuzz.*", 10)],
        host_suites="vm_normal_page,devmem,memory,mmap_fuzz",
        boot=False),
    "fault-around": Lab(
        "Fault-around: do_fault_around and filemap_map_pages",
        [Skeleton("mm/memory.c", "do_fault_around"),
         Skeleton("mm/filemap_mmap.c", "filemap_map_pages")],
        [Item("x86_64:fault_around.faults_follow_the_window", 20),
         Item("x86_64:fault_around.only_cached_uptodate_pages_are_mapped", 10),
         Item("x86_64:fault_around.window_stays_in_vma_and_page_table", 10),
         Item("x86_64:fault_around.*eof*", 10),
         Item("x86_64:fault_around.shared_write_still_faults_and_dirties", 5),
         Item("x86_64:fault_around.fork_after_fault_around", 5),
         Item("x86_64:exec.loads_real_program", 5),
         Item("x86_64:fault_around_test.*", 15),
         Item("bench:file_read_65536", 15, limit=212)],
        bench_args="fault_around",
        naive="tests/tools/labs/fault-around-naive"),
    "remap-pfn": Lab(
        "PFN maps: remap_pfn_range and the linearity rule",
        [Skeleton("mm/memory.c", "remap_pfn_range")],
        [Item("x86_64:devmem.remap_*", 15),
         Item("x86_64:devmem.cow_copies_raw_frame", 10),
         Item("x86_64:devmem.fork_copies_raw_ptes", 10),
         Item("x86_64:devmem.munmap_part_keeps_linearity", 10),
         Item("x86_64:fb_test.*", 15),
         Item("x86_64:xip_test.physical_memory_device", 5),
         Item("host-nospecial:devmem.*", 20)],
        host_suites="devmem"),
    "mirror": Lab(
        "A mirror that never pins: dmirror_invalidate and dmirror_drop",
        [Skeleton("kernel/drivers/hmm_dmirror.c", "dmirror_invalidate"),
         Skeleton("kernel/drivers/hmm_dmirror.c", "dmirror_drop")],
        [Item("x86_64:hmm_dmirror.invalidation_waits_for_dma", 15),
         Item("x86_64:hmm_dmirror.device_write_breaks_cow", 10),
         Item("x86_64:dmirror_test.cow_in_*", 15),
         Item("x86_64:dmirror_test.madvise_dontneed", 5),
         Item("x86_64:dmirror_test.mprotect_read_only", 5),
         Item("x86_64:dmirror_test.munmap_efault", 5),
         Item("x86_64:dmirror_test.*_release", 5),
         Item("host-nospecial:mmap_fuzz.*", 15)],
        host_suites="mmap_fuzz"),
}


class LabError(Exception):
    pass


# ---------------------------------------------------------------- skeletons

def find_definitions(text, name):
    """(start, brace, end) line indexes of each definition of function
    `name`: its first line, its opening `{` line, its closing `}` line
    (kernel style: the type at column 0, braces alone at column 0)."""
    lines = text.split("\n")
    head = re.compile(r"^[A-Za-z_][\w \t\*]*\b" + re.escape(name) + r"\(")
    found = []
    for i, line in enumerate(lines):
        if not head.match(line):
            continue
        j = i
        while j < len(lines) and lines[j] != "{" and not lines[j].rstrip().endswith(";"):
            j += 1
        if j >= len(lines) or lines[j] != "{":
            continue  # a declaration
        k = j + 1
        while k < len(lines) and lines[k] != "}":
            k += 1
        found.append((i, j, k))
    return found


def skeleton_file(lab_name, sk):
    return os.path.join(ROOT, "docs", "labs", lab_name, sk.name + ".c")


def naive_files(lab_name, lab):
    """(Skeleton, file) for each function the lab's naive solution rewrites."""
    if not lab.naive:
        return []
    return [(sk, os.path.join(ROOT, lab.naive, sk.name + ".c")) for sk in lab.skeletons
            if os.path.exists(os.path.join(ROOT, lab.naive, sk.name + ".c"))]


def apply_skeleton(tree, lab_name, sk, write=True, source=None):
    """Replace one definition in `tree` by the skeleton's (or by the one in
    `source`, such as a naive solution); raise LabError saying what changed."""
    source = source or skeleton_file(lab_name, sk)
    shown = os.path.relpath(source, ROOT)
    src = os.path.join(tree, sk.path)
    with open(src) as f:
        text = f.read()
    defs = find_definitions(text, sk.name)
    if len(defs) != sk.count:
        raise LabError(f"lab {lab_name}: {sk.path} defines {sk.name} {len(defs)} time(s), "
                       f"the lab expects {sk.count}; update tools/lab.py and {shown}")
    with open(source) as f:
        skel = f.read().rstrip("\n").split("\n")
    sdefs = find_definitions("\n".join(skel), sk.name)
    if len(sdefs) != 1:
        raise LabError(f"{shown} must define {sk.name} once")
    lines = text.split("\n")
    start, brace, end = defs[sk.which]
    s_start, s_brace, _ = sdefs[0]
    if lines[start:brace] != skel[s_start:s_brace]:
        raise LabError(f"lab {lab_name}: the signature of {sk.name} in {sk.path} "
                       f"(line {start + 1}) is not the one in {shown}: update it")
    # The skeleton's comment above the function replaces nothing: the
    # mainline comment stays, it says what the function is for.
    lines[start:end + 1] = skel[s_start:]
    if write:
        with open(src, "w") as f:
            f.write("\n".join(lines))


def lab_makefile(tree, write=True):
    path = os.path.join(tree, "Makefile")
    with open(path) as f:
        text = f.read()
    m = WARNINGS_LINE.search(text)
    if not m:
        raise LabError("Makefile: no 'WARNINGS :=' line to relax for the lab tree")
    end = text.index("\n", m.end()) + 1
    if write:
        with open(path, "w") as f:
            f.write(text[:end] + LAB_WARNINGS + text[end:])


def tree_files(root):
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                         cwd=root, capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines() if os.path.isfile(os.path.join(root, f))]


def not_files(directory, names):
    """What copytree must skip: sockets and pipes (a QEMU monitor's)."""
    return [n for n in names
            if not (os.path.isfile(os.path.join(directory, n))
                    or os.path.isdir(os.path.join(directory, n)))]


def copy_newlib_command(dest):
    """newlib's build command names the tree's headers by absolute path
    (user/user.mk): said of the copy, the same command, so the copy's make
    keeps the library built from the same headers instead of spending
    minutes on it again."""
    cmd = os.path.join("build", "newlib", ARCH + ".cmd")
    if not os.path.exists(os.path.join(ROOT, cmd)):
        return
    with open(os.path.join(ROOT, cmd)) as f:
        text = f.read().replace(ROOT + "/", dest + "/")
    with open(os.path.join(dest, cmd), "w") as f:
        f.write(text)
    shutil.copystat(os.path.join(ROOT, cmd), os.path.join(dest, cmd))


def prepare(name, dest=None, quiet=False, naive=False):
    """The lab's tree; with `naive`, the lab's naive solution in place of
    the skeleton (labs-check grades it)."""
    lab = LABS[name]
    dest = os.path.abspath(dest or os.path.join(ROOT, "build", "labs", name))
    if os.path.exists(dest):
        shutil.rmtree(dest)
    for f in tree_files(ROOT):
        os.makedirs(os.path.join(dest, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, f), os.path.join(dest, f))
    # The products too, with their times: only what the lab changes rebuilds.
    for sub in (ARCH, "host", f"newlib/{ARCH}"):
        src = os.path.join(ROOT, "build", sub)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, "build", sub), symlinks=True,
                            ignore=not_files)
    copy_newlib_command(dest)
    git = ["git", "-c", "user.name=Pagoda lab", "-c", "user.email=lab@pagoda.invalid"]
    subprocess.run(git + ["init", "-q"], cwd=dest, check=True)
    subprocess.run(git + ["add", "-A"], cwd=dest, check=True)
    subprocess.run(git + ["commit", "-qm", "mainline, before the lab"], cwd=dest, check=True)
    if naive:
        for sk, source in naive_files(name, lab):
            apply_skeleton(dest, name, sk, source=source)
    else:
        for sk in lab.skeletons:
            apply_skeleton(dest, name, sk)
    lab_makefile(dest)
    what = "a naive solution" if naive else "the skeleton"
    subprocess.run(git + ["commit", "-qam", f"lab {name}: {what}"], cwd=dest, check=True)
    with open(os.path.join(dest, ".git", "pagoda-lab"), "w") as f:
        f.write(name + "\n")
    if not quiet:
        print(f"lab {name}: {lab.title}")
        print(f"  working tree: {os.path.relpath(dest, ROOT)} (git: the skeleton is its last commit)")
        print(f"  read docs/labs/{name}.md; edit " +
              ", ".join(f"{sk.path} ({sk.name})" for sk in lab.skeletons))
        print(f"  grade: make grade LAB={name}")
    return dest


# ---------------------------------------------------------------- grading

def make(tree, *targets):
    proc = subprocess.run(["make", "-j2", *targets], cwd=tree,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode:
        tail = "\n".join(proc.stdout.splitlines()[-30:])
        raise LabError(f"make {' '.join(targets)} failed in {tree}:\n{tail}")


def flatten(tests, prefix=""):
    out = {}
    for t in tests:
        path = prefix + t.name
        if t.subtests is None:
            out[path] = t
        else:
            out.update(flatten(t.subtests, path + "."))
    return out


def makefile_var(tree, name):
    """A knob of the tree's Makefile (NAME ?= value or NAME := value), so
    that the grader boots the machine make test boots."""
    with open(os.path.join(tree, "Makefile")) as f:
        m = re.search(rf"^{name} [?:]?= ?([^#\s]+)", f.read(), re.M)
    if not m:
        raise LabError(f"Makefile: no '{name} ?= value' line")
    return m.group(1)


def run_boot(tree, results, problems):
    """The test boot of make test: its RAM, its CPUs, its swap disk."""
    disk = f"build/{ARCH}/swap-{makefile_var(tree, 'TEST_SWAP')}.img"
    make(tree, f"build/{ARCH}/pagoda-test.iso", disk)
    logdir = os.path.join(tree, "build", "grade")
    proc = subprocess.run([os.path.join(tree, "tools", "run.py"), "test", "--timeout", "300",
                           "--mem", makefile_var(tree, "TEST_MEM"),
                           "--smp", makefile_var(tree, "SMP"), "--disk", disk,
                           "--logdir", logdir, f"{ARCH}:build/{ARCH}/pagoda-test.iso"],
                          cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with open(os.path.join(logdir, ARCH, "test.log"), errors="replace") as f:
        log = f.read()
    report = ktap.parse(log)
    for path, t in flatten(report.suites).items():
        results[f"{ARCH}:{path}"] = t
    if proc.returncode:
        spec = [ln for ln in proc.stdout.splitlines() if ln.startswith(ARCH + ":")]
        problems.append(spec[0] if spec else "the test boot failed")
    return log


def run_host(tree, suites, results, problems):
    make(tree, "build/host/ktest-host-nospecial")
    proc = subprocess.run([os.path.join(tree, "build", "host", "ktest-host-nospecial"), suites],
                          cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=300)
    report = ktap.parse(proc.stdout)
    for path, t in flatten(report.suites).items():
        results[f"host-nospecial:{path}"] = t
    if proc.returncode:
        problems.append(f"host tests exited with status {proc.returncode}")
    return proc.stdout


def run_bench(tree, bench_args, results):
    """make bench in the tree, as a student runs it: vmbench under TCG with
    -icount shift=0, so each figure is a count of guest instructions, the
    same at every run.  The figures go into results as bench:METRIC; a
    failed run is said in results["bench"]."""
    txt = os.path.join(tree, "build", ARCH, "bench.txt")
    if os.path.exists(txt):
        os.remove(txt)
    proc = subprocess.run(["make", "-j2", "bench", f"BENCH_ARGS={bench_args}"], cwd=tree,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    logdir = os.path.join(tree, "build", "grade")
    os.makedirs(logdir, exist_ok=True)
    with open(os.path.join(logdir, "bench.log"), "w") as f:
        f.write(proc.stdout)
    if proc.returncode or not os.path.exists(txt):
        results["bench"] = f"make bench BENCH_ARGS='{bench_args}' failed: build/grade/bench.log"
        return
    for name, metric in bench.read_metrics(txt).items():
        results[f"bench:{name}"] = metric


def score_item(item, results):
    """(ok, why) for one item: its tests ran and passed, or its figure is
    within the limit."""
    if item.limit is not None:
        metric = results.get(item.test)
        if metric is None:
            return False, f" (did not run: {results.get('bench', 'no such figure')})"
        return metric.value <= item.limit, f" ({metric.value} {metric.unit})"
    spec, _, pattern = item.test.partition(":")
    matched = [t for p, t in results.items()
               if p.startswith(spec + ":") and fnmatch.fnmatchcase(p[len(spec) + 1:], pattern)]
    ok = bool(matched) and all(t.ok and not t.skipped for t in matched)
    why = "" if ok else (" (did not run)" if not matched else
                         f" ({sum(not t.ok for t in matched)} of {len(matched)} failed)")
    return ok, why


def grade(name, tree, out=sys.stdout):
    """Run the lab's tests in `tree`; print the points; return (score, max)."""
    lab = LABS[name]
    results, problems, logs = {}, [], []
    t0 = time.monotonic()
    if lab.boot:
        logs.append(run_boot(tree, results, problems))
    if lab.host_suites:
        logs.append(run_host(tree, lab.host_suites, results, problems))
    figures = {}
    if lab.bench_args:
        # A failed benchmark costs its own items' points, not the clean run's.
        run_bench(tree, lab.bench_args, figures)
    score = total = 0
    for item in lab.items:
        ok, why = score_item(item, figures if item.limit is not None else results)
        print(f"== {item.label} == {'ok' if ok else 'FAIL'}{why}  "
              f"({item.points if ok else 0}/{item.points} pts)", file=out)
        score += item.points if ok else 0
        total += item.points
    leaks = [ln.strip() for log in logs for ln in log.splitlines()
             if any(m in ln for m in LEAK_MARKS)]
    clean = not problems and results
    ok = clean and not leaks
    why = "" if ok else f" ({leaks[0] if leaks else (problems or ['nothing ran'])[0]})"
    print(f"== no page leaked, clean run == {'ok' if ok else 'FAIL'}{why}  "
          f"({lab.leak_points if ok else 0}/{lab.leak_points} pts)", file=out)
    score += lab.leak_points if ok else 0
    total += lab.leak_points
    print(f"lab {name} graded in {time.monotonic() - t0:.0f} s", file=out)
    print(f"Score: {score}/{total}", file=out)
    return score, total


# ---------------------------------------------------------------- checks

def test_names(root):
    """suite.case names the tree's sources define, per spec."""
    names = set()
    for f in tree_files(root):
        if not f.endswith(".c"):
            continue
        with open(os.path.join(root, f), errors="replace") as fh:
            text = fh.read()
        if f.startswith("user/tests/"):
            suite = os.path.basename(f)[:-2]
            names.update(f"{suite}.{c}" for c in re.findall(r"KTAP_CASE\((\w+)\)", text))
        for m in re.finditer(r"KTEST_SUITE\((\w+),(.*?)\);", text, re.S):
            names.update(f"{m.group(1)}.{c}" for c in re.findall(r"KTEST_CASE\((\w+)\)", m.group(2)))
    return names


def bench_metric_known(metric):
    """vmbench (user/bin/vmbench.c) prints metric, by its name or as a
    name_%ld made for one of several sizes."""
    with open(os.path.join(ROOT, "user", "bin", "vmbench.c")) as f:
        text = f.read()
    base = re.sub(r"_\d+$", "", metric)
    return f'"{metric}"' in text or f'"{base}_%ld"' in text


def check_points_table(name, lab):
    """The lab's page lists exactly the items and points of LABS."""
    path = os.path.join(ROOT, "docs", "labs", name + ".md")
    if not os.path.exists(path):
        return [f"no docs/labs/{name}.md"]
    with open(path) as f:
        rows = re.findall(r"^\| `?([^`|]+?)`? \| (\d+) \|$", f.read(), re.M)
    want = [(i.label, str(i.points)) for i in lab.items]
    want.append(("no page leaked, clean run", str(lab.leak_points)))
    if rows != want:
        return [f"docs/labs/{name}.md: its points table is not the one in tools/lab.py "
                f"({len(rows)} rows, {len(want)} items): make them agree"]
    return []


def check(out=sys.stdout):
    """KTAP: every lab applies to this tree and names tests that exist."""
    names = test_names(ROOT)
    print("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: labs", file=out)
    print(f"    1..{len(LABS)}", file=out)
    bad = 0
    for n, (name, lab) in enumerate(LABS.items(), 1):
        errors = []
        replacements = [(sk, None) for sk in lab.skeletons] + naive_files(name, lab)
        for sk, source in replacements:
            try:
                apply_skeleton(ROOT, name, sk, write=False, source=source)
            except (LabError, OSError) as e:
                errors.append(str(e))
        try:
            lab_makefile(ROOT, write=False)
        except LabError as e:
            errors.append(str(e))
        errors += check_points_table(name, lab)
        for item in lab.items:
            pattern = item.test.partition(":")[2]
            if item.limit is not None:
                if not bench_metric_known(pattern):
                    errors.append(f"lab {name}: vmbench prints no figure {pattern}: "
                                  "update its item in tools/lab.py")
                continue
            if not any(fnmatch.fnmatchcase(t, pattern) for t in names):
                errors.append(f"lab {name}: no test {pattern} in the tree (renamed?): "
                              "update its item in tools/lab.py")
        for e in errors:
            print(f"    # {e}", file=out)
        print(f"    {'not ok' if errors else 'ok'} {n} {name}", file=out)
        bad += bool(errors)
    print(f"{'not ok' if bad else 'ok'} 1 labs", file=out)
    return 0 if not bad else 1


def selftest(names):
    """Mainline scores full marks; each skeleton scores less; a naive
    solution scores every point but its lab's bench items."""
    failed = False
    for name in names:
        print(f"### lab {name}: mainline")
        score, total = grade(name, ROOT)
        if score != total:
            print(f"labs-check: mainline scores {score}/{total} in lab {name}, not full marks")
            failed = True
        print(f"### lab {name}: the skeleton")
        dest = prepare(name, quiet=True)
        try:
            score, total = grade(name, dest)
        except LabError as e:
            print(e)
            score = 0
        if score >= total:
            print(f"labs-check: the skeleton of lab {name} scores full marks")
            failed = True
        failed |= not naive_check(name)
    print("labs-check: " + ("FAILED" if failed else f"ok ({len(names)} labs)"))
    return 1 if failed else 0


def naive_check(name):
    """The lab's naive solution (correct, slow) must lose exactly the points
    of its bench items: a threshold that teaches."""
    lab = LABS[name]
    if not lab.naive:
        return True
    print(f"### lab {name}: a naive solution ({lab.naive})")
    dest = prepare(name, os.path.join(ROOT, "build", "labs", name + "-naive"), quiet=True,
                   naive=True)
    score, total = grade(name, dest)
    want = total - sum(i.points for i in lab.items if i.limit is not None)
    if score != want:
        print(f"labs-check: the naive solution of lab {name} scores {score}/{total}, "
              f"not {want}: its bench items should be all it loses")
        return False
    return True


def lab_of(tree):
    """The lab a tree made by prepare is for, or None."""
    try:
        with open(os.path.join(tree, ".git", "pagoda-lab")) as f:
            return f.read().strip()
    except OSError:
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    sub.add_parser("list")
    p = sub.add_parser("prepare")
    p.add_argument("lab", choices=LABS)
    p = sub.add_parser("grade")
    p.add_argument("lab", choices=LABS)
    p.add_argument("--tree")
    sub.add_parser("check")
    p = sub.add_parser("selftest")
    p.add_argument("labs", nargs="*")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "list":
            for name, lab in LABS.items():
                print(f"{name:12} {lab.title}")
            return 0
        if args.cmd == "prepare":
            prepare(args.lab)
            return 0
        if args.cmd == "grade":
            tree = args.tree or os.path.join(ROOT, "build", "labs", args.lab)
            if not args.tree and lab_of(ROOT) == args.lab:
                tree = ROOT  # make grade inside the lab's own tree
            if not os.path.isdir(tree):
                raise LabError(f"no {os.path.relpath(tree, ROOT)}: run make lab LAB={args.lab} first")
            score, total = grade(args.lab, os.path.abspath(tree))
            return 0 if score == total else 1
        if args.cmd in ("check", None):
            return check()
        return selftest(args.labs or list(LABS))
    except LabError as e:
        print(f"lab.py: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
