"""Unit tests for tools/ktap.py (the KTAP parser) and tools/run.py (how a
run's output, EXIT marker and exit status become a verdict).

Run from the repository root with either of
    python3 -m unittest discover -s tests/tools -t .
    python3 tests/tools/test_ktap.py
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")
sys.path.insert(0, os.path.abspath(TOOLS))
import ktap  # noqa: E402
import run  # noqa: E402

RUN_PY = os.path.join(os.path.abspath(TOOLS), "run.py")


def ktap_text(text):
    # Literal KTAP below is indented for readability; the parser counts spaces.
    return textwrap.dedent(text).strip("\n")


PAGE_ALLOC = ktap_text("""
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: page_alloc
        1..4
        ok 1 alloc_order0
        # page_alloc_test.c:42: expected nr_free_pages() == before, got 100 != 101
        # leaked 1 page(s)
        not ok 2 split_coalesce
        ok 3 exhaustion # SKIP needs more than 16 MiB
        ok 4 refcount
    not ok 1 page_alloc
        KTAP version 1
        # Subtest: kmalloc
        1..2
        ok 1 small
        ok 2 large
    ok 2 kmalloc
    EXIT: STATUS=1
    """)


class ParserTest(unittest.TestCase):
    def test_all_pass(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: kmalloc
                1..2
                ok 1 small
                ok 2 large
            ok 1 kmalloc
            """))
        self.assertEqual(report.counts, ktap.Counts(passed=2))
        self.assertEqual([s.name for s in report.suites], ["kmalloc"])
        self.assertEqual(report.failures, [])
        self.assertEqual(report.errors, [])

    def test_failure_gets_its_own_diagnostics(self):
        report = ktap.parse(PAGE_ALLOC)
        self.assertEqual(report.counts, ktap.Counts(passed=4, failed=1, skipped=1))
        self.assertEqual(report.failures, [("page_alloc.split_coalesce", [
            "# page_alloc_test.c:42: expected nr_free_pages() == before, got 100 != 101",
            "# leaked 1 page(s)"])])
        self.assertEqual(report.errors, [])

    def test_skip_directive(self):
        # As KUnit: only "# SKIP" skips; TODO and other comments keep the
        # ok/not ok they come with.
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..4
            ok 1 a # SKIP no disk
            not ok 2 b # SKIP not ok, but skipped
            not ok 3 c # TODO not written yet
            ok 4 d # just a comment
            """))
        self.assertEqual(report.counts, ktap.Counts(passed=1, failed=1, skipped=2))

    def test_deeper_nesting_counts_only_leaves(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: user
                1..2
                    KTAP version 1
                    # Subtest: hello
                    1..2
                    ok 1 prints
                    not ok 2 exits
                not ok 1 hello
                ok 2 init_runs
            not ok 1 user
            """))
        self.assertEqual(report.counts, ktap.Counts(passed=2, failed=1))
        self.assertEqual([path for path, _ in report.failures], ["user.hello.exits"])

    def test_interleaved_log_lines_are_ignored(self):
        report = ktap.parse(ktap_text("""
            SeaBIOS booting
            ok 1 this is boot chatter, not a result
            KTAP version 1
            [    0.010] mm: 255 MiB free
            1..1
                KTAP version 1
            [    0.020] timer: 100 Hz
                # Subtest: sched
                1..1
            random text
                ok 1 yields
            ok 1 sched
            """))
        self.assertEqual(report.counts, ktap.Counts(passed=1))
        self.assertEqual(report.errors, [])

    def test_crlf_line_endings(self):
        report = ktap.parse("KTAP version 1\r\n1..1\r\nok 1 only\r\n")
        self.assertEqual(report.counts, ktap.Counts(passed=1))
        self.assertEqual(report.errors, [])

    def test_missing_plan(self):
        report = ktap.parse("KTAP version 1\nok 1 a\n")
        self.assertIn("no KTAP plan", report.errors)

    def test_no_ktap_at_all(self):
        report = ktap.parse("Booting...\nTriple fault\n")
        self.assertIn("no KTAP plan", report.errors)
        self.assertEqual(report.counts.total, 0)

    def test_truncated_by_panic(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..3
                KTAP version 1
                # Subtest: page_alloc
                1..4
                ok 1 alloc_order0
                ok 2 split_coalesce
            PANIC: page fault at 0x0
            rip=0x100042
            """))
        self.assertEqual(len(report.errors), 1)
        self.assertIn("page_alloc", report.errors[0])
        self.assertIn("2 of 4", report.errors[0])
        self.assertIn("split_coalesce", report.errors[0])
        # The cases that did report still count; the rest of the plan, two
        # cases and two suites, counts as crashed.
        self.assertEqual(report.counts, ktap.Counts(passed=2, failed=4, crashed=4))
        self.assertEqual(report.failures, [])
        self.assertEqual(report.completion, [
            "    not ok 3 # ERROR crashed",
            "    not ok 4 # ERROR crashed",
            "not ok 1 page_alloc # ERROR crashed",
            "not ok 2 # ERROR crashed",
            "not ok 3 # ERROR crashed"])

    def test_completed_log_is_whole_ktap(self):
        log = ktap_text("""
            KTAP version 1
            1..2
              KTAP version 1
              # Subtest: outer
              1..2
                KTAP version 1
                # Subtest: inner
                1..3
                ok 1 a
            PANIC: boom
            """)
        report = ktap.parse(log)
        self.assertEqual(report.counts, ktap.Counts(passed=1, failed=4, crashed=4))
        again = ktap.parse(log + "\n" + "\n".join(report.completion))
        self.assertEqual(again.errors, [])
        self.assertEqual(again.counts, ktap.Counts(passed=1, failed=4))

    def test_crash_between_cases_and_suite_result(self):
        report = ktap.parse("KTAP version 1\n1..1\n  # Subtest: s\n  1..1\n  ok 1 a\n")
        self.assertEqual(report.counts, ktap.Counts(passed=1))
        self.assertEqual(report.completion, ["not ok 1 s # ERROR crashed"])
        self.assertEqual(len(report.errors), 1)

    def test_two_space_indentation(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..1
              KTAP version 1
              # Subtest: suite
              1..2
                KTAP version 1
                # Subtest: param
                1..1
                not ok 1 p0
              not ok 1 param
              ok 2 plain
            not ok 1 suite
            """))
        self.assertEqual(report.errors, [])
        self.assertEqual(report.counts, ktap.Counts(passed=1, failed=1))
        self.assertEqual([p for p, _ in report.failures], ["suite.param.p0"])

    def test_result_numbers_are_checked(self):
        report = ktap.parse("KTAP version 1\n1..2\nok 1 a\nok 3 b\n")
        self.assertEqual(report.errors, ["top level: result number 3 where 2 was expected"])

    def test_fewer_top_level_results_than_planned(self):
        report = ktap.parse("KTAP version 1\n1..3\nok 1 a\nok 2 b\n")
        self.assertEqual(report.errors,
                         ["output stopped in top level after 2 of 3 results (last: b)"])

    def test_suite_closed_early_is_an_error(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: vfs
                1..3
                ok 1 open
            ok 1 vfs
            """))
        self.assertEqual(report.errors, ["vfs: planned 3 results, got 1"])

    def test_failed_suite_without_cases_counts_once(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: vfs
                # failed to initialize (-12)
            not ok 1 vfs
                KTAP version 1
                # Subtest: kmalloc
                1..1
                ok 1 small
            ok 2 kmalloc
            """))
        self.assertEqual(report.counts, ktap.Counts(passed=1, failed=1))
        self.assertEqual(report.failures, [("vfs", ["# failed to initialize (-12)"])])

    def test_suite_without_cases(self):
        report = ktap.parse(ktap_text("""
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: empty
                1..0
            ok 1 empty
                KTAP version 1
                # Subtest: smp
                1..0
            ok 2 smp # SKIP only one CPU
            """))
        self.assertEqual(report.counts, ktap.Counts(skipped=1))
        self.assertEqual(report.errors, [])

    def test_feed_returns_each_finished_suite(self):
        parser = ktap.KtapParser()
        finished = [parser.feed(line) for line in PAGE_ALLOC.splitlines()]
        names = [t.name for t in finished if t is not None]
        self.assertEqual(names, ["page_alloc", "kmalloc"])


