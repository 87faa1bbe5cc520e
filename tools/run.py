#!/usr/bin/env python3
"""Boot Pagoda under QEMU, either interactively or as an automated test run.

    tools/run.py run  --arch x86_64 --image build/x86_64/pagoda.iso [--gdb PORT]
    tools/run.py test [--timeout S] [--logdir DIR] [--quiet] [--selection T] SPEC...
    tools/run.py list SPEC...

`list` runs SPECs built to name their tests rather than run them (each case
reported as skipped, see kernel/ktest.c) and prints suite.case per line.
`--qemu-args '...'` adds QEMU options to every boot (make's QEMU_ARGS).

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
import dataclasses
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
import screendump  # noqa: E402

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
    firmware: tuple = ()             # () is QEMU's default (SeaBIOS on a PC)
    mem: int = None                  # RAM in MiB for every boot (None: --mem)
    fixed_cpus: bool = False         # the board has its CPUs (no -smp)
    initrd: bool = False             # -initrd initrd.cpio, from beside the image
    xip_dcss: int = 0                # MiB: the XIP store this far below the top of
                                     # RAM (s390x), not an ivshmem-plain PCI device
    disk_device: str = "virtio-blk-pci"  # QEMU's device for each disk (the swap
                                     # disk); None: the machine takes none
    pci_bus: bool = True             # False: no PCI devices at all (no XIP store)


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
    # The same PC with UEFI firmware: OVMF (Debian's ovmf package), its code
    # read-only and its variable store a throwaway copy (snapshot=on).
    "x86_64-uefi": None,
    # ARMv7-A on QEMU's virt board: a Cortex-A15, the PCI host bridge's
    # configuration space (ECAM) below 4 GiB where a 32-bit kernel reaches
    # it (highmem=off), no network card, and the PC's PCI devices.  The
    # kernel reports its status through semihosting, which makes QEMU exit
    # with n itself.  The image is a raw kernel, booted as Linux is: its
    # command line from beside it (cmdline_args), the initrd too.
    "arm": Arch(exit_code=lambda n: n,
                qemu="qemu-system-arm",
                machine=("-machine", "virt,highmem=off", "-cpu", "cortex-a15"),
                exit_device=("-semihosting-config", "enable=on,target=native"),
                devices=("-nic", "none", "-device", "bochs-display",
                         "-device", "edu,dma_mask=0xffffffff"),
                image_flag="-kernel", initrd=True),
    # The Raspberry Pi 2 (BCM2836, Cortex-A7): 1 GiB of RAM whatever -m
    # says, four CPUs whatever -smp says, and no PCI bus, so no XIP store
    # and no disk.
    "arm-raspi2b": Arch(exit_code=lambda n: n,
                        qemu="qemu-system-arm",
                        machine=("-machine", "raspi2b"),
                        exit_device=("-semihosting-config", "enable=on,target=native"),
                        image_flag="-kernel", initrd=True, disk_device=None,
                        pci_bus=False, mem=1024, fixed_cpus=True),
    # s390x: QEMU loads the kernel ELF itself, the initrd beside it.  The
    # console is the SCLP's VT220 (the first -serial); the second -serial
    # is the line-mode console, whose messages go to testdev, which exits
    # QEMU with (n << 1) | 1 on "<n>q".  A disabled-wait PSW other than
    # QEMU's own 0xfff (a halt after a panic) counts as a crash: status 1.
    "s390": Arch(exit_code=lambda n: (n << 1) | 1,
                 qemu="qemu-system-s390x",
                 machine=("-machine", "s390-ccw-virtio", "-cpu", "qemu",
                          "-nodefaults", "-action", "panic=exit-failure"),
                 exit_device=("-chardev", "testdev,id=ctd", "-serial", "chardev:ctd"),
                 image_flag="-kernel",
                 initrd=True, xip_dcss=16, disk_device="virtio-blk-ccw"),
}

ARCHES["x86_64-uefi"] = dataclasses.replace(ARCHES["x86_64"], firmware=(
    "-drive", "if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd",
    "-drive", "if=pflash,format=raw,snapshot=on,file=/usr/share/OVMF/OVMF_VARS_4M.fd"))

# The same PC booting the kernel built with PTE_SPECIAL=n (the Makefile):
# a label of its own, for its results and its log.
ARCHES["x86_64-nospecial"] = ARCHES["x86_64"]
# The small machine of the swap pressure tests (mem=32M on its command line).
ARCHES["x86_64-swap"] = ARCHES["x86_64"]

ARCHES["s390-nospecial"] = ARCHES["s390"]

# The PC without the devices the drivers use (no framebuffer, no XIP store,
# no edu): their tests must report themselves skipped, saying why.
ARCHES["x86_64-bare"] = dataclasses.replace(ARCHES["x86_64"],
                                            devices=("-vga", "none", "-nic", "none"))

# The PC with 4.5 GiB: QEMU puts the RAM past 3 GiB above 4 GiB, so the PCI
# hole, where the devices' BARs lie, falls below the end of RAM.
ARCHES["x86_64-bigmem"] = dataclasses.replace(ARCHES["x86_64"], mem=4608)

# Kernel lines may carry a log prefix such as "[    0.123] ".
MARKER_RE = re.compile(r"(?:\[[^\]]*\]\s*)?EXIT: STATUS=(\d+)\s*$")
PANIC_RE = re.compile(r"(?:\[[^\]]*\]\s*)?PANIC:\s*(.*)$")


def xip_device(arch, image, mem):
    """The execute-in-place store (/xip): the build writes xip.img next to
    the boot image (tools/mkxip.py).  On a PC QEMU shows it as the memory
    of an ivshmem-plain PCI device (share=off: the guest's writes, which it
    makes none of, would stay private to this run, never reach the file).
    On s390x QEMU's loader device writes it into the top of RAM, above the
    kernel's mem= limit: the DCSS-like segment (arch/s390/dcss.c)."""
    path = os.path.join(os.path.dirname(image), "xip.img")
    if not os.path.exists(path) or not (arch.pci_bus or arch.xip_dcss):
        return ()
    if arch.xip_dcss:
        addr = (mem - arch.xip_dcss) << 20
        return ("-device", f"loader,file={path},addr={addr:#x},force-raw=on")
    return ("-object", f"memory-backend-file,id=xip,mem-path={path},"
            f"size={os.path.getsize(path)},share=off",
            "-device", "ivshmem-plain,memdev=xip")


