"""Tests of tools/mutate.py, the engine of make mutate: a mutation whose text
is missing or ambiguous is an error, applying one writes only the copy it is
given and restoring gives the file back, and every row of the real table
(tools/mutations.py) still finds its text in the tree -- so a change to mm/
that moves a mutated line fails here, not an hour later in make mutate.

Run from the repository root with either of
    python3 -m unittest discover -s tests/tools -t .
    python3 tests/tools/test_mutate.py
"""

import os
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import mutate  # noqa: E402
from mutations import Mutation  # noqa: E402


def row(find, replace="X", test="host", name="m"):
    return Mutation(name, "a.c", find, replace, test, "a rule")


class TestMutate(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        with open(os.path.join(self.root, "a.c"), "w") as f:
            f.write("int a = 1;\nint b = 2;\nint c = 2;\n")

    def tearDown(self):
        self.dir.cleanup()

    def test_missing_and_repeated_text_are_errors(self):
        errors = mutate.check_table(self.root, [row("int z"), row("= 2;", name="n")])
        self.assertEqual(len(errors), 2)
        self.assertIn("found 0 times", errors[0])
        self.assertIn("found 2 times", errors[1])
        with self.assertRaises(mutate.MutationError):
            mutate.apply_mutation(self.root, row("int z"))

    def test_unknown_test_and_repeated_name_are_errors(self):
        errors = mutate.check_table(self.root, [row("int a", test="guest"),
                                                row("int b", name="m")])
        self.assertEqual(len(errors), 2)

    def test_apply_then_restore(self):
        m = row("int b = 2;", "int b = 3;")
        self.assertEqual(mutate.check_table(self.root, [m]), [])
        original = mutate.apply_mutation(self.root, m)
        with open(os.path.join(self.root, "a.c")) as f:
            self.assertEqual(f.read(), "int a = 1;\nint b = 3;\nint c = 2;\n")
        mutate.restore(self.root, m, original)
        with open(os.path.join(self.root, "a.c")) as f:
            self.assertEqual(f.read(), original)

    def test_commands_are_the_narrow_targets(self):
        self.assertEqual(mutate.command("user:vm_rules_test")[2:],
                         ["test-user", "TIMEOUT=120", "T=vm_rules_test"])
        self.assertEqual(mutate.command("host")[2], "test-host")

    def test_a_tree_that_does_not_build_is_no_kill(self):
        saved = mutate.BUILDS, mutate.TARGETS
        mutate.BUILDS = {"host": ["false"]}
        try:
            with open(os.devnull, "wb") as log:
                self.assertEqual(mutate.run(self.root, "host", 10, log),
                                 "build error")
        finally:
            mutate.BUILDS, mutate.TARGETS = saved

    def test_the_table_matches_the_tree(self):
        table = mutate.load_table()
        self.assertGreaterEqual(len(table), 20)
        self.assertEqual(mutate.check_table(ROOT, table), [])


if __name__ == "__main__":
    unittest.main()