def report_of(text):
    return ktap.parse(ktap_text(text))


PASSING = """
    KTAP version 1
    1..1
    ok 1 a
    """

X86 = run.ARCHES["x86_64"]


class JudgeTest(unittest.TestCase):
    """run.judge for x86_64, where STATUS=n makes QEMU exit with (n << 1) | 1."""

    def test_clean_pass(self):
        outcome = run.judge(report_of(PASSING), exit_code=1, arch=X86, status=0)
        self.assertTrue(outcome.ok)
        self.assertIsNone(outcome.problem)
        self.assertEqual(outcome.counts, ktap.Counts(passed=1))

    def test_failing_cases(self):
        outcome = run.judge(ktap.parse(PAGE_ALLOC), exit_code=3, arch=X86, status=1)
        self.assertFalse(outcome.ok)
        self.assertIsNone(outcome.problem)
        self.assertEqual(outcome.counts.failed, 1)

    def test_panic(self):
        for exit_code in (1, 3):
            outcome = run.judge(report_of(PASSING), exit_code=exit_code, arch=X86,
                                panic="page fault at 0x0")
            self.assertFalse(outcome.ok)
            self.assertEqual(outcome.problem, "kernel panic: page fault at 0x0")
            self.assertEqual(outcome.counts, ktap.Counts(passed=1, failed=1))

    def test_triple_fault(self):
        outcome = run.judge(report_of(PASSING), exit_code=0, arch=X86)
        self.assertFalse(outcome.ok)
        self.assertEqual(outcome.problem, "QEMU exited with 0 but no 'EXIT: STATUS' "
                                          "line (triple fault or crash?)")

    def test_qemu_error_without_marker(self):
        outcome = run.judge(ktap.parse(""), exit_code=1, arch=X86)
        self.assertFalse(outcome.ok)
        self.assertIn("no 'EXIT: STATUS' line", outcome.problem)
        self.assertEqual(outcome.counts.failed, 1)

    def test_timeout(self):
        outcome = run.judge(report_of(PASSING), exit_code=-9, arch=X86,
                            timed_out=True, timeout=120)
        self.assertFalse(outcome.ok)
        self.assertEqual(outcome.problem, "timed out after 120 s (hang?)")

    def test_marker_status_mismatch(self):
        outcome = run.judge(report_of(PASSING), exit_code=7, arch=X86, status=0)
        self.assertFalse(outcome.ok)
        self.assertEqual(outcome.problem, "QEMU exit status 7 does not match EXIT: STATUS=0")

    def test_status_is_compared_modulo_256(self):
        report = ktap.parse("KTAP version 1\n1..1\nnot ok 1 a\n")
        outcome = run.judge(report, exit_code=(200 << 1 | 1) & 0xFF, arch=X86, status=200)
        self.assertIsNone(outcome.problem)

    def test_failure_status_without_failing_case(self):
        outcome = run.judge(report_of(PASSING), exit_code=3, arch=X86, status=1)
        self.assertFalse(outcome.ok)
        self.assertIn("no test case failed", outcome.problem)

    def test_truncated_ktap_with_clean_exit(self):
        report = ktap.parse("KTAP version 1\n1..2\nok 1 a\n")
        outcome = run.judge(report, exit_code=1, arch=X86, status=0)
        self.assertFalse(outcome.ok)
        self.assertIn("1 of 2", outcome.problem)

    def test_host_program(self):
        failing = ktap.parse("KTAP version 1\n1..1\nnot ok 1 a\n")
        self.assertTrue(run.judge(report_of(PASSING), exit_code=0).ok)
        self.assertIsNone(run.judge(failing, exit_code=1).problem)
        self.assertIn("exited with status 1",
                      run.judge(report_of(PASSING), exit_code=1).problem)

    def test_closing_line(self):
        self.assertEqual(run.closing_line(ktap.Counts(3, 0, 0)), "3 passed, 0 failed")
        self.assertEqual(run.closing_line(ktap.Counts(3, 1, 2)), "3 passed, 1 failed, 2 skipped")


