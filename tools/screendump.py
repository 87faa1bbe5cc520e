#!/usr/bin/env python3
"""Pixels of the guest's screen, for tests that draw on it (/dev/fb0).

A guest test asks by printing a KTAP comment line on the serial console:

    # screendump? X,Y X,Y ...

and then reads one line from the console: the runner (tools/run.py) takes
a screendump through QEMU's monitor and answers with the colour of each
point, as six hex digits RRGGBB:

    screendump 102030 ffffff ...

or, when it cannot (no monitor, no display device, a point off screen),

    screendump none REASON

so the test can report itself skipped, with the reason.  The guest checks
the colours itself and prints its own result; the runner only looks.

The monitor is QEMU's human monitor on a Unix socket (-monitor
unix:PATH,server=on,wait=off); `screendump FILE` writes the screen as a
binary PPM (P6), read here with no library.
"""

import os
import re
import socket
import tempfile
import time

REQUEST_RE = re.compile(r"^\s*# screendump\?((?:\s+\d+,\d+)+)\s*$")
PROMPT = b"(qemu) "


class MonitorError(Exception):
    pass


def _read_until_prompt(sock, deadline):
    data = b""
    while not data.endswith(PROMPT):
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            raise MonitorError("the monitor did not answer") from None
        if not chunk:
            raise MonitorError("the monitor closed the connection")
        data += chunk
    return data


def monitor_command(path, command, timeout=10.0):
    """Run one human-monitor command on the socket at path; its output."""
    deadline = time.monotonic() + timeout
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(path)
        except OSError as e:
            raise MonitorError(f"monitor {path}: {e.strerror}") from None
        _read_until_prompt(sock, deadline)  # the banner
        sock.sendall(command.encode() + b"\n")
        return _read_until_prompt(sock, deadline).decode("utf-8", "replace")


def read_ppm(path):
    """(width, height, rgb bytes) of a binary PPM with maxval 255."""
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise MonitorError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + 3 * width * height]
    if len(pixels) != 3 * width * height:
        raise MonitorError(f"{path}: short pixel data")
    return width, height, pixels


def answer(line, monitor_path):
    """The reply to a request line, or None if the line is no request."""
    m = REQUEST_RE.match(line)
    if not m:
        return None
    points = [tuple(map(int, p.split(","))) for p in m.group(1).split()]
    if not monitor_path:
        return "screendump none no QEMU monitor in this run\n"
    fd, ppm = tempfile.mkstemp(suffix=".ppm")
    os.close(fd)
    try:
        out = monitor_command(monitor_path, f"screendump {ppm}")
        if os.path.getsize(ppm) == 0:
            reason = out.splitlines()[-2] if "\n" in out else "no screen"
            return f"screendump none {reason.strip() or 'no screen'}\n"
        width, height, pixels = read_ppm(ppm)
    except (MonitorError, OSError, ValueError) as e:
        return f"screendump none {e}\n"
    finally:
        os.unlink(ppm)
    colours = []
    for x, y in points:
        if x >= width or y >= height:
            return f"screendump none point {x},{y} is off the {width}x{height} screen\n"
        i = 3 * (y * width + x)
        colours.append(pixels[i:i + 3].hex())
    return "screendump " + " ".join(colours) + "\n"