def cmdline_args(arch, image):
    """A raw ARM kernel has no room for its command line: the build writes
    it beside the image (IMAGE.cmdline), and QEMU puts it in the device
    tree (-append)."""
    path = image + ".cmdline"
    if arch.image_flag != "-kernel" or not os.path.exists(path):
        return ()
    with open(path) as f:
        return ("-append", f.read().strip())


def initrd_args(arch, image):
    """For a machine QEMU boots without a boot loader (s390x): the build's
    initrd, which sits next to the boot image."""
    path = os.path.join(os.path.dirname(image), "initrd.cpio")
    return ("-initrd", path) if arch.initrd and os.path.exists(path) else ()


def disk_devices(arch, disks):
    """Each disk image as a virtio-blk device (/dev/vda, /dev/vdb, ... in
    this order): on PCI, or on a channel (virtio-blk-ccw) on s390x.
    snapshot=on: the guest's writes go to a throwaway copy, so a swap
    image made once by mkswap serves every boot.  None on a machine with
    neither (the Raspberry Pi)."""
    if not arch.disk_device:
        return ()
    args = []
    for i, path in enumerate(disks):
        args += ["-drive", f"file={path},if=none,id=vd{i},format=raw,snapshot=on",
                 "-device", f"{arch.disk_device},drive=vd{i}"]
    return tuple(args)


