#!/usr/bin/env python3
"""Boot Pagoda on a PC with UEFI firmware, a screen and a keyboard, and use it.

    tests/pc/screen_test.py [IMAGE]    (default build/x86_64/pagoda-screen.iso)

QEMU boots IMAGE (a kernel with no test parameters: it starts the shell)
under OVMF, with the bochs-display every test boot has.  The test reads the
screen as a person would -- QEMU's monitor command `screendump` writes it as
a PPM picture, and each 8 x 16 cell is matched against the kernel's own font
(kernel/drivers/font_5x8.c) -- and types with the monitor's `sendkey`, which
presses keys on the emulated PS/2 keyboard.  The serial port is kept, to
check that the screen shows the same text.  Last, `poweroff` must switch
the machine off through ACPI (QEMU exits with status 0).

Prints KTAP (one suite, screen); the exit status is 0 only if all passed.
`make test` runs it as the spec host:tests/pc/screen_test.py.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import run  # noqa: E402  (the runner knows how to boot a PC under OVMF)

FONT_FILE = os.path.join(ROOT, "kernel", "drivers", "font_5x8.c")
CELL_W, CELL_H = 8, 16
WAIT = 30  # seconds any one step may take

# sendkey names of the characters typed here (letters and digits are themselves).
KEY_NAMES = {" ": "spc", "\n": "ret", "-": "minus", ".": "dot", "/": "slash", ",": "comma",
             "|": "shift-backslash", ">": "shift-dot", "'": "apostrophe",
             "=": "equal", ";": "semicolon", "_": "shift-minus"}


# ---------------------------------------------------------------- the screen

def load_font():
    """Glyph pictures by character: the last is for bytes outside ASCII."""
    rows = re.findall(r'"([.#]{5})"', open(FONT_FILE).read())
    glyphs = [tuple(rows[i:i + 8]) for i in range(0, len(rows), 8)]
    chars = [chr(c) for c in range(0x20, 0x7f)] + ["\ufffd"]
    if len(glyphs) != len(chars):
        raise SystemExit(f"{FONT_FILE}: {len(glyphs)} glyphs, expected {len(chars)}")
    return dict(zip(chars, glyphs))


def signatures(font):
    """Picture -> character, whole and without the 8th row (which the cursor,
    an underline, covers).  The first character with a picture wins, so a
    cursor on a space reads as a space, not '_'."""
    whole, top = {}, {}
    for ch, glyph in font.items():
        if glyph in whole:
            raise SystemExit(f"font: {ch!r} looks like {whole[glyph]!r}")
        whole[glyph] = ch
        top.setdefault(glyph[:7], ch)
    return whole, top


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not fields:
        raise ValueError(f"{path}: not a binary PPM")
    w, h = int(fields.group(1)), int(fields.group(2))
    return w, h, data[fields.end():fields.end() + w * h * 3]


def screen_text(path, sigs):
    """The screen as lines of text, trailing blanks removed, the cursor
    position (column, row) or None, and the width in pixels."""
    whole, top = sigs
    w, h, px = read_ppm(path)

    def ink(x, y):
        i = (y * w + x) * 3
        return px[i:i + 3] != b"\0\0\0"

    lines, cursor = [], None
    for row in range(h // CELL_H):
        y0 = row * CELL_H
        line = []
        for col in range(w // CELL_W):
            x0 = col * CELL_W
            glyph = tuple("".join("#" if ink(x0 + 1 + gx, y0 + 2 * gy) else "."
                                  for gx in range(5)) for gy in range(8))
            if ink(x0, y0 + CELL_H - 1):  # the underline cursor
                cursor = (col, row)
                line.append(top.get(glyph[:7], "?"))
            else:
                line.append(whole.get(glyph, "?"))
        lines.append("".join(line).rstrip())
    return lines, cursor, w


# ---------------------------------------------------------------- the machine

class Machine:
    def __init__(self, image, workdir):
        arch = run.ARCHES["x86_64-uefi"]
        self.monitor_path = os.path.join(workdir, "monitor.sock")
        self.shot = os.path.join(workdir, "screen.ppm")
        argv = run.qemu_command(arch, image, 256, "tcg", icount=False, interactive=False)
        argv += ["-monitor", f"unix:{self.monitor_path},server,nowait"]
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.serial = bytearray()
        threading.Thread(target=self._read_serial, daemon=True).start()
        self.monitor = None

    def _read_serial(self):
        for chunk in iter(lambda: self.proc.stdout.read1(4096), b""):
            self.serial += chunk

    def serial_text(self):
        return self.serial.decode("latin-1").replace("\r\n", "\n")

    def connect(self):
        deadline = time.monotonic() + WAIT
        while self.monitor is None:
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(self.monitor_path)
                self.monitor = s
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.1)
        self._until_prompt()

    def _until_prompt(self):
        buf = b""
        self.monitor.settimeout(WAIT)
        while not buf.endswith(b"(qemu) "):
            data = self.monitor.recv(4096)
            if not data:
                raise ConnectionError("QEMU closed its monitor")
            buf += data
        return buf

    def command(self, text):
        self.monitor.sendall(text.encode() + b"\n")
        return self._until_prompt()

    def keys(self, *names):
        for name in names:
            self.command(f"sendkey {name} 20")
            time.sleep(0.03)

    def type(self, text):
        self.keys(*(KEY_NAMES.get(c) or (f"shift-{c.lower()}" if c.isupper() else c)
                    for c in text))

    def screen(self, sigs):
        if os.path.exists(self.shot):
            os.unlink(self.shot)
        self.command(f"screendump {self.shot}")
        lines, cursor, self.screen_width = screen_text(self.shot, sigs)
        return lines, cursor

    def wait_serial(self, text, since=0):
        deadline = time.monotonic() + WAIT
        while text not in self.serial_text()[since:]:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                return False
            time.sleep(0.05)
        return True

    def wait_screen(self, sigs, check):
        """Screenshots until check(lines, cursor) holds; the last lines."""
        deadline = time.monotonic() + WAIT
        while True:
            lines, cursor = self.screen(sigs)
            if check(lines, cursor) or time.monotonic() > deadline:
                return lines, cursor
            time.sleep(0.2)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 9)
        self.proc.wait()


# ---------------------------------------------------------------- the cases

def shown(lines):
    return [line for line in lines if line]


def tail_is(*want):
    return lambda lines, cursor: shown(lines)[-len(want):] == list(want)


class Cases:
    def __init__(self, m, sigs):
        self.m, self.sigs = m, sigs

    def run_line(self, text, *expect):
        """Type a command line and wait until the screen ends with the
        lines expected and a new prompt; the diagnostics if not."""
        mark = len(self.m.serial_text())
        self.m.type(text + "\n")
        self.m.wait_serial("$ ", since=mark + 1)
        lines, _ = self.m.wait_screen(self.sigs, tail_is(*expect, "$"))
        got = shown(lines)[-len(expect) - 1:]
        if got == [*expect, "$"]:
            return []
        return [f"typed {text!r}", f"screen ends {got!r}",
                f"expected {[*expect, '$']!r}"]

    def prompt_on_screen(self):
        if not self.m.wait_serial("\n$ "):
            return ["no shell prompt on the serial port"]
        # A screenshot may catch the console between drawing the text and
        # the cursor: wait for both.
        lines, cursor = self.m.wait_screen(
            self.sigs, lambda lines, cursor: tail_is("$")(lines, cursor) and cursor)
        if shown(lines)[-1:] != ["$"] or cursor != (2, len(shown(lines)) - 1):
            return [f"screen ends {shown(lines)[-3:]!r}, cursor at {cursor}"]
        return []

    def same_text_as_serial(self):
        lines, _ = self.m.screen(self.sigs)
        screen = shown(lines)
        cols = self.m.screen_width // CELL_W
        serial = []
        for line in self.m.serial_text().split("\n"):
            # The screen wraps a line at its last column.
            serial += [line[i:i + cols].rstrip() for i in range(0, len(line), cols)]
        serial = [line for line in serial if line]
        # The firmware and GRUB print to the serial port before the kernel,
        # and the boot log before /dev/fb0 changed the mode was laid out for
        # a wider screen: the last lines must agree.
        n = min(len(screen), 6)
        if not n:
            return ["the screen shows nothing"]
        if screen[-n:] != serial[-n:]:
            diff = next(i for i in range(n) if screen[-n + i] != serial[-n + i])
            return [f"screen: {screen[-n + diff]!r}", f"serial: {serial[-n + diff]!r}"]
        return []

    def typing_runs_commands(self):
        return self.run_line("echo Hello, screen", "$ echo Hello, screen", "Hello, screen")

    def unknown_keys_type_nothing(self):
        # F1, F12, Scroll Lock, Print Screen, the menu key, Alt, Insert:
        # none of them may put anything in the line.
        self.m.keys("f1", "f12", "scroll_lock", "print", "menu", "alt", "insert",
                    "alt-f4", "ctrl-f1")
        return self.run_line("echo keys", "$ echo keys", "keys")

    def ctrl_u_and_ctrl_w(self):
        self.m.type("echo wrong")
        self.m.keys("ctrl-u")
        problems = self.run_line("echo one two", "$ echo one two", "one two")
        self.m.type("echo x y")
        self.m.keys("ctrl-w")
        return problems + self.run_line("z", "$ echo x z", "x z")

    def arrows_recall_history(self):
        # Up twice: "echo one two"; down once: "echo x z"; left, right and
        # Home do nothing.  No key may leave "[A" or the like in the line.
        self.m.keys("up", "up", "down", "left", "right", "home")
        problems = self.run_line("", "$ echo x z", "x z")
        if "[A" in self.m.serial_text() or "[D" in self.m.serial_text():
            problems.append("an arrow key's sequence reached a command line")
        return problems

    def ctrl_c_interrupts_the_job(self):
        # cat reads the console until killed: ^C must end it, not the shell.
        mark = len(self.m.serial_text())
        self.m.type("cat\n")
        if not self.m.wait_serial("cat\n", since=mark):
            return ["cat did not start"]
        time.sleep(0.5)
        self.m.keys("ctrl-c")
        lines, _ = self.m.wait_screen(self.sigs, tail_is(
            "$ cat", "^C", "cat: killed by signal 2", "$"))
        got = shown(lines)[-4:]
        if got != ["$ cat", "^C", "cat: killed by signal 2", "$"]:
            return [f"screen ends {got!r}"]
        return self.run_line("echo alive", "$ echo alive", "alive")

    def clear_empties_the_screen(self):
        self.m.type("clear\n")
        lines, cursor = self.m.wait_screen(
            self.sigs, lambda lines, cursor: shown(lines) == ["$"])
        if shown(lines) != ["$"] or cursor != (2, 0):
            return [f"screen holds {shown(lines)[:3]!r}..., cursor at {cursor}"]
        return []

    def poweroff_through_acpi(self):
        self.m.type("poweroff\n")
        try:
            status = self.m.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            tail = self.m.serial_text().rstrip().split("\n")[-1]
            return [f"still running {WAIT} s after poweroff; serial ends {tail!r}"]
        if status != 0:
            return [f"QEMU exited with {status}, not 0 (an ACPI power-off)"]
        return []


CASES = ["prompt_on_screen", "same_text_as_serial", "typing_runs_commands",
         "unknown_keys_type_nothing", "ctrl_u_and_ctrl_w", "arrows_recall_history",
         "ctrl_c_interrupts_the_job", "clear_empties_the_screen", "poweroff_through_acpi"]


def main(argv):
    image = argv[1] if len(argv) > 1 else os.path.join(
        ROOT, "build", "x86_64", "pagoda-screen.iso")
    sigs = signatures(load_font())
    start = time.monotonic()
    failed = 0
    print("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: screen")
    print(f"    1..{len(CASES)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="pagoda-screen-") as workdir:
        m = Machine(image, workdir)
        try:
            m.connect()
            cases = Cases(m, sigs)
            broken = None
            for i, name in enumerate(CASES, 1):
                problems = [f"not run: {broken}"] if broken else []
                if not broken:
                    try:
                        problems = getattr(cases, name)()
                    except (OSError, ValueError) as e:
                        broken = f"{name}: {e}"
                        problems = [broken]
                for text in problems:
                    print(f"    # {name}: {text}")
                print(f"    {'not ok' if problems else 'ok'} {i} {name}", flush=True)
                failed += bool(problems)
        except OSError as e:
            print(f"    # cannot drive QEMU: {e}")
            failed += 1
        finally:
            m.stop()
            with open(os.path.join(os.path.dirname(image), "screen-test.log"), "wb") as log:
                log.write(m.serial)
    print(f"    # {time.monotonic() - start:.1f} s")
    print(f"{'not ok' if failed else 'ok'} 1 screen")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
