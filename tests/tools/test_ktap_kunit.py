"""tools/ktap.py against Linux's KUnit parser on the same logs.

Each log below comes with the counts that Linux's parser,
tools/testing/kunit/kunit_parser.py (parse_run_tests), gives for it:
passed, failed, crashed, skipped -- worked out by reading that parser,
whose rules are, in short:
  - nesting comes from the `KTAP version` and `# Subtest:` lines and the
    plans, never from the width of the indentation;
  - only tests without subtests are counted; a parent whose own result is
    "not ok" adds one failure when its subtests all passed (or it has
    none), nothing when they were all skipped;
  - a result ending in `# SKIP` is skipped, whatever its ok/not ok; other
    comments (`# TODO`) change nothing;
  - when the lines run out before a plan is complete, each missing result
    is one crashed test; a block left without its own result line only
    records an error.
tools/ktap.py counts crashed tests as failures too, so it must give
passed == passed, failed == failed + crashed, crashed == crashed and
skipped == skipped.
"""

import os
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import ktap  # noqa: E402
from tests.tools.test_ktap import PAGE_ALLOC  # noqa: E402

# name: (log, (passed, failed, crashed, skipped) by kunit_parser)
LOGS = {
    "kunit_four_spaces": (PAGE_ALLOC, (4, 1, 0, 1)),
    # The KTAP v1 specification's layout: two spaces a level, and blocks
    # with no "# Subtest:" line.
    "ktap_two_spaces": ("""
        KTAP version 1
        1..2
          KTAP version 1
          # Subtest: outer
          1..2
            KTAP version 1
            # Subtest: inner
            1..2
            ok 1 a
            not ok 2 b
          not ok 1 inner
          ok 2 c # SKIP not here
        not ok 1 outer
          KTAP version 1
          1..1
          ok 1 d
        ok 2 unnamed
        """, (2, 1, 0, 1)),
    "mixed_widths": ("""
        KTAP version 1
        1..2
            KTAP version 1
            # Subtest: kern
            1..1
            ok 1 k
        ok 1 kern
          KTAP version 1
          # Subtest: user_prog
          1..2
          ok 1 u1
          not ok 2 u2
        not ok 2 user_prog
        """, (2, 1, 0, 0)),
    "tabs_of_old_kunit_as_spaces": ("""
        KTAP version 1
        1..1
                KTAP version 1
                # Subtest: deep
                1..1
                ok 1 only
        ok 1 deep
        """, (1, 0, 0, 0)),
    "interleaved_kernel_log": ("""
        Booting...
        KTAP version 1
        [    0.010] mm: 255 MiB free
        1..1
            KTAP version 1
        random text
            # Subtest: sched
            1..2
        timer: 100 Hz
            ok 1 yields
            ok 2 sleeps
        ok 1 sched
        """, (2, 0, 0, 0)),
    "panic_inside_a_suite": ("""
        KTAP version 1
        1..3
            KTAP version 1
            # Subtest: page_alloc
            1..4
            ok 1 alloc_order0
            ok 2 split_coalesce
        PANIC: page fault at 0x0
        rip=0x100042
        """, (2, 0, 4, 0)),
    "panic_two_spaces": ("""
        KTAP version 1
        1..3
          KTAP version 1
          # Subtest: first
          1..1
          ok 1 x
        ok 1 first
          KTAP version 1
          # Subtest: second
          1..3
          ok 1 y
        PANIC: boom
        """, (2, 0, 3, 0)),
    "crash_before_suite_result_line": ("""
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: s
            1..2
            ok 1 a
            ok 2 b
        """, (2, 0, 0, 0)),
    "crash_between_suites": ("""
        KTAP version 1
        1..3
            KTAP version 1
            # Subtest: s
            1..1
            ok 1 a
        ok 1 s
        """, (1, 0, 2, 0)),
    "no_plan_reached": ("""
        KTAP version 1
        PANIC: early
        """, (0, 0, 0, 0)),
    "suite_init_failed": ("""
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
        """, (1, 1, 0, 0)),
    "empty_and_skipped_suites": ("""
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
        """, (0, 0, 0, 1)),
    "not_ok_suite_whose_cases_passed": ("""
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: s
            1..2
            ok 1 a
            ok 2 b
        not ok 1 s
        """, (2, 1, 0, 0)),
    "not_ok_suite_whose_cases_were_skipped": ("""
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: s
            1..2
            ok 1 a # SKIP x
            ok 2 b # SKIP y
        not ok 1 s
        """, (0, 0, 0, 2)),
    "directives": ("""
        KTAP version 1
        1..4
        ok 1 a # SKIP no disk
        ok 2 b # skip is not SKIP
        not ok 3 c # TODO not written yet
        ok 4 d # just a comment
        """, (2, 1, 0, 1)),
    "user_tests_under_init": ("""
        KTAP version 1
        1..2
            KTAP version 1
            # Subtest: kernel_suite
            1..1
            ok 1 k
        ok 1 kernel_suite
            KTAP version 1
            # Subtest: cow_test
            1..2
            ok 1 fork_shares
        # cow_test: killed by signal 11
        not ok 2 cow_test
        """, (2, 0, 1, 0)),
}


class KunitParityTest(unittest.TestCase):
    def test_counts_match_kunit_parser(self):
        for name, (log, (passed, failed, crashed, skipped)) in LOGS.items():
            with self.subTest(log=name):
                counts = ktap.parse(textwrap.dedent(log).strip("\n")).counts
                self.assertEqual(counts, ktap.Counts(passed=passed,
                                                     failed=failed + crashed,
                                                     skipped=skipped,
                                                     crashed=crashed))


if __name__ == "__main__":
    unittest.main()