def qemu_command(arch, image, mem, accel, icount, interactive, extra=(), disks=(),
                 smp=1):
    """The QEMU argv for booting `image` on `smp` CPUs; interactive mode keeps
    the monitor.  `extra` options come last, so they can add to or override
    the others."""
    serial = "mon:stdio" if interactive else "stdio"
    cmd = [arch.qemu, *arch.machine, "-m", str(arch.mem or mem), "-display", "none",
           "-no-reboot", "-serial", serial, *arch.firmware, *arch.exit_device, *arch.devices,
           *xip_device(arch, image, mem), *disk_devices(arch, disks), arch.image_flag, image,
           *initrd_args(arch, image), *cmdline_args(arch, image)]
    if accel == "kvm":
        # qemu64 is also TCG's default model, so the kernel sees the same
        # CPU features under either accelerator.
        cmd += ["-accel", "kvm", "-cpu", arch.kvm_cpu]
    else:
        cmd += ["-accel", "tcg"]
    if smp != 1 and not arch.fixed_cpus:
        cmd += ["-smp", str(smp)]
    if icount:
        # Deterministic timing for benchmarks; with several CPUs QEMU then
        # runs them in turn on one host thread.
        cmd += ["-icount", "shift=0"]
    return cmd + list(extra)


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
    can never report "0 failed" -- unless the results its plan still owed
    are already counted as crashed: then the counts are the plan's.
    """
    problem = find_problem(report, exit_code, arch, status, timed_out,
                           timeout, panic)
    extra = 1 if problem and not report.counts.crashed else 0
    counts = report.counts + ktap.Counts(failed=extra)
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
    monitor: str = None  # QEMU's monitor socket, for screendumps


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
    # The monitor, on a socket, answers the guest's screendump requests.
    monitor = os.path.join(args.logdir, kind, "monitor.sock")
    argv = qemu_command(arch, path, args.mem, args.accel, args.icount,
                        interactive=False, extra=args.qemu_args, disks=args.disk,
                        smp=args.smp)
    argv += ["-monitor", f"unix:{monitor},server=on,wait=off"]
    return Spec(kind, arch, path, argv,
                os.path.join(args.logdir, kind, "test.log"), monitor)


class Watcher:
    """Follows one SPEC's output line by line as it arrives."""

    def __init__(self, label, quiet, verbose=False, monitor=None):
        self.label = label
        self.monitor = monitor  # QEMU's monitor socket (None: a host program)
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
        if self.monitor:
            return screendump.answer(text, self.monitor)
        return None


def run_process(argv, log, timeout, on_line, answers=False):
    """Run argv, copying its output to `log` and to on_line() one line at a
    time; with `answers`, what on_line() returns goes to its input (the
    guest's serial console).  Returns (exit status, timed out?)."""
    # A session of its own lets a timeout kill QEMU together with any helpers.
    proc = subprocess.Popen(argv,
                            stdin=subprocess.PIPE if answers else subprocess.DEVNULL,
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
            reply = on_line(raw.decode("utf-8", "replace").rstrip("\r\n"))
            if reply and answers:
                _send(proc, reply)
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


def _send(proc, text):
    try:
        proc.stdin.write(text.encode())
        proc.stdin.flush()
    except (BrokenPipeError, OSError):
        pass  # the machine is gone; its exit tells the rest


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
    watcher = Watcher(spec.label, args.quiet, args.verbose, spec.monitor)
    if spec.monitor and os.path.exists(spec.monitor):
        os.unlink(spec.monitor)  # a stale socket from an earlier run
    exit_code, timed_out, cannot_start = None, False, None
    start = time.monotonic()
    with open(spec.log_path, "wb") as log:
        try:
            if not os.path.exists(spec.target):
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT),
                                        spec.target)
            exit_code, timed_out = run_process(spec.argv, log, args.timeout,
                                               watcher.line,
                                               answers=bool(spec.monitor))
        except OSError as e:  # missing image, program or QEMU binary
            cannot_start = f"{e.filename}: {e.strerror}"
    elapsed = time.monotonic() - start
    report = watcher.parser.finish()
    if report.completion:
        with open(spec.log_path, "a") as log:
            log.write("# tools/run.py: the output stopped; the rest of the plan:\n")
            log.writelines(line + "\n" for line in report.completion)
    if cannot_start:
        outcome = Outcome(report.counts + ktap.Counts(failed=1), cannot_start)
    else:
        outcome = judge(report, exit_code, spec.arch, watcher.status,
                        timed_out, args.timeout, watcher.panic)
    return SpecResult(spec, report, outcome, list(watcher.tail), elapsed)


# ---------------------------------------------------------------- printing

def describe(counts):
    parts = [f"{counts.failed} failed"] if counts.failed else []
    if counts.crashed:
        parts[0] += f" ({counts.crashed} crashed)"
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


def arch_lines(results):
    """With more than one architecture in the run, a total for each (its
    kernels' boots: "x86_64-uefi" counts as x86_64), above the closing line."""
    totals = {}
    for r in results:
        if r.spec.arch is None:
            continue
        family = r.spec.label.split("-")[0]
        totals[family] = totals.get(family, ktap.Counts()) + r.outcome.counts
    if len(totals) < 2:
        return []
    return [f"{family}: {closing_line(counts)}" for family, counts in totals.items()]


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
            if r.report.counts.crashed:
                print(f"    {r.report.counts.crashed} result(s) the plan still owed: "
                      f"not ok # {ktap.CRASHED} (added to the log)")
            if r.tail:
                print(f"    last {len(r.tail)} lines of output:")
                for text in r.tail:
                    print(f"    | {text}")
        print(f"    log: {r.spec.log_path}")


