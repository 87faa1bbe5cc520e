#!/usr/bin/env python3
"""Boot Pagoda under QEMU, either interactively or as an automated test run.

    tools/run.py run  --arch x86_64 --image build/x86_64/pagoda.iso
    tools/run.py test [--timeout S] [--logdir DIR] [--quiet] SPEC...

A SPEC is ARCH:IMAGE (boot IMAGE under QEMU in test mode) or host:PATH (run
a test program built for the host).  Either prints KTAP (see tools/ktap.py).
A kernel in test mode finishes with the line `EXIT: STATUS=n` and then makes
QEMU exit with a status derived from n.  A run is clean only if the marker
is there AND QEMU's status matches it: QEMU's own errors and a triple fault
also end QEMU with ordinary-looking statuses.

The last line printed is `N passed, N failed[, N skipped]`; the exit status
is 0 only if every SPEC finished cleanly with no failing case.
"""

import argparse
import collections
import errno
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402  (lives next to this file)

TAIL_LINES = 25


@dataclass(frozen=True)
class Arch:
    """What the runner must know to boot one architecture."""
    exit_code: Callable[[int], int]  # QEMU exit status produced by STATUS=n
    qemu: str = None                 # None: boot command not settled yet
    machine: tuple = ()
    exit_device: tuple = ()
    devices: tuple = ()              # the machine's own devices, every boot
    kvm_cpu: str = None
    image_flag: str = "-cdrom"


ARCHES = {
    # isa-debug-exit turns the n written to port 0xf4 into (n << 1) | 1,
    # so even a clean run exits 1 -- and so does a QEMU startup error.
    "x86_64": Arch(exit_code=lambda n: (n << 1) | 1,
                   qemu="qemu-system-x86_64",
                   machine=("-machine", "pc"),
                   exit_device=("-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"),
                   # PCI devices the drivers in kernel/drivers/ use: no
                   # legacy VGA, no network card, a bochs-display for /dev/fb0,
                   # edu as the mirror device's DMA engine (a 32-bit DMA
                   # mask: QEMU's default of 28 bits reaches 256 MiB only).
                   devices=("-vga", "none", "-nic", "none", "-device", "bochs-display",
                            "-device", "edu,dma_mask=0xffffffff"),
                   kvm_cpu="qemu64"),
    # Not bootable yet; their exit conventions are already known.
    "arm": Arch(exit_code=lambda n: n),                 # semihosting exit
    "s390": Arch(exit_code=lambda n: (n << 1) | 1),     # testdev
}

# Kernel lines may carry a log prefix such as "[    0.123] ".
MARKER_RE = re.compile(r"(?:\[[^\]]*\]\s*)?EXIT: STATUS=(\d+)\s*$")
PANIC_RE = re.compile(r"(?:\[[^\]]*\]\s*)?PANIC:\s*(.*)$")


def qemu_command(arch, image, mem, accel, icount, interactive):
    """The QEMU argv for booting `image`; interactive mode keeps the monitor."""
    serial = "mon:stdio" if interactive else "stdio"
    cmd = [arch.qemu, *arch.machine, "-m", str(mem), "-display", "none",
           "-no-reboot", "-serial", serial, *arch.exit_device, *arch.devices,
           arch.image_flag, image]
    if accel == "kvm":
        # qemu64 is also TCG's default model, so the kernel sees the same
        # CPU features under either accelerator.
        cmd += ["-accel", "kvm", "-cpu", arch.kvm_cpu]
    else:
        cmd += ["-accel", "tcg"]
    if icount:
        cmd += ["-icount", "shift=0"]  # deterministic timing for benchmarks
    return cmd


# ---------------------------------------------------------------- outcome

@dataclass
class Outcome:
    counts: ktap.Counts
    problem: str = None  # one-line reason when the run did not end cleanly

    @property
    def ok(self):
        return self.counts.failed == 0


def judge(report, exit_code, arch=None, status=None, timed_out=False,
          timeout=0, panic=None):
    """Combine parsed KTAP, the EXIT marker and the exit status.

    `arch` is None for a host program, whose own exit status plays the role
    of the marker.  A problem counts as one more failure, so a broken run
    can never report "0 failed".
    """
    problem = find_problem(report, exit_code, arch, status, timed_out,
                           timeout, panic)
    counts = report.counts + ktap.Counts(failed=1 if problem else 0)
    return Outcome(counts, problem)