class QemuCommandTest(unittest.TestCase):
    def test_test_mode_tcg(self):
        cmd = run.qemu_command(X86, "k.iso", 256, "tcg", icount=False, interactive=False)
        self.assertEqual(cmd, [
            "qemu-system-x86_64", "-machine", "pc", "-m", "256", "-display", "none",
            "-no-reboot", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-vga", "none", "-nic", "none", "-device", "bochs-display",
            "-device", "edu,dma_mask=0xffffffff",
            "-cdrom", "k.iso", "-accel", "tcg"])

    def test_extra_options_come_last(self):
        cmd = run.qemu_command(X86, "k.iso", 64, "tcg", icount=False, interactive=False,
                               extra=["-smp", "2"])
        self.assertEqual(cmd[-4:], ["-accel", "tcg", "-smp", "2"])

    def test_qemu_args_are_shell_quoted(self):
        args = run.build_parser().parse_args(
            ["test", "--qemu-args", "-smp 2 -name 'a b'", "host:x"])
        self.assertEqual(args.qemu_args, ["-smp", "2", "-name", "a b"])

    def test_interactive_kvm_icount(self):
        cmd = run.qemu_command(X86, "k.iso", 64, "kvm", icount=True, interactive=True)
        self.assertIn("mon:stdio", cmd)
        self.assertEqual(cmd[-6:], ["-accel", "kvm", "-cpu", "qemu64", "-icount", "shift=0"])


def write_script(directory, name, body):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + textwrap.dedent(body))
    os.chmod(path, 0o755)
    return path


