#!/usr/bin/env python3
"""Draw a running process's VMAs and page-table mappings as an SVG.

    tools/vmfigure.py [--out FILE.svg] [--keep DIR]     (make vmfigure)
    tools/vmfigure.py --from DIR [--out FILE.svg]

Boots Pagoda (`make run`) with docs/demos/vmfigure.c as RUN, a QEMU monitor
on a Unix socket.  The program maps and touches memory, prints its VMAs
(`vma START END RIGHTS RESIDENT NAME` lines, from mapinfo) and spins; while
its page table is the one in CR3, this tool asks the monitor for `info
tlb`, QEMU's walk of that table: every present leaf translation, virtual
page to frame, with its bits.  The figure puts the two side by side: one
row per VMA, one cell per page, coloured by what the MMU finds there, and
the page tables (one per 2 MiB) that hold those entries.  Nothing is
simulated: both halves are read from the running system.

--keep DIR saves the two raw texts (vmas.txt, tlb.txt); --from DIR draws
from saved texts without booting (the tests use it).
"""

import argparse
import collections
import html
import os
import re
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VMA_RE = re.compile(r"^vma ([0-9a-f]+) ([0-9a-f]+) ([r-][w-][x-]) (\d+) ?(.*)$")
# QEMU's x86 `info tlb`: "va: pa flags", flags from NX G PSE D A PCD PWT U W.
TLB_RE = re.compile(r"^([0-9a-f]{16}): ([0-9a-f]{16}) ([-XGPDACTUW]{9})$")
PAGE = 4096
MAX_CELLS = 64  # pages drawn per VMA row; longer VMAs show their ends
CELL, GAP = 11, 2