def find_problem(report, exit_code, arch, status, timed_out, timeout, panic):
    if panic is not None:
        text = ("kernel panic: " if arch else "panic: ") + panic
        return text + (f" (then hung; killed after {timeout:g} s)" if timed_out else "")
    if timed_out:
        return f"timed out after {timeout:g} s (hang?)"
    if exit_code < 0:
        who = "QEMU" if arch else "the program"
        return f"{who} was killed by signal {-exit_code}"
    if arch is None:
        status, what = exit_code, f"exited with status {exit_code}"
    else:
        if status is None:
            hint = no_marker_hint(arch, exit_code)
            return f"QEMU exited with {exit_code} but no 'EXIT: STATUS' line ({hint})"
        # The OS keeps only the low 8 bits of an exit status.
        if arch.exit_code(status) & 0xFF != exit_code:
            return f"QEMU exit status {exit_code} does not match EXIT: STATUS={status}"
        what = f"EXIT: STATUS={status}"
    if report.errors:
        return "; ".join(report.errors)
    if status != 0 and report.counts.failed == 0:
        return f"{what} but no test case failed"
    if status == 0 and report.counts.failed > 0:
        return f"{what} but {report.counts.failed} test case(s) failed"
    return None


def no_marker_hint(arch, exit_code):
    """Why QEMU may have ended without the marker.  A status that no
    `EXIT: STATUS=n` can produce means the machine itself died."""
    kernel_exits = {arch.exit_code(n) & 0xFF for n in range(256)}
    if exit_code not in kernel_exits:
        return "triple fault or crash?"
    return "QEMU error or crash?"


# ---------------------------------------------------------------- running

@dataclass
class Spec:
    label: str       # "x86_64" or "host:NAME", used in every message
    arch: Arch       # None for a host program
    target: str      # the image or program, which must exist
    argv: list
    log_path: str


@dataclass
class SpecResult:
    spec: Spec
    report: ktap.Report
    outcome: Outcome
    tail: list
    elapsed: float


def parse_spec(text, args):
    kind, _, path = text.partition(":")
    if not path:
        raise ValueError(f"bad SPEC {text!r}: expected ARCH:IMAGE or host:PATH")
    if kind == "host":
        name = os.path.basename(path)
        return Spec(f"host:{name}", None, path, [os.path.abspath(path)],
                    os.path.join(args.logdir, "host", name + ".log"))
    arch = ARCHES.get(kind)
    if arch is None:
        raise ValueError(f"unknown arch {kind!r} in SPEC {text!r} "
                         f"(known: host, {', '.join(ARCHES)})")
    if arch.qemu is None:
        raise ValueError(f"arch {kind!r} cannot be booted yet")
    argv = qemu_command(arch, path, args.mem, args.accel, args.icount,
                        interactive=False)
    return Spec(kind, arch, path, argv,
                os.path.join(args.logdir, kind, "test.log"))


class Watcher:
    """Follows one SPEC's output line by line as it arrives."""

    def __init__(self, label, quiet, verbose=False):
        self.label = label
        self.quiet = quiet
        self.verbose = verbose
        self.parser = ktap.KtapParser()
        self.status = None
        self.panic = None
        self.tail = collections.deque(maxlen=TAIL_LINES)

    def line(self, text):
        self.tail.append(text)
        if self.verbose:
            print(text, flush=True)
        if self.status is None and (m := MARKER_RE.match(text)):
            self.status = int(m.group(1))
        if self.panic is None and (m := PANIC_RE.match(text)):
            self.panic = m.group(1).strip() or "(no message)"
        suite = self.parser.feed(text)
        if suite is not None and not self.quiet:
            print(suite_line(self.label, suite))


def run_process(argv, log, timeout, on_line):
    """Run argv, copying its output to `log` and to on_line() one line at a
    time.  Returns (exit status, timed out?)."""
    # A session of its own lets a timeout kill QEMU together with any helpers.
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    lines = queue.Queue()
    threading.Thread(target=_read_lines, args=(proc.stdout, lines),
                     daemon=True).start()
    deadline = time.monotonic() + timeout
    timed_out = False
    try:
        for raw in _lines_until(lines, deadline):
            log.write(raw)
            log.flush()
            on_line(raw.decode("utf-8", "replace").rstrip("\r\n"))
        proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except (TimeoutError, subprocess.TimeoutExpired):
        timed_out = True
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()
    return proc.returncode, timed_out


def _read_lines(stream, lines):
    # A thread, because a blocking read cannot otherwise be given a deadline.
    for raw in iter(stream.readline, b""):
        lines.put(raw)
    lines.put(None)


def _lines_until(lines, deadline):
    while True:
        try:
            raw = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError from None
        if raw is None:
            return
        yield raw