# ---------------------------------------------------------------- commands

def cmd_run(args):
    arch = ARCHES[args.arch]
    extra = list(args.qemu_args)
    if args.gdb:
        # Stopped before the first instruction until gdb says "continue".
        extra = ["-S", "-gdb", f"tcp:127.0.0.1:{args.gdb}"] + extra
    if args.graphic:
        # A window showing the display device (/dev/fb0); the last -display
        # given is the one QEMU uses.  The console stays on the terminal.
        extra = ["-display", "gtk"] + extra
    cmd = qemu_command(arch, args.image, args.mem, args.accel, args.icount,
                       interactive=True, extra=extra, disks=args.disk,
                       smp=args.smp)
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
    ok = all(r.outcome.ok for r in results)
    if args.selection and total.total == 0:
        # A typo in T= must not look like a clean run.
        print(f"\nT={args.selection} matches no test here "
              "(`make test-list` names them all)")
        total.failed += 1
        ok = False
    for line in arch_lines(results):
        print(line)
    print(closing_line(total))
    return 0 if ok else 1


def cmd_list(args, specs):
    """Name every test case the SPECs hold, as where: suite.case."""
    failed = False
    for spec in specs:
        result = run_spec(spec, args)
        if not result.outcome.ok:
            print(spec_line(result), file=sys.stderr)
            failed = True
        for suite in result.report.suites:
            for path in leaf_paths(suite):
                print(f"{spec.label}: {path}")
    return 1 if failed else 0


def leaf_paths(test, prefix=""):
    path = prefix + test.name
    if not test.subtests:
        return [path]
    return [p for sub in test.subtests for p in leaf_paths(sub, path + ".")]


def build_parser():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--mem", type=int, default=256, help="RAM in MiB (default 256)")
    common.add_argument("--accel", choices=("tcg", "kvm"), default="tcg")
    common.add_argument("--smp", type=int, default=1, choices=range(1, 9),
                        metavar="N", help="CPUs (1..8, default 1)")
    common.add_argument("--icount", action="store_true",
                        help="run QEMU with -icount shift=0 (for benchmarks)")
    common.add_argument("--qemu-args", type=shlex.split, default=[],
                        help="more QEMU options, as one shell-quoted string")
    common.add_argument("--disk", action="append", default=[], metavar="IMAGE",
                        help="attach IMAGE as a virtio-blk disk (repeatable)")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", parents=[common], help="boot interactively")
    bootable = [name for name, arch in ARCHES.items() if arch.qemu]
    run.add_argument("--arch", choices=bootable, default="x86_64")
    run.add_argument("--image", required=True)
    run.add_argument("--graphic", action="store_true",
                     help="show the screen in a window (QEMU's GTK display)")
    run.add_argument("--gdb", type=int, metavar="PORT",
                     help="wait for gdb on localhost:PORT before starting")
    test = sub.add_parser("test", parents=[common], help="run tests, report KTAP results")
    test.add_argument("--timeout", type=float, default=120, help="seconds per SPEC")
    test.add_argument("--logdir", default="build")
    test.add_argument("--quiet", action="store_true", help="print only failures and totals")
    test.add_argument("--verbose", action="store_true",
                      help="also echo every line of output (the serial console) as it arrives")
    test.add_argument("--selection", metavar="T",
                      help="the test selection in force: a run of no test then fails")
    test.add_argument("specs", nargs="+", metavar="SPEC", help="ARCH:IMAGE or host:PATH")
    lst = sub.add_parser("list", parents=[common], help="name the tests SPECs hold")
    lst.add_argument("--timeout", type=float, default=120, help="seconds per SPEC")
    lst.add_argument("--logdir", default="build")
    lst.add_argument("specs", nargs="+", metavar="SPEC", help="ARCH:IMAGE or host:PATH")
    lst.set_defaults(quiet=True, verbose=False)
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
        if args.command == "list":
            return cmd_list(args, specs)
        return cmd_test(args, specs)
    except KeyboardInterrupt:  # QEMU is already killed by run_process
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
