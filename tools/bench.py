#!/usr/bin/env python3
"""Run vmbench (user/bin/vmbench.c) and print its figures as a table.

    tools/bench.py boot --image build/x86_64/pagoda-bench.iso [--accel tcg|kvm]
    tools/bench.py host build/host/vmbench [ARGS...]
    tools/bench.py log linux.log [--accel tcg|kvm] [--no-icount]
    tools/bench.py compare A.txt B.txt     (two --out files: B / A per metric)

`boot` boots an image whose command line is run="vmbench ..." (bench.mk
builds it) and reads the serial console; `host` runs a vmbench built for
this machine; `log` reads a saved console log, such as one of Linux
running vmbench in the same QEMU configuration.  vmbench prints one
`metric value unit` line per figure, such as `anon_fault 4960 ticks/page`,
after a `# vmbench: key=value ...` line; everything else (the boot log) is
ignored.

What a tick is depends on how the guest ran, and the table says so:
under TCG with -icount shift=0 (the default) the guest's time-stamp counter
advances once per guest instruction, so figures are exact instruction
counts, the same on every host; under KVM they are real cycles.

The exit status is 0 only if vmbench printed figures and exited 0.
"""

import argparse
import collections
import os
import re
import shlex
import sys
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (lives next to this file)

TAIL_LINES = 25

METRIC_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*) (-?[0-9]+) (\S+)$")
HEADER_RE = re.compile(r"^# vmbench:(.*)$")


@dataclass(frozen=True)
class Metric:
    name: str
    value: int
    unit: str


def parse_line(text):
    """A Metric for a `metric value unit` line, else None."""
    m = METRIC_RE.match(text.strip())
    if m is None:
        return None
    return Metric(m.group(1), int(m.group(2)), m.group(3))


def parse_header(text):
    """The key=value settings of a `# vmbench: ...` line, else None."""
    m = HEADER_RE.match(text.strip())
    if m is None:
        return None
    settings = {}
    for word in m.group(1).split():
        key, sep, value = word.partition("=")
        if sep:
            settings[key] = value
    return settings


@dataclass
class Capture:
    """What one run of vmbench printed, fed one line at a time."""
    metrics: list = field(default_factory=list)
    settings: dict = None        # from the header line, once seen
    first_time: float = None     # seconds from start to the first line
    header_time: float = None    # seconds from start to the header line
    status: int = None           # from the kernel's `EXIT: STATUS=n`
    panic: str = None
    tail: collections.deque = field(
        default_factory=lambda: collections.deque(maxlen=TAIL_LINES))

    def feed(self, text, elapsed=None):
        self.tail.append(text)
        if self.first_time is None:
            self.first_time = elapsed
        if self.settings is None and (settings := parse_header(text)) is not None:
            self.settings = settings
            self.header_time = elapsed
            return
        # Figures count only after vmbench's header: the boot log before it
        # may hold lines of the same shape.
        if self.settings is not None and (metric := parse_line(text)):
            self.metrics.append(metric)
            return
        if self.status is None and (m := run.MARKER_RE.match(text)):
            self.status = int(m.group(1))
        if self.panic is None and (m := run.PANIC_RE.match(text)):
            self.panic = m.group(1).strip() or "(no message)"


def capture_text(text):
    """A Capture of a whole output at once (for tests and saved logs)."""
    capture = Capture()
    for line in text.splitlines():
        capture.feed(line)
    return capture


def mode_text(kind, accel="tcg", icount=True, units=()):
    """One line saying what produced the figures and what a tick is."""
    if kind == "host":
        text = ("host, natively: ticks are this machine's TSC cycles "
                "(not comparable with guest figures)")
    elif accel == "kvm":
        text = "ACCEL=kvm: real cycles"
    elif icount:
        text = "TCG, -icount shift=0: ticks are guest instructions"
    else:
        text = "TCG without -icount: ticks are host TSC cycles, noisy"
    if any(unit == "ns" or unit.startswith("ns/") for unit in units):
        text += "; ns: no TSC, CLOCK_MONOTONIC nanoseconds"
    return text


