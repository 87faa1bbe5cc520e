"""Tests of tools/lab.py's instruction-count items (bench:METRIC <= N), without
booting: a tree whose `make bench` writes made-up figures stands for a lab
tree.  That a naive solution really loses those points, and mainline keeps
them, takes real boots: `make labs-check` (tools/lab.py selftest) proves it.

Run from the repository root with either of
    python3 -m unittest discover -s tests/tools -t .
    python3 tests/tools/test_lab.py
"""

import contextlib
import io
import os
import shutil
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import lab  # noqa: E402

# make bench, as far as the grader sees it: build/x86_64/bench.txt, made
# from $FIGURE; FIGURE=fail makes it fail as a kernel that panics would.
FAKE_MAKEFILE = """\
bench:
\t@test "$(FIGURE)" != fail
\t@mkdir -p build/x86_64
\t@printf 'file_read_4096 900 ticks/page\\nfile_read_65536 $(FIGURE) ticks/page\\n' \\
\t\t> build/x86_64/bench.txt
"""


class BenchItemTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.tree = self.tmp.name
        with open(os.path.join(self.tree, "Makefile"), "w") as f:
            f.write(FAKE_MAKEFILE)
        self.item = lab.Item("bench:file_read_65536", 15, limit=212)

    def tearDown(self):
        self.tmp.cleanup()
        os.environ.pop("FIGURE", None)

    def score(self, figure):
        os.environ["FIGURE"] = figure
        figures = {}
        lab.run_bench(self.tree, "fault_around", figures)
        return lab.score_item(self.item, figures)

    def test_at_or_below_the_limit_scores(self):
        self.assertEqual(self.score("163"), (True, " (163 ticks/page)"))
        self.assertEqual(self.score("212")[0], True)

    def test_above_the_limit_does_not(self):
        self.assertEqual(self.score("247"), (False, " (247 ticks/page)"))

    def test_a_failed_bench_is_no_figure(self):
        ok, why = self.score("fail")
        self.assertFalse(ok)
        self.assertIn("did not run: make bench BENCH_ARGS='fault_around' failed", why)
        self.assertTrue(os.path.exists(os.path.join(self.tree, "build", "grade", "bench.log")))

    def test_a_stale_figure_does_not_count(self):
        self.score("163")
        ok, why = self.score("fail")  # bench.txt of the run before must go
        self.assertFalse(ok)

    def test_the_label_shows_the_limit(self):
        self.assertEqual(self.item.label, "bench:file_read_65536 <= 212")
        self.assertEqual(lab.Item("x86_64:a.b", 5).label, "x86_64:a.b")


class GradeTest(unittest.TestCase):
    """The whole grader's arithmetic on a lab of one bench item."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        with open(os.path.join(self.tmp.name, "Makefile"), "w") as f:
            f.write(FAKE_MAKEFILE)
        lab.LABS["fake"] = lab.Lab("a bench item only", [],
                                   [lab.Item("bench:file_read_65536", 15, limit=212)],
                                   leak_points=0, boot=False, bench_args="fault_around")

    def tearDown(self):
        del lab.LABS["fake"]
        os.environ.pop("FIGURE", None)
        self.tmp.cleanup()

    def grade(self, figure):
        os.environ["FIGURE"] = figure
        out = io.StringIO()
        score = lab.grade("fake", self.tmp.name, out=out)
        return score, out.getvalue()

    def test_mainline_and_naive_figures(self):
        score, text = self.grade("163")
        self.assertEqual(score, (15, 15), text)
        self.assertIn("== bench:file_read_65536 <= 212 == ok (163 ticks/page)  (15/15 pts)", text)
        score, text = self.grade("247")
        self.assertEqual(score, (0, 15), text)
        self.assertIn("FAIL (247 ticks/page)  (0/15 pts)", text)


class NaiveCheckTest(unittest.TestCase):
    """labs-check's verdict on a naive solution, with the grading stubbed:
    it must lose the bench points, and only those."""

    def verdict(self, score):
        saved = lab.prepare, lab.grade
        lab.prepare = lambda name, dest, quiet, naive: dest
        lab.grade = lambda name, tree: (score, 105)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                return lab.naive_check("fault-around")
        finally:
            lab.prepare, lab.grade = saved

    def test_only_the_bench_points_lost(self):
        self.assertTrue(self.verdict(90))
        self.assertFalse(self.verdict(105))  # the threshold did not catch it
        self.assertFalse(self.verdict(80))   # it lost a functional item too


class RealLabTest(unittest.TestCase):
    def test_fault_around_has_its_bench_item_and_naive_solution(self):
        fa = lab.LABS["fault-around"]
        bench_items = [i for i in fa.items if i.limit is not None]
        self.assertEqual([i.test for i in bench_items], ["bench:file_read_65536"])
        self.assertTrue(lab.bench_metric_known("file_read_65536"))
        self.assertFalse(lab.bench_metric_known("file_read_twice"))
        self.assertEqual([sk.name for sk, _ in lab.naive_files("fault-around", fa)],
                         ["do_fault_around"])

    def test_the_naive_solution_replaces_only_its_function(self):
        fa = lab.LABS["fault-around"]
        with tempfile.TemporaryDirectory() as tree:
            os.makedirs(os.path.join(tree, "mm"))
            shutil.copy(os.path.join(ROOT, "mm", "memory.c"), os.path.join(tree, "mm"))
            for sk, source in lab.naive_files("fault-around", fa):
                lab.apply_skeleton(tree, "fault-around", sk, source=source)
            with open(os.path.join(tree, "mm", "memory.c")) as f:
                text = f.read()
        with open(os.path.join(ROOT, "mm", "memory.c")) as f:
            mainline = f.read()
        (start, _, end), = lab.find_definitions(text, "do_fault_around")
        body = "\n".join(text.split("\n")[start:end + 1])
        self.assertIn(".pte = follow_pte(vma->vm_mm, start)", body)
        # Everything around the function is mainline's.
        (m_start, _, m_end), = lab.find_definitions(mainline, "do_fault_around")
        self.assertEqual(text.split("\n")[:start], mainline.split("\n")[:m_start])
        self.assertEqual(text.split("\n")[end + 1:], mainline.split("\n")[m_end + 1:])


if __name__ == "__main__":
    unittest.main()
