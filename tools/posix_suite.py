#!/usr/bin/env python3
"""Build and run the Open POSIX Test Suite (LTP's testcases/open_posix_testsuite,
from the user's own checkout) for Pagoda and for this host's Linux, and
compare them, interface by interface (docs/02, "Checking against POSIX").

    make posix-suite POSIX_SUITE=/path/to/open_posix_testsuite [POSIX_TESTS=signal,mmap]

make passes the compiler, the flags and the libraries of `make run EXTRA=`,
the kernel and the tool that makes a boot image; by hand:

    tools/posix_suite.py --suite DIR [--tests signal,mmap] [--timeout S]
                         [--no-linux] [--no-pagoda] [--out DIR] [PAGODA OPTIONS]

What the suite's own build does, done here for each interface named:
conformance/interfaces/IFACE/ (and its speculative/) holds one test per
NUMBER-NUMBER.c (NUMBER-buildonly.c only has to compile); the directory's
CFLAGS, LDFLAGS and LDLIBS files add to the suite's flags; lib/common.c
holds the main() that calls a test's test_main(); a test's exit status is
one of include/posixtest.h's PTS_PASS 0, PTS_FAIL 1, PTS_UNRESOLVED 2,
PTS_UNSUPPORTED 4, PTS_UNTESTED 5.  NUMBER-NUMBER.sh tests only print
which C test covers them: they are not run.

For Pagoda the programs go into one initrd (or several, for a big set)
with tools/posix_runner.c, which runs each under a timeout; the tool boots
it with run="posix_runner ..." and reads the results from the serial
console.  A test that brings the kernel down is reported as "kernel", and
the next boot starts after it.  For Linux, the same sources are compiled
with the host's gcc (and the suite's -lpthread -lrt), and run here, each in
a session of its own under the same timeout.

A test that does not build is listed with its compiler's first error line;
the per-test logs (build and run) are under --out.
"""

import argparse
import collections
import concurrent.futures
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tools/run.py: how QEMU boots each port)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INTERFACES = "signal,sigaction,kill,raise,fork,mmap,munmap,mlock,nanosleep,clock_gettime"
# The suite's own flags (its include/mk/config.mk.in), and autoconf's default.
SUITE_CFLAGS = ["-std=c99", "-D_POSIX_C_SOURCE=200809L", "-D_XOPEN_SOURCE=700",
                "-Wall", "-Wextra"]
HOST_CFLAGS = ["-O2", "-g"]
# Libraries Pagoda's C library already holds (threads, clocks, maths).
FOLDED_LIBS = {"-lpthread", "-lrt", "-lm"}
CODES = {0: "PASS", 1: "FAIL", 2: "UNRESOLVED", 4: "UNSUPPORTED", 5: "UNTESTED"}
COLUMNS = ("PASS", "FAIL", "UNRESOLVED", "UNSUPPORTED", "UNTESTED", "timeout",
           "signal", "other")
TEST_RE = re.compile(r"^\d+-(\d+|buildonly)\.c$")
MARK_RE = re.compile(r"@@posix-run (begin|end|done) ?(\S*) ?(.*)$")
# How many programs one boot carries: their initrd stays a few MiB.
BATCH = 200


class Test:
    """One conformance test: interface/NUMBER-NUMBER, its source, its result."""

    def __init__(self, iface, src, sub=""):
        self.iface = iface
        self.src = src
        stem = os.path.basename(src)[:-2]
        self.name = "/".join(filter(None, (iface, sub, stem)))
        self.binary = self.name.replace("/", "_")
        self.buildonly = stem.endswith("-buildonly")
        self.build_error = None  # the first error line, if it did not build
        self.warned = False
        self.outcome = None      # a COLUMNS word, or "built" for a build-only test
        self.detail = ""         # "signal 11", "exit 3", "kernel: PANIC ..."
        self.output = ""


def find_tests(suite, ifaces):
    """The tests of each interface, in the suite's order (by name)."""
    tests = []
    for iface in ifaces:
        top = os.path.join(suite, "conformance", "interfaces", iface)
        if not os.path.isdir(top):
            raise SystemExit(f"posix_suite: no interface {iface!r} in {suite}")
        for sub in ("", "speculative"):
            d = os.path.join(top, sub)
            if os.path.isdir(d):
                tests += [Test(iface, os.path.join(d, f), sub)
                          for f in sorted(os.listdir(d)) if TEST_RE.match(f)]
    return tests