def format_table(capture, mode, title="vmbench"):
    """The report: a title with the mode, the settings, one row a metric."""
    lines = [f"{title}: {mode}"]
    if capture.settings:
        lines.append("  " + " ".join(f"{k}={v}" for k, v in capture.settings.items()))
    if capture.metrics:
        width = max(len("metric"), *(len(m.name) for m in capture.metrics))
        digits = max(len("value"), *(len(str(m.value)) for m in capture.metrics))
        lines.append(f"  {'metric'.ljust(width)}  {'value'.rjust(digits)}  unit")
        for m in capture.metrics:
            lines.append(f"  {m.name.ljust(width)}  {str(m.value).rjust(digits)}  {m.unit}")
    if any(m.name == "boot_to_main" for m in capture.metrics):
        lines.append("  boot_to_main counts from power-on: BIOS and boot loader included")
    if capture.header_time is not None and capture.first_time is not None:
        # Wall-clock, so neither exact nor repeatable; boot_to_main (vmbench
        # -b) is the guest's own count.
        lines.append(f"  host time: {capture.first_time:.2f} s to the first line "
                     f"(the kernel's), {capture.header_time - capture.first_time:.2f} s "
                     "more to vmbench's")
    return "\n".join(lines)


def find_problem(capture, exit_code, guest, timed_out=False, timeout=0):
    """Why a run did not give trustworthy figures, or None.

    `guest` is the run.Arch of a QEMU run, None for a program on the host.
    A guest run ends with the kernel's `EXIT: STATUS=n` (vmbench's exit
    status, through init) and QEMU powered off (0) or exiting with the
    status the arch derives from n.
    """
    if capture.panic is not None:
        return f"kernel panic: {capture.panic}"
    if timed_out:
        return f"timed out after {timeout:g} s"
    if exit_code is not None and exit_code < 0:
        who = "QEMU" if guest else "vmbench"
        return f"{who} was killed by signal {-exit_code}"
    if guest is None:
        if exit_code:
            return f"vmbench exited with status {exit_code}"
    elif capture.status is None:
        return f"QEMU exited with {exit_code} but no 'EXIT: STATUS' line"
    elif capture.status != 0:
        return f"vmbench exited with status {capture.status}"
    elif exit_code not in (0, guest.exit_code(0) & 0xFF):
        return f"QEMU exit status {exit_code} after EXIT: STATUS=0"
    if capture.settings is None:
        return "vmbench did not start (no '# vmbench:' line)"
    if not capture.metrics:
        return "vmbench printed no figures"
    return None


# ---------------------------------------------------------------- running

def run_and_capture(argv, log_path, timeout, verbose):
    """Run argv, logging its output; (Capture, exit status, timed out?)."""
    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    capture = Capture()
    start = time.monotonic()

    def on_line(text):
        if verbose:
            print(text, flush=True)
        capture.feed(text, time.monotonic() - start)

    with open(log_path, "wb") as log:
        exit_code, timed_out = run.run_process(argv, log, timeout, on_line)
    return capture, exit_code, timed_out


def finish(capture, problem, mode, log_path, out_path):
    units = [m.unit for m in capture.metrics]
    if capture.metrics:
        print(format_table(capture, mode_text(*mode, units=units)))
    if out_path and capture.metrics:
        os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
        with open(out_path, "w") as f:
            for m in capture.metrics:
                f.write(f"{m.name} {m.value} {m.unit}\n")
    if problem is None:
        return 0
    print(f"bench: {problem}")
    if capture.tail:
        print(f"    last {len(capture.tail)} lines of output:")
        for text in capture.tail:
            print(f"    | {text}")
    print(f"    log: {log_path}")
    return 1


def boot_command(args):
    """QEMU's argv for `boot`, and whether it counts instructions."""
    arch = run.ARCHES[args.arch]
    icount = args.accel == "tcg" and not args.no_icount
    argv = run.qemu_command(arch, args.image, args.mem, args.accel, icount,
                            interactive=False, extra=args.qemu_args, smp=args.smp,
                            disks=args.disk)
    return argv, icount


def cmd_boot(args):
    arch = run.ARCHES[args.arch]
    argv, icount = boot_command(args)
    log = args.log or os.path.join("build", args.arch, "bench.log")
    print(f"bench: {shlex.join(argv)}", flush=True)
    if not os.path.exists(args.image):
        print(f"bench: {args.image}: no such file")
        return 1
    try:
        capture, exit_code, timed_out = run_and_capture(argv, log, args.timeout,
                                                        args.verbose)
    except OSError as e:  # no QEMU
        print(f"bench: {e.filename}: {e.strerror}")
        return 1
    problem = find_problem(capture, exit_code, arch, timed_out, args.timeout)
    return finish(capture, problem, ("boot", args.accel, icount), log, args.out)


