"""Unit tests for tools/bench.py, which reads vmbench's `metric value unit`
lines out of a run's output and prints them as a table.  No QEMU: the
end-to-end tests run a stand-in vmbench written in Python on the host.

Run from the repository root with either of
    python3 -m unittest discover -s tests/tools -t .
    python3 tests/tools/test_bench.py
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")
sys.path.insert(0, os.path.abspath(TOOLS))
import bench  # noqa: E402
import run  # noqa: E402

BENCH_PY = os.path.join(os.path.abspath(TOOLS), "bench.py")
X86 = run.ARCHES["x86_64"]

# What the serial console shows: the kernel's boot log, vmbench, the marker.
BOOT_OUTPUT = textwrap.dedent("""\
    Pagoda, a teaching kernel
    Command line: "run=vmbench -b"
    Memory: 256336 KiB managed, 256332 KiB free, 5680 KiB reserved
    mem_map 3582 KiB
    # vmbench: pages=4096 fork_mib=64 vmas=10000 runs=5 clock=rdtsc
    boot_to_main 228638455 ticks
    anon_fault 4960 ticks/page
    fork_64m 3641950 ticks
    find_vma_10000 7568 ticks/fault
    EXIT: STATUS=0
    """)


class ParseLineTest(unittest.TestCase):
    def test_metric(self):
        self.assertEqual(bench.parse_line("anon_fault 4960 ticks/page"),
                         bench.Metric("anon_fault", 4960, "ticks/page"))

    def test_surrounding_space_and_cr(self):
        self.assertEqual(bench.parse_line("  fork_64m 12 ticks\r\n"),
                         bench.Metric("fork_64m", 12, "ticks"))

    def test_ns_unit_and_negative_value(self):
        self.assertEqual(bench.parse_line("zero_fault -3 ns/page"),
                         bench.Metric("zero_fault", -3, "ns/page"))

    def test_not_metrics(self):
        for text in ("", "EXIT: STATUS=0", "anon_fault 12", "anon_fault 1.5 ticks",
                     "anon_fault 12 ticks extra", "anon fault 12 ticks",
                     "[    0.1] page 4 KiB", "# vmbench: runs=5", "12 anon ticks",
                     "anon_fault  12 ticks", "anon_fault 0x10 ticks"):
            with self.subTest(text=text):
                self.assertIsNone(bench.parse_line(text))


class ParseHeaderTest(unittest.TestCase):
    def test_settings(self):
        self.assertEqual(bench.parse_header("# vmbench: pages=16 runs=3 clock=rdtsc"),
                         {"pages": "16", "runs": "3", "clock": "rdtsc"})

    def test_words_without_value_ignored(self):
        self.assertEqual(bench.parse_header("# vmbench: hello runs=3"), {"runs": "3"})

    def test_empty(self):
        self.assertEqual(bench.parse_header("# vmbench:"), {})

    def test_not_header(self):
        for text in ("vmbench: pages=1", "# other: a=b", "anon_fault 1 ticks"):
            with self.subTest(text=text):
                self.assertIsNone(bench.parse_header(text))


class CaptureTest(unittest.TestCase):
    def test_boot_output(self):
        c = bench.capture_text(BOOT_OUTPUT)
        self.assertEqual([m.name for m in c.metrics],
                         ["boot_to_main", "anon_fault", "fork_64m", "find_vma_10000"])
        self.assertEqual(c.metrics[1].value, 4960)
        self.assertEqual(c.settings["pages"], "4096")
        self.assertEqual(c.status, 0)
        self.assertIsNone(c.panic)

    def test_nothing_counts_before_the_header(self):
        # "mem_map 3582 KiB" has a metric's shape but is the kernel's.
        c = bench.capture_text(BOOT_OUTPUT)
        self.assertNotIn("mem_map", [m.name for m in c.metrics])
        c = bench.capture_text("anon_fault 1 ticks/page\n")
        self.assertEqual(c.metrics, [])
        self.assertIsNone(c.settings)

    def test_times(self):
        c = bench.Capture()
        for i, text in enumerate(BOOT_OUTPUT.splitlines()):
            c.feed(text, elapsed=float(i))
        self.assertEqual(c.first_time, 0.0)
        self.assertEqual(c.header_time, 4.0)

    def test_panic_and_status(self):
        c = bench.capture_text("# vmbench: runs=1\n"
                               "PANIC: page fault in kernel mode\n"
                               "EXIT: STATUS=3\n")
        self.assertEqual(c.panic, "page fault in kernel mode")
        self.assertEqual(c.status, 3)

    def test_tail_is_bounded(self):
        c = bench.capture_text("\n".join(f"line {i}" for i in range(100)))
        self.assertEqual(len(c.tail), bench.TAIL_LINES)
        self.assertEqual(c.tail[-1], "line 99")


class ModeTextTest(unittest.TestCase):
    def test_tcg_icount(self):
        self.assertEqual(bench.mode_text("boot", "tcg", True),
                         "TCG, -icount shift=0: ticks are guest instructions")

    def test_kvm(self):
        self.assertEqual(bench.mode_text("boot", "kvm", False), "ACCEL=kvm: real cycles")

    def test_tcg_without_icount(self):
        self.assertIn("host TSC", bench.mode_text("boot", "tcg", False))

    def test_host(self):
        text = bench.mode_text("host")
        self.assertIn("not comparable", text)

    def test_ns_units_said(self):
        self.assertIn("nanoseconds", bench.mode_text("boot", "tcg", True,
                                                     units=["ns/page", "ns"]))
        self.assertNotIn("nanoseconds", bench.mode_text("boot", "tcg", True,
                                                        units=["ticks/page"]))


class FormatTableTest(unittest.TestCase):
    def setUp(self):
        self.capture = bench.Capture()
        for i, text in enumerate(BOOT_OUTPUT.splitlines()):
            self.capture.feed(text, elapsed=1.5 * i)
        self.mode = bench.mode_text("boot", "tcg", True)
        self.lines = bench.format_table(self.capture, self.mode).splitlines()

    def test_title_and_settings(self):
        self.assertEqual(self.lines[0], "vmbench: " + self.mode)
        self.assertEqual(self.lines[1],
                         "  pages=4096 fork_mib=64 vmas=10000 runs=5 clock=rdtsc")

    def test_rows_aligned(self):
        rows = self.lines[2:7]
        self.assertEqual(rows[0].split(), ["metric", "value", "unit"])
        self.assertEqual([r.split() for r in rows[1:]],
                         [["boot_to_main", "228638455", "ticks"],
                          ["anon_fault", "4960", "ticks/page"],
                          ["fork_64m", "3641950", "ticks"],
                          ["find_vma_10000", "7568", "ticks/fault"]])
        # Names left-aligned, values right-aligned, units left-aligned.
        value_ends = {r.index(r.split()[1]) + len(r.split()[1]) for r in rows}
        unit_starts = {r.rindex(" ") + 1 for r in rows}
        self.assertEqual(len(value_ends), 1)
        self.assertEqual(len(unit_starts), 1)

    def test_host_time_line(self):
        self.assertIn("  host time: 0.00 s to the first line (the kernel's), "
                      "6.00 s more to vmbench's", self.lines)

    def test_boot_to_main_note(self):
        self.assertTrue(any("boot_to_main counts from power-on" in line
                            for line in self.lines))

    def test_without_times_or_metrics(self):
        c = bench.capture_text("# vmbench: runs=1\n")
        self.assertEqual(bench.format_table(c, "mode").splitlines(),
                         ["vmbench: mode", "  runs=1"])


class FindProblemTest(unittest.TestCase):
    def problem(self, text, exit_code, guest=X86, **kw):
        return bench.find_problem(bench.capture_text(text), exit_code, guest, **kw)

    def test_clean_guest(self):
        # STATUS=0 powers the machine off (QEMU exits 0); isa-debug-exit
        # would make it 1.
        self.assertIsNone(self.problem(BOOT_OUTPUT, 0))
        self.assertIsNone(self.problem(BOOT_OUTPUT, 1))

    def test_vmbench_failed(self):
        text = "# vmbench: runs=1\nvmbench: mmap: Out of memory\nEXIT: STATUS=1\n"
        self.assertEqual(self.problem(text, 3), "vmbench exited with status 1")

    def test_no_marker(self):
        self.assertIn("no 'EXIT: STATUS' line",
                      self.problem(BOOT_OUTPUT.replace("EXIT: STATUS=0\n", ""), 0))

    def test_strange_qemu_status(self):
        self.assertIn("QEMU exit status 7", self.problem(BOOT_OUTPUT, 7))

    def test_panic(self):
        self.assertEqual(self.problem(BOOT_OUTPUT + "PANIC: oops\n", 1),
                         "kernel panic: oops")

    def test_timeout(self):
        self.assertEqual(self.problem("", -9, timed_out=True, timeout=5),
                         "timed out after 5 s")

    def test_killed(self):
        self.assertEqual(self.problem("", -9), "QEMU was killed by signal 9")

    def test_vmbench_never_started(self):
        self.assertIn("did not start",
                      self.problem("sh: vmbench: not found\nEXIT: STATUS=0\n", 0))

    def test_no_figures(self):
        self.assertEqual(self.problem("# vmbench: runs=1\nEXIT: STATUS=0\n", 0),
                         "vmbench printed no figures")

    def test_host(self):
        text = "# vmbench: runs=1\nanon_fault 5 ticks/page\n"
        self.assertIsNone(self.problem(text, 0, guest=None))
        self.assertEqual(self.problem(text, 2, guest=None),
                         "vmbench exited with status 2")
        self.assertEqual(self.problem(text, -11, guest=None),
                         "vmbench was killed by signal 11")


class BootCommandTest(unittest.TestCase):
    def args(self, *argv):
        return bench.build_parser().parse_args(["boot", "--image", "x.iso", *argv])

    def test_tcg_counts_instructions(self):
        argv, icount = bench.boot_command(self.args())
        self.assertTrue(icount)
        self.assertEqual(argv[argv.index("-icount") + 1], "shift=0")
        self.assertEqual(argv[argv.index("-accel") + 1], "tcg")

    def test_kvm_has_no_icount(self):
        argv, icount = bench.boot_command(self.args("--accel", "kvm"))
        self.assertFalse(icount)
        self.assertNotIn("-icount", argv)
        self.assertEqual(argv[argv.index("-accel") + 1], "kvm")

    def test_no_icount(self):
        argv, icount = bench.boot_command(self.args("--no-icount", "--mem", "128"))
        self.assertFalse(icount)
        self.assertNotIn("-icount", argv)
        self.assertEqual(argv[argv.index("-m") + 1], "128")

    def test_missing_image(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run(
                [sys.executable, BENCH_PY, "boot", "--image", os.path.join(tmp, "no.iso"),
                 "--log", os.path.join(tmp, "bench.log")],
                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no.iso: no such file", result.stdout)


class HostRunTest(unittest.TestCase):
    """bench.py host, with a stand-in vmbench written in Python."""

    def run_host(self, script, *extra):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "bench.txt")
            result = subprocess.run(
                [sys.executable, BENCH_PY, "host", "--log", os.path.join(tmp, "bench.log"),
                 "--out", out, *extra, sys.executable, "-c", script],
                capture_output=True, text=True, timeout=30)
            saved = None
            if os.path.exists(out):
                with open(out) as f:
                    saved = f.read()
        return result, saved

    def test_table_and_saved_lines(self):
        script = ("print('# vmbench: pages=8 runs=1 clock=rdtsc')\n"
                  "print('anon_fault 4960 ticks/page')\n"
                  "print('fork_1m 191639 ticks')\n")
        result, saved = self.run_host(script)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "vmbench: " + bench.mode_text("host"))
        self.assertIn("  pages=8 runs=1 clock=rdtsc", lines)
        self.assertEqual(lines[-1].split(), ["fork_1m", "191639", "ticks"])
        self.assertFalse(any("host time" in line for line in lines))
        self.assertEqual(saved, "anon_fault 4960 ticks/page\nfork_1m 191639 ticks\n")

    def test_failure_shows_the_tail(self):
        script = ("import sys\n"
                  "print('# vmbench: runs=1', flush=True)\n"
                  "print('vmbench: mmap: Cannot allocate memory', file=sys.stderr)\n"
                  "sys.exit(1)\n")
        result, saved = self.run_host(script)
        self.assertEqual(result.returncode, 1)
        self.assertIn("bench: vmbench exited with status 1", result.stdout)
        self.assertIn("    | vmbench: mmap: Cannot allocate memory", result.stdout)
        self.assertIsNone(saved)

    def test_hang_is_cut_short(self):
        result, _ = self.run_host("import time\ntime.sleep(60)\n", "--timeout", "0.5")
        self.assertEqual(result.returncode, 1)
        self.assertIn("timed out after 0.5 s", result.stdout)


class LogTest(unittest.TestCase):
    """bench.py log: a console log saved earlier."""

    def run_log(self, text, *extra):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "linux.log")
            with open(path, "w") as f:
                f.write(text)
            return subprocess.run([sys.executable, BENCH_PY, "log", path, *extra],
                                  capture_output=True, text=True, timeout=30)

    def test_table(self):
        result = self.run_log("[    0.52] Run /init as init process\r\n"
                              + BOOT_OUTPUT.replace("\n", "\r\n"))
        self.assertEqual(result.returncode, 0, result.stdout)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "vmbench: " + bench.mode_text("boot", "tcg", True))
        self.assertIn(["anon_fault", "4960", "ticks/page"], [r.split() for r in lines])

    def test_kvm_heading(self):
        result = self.run_log(BOOT_OUTPUT, "--accel", "kvm")
        self.assertEqual(result.stdout.splitlines()[0], "vmbench: ACCEL=kvm: real cycles")

    def test_no_figures(self):
        result = self.run_log("Kernel panic - not syncing: No working init found.\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("vmbench did not start", result.stdout)


if __name__ == "__main__":
    unittest.main()