def dir_flags(src, var):
    """The words of the CFLAGS, LDFLAGS or LDLIBS file beside a test."""
    path = os.path.join(os.path.dirname(src), var)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return shlex.split(f.read())


def first_error(text):
    """The line a user looks at first: the first error, else the last line."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines:
        if "error:" in line or "undefined reference" in line:
            return line.strip()
    return lines[-1].strip() if lines else "(no message)"


class Target:
    """Where the tests are built and run: Pagoda (a port) or this host."""

    def __init__(self, label, cc, cflags, ldflags, libs, crt0=(), drop_libs=()):
        self.label = label
        self.cc = cc
        self.cflags = cflags
        self.ldflags = ldflags
        self.libs = libs
        self.crt0 = list(crt0)
        self.drop_libs = set(drop_libs)

    def compile(self, suite, src, obj):
        cmd = [*self.cc, *self.cflags, *SUITE_CFLAGS, *dir_flags(src, "CFLAGS"),
               "-I" + os.path.join(suite, "include"), "-I" + os.path.dirname(src),
               "-c", src, "-o", obj]
        return run_tool(cmd)

    def link(self, test, objs, out):
        ldlibs = [w for w in dir_flags(test.src, "LDLIBS") if w not in self.drop_libs]
        cmd = [*self.cc, *self.ldflags, *dir_flags(test.src, "LDFLAGS"), "-o", out,
               *self.crt0, *objs, *ldlibs, *self.libs]
        return run_tool(cmd)


def run_tool(cmd):
    """A compiler or linker, in the C locale: a gcc built with NLS (the
    host's) quotes names with typographic quotes in a UTF-8 locale, one
    without (Debian's arm-none-eabi-gcc) with ASCII ones; the same error
    must read the same on every port, or the ports' reports differ."""
    return subprocess.run(cmd, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C"))


def build_one(target, suite, common, test, bindir, logdir):
    """Compile and link one test; note why not, if it does not build."""
    obj = os.path.join(bindir, test.binary + ".o")
    log = []
    result = target.compile(suite, test.src, obj)
    log.append(result.stdout + result.stderr)
    if result.returncode == 0 and not test.buildonly:
        with open(test.src, errors="replace") as f:
            objs = [obj] + ([common] if common and "test_main" in f.read() else [])
        result = target.link(test, objs, os.path.join(bindir, test.binary))
        log.append(result.stdout + result.stderr)
    text = "".join(log)
    with open(os.path.join(logdir, test.binary + ".build"), "w") as f:
        f.write(text)
    test.warned = "warning:" in text
    if result.returncode != 0:
        test.build_error = first_error(text).replace(suite + "/", "")
    elif test.buildonly:
        test.outcome = "built"


def build_all(target, suite, tests, out, jobs):
    bindir, logdir = os.path.join(out, "bin"), os.path.join(out, "log")
    os.makedirs(bindir, exist_ok=True)
    os.makedirs(logdir, exist_ok=True)
    common = None
    src = os.path.join(suite, "lib", "common.c")
    if os.path.exists(src):
        common = os.path.join(bindir, "common.o")
        result = target.compile(suite, src, common)
        if result.returncode != 0:
            raise SystemExit(f"posix_suite: {target.label}: {src} does not build:\n"
                             + result.stderr)
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for f in [pool.submit(build_one, target, suite, common, t, bindir, logdir)
                  for t in tests]:
            f.result()
    return bindir


def status_outcome(kind, value):
    """A COLUMNS word and its detail from how a test ended."""
    if kind == "exit":
        code = int(value)
        return (CODES[code], "") if code in CODES else ("other", f"exit {code}")
    if kind == "signal":
        return "signal", f"signal {value}"
    if kind == "timeout":
        return "timeout", ""
    return "other", kind


# ---------------------------------------------------------------- Linux

def run_linux(tests, bindir, timeout, logdir):
    """Each test in a session of its own (so a timeout kills all it
    started), in an empty directory of its own."""
    for test in tests:
        if test.build_error or test.buildonly:
            continue
        with tempfile.TemporaryDirectory() as cwd:
            proc = subprocess.Popen([os.path.join(bindir, test.binary)], cwd=cwd,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True)
            try:
                output, _ = proc.communicate(timeout=timeout)
                kind, value = (("signal", -proc.returncode) if proc.returncode < 0
                               else ("exit", proc.returncode))
            except subprocess.TimeoutExpired:
                kind, value = "timeout", ""
                os.killpg(proc.pid, signal.SIGKILL)
                output, _ = proc.communicate()
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # what it left behind
            except ProcessLookupError:
                pass
        test.output = output.decode("utf-8", "replace")
        test.outcome, test.detail = status_outcome(kind, value)
        with open(os.path.join(logdir, test.binary + ".run"), "w") as f:
            f.write(test.output)


# ---------------------------------------------------------------- Pagoda

class Console:
    """Reads the runner's markers from a boot's serial output: each test's
    output and how it ended.  feed() takes lines; finish() says which test
    was running when the output stopped (None if the runner got to the
    end) and why, if the kernel said (a PANIC line)."""

    def __init__(self, by_binary):
        self.by_binary = by_binary
        self.current = None
        self.output = []
        self.done = False
        self.panic = None

    def feed(self, line):
        line = line.rstrip("\r\n")
        m = MARK_RE.search(line)
        if not m:
            panic = run.PANIC_RE.match(line)
            if panic and not self.panic:
                self.panic = panic.group(1)
            if self.current:
                self.output.append(line)
            return
        kind, name, how = m.groups()
        before = line[:m.start()]
        if before and self.current:
            self.output.append(before)
        if kind == "done":
            self.done = True
        elif kind == "begin":
            self.current, self.output = self.by_binary.get(name), []
        elif kind == "end" and self.current and name == self.current.binary:
            words = how.split()
            test = self.current
            test.outcome, test.detail = status_outcome(words[0] if words else "lost",
                                                       words[1] if len(words) > 1 else "")
            test.output = "\n".join(self.output).strip("\n") + "\n"
            self.current = None

    def finish(self):
        """The test that did not end (the kernel's fault), if any."""
        test = self.current
        if test and not self.done:
            test.outcome = "other"
            test.detail = "kernel: " + (self.panic or "the machine stopped")
            test.output = "\n".join(self.output) + "\n"
        return test


def make_initrd(args, tests, bindir, workdir):
    """The system's own initrd (make's initrd.list), the runner, and the
    tests in /posix, stripped as the system's programs are."""
    strip_dir = os.path.join(workdir, "posix")
    os.makedirs(strip_dir, exist_ok=True)
    entries = ["--mkdir=/posix", "--mkdir=/tmp",
               "--exec=/bin/posix_runner=" + os.path.join(bindir, "posix_runner")]
    for test in tests:
        out = os.path.join(strip_dir, test.binary)
        subprocess.run([args.objcopy, "--strip-debug",
                        os.path.join(bindir, test.binary), out], check=True)
        entries.append("--exec=/posix/=" + out)
    initrd = os.path.join(workdir, "initrd.cpio")
    subprocess.run([os.path.join(ROOT, "tools", "mkinitrd.py"), initrd,
                    "@" + args.initrd_list, *entries], check=True, cwd=ROOT)
    return initrd


def boot(args, image, log, console):
    """Boot image; feed the console each line until QEMU exits or goes
    quiet for longer than a test may take."""
    arch = run.ARCHES[args.arch]
    argv = run.qemu_command(arch, image, args.mem, args.accel, False, False, smp=args.smp)
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    lines = queue.Queue()
    threading.Thread(target=run._read_lines, args=(proc.stdout, lines),
                     daemon=True).start()
    # A boot, or one test, its timeout and its exit (tearing down a big
    # address space takes a while under TCG on a busy host).
    quiet_limit = max(300, 3 * args.timeout)
    try:
        while True:
            raw = lines.get(timeout=quiet_limit)
            if raw is None:
                break
            log.write(raw)
            console.feed(raw.decode("utf-8", "replace"))
    except queue.Empty:
        console.panic = console.panic or f"the machine said nothing for {quiet_limit} s"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def run_pagoda(args, tests, bindir, out):
    """Boot the runnable tests in batches of BATCH; after a boot that
    stopped in a test, boot the rest of its batch again."""
    # In the runner's order (strcmp), so that the tests a boot did not reach
    # are those from the first without a result on.
    runnable = sorted((t for t in tests if not t.build_error and not t.buildonly),
                      key=lambda t: t.binary.encode())
    by_binary = {t.binary: t for t in runnable}
    batches = [runnable[i:i + BATCH] for i in range(0, len(runnable), BATCH)]
    for n, batch in enumerate(batches):
        workdir = os.path.join(out, f"boot{n}")
        os.makedirs(workdir, exist_ok=True)
        initrd = make_initrd(args, batch, bindir, workdir)
        first, boots = "", 0
        while True:
            image = os.path.join(workdir, "pagoda." + args.image_ext)
            cmdline = f'{args.cmdline} run="/bin/posix_runner {args.timeout} /posix {first}"'
            subprocess.run([os.path.join(ROOT, args.image_tool), image, args.kernel,
                            cmdline.strip(), initrd], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
            console = Console(by_binary)
            print(f"  BOOT    {len(batch)} tests, from {first or batch[0].binary}",
                  flush=True)
            with open(os.path.join(workdir, f"console{boots}.log"), "wb") as log:
                boot(args, image, log, console)
            boots += 1
            stuck = console.finish()
            rest = [t for t in batch if t.outcome is None]
            if stuck is None and not console.done:
                for t in rest:
                    t.outcome, t.detail = "other", "not run: " + (console.panic or
                                                                  "the runner did not start")
                break
            if not rest or console.done:
                break
            first = rest[0].binary
    for t in runnable:
        if t.outcome is None:
            t.outcome, t.detail = "other", "not run"
        with open(os.path.join(out, "log", t.binary + ".run"), "w") as f:
            f.write(t.output)


# ---------------------------------------------------------------- report

def tally(tests):
    """Per interface: tests, built, and a count per COLUMNS word."""
    rows = collections.OrderedDict()
    for t in tests:
        row = rows.setdefault(t.iface, collections.Counter())
        row["tests"] += 1
        row["built"] += t.build_error is None
        if t.outcome in COLUMNS:
            row[t.outcome] += 1
    rows["total"] = sum(rows.values(), collections.Counter())
    return rows


def table(title, tests):
    heads = ("tests", "built") + COLUMNS
    short = {"UNRESOLVED": "UNRES", "UNSUPPORTED": "UNSUP", "UNTESTED": "UNTEST"}
    lines = [title, f"{'interface':<14}" + "".join(f"{short.get(h, h):>8}" for h in heads)]
    for iface, row in tally(tests).items():
        lines.append(f"{iface:<14}" + "".join(f"{row[h]:>8}" for h in heads))
    return lines


def describe(test):
    if test.build_error:
        return f"does not build: {test.build_error}"
    last = [line for line in test.output.splitlines() if line.strip()]
    if test.detail:
        return test.detail
    why = last[-1].strip() if last else ""
    return f"{test.outcome}: {why}" if why else test.outcome


def failures(tests):
    return [f"  {t.name}: {describe(t)}" for t in tests
            if t.build_error or t.outcome not in ("PASS", "built")]


def comparison(pagoda, linux):
    """Built and passed, side by side; then each test whose result differs."""
    lines = ["Pagoda against Linux (built / passed)",
             f"{'interface':<14}{'Pagoda':>14}{'Linux':>14}"]
    rows_p, rows_l = tally(pagoda), tally(linux)
    for iface in rows_p:
        p, q = rows_p[iface], rows_l[iface]
        lines.append(f"{iface:<14}{p['built']:>7} /{p['PASS']:>5}{q['built']:>7} /{q['PASS']:>5}")
    other = {t.name: t for t in linux}
    diffs = [f"  {t.name}: Pagoda {describe(t)}; Linux {describe(other[t.name])}"
             for t in pagoda
             if (t.build_error is None, t.outcome) !=
             (other[t.name].build_error is None, other[t.name].outcome)]
    lines.append(f"{len(diffs)} tests end differently:")
    return lines + diffs


# ---------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", required=True, help="the open_posix_testsuite directory")
    ap.add_argument("--tests", default=INTERFACES, help="interfaces, commas between")
    ap.add_argument("--timeout", type=int, default=30, help="seconds per test")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "posix-suite"))
    ap.add_argument("--jobs", type=int, default=2, help="compilers at once")
    ap.add_argument("--no-linux", action="store_true", help="Pagoda only")
    ap.add_argument("--no-pagoda", action="store_true", help="this host's Linux only")
    pg = ap.add_argument_group("Pagoda (make passes these)")
    pg.add_argument("--arch", default="x86_64", help="tools/run.py's machine")
    pg.add_argument("--cc", type=shlex.split, default=["gcc"])
    pg.add_argument("--cflags", type=shlex.split, default=[])
    pg.add_argument("--ldflags", type=shlex.split, default=[])
    pg.add_argument("--crt0")
    pg.add_argument("--libs", type=shlex.split, default=[])
    pg.add_argument("--objcopy", default="objcopy")
    pg.add_argument("--initrd-list", help="the system's initrd (make's initrd.list)")
    pg.add_argument("--kernel")
    pg.add_argument("--image-tool", help="OUT KERNEL CMDLINE INITRD -> a boot image")
    pg.add_argument("--image-ext", default="iso")
    pg.add_argument("--cmdline", default="", help="kernel parameters before run=")
    pg.add_argument("--mem", type=int, default=256)
    pg.add_argument("--smp", type=int, default=2)
    pg.add_argument("--accel", default="tcg")
    args = ap.parse_args(argv)
    if not args.no_pagoda:
        missing = [o for o in ("crt0", "initrd_list", "kernel", "image_tool")
                   if not getattr(args, o)]
        if missing:
            ap.error("for Pagoda: --" + ", --".join(m.replace("_", "-") for m in missing)
                     + " (make posix-suite passes them), or --no-pagoda")
    args.suite = os.path.abspath(args.suite)
    args.out = os.path.abspath(args.out)
    return args


def pagoda_target(args):
    return Target("Pagoda " + args.arch, args.cc, args.cflags, args.ldflags,
                  ["-Wl,--start-group", *args.libs, "-lgcc", "-Wl,--end-group"],
                  crt0=[args.crt0], drop_libs=FOLDED_LIBS)


def build_runner(args, target, bindir):
    """posix_runner, built as the tests are (its own code: -Werror)."""
    out = os.path.join(bindir, "posix_runner")
    cmd = [*target.cc, *target.cflags, "-Werror", *target.ldflags, "-o", out,
           *target.crt0, os.path.join(ROOT, "tools", "posix_runner.c"), *target.libs]
    subprocess.run(cmd, check=True)


def report(title, tests, out):
    lines = table(title, tests)
    warned = sum(t.warned for t in tests)
    lines.append(f"{warned} built with warnings; logs in {out}/log/")
    bad = failures(tests)
    lines += [f"{len(bad)} not passing:"] + bad
    return lines


def main(argv=None):
    args = parse_args(argv)
    ifaces = [i for i in args.tests.split(",") if i]
    sections = []
    results = {}
    targets = []
    if not args.no_pagoda:
        targets.append(("pagoda-" + args.arch, pagoda_target(args)))
    if not args.no_linux:
        targets.append(("linux", Target("Linux (this host)", ["gcc"], HOST_CFLAGS, [], [])))
    for key, target in targets:
        tests = find_tests(args.suite, ifaces)
        out = os.path.join(args.out, key)
        print(f"  BUILD   {len(tests)} tests for {target.label} in {out}", flush=True)
        bindir = build_all(target, args.suite, tests, out, args.jobs)
        start = time.monotonic()
        if key == "linux":
            run_linux(tests, bindir, args.timeout, os.path.join(out, "log"))
        else:
            build_runner(args, target, bindir)
            run_pagoda(args, tests, bindir, out)
        took = time.monotonic() - start
        title = f"{target.label}: {args.timeout} s per test, ran in {took:.0f} s"
        sections.append(report(title, tests, out))
        results[key] = tests
    if len(results) == 2:
        sections.append(comparison(*results.values()))
    text = "\n\n".join("\n".join(s) for s in sections) + "\n"
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "report.txt"), "w") as f:
        f.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