class EndToEndTest(unittest.TestCase):
    """tools/run.py test with fake host test programs."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.good = write_script(self.dir, "good", """\
            echo "KTAP version 1"; echo "1..1"
            echo "    KTAP version 1"; echo "    # Subtest: math"; echo "    1..3"
            echo "    ok 1 add"; echo "    ok 2 sub"; echo "    ok 3 div # SKIP no FPU"
            echo "ok 1 math"
            """)
        self.bad = write_script(self.dir, "bad", """\
            echo "KTAP version 1"; echo "1..1"
            echo "    KTAP version 1"; echo "    # Subtest: list"; echo "    1..2"
            echo "    # list_test.c:7: expected 2, got 3"
            echo "    not ok 1 length"; echo "    ok 2 empty"
            echo "not ok 1 list"
            exit 1
            """)
        self.hang = write_script(self.dir, "hang", """\
            echo "KTAP version 1"; echo "1..2"
            echo "    KTAP version 1"; echo "    # Subtest: early"; echo "    1..1"
            echo "    ok 1 fine"; echo "ok 1 early"
            sleep 10
            """)

    def tearDown(self):
        self.tmp.cleanup()

    def run_py(self, *args):
        return subprocess.run([sys.executable, RUN_PY, "test", "--logdir", self.dir, *args],
                              capture_output=True, text=True, timeout=30)

    def test_all_passing(self):
        result = self.run_py(f"host:{self.good}")
        self.assertEqual(result.returncode, 0, result.stdout)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[-1], "2 passed, 0 failed, 1 skipped")
        self.assertTrue(any("[host:good] math" in line for line in lines))
        self.assertTrue(os.path.exists(os.path.join(self.dir, "host", "good.log")))

    def test_failure_is_reported_with_diagnostics(self):
        result = self.run_py("--quiet", f"host:{self.good}", f"host:{self.bad}")
        self.assertEqual(result.returncode, 1)
        self.assertNotIn("[host:", result.stdout)  # --quiet drops suite lines
        self.assertIn("host:bad: list.length\n    # list_test.c:7: expected 2, got 3",
                      result.stdout)
        self.assertEqual(result.stdout.splitlines()[-1], "3 passed, 1 failed, 1 skipped")

    def test_timeout_kills_and_streams(self):
        start = time.monotonic()
        with subprocess.Popen([sys.executable, RUN_PY, "test", "--timeout", "1",
                               "--logdir", self.dir, f"host:{self.hang}"],
                              stdout=subprocess.PIPE, text=True) as proc:
            first = proc.stdout.readline()
            first_at = time.monotonic() - start
            rest = proc.stdout.read()
            proc.wait(timeout=10)
        self.assertIn("[host:hang] early", first)
        self.assertLess(first_at, 0.9, "suite line should arrive before the timeout")
        self.assertLess(time.monotonic() - start, 5)
        self.assertIn("host:hang: timed out after 1 s (hang?)", rest)
        self.assertEqual(rest.splitlines()[-1], "1 passed, 1 failed")
        self.assertEqual(proc.returncode, 1)

    def test_crash_completes_the_plan_in_the_log(self):
        result = self.run_py("--timeout", "1", f"host:{self.hang}")
        self.assertIn("1 failed (1 crashed)", result.stdout)
        self.assertIn("1 result(s) the plan still owed", result.stdout)
        with open(os.path.join(self.dir, "host", "hang.log")) as f:
            log = f.read()
        self.assertTrue(log.endswith("# tools/run.py: the output stopped; "
                                     "the rest of the plan:\nnot ok 2 # ERROR crashed\n"), log)

    def test_selection_matching_nothing_fails(self):
        empty = write_script(self.dir, "empty", 'echo "KTAP version 1"; echo "1..0"\n')
        result = self.run_py("--selection", "no_such", f"host:{empty}")
        self.assertEqual(result.returncode, 1)
        self.assertIn("T=no_such matches no test", result.stdout)
        self.assertEqual(result.stdout.splitlines()[-1], "0 passed, 1 failed")
        # Without a selection, an empty run is what the programs said.
        self.assertEqual(self.run_py(f"host:{empty}").returncode, 0)

    def test_selection_reaches_programs_and_list_names_cases(self):
        lister = write_script(self.dir, "lister", """\
            echo "KTAP version 1"; echo "1..1"
            echo "    KTAP version 1"; echo "    # Subtest: s"; echo "    1..1"
            echo "    ok 1 $KTEST_FILTER # SKIP listed"; echo "ok 1 s"
            """)
        result = subprocess.run([sys.executable, RUN_PY, "list", "--logdir", self.dir,
                                 f"host:{lister}"], capture_output=True, text=True,
                                timeout=30, env=dict(os.environ, KTEST_FILTER="s.c1"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "host:lister: s.s.c1\n")

    def test_missing_program(self):
        result = self.run_py(f"host:{self.dir}/nonexistent")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.splitlines()[-1], "0 passed, 1 failed")


if __name__ == "__main__":
    unittest.main()
