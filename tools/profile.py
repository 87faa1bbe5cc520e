#!/usr/bin/env python3
"""Where the instructions of one page fault go: make profile.

Boots Pagoda (x86_64) stopped for gdb, under -icount (the same boot every time), with vmbench running one benchmark
(PROFILE=anon_fault by default) as the whole of user space; gdb waits for
vmbench's HIT-th call of the kernel function AT (handle_mm_fault), which
is deep inside the benchmark's loop, then steps one turn of that loop with
pagoda-profile (tools/gdb/pagoda.py) and prints its instructions by
function.  Every instruction is stepped, so the count is exact and the
same on every host; the turn includes the user side of the loop, the
trap, the fault and the return.

    tools/profile.py --kernel build/x86_64/pagoda.elf --initrd build/x86_64/initrd.cpio
        [--bench anon_fault] [--at handle_mm_fault] [--hit 100] [--top 30]
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tools/run.py: QEMU's command line)

CATCH = """\
python
hits = 0
bp = gdb.Breakpoint("{at}")
while hits < {hit}:
    gdb.execute("continue")
    if gdb.parse_and_eval("$current()->comm").string() == "vmbench":
        hits += 1
bp.delete()
end
pagoda-profile {top}
kill
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_gdbinit(path, build, kernel, port):
    with open(os.path.join(ROOT, "tools", "gdb", "gdbinit.in")) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text.replace("@B@", build).replace("@ROOT@", ROOT)
                .replace("@KERNEL@", kernel).replace("@PORT@", str(port)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--bench", default="anon_fault", help="vmbench's benchmark to run")
    ap.add_argument("--at", default="handle_mm_fault", help="the kernel function to catch")
    ap.add_argument("--hit", type=int, default=100, help="catch vmbench's HIT-th call")
    ap.add_argument("--top", type=int, default=30, help="functions to list")
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args()
    kernel = os.path.abspath(args.kernel)
    build = os.path.dirname(kernel)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        iso = os.path.join(tmp, "profile.iso")
        subprocess.run([os.path.join(ROOT, "tools", "mkiso.sh"), iso, kernel,
                        f'run="vmbench -r 1 -n 256 {args.bench}"', args.initrd],
                       check=True, stdout=subprocess.DEVNULL)
        gdbinit = os.path.join(tmp, "gdbinit")
        write_gdbinit(gdbinit, build, kernel, port)
        script = os.path.join(tmp, "script")
        with open(script, "w") as f:
            f.write(CATCH.format(at=args.at, hit=args.hit, top=args.top))
        # -icount as make bench: the same boot every time, so the same page.
        argv = run.qemu_command(run.ARCHES["x86_64"], iso, 256, "tcg", True,
                                interactive=False, smp=1,
                                extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"])
        qemu = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            gdb = subprocess.run(["gdb", "-nx", "--batch", "-x", gdbinit, "-x", script],
                                 capture_output=True, text=True, timeout=args.timeout)
        finally:
            qemu.kill()
            qemu.wait()
    lines = gdb.stdout.splitlines()
    start = next((i for i, l in enumerate(lines) if " instructions from " in l), None)
    if start is None:
        print(gdb.stdout + gdb.stderr, file=sys.stderr)
        print("profile: gdb did not get to the profile", file=sys.stderr)
        return 1
    print(f"vmbench {args.bench}: one turn of its loop, caught at {args.at} "
          f"(call {args.hit}), one CPU")
    print("\n".join(lines[start:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