def cmd_host(args):
    argv = [args.program, *args.args]
    log = args.log or os.path.join("build", "host", "bench.log")
    try:
        capture, exit_code, timed_out = run_and_capture(argv, log, args.timeout,
                                                        args.verbose)
    except OSError as e:
        print(f"bench: {e.filename}: {e.strerror}")
        return 1
    capture.header_time = None  # no boot: the times mean nothing
    problem = find_problem(capture, exit_code, None, timed_out, args.timeout)
    return finish(capture, problem, ("host",), log, args.out)


def cmd_log(args):
    try:
        with open(args.file, "rb") as f:
            text = f.read().decode("utf-8", "replace")
    except OSError as e:
        print(f"bench: {e.filename}: {e.strerror}")
        return 1
    capture = capture_text(text)
    problem = None
    if capture.settings is None:
        problem = "vmbench did not start (no '# vmbench:' line)"
    elif not capture.metrics:
        problem = "vmbench printed no figures"
    icount = args.accel == "tcg" and not args.no_icount
    return finish(capture, problem, ("boot", args.accel, icount), args.file, args.out)


def read_metrics(path):
    """The Metrics of a file written by --out, by name."""
    with open(path) as f:
        return {m.name: m for m in map(parse_line, f) if m is not None}


def cmd_compare(args):
    """Two runs side by side, with B's figure as a multiple of A's."""
    try:
        a, b = read_metrics(args.a), read_metrics(args.b)
    except OSError as e:
        print(f"bench: {e.filename}: {e.strerror}")
        return 1
    print(f"  {'metric':<20} {args.a_name:>12} {args.b_name:>12}  ratio  unit")
    for name, ma in a.items():
        mb = b.get(name)
        if mb is None or name == "boot_to_main":
            continue
        ratio = f"{mb.value / ma.value:.3f}" if ma.value else "-"
        print(f"  {name:<20} {ma.value:>12} {mb.value:>12}  {ratio:>5}  {ma.unit}")
    return 0


def build_parser():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--timeout", type=float, default=600,
                        help="seconds before the run counts as hung (default 600)")
    common.add_argument("--log", help="where the whole output goes "
                        "(default build/ARCH/bench.log or build/host/bench.log)")
    common.add_argument("--out", help="also write the metric lines, as printed, here")
    common.add_argument("--verbose", action="store_true",
                        help="echo every line of output as it arrives")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    boot = sub.add_parser("boot", parents=[common],
                          help="boot an image that runs vmbench, under QEMU")
    bootable = [name for name, arch in run.ARCHES.items() if arch.qemu]
    boot.add_argument("--arch", choices=bootable, default="x86_64")
    boot.add_argument("--image", required=True)
    boot.add_argument("--mem", type=int, default=256, help="RAM in MiB (default 256)")
    boot.add_argument("--accel", choices=("tcg", "kvm"), default="tcg")
    boot.add_argument("--smp", type=int, default=1, choices=range(1, 9),
                      metavar="N", help="CPUs (1..8, default 1)")
    boot.add_argument("--qemu-args", type=shlex.split, default=[],
                      help="more QEMU options, as one shell-quoted string")
    boot.add_argument("--disk", action="append", default=[], metavar="IMAGE",
                      help="attach IMAGE as a virtio-blk disk (the swap disk)")
    boot.add_argument("--no-icount", action="store_true",
                      help="TCG without -icount shift=0 (ticks are then host time)")
    host = sub.add_parser("host", parents=[common],
                          help="run a vmbench built for this machine")
    host.add_argument("program")
    host.add_argument("args", nargs=argparse.REMAINDER)
    log = sub.add_parser("log", help="read the output of a run saved earlier "
                         "(e.g. Linux in the same QEMU configuration)")
    log.add_argument("file")
    log.add_argument("--out", help="also write the metric lines, as printed, here")
    log.add_argument("--accel", choices=("tcg", "kvm"), default="tcg",
                     help="how the run was made, for the table's heading")
    log.add_argument("--no-icount", action="store_true",
                     help="the run was under TCG without -icount shift=0")
    compare = sub.add_parser("compare", help="two runs' figures and their ratio")
    compare.add_argument("a")
    compare.add_argument("b")
    compare.add_argument("--a-name", default="A")
    compare.add_argument("--b-name", default="B")
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    # Output must appear as it happens even when piped (e.g. by make).
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
    try:
        commands = {"boot": cmd_boot, "host": cmd_host, "log": cmd_log,
                    "compare": cmd_compare}
        return commands[args.command](args)
    except KeyboardInterrupt:  # the child is already killed by run_process
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