def capture(seconds=6, timeout=180):
    """Boot, wait for the program, ask the monitor; (vma lines, tlb lines)."""
    sock = os.path.join(ROOT, "build", "vmfigure.sock")
    os.makedirs(os.path.dirname(sock), exist_ok=True)
    if os.path.exists(sock):
        os.unlink(sock)
    cmd = ["make", "run", "EXTRA=docs/demos/vmfigure.c", f"RUN=vmfigure {seconds}",
           f"QEMU_ARGS=-monitor unix:{sock},server=on,wait=off"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines, deadline = [], time.monotonic() + timeout
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\r\n"))
            if "vmfigure: ready" in line:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("vmfigure: the program did not start in time")
        else:
            raise RuntimeError("vmfigure: the boot ended before the program was ready:\n"
                               + "\n".join(lines[-15:]))
        tlb = monitor(sock, "info tlb")
        monitor(sock, "quit", reply=False)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return [ln for ln in lines if ln.startswith("vma ")], tlb


def monitor(path, command, reply=True):
    """One command to a QEMU human monitor; its reply's lines."""
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(path)

    def read_to_prompt():
        data = b""
        while not data.endswith(b"(qemu) "):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.decode("utf-8", "replace")

    read_to_prompt()  # the banner
    s.sendall(command.encode() + b"\n")
    out = read_to_prompt() if reply else ""
    s.close()
    return [ln.strip() for ln in out.replace("\r", "").split("\n")]


def parse(vma_lines, tlb_lines):
    vmas = []
    for ln in vma_lines:
        m = VMA_RE.match(ln)
        if m:
            vmas.append({"start": int(m.group(1), 16), "end": int(m.group(2), 16),
                         "rights": m.group(3), "resident": int(m.group(4)),
                         "name": m.group(5).strip()})
    ptes = {}
    for ln in tlb_lines:
        m = TLB_RE.match(ln)
        if m and int(m.group(1), 16) < 1 << 47:  # the user half
            ptes[int(m.group(1), 16)] = (int(m.group(2), 16) >> 12, m.group(3))
    if not vmas:
        raise RuntimeError("vmfigure: no `vma` lines in the program's output")
    return vmas, ptes


def indexes(va):
    return [(va >> s) & 511 for s in (39, 30, 21, 12)]


def cell_kind(va, ptes, shared):
    if va not in ptes:
        return "none"
    pfn, flags = ptes[va]
    if pfn in shared:
        return "shared"
    return "write" if flags.endswith("W") else "read"


COLOURS = {"none": "#ffffff", "write": "#5fb760", "read": "#6f9fd8", "shared": "#b8b8b8"}
LABELS = {"none": "no translation (not present)", "write": "present, writable",
          "read": "present, read-only", "shared": "one frame mapped at several addresses "
          "(read-only: the zero page)"}


def render(vmas, ptes, title):
    """The SVG text."""
    frames = collections.Counter(pfn for pfn, _ in ptes.values())
    shared = {pfn for pfn, n in frames.items() if n > 1}
    left, top, row_h = 10, 70, 50
    width = max(left + MAX_CELLS * (CELL + GAP) + 20, 700)
    height = top + row_h * len(vmas) + 130
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="monospace" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="#fcfcf8"/>',
           f'<text x="10" y="20" font-size="14">{html.escape(title)}</text>',
           '<text x="10" y="38">one row per VMA (mapinfo), one cell per 4 KiB page; '
           'colour: what the MMU finds (QEMU info tlb)</text>',
           '<text x="10" y="54">under each row: the page tables (2 MiB each) holding its '
           'present entries, as pgd.pud.pmd indexes</text>']
    tables = set()
    for r, v in enumerate(vmas):
        y = top + r * row_h
        pages = (v["end"] - v["start"]) // PAGE
        label = (f'{v["start"]:012x}-{v["end"]:012x} {v["rights"]} {pages:5d} pages '
                 f'{v["name"] or "[anon]"}')
        out.append(f'<text x="10" y="{y + 10}">{html.escape(label)}</text>')
        cy = y + 16
        shown = list(range(pages)) if pages <= MAX_CELLS else \
            list(range(MAX_CELLS - 8)) + [None] + list(range(pages - 7, pages))
        row_tables = []
        for c, i in enumerate(shown):
            x = left + c * (CELL + GAP)
            if i is None:
                out.append(f'<text x="{x + 1}" y="{cy + 9}">…</text>')
                continue
            va = v["start"] + i * PAGE
            kind = cell_kind(va, ptes, shared)
            out.append(f'<rect x="{x}" y="{cy}" width="{CELL}" height="{CELL}" '
                       f'fill="{COLOURS[kind]}" stroke="#666" stroke-width="0.5">'
                       f'<title>{va:#x}: {kind}'
                       + (f', frame {ptes[va][0]:#x}, {ptes[va][1]}' if va in ptes else "")
                       + '</title></rect>')
        for va in range(v["start"], v["end"], PAGE):
            if va in ptes:
                t = tuple(indexes(va)[:3])
                if t not in row_tables:
                    row_tables.append(t)
        tables.update(row_tables)
        pt_text = ", ".join(".".join(str(i) for i in t) for t in row_tables) or "none"
        present = sum(1 for va in range(v["start"], v["end"], PAGE) if va in ptes)
        out.append(f'<text x="{left}" y="{cy + 23}" fill="#555">page tables {pt_text}; '
                   f'{present} present, mapinfo says {v["resident"]} resident</text>')
    y = top + row_h * len(vmas) + 10
    for k, kind in enumerate(("write", "read", "shared", "none")):
        out.append(f'<rect x="10" y="{y + k * 18}" width="{CELL}" height="{CELL}" '
                   f'fill="{COLOURS[kind]}" stroke="#666" stroke-width="0.5"/>')
        out.append(f'<text x="28" y="{y + k * 18 + 10}">{html.escape(LABELS[kind])}</text>')
    uppers = {t[:2] for t in tables}
    out.append(f'<text x="10" y="{y + 4 * 18 + 14}">{len(ptes)} present user pages in '
               f'{len(tables)} page tables, under {len(uppers)} page directories '
               f'and {len({t[:1] for t in tables})} PDPTs</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "vmfigure.svg"))
    ap.add_argument("--keep")
    ap.add_argument("--from", dest="src")
    args = ap.parse_args(argv)
    try:
        if args.src:
            with open(os.path.join(args.src, "vmas.txt")) as f:
                vma_lines = f.read().splitlines()
            with open(os.path.join(args.src, "tlb.txt")) as f:
                tlb_lines = f.read().splitlines()
        else:
            vma_lines, tlb_lines = capture()
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            with open(os.path.join(args.keep, "vmas.txt"), "w") as f:
                f.write("\n".join(vma_lines) + "\n")
            with open(os.path.join(args.keep, "tlb.txt"), "w") as f:
                f.write("\n".join(tlb_lines) + "\n")
        vmas, ptes = parse(vma_lines, tlb_lines)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"vmfigure.py: {e}", file=sys.stderr)
        return 1
    svg = render(vmas, ptes, "docs/demos/vmfigure.c on Pagoda (x86_64): VMAs and "
                 "page-table mappings of a running process")
    with open(args.out, "w") as f:
        f.write(svg)
    print(f"vmfigure.py: {args.out}: {len(vmas)} VMAs, {len(ptes)} present pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