def run_spec(spec, args):
    os.makedirs(os.path.dirname(spec.log_path) or ".", exist_ok=True)
    watcher = Watcher(spec.label, args.quiet, args.verbose)
    exit_code, timed_out, cannot_start = None, False, None
    start = time.monotonic()
    with open(spec.log_path, "wb") as log:
        try:
            if not os.path.exists(spec.target):
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT),
                                        spec.target)
            exit_code, timed_out = run_process(spec.argv, log, args.timeout,
                                               watcher.line)
        except OSError as e:  # missing image, program or QEMU binary
            cannot_start = f"{e.filename}: {e.strerror}"
    elapsed = time.monotonic() - start
    report = watcher.parser.finish()
    if cannot_start:
        outcome = Outcome(report.counts + ktap.Counts(failed=1), cannot_start)
    else:
        outcome = judge(report, exit_code, spec.arch, watcher.status,
                        timed_out, args.timeout, watcher.panic)
    return SpecResult(spec, report, outcome, list(watcher.tail), elapsed)


# ---------------------------------------------------------------- printing

def describe(counts):
    parts = [f"{counts.failed} failed"] if counts.failed else []
    parts.append(f"{counts.passed} passed")
    if counts.skipped:
        parts.append(f"{counts.skipped} skipped")
    return ", ".join(parts)


def suite_line(label, suite):
    return f"  [{label}] {suite.name} ".ljust(48, ".") + " " + describe(suite.counts())


def spec_line(result):
    counts = result.report.counts
    cases = "case" if counts.total == 1 else "cases"
    text = (f"{result.spec.label}: {counts.total} {cases} in "
            f"{result.elapsed:.1f} s ({describe(counts)})")
    if result.outcome.problem:
        text += f" - {result.outcome.problem}"
    return text


def closing_line(counts):
    text = f"{counts.passed} passed, {counts.failed} failed"
    return text + (f", {counts.skipped} skipped" if counts.skipped else "")


def print_failures(results):
    failing = [r for r in results if not r.outcome.ok]
    if not failing:
        return
    print("\nFAILURES")
    for r in failing:
        label = r.spec.label
        for path, diagnostics in r.report.failures:
            print(f"{label}: {path}")
            for text in diagnostics:
                print(f"    {text}")
        if r.outcome.problem:
            print(f"{label}: {r.outcome.problem}")
            if r.tail:
                print(f"    last {len(r.tail)} lines of output:")
                for text in r.tail:
                    print(f"    | {text}")
        print(f"    log: {r.spec.log_path}")


# ---------------------------------------------------------------- commands

def cmd_run(args):
    arch = ARCHES[args.arch]
    cmd = qemu_command(arch, args.image, args.mem, args.accel, args.icount,
                       interactive=True)
    print("run.py:", shlex.join(cmd), "(quit: Ctrl-A X)", file=sys.stderr)
    try:
        os.execvp(cmd[0], cmd)
    except OSError as e:
        sys.exit(f"run.py: {cmd[0]}: {e.strerror}")


def cmd_test(args, specs):
    results = []
    for spec in specs:
        result = run_spec(spec, args)
        if not args.quiet:
            print(spec_line(result))
        results.append(result)
    print_failures(results)
    total = sum((r.outcome.counts for r in results), ktap.Counts())
    print(closing_line(total))
    return 0 if all(r.outcome.ok for r in results) else 1


def build_parser():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--mem", type=int, default=256, help="RAM in MiB (default 256)")
    common.add_argument("--accel", choices=("tcg", "kvm"), default="tcg")
    common.add_argument("--icount", action="store_true",
                        help="run QEMU with -icount shift=0 (for benchmarks)")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", parents=[common], help="boot interactively")
    bootable = [name for name, arch in ARCHES.items() if arch.qemu]
    run.add_argument("--arch", choices=bootable, default="x86_64")
    run.add_argument("--image", required=True)
    test = sub.add_parser("test", parents=[common], help="run tests, report KTAP results")
    test.add_argument("--timeout", type=float, default=120, help="seconds per SPEC")
    test.add_argument("--logdir", default="build")
    test.add_argument("--quiet", action="store_true", help="print only failures and totals")
    test.add_argument("--verbose", action="store_true",
                      help="also echo every line of output (the serial console) as it arrives")
    test.add_argument("specs", nargs="+", metavar="SPEC", help="ARCH:IMAGE or host:PATH")
    return ap


def main(argv=None):
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command == "run":
        return cmd_run(args)
    try:
        specs = [parse_spec(text, args) for text in args.specs]
    except ValueError as e:
        ap.error(str(e))
    # Results must appear as they happen even when piped (e.g. by make).
    sys.stdout.reconfigure(line_buffering=True)
    try:
        return cmd_test(args, specs)
    except KeyboardInterrupt:  # QEMU is already killed by run_process
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
