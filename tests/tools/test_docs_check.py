"""Tests for tools/docs_check.py: true claims pass, false ones are named."""

import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import docs_check  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

C_SOURCE = """\
/* handle_fault: not a definition, only a comment */
#define PAGE_SHIFT 12
struct page {
	int _refcount;
};
static int helper(int x)
{
	return x;
}
int do_thing(struct page *page)
{
	return helper(page->_refcount);
}
"""

SYSCALLS = """\
#define SYS_exit 0
#define SYS_fork 1
"""

MAKEFILE = """\
KNOB ?= 1
run:
\t@echo $(KNOB)
"""


class Sandbox:
    """A small tree in a temporary directory."""

    def __init__(self, files):
        self.dir = tempfile.mkdtemp()
        for path, text in files.items():
            full = os.path.join(self.dir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)

    def check(self, doc_text):
        with open(os.path.join(self.dir, "docs", "ch.md"), "w") as f:
            f.write(doc_text)
        out = io.StringIO()
        checker = docs_check.run(self.dir, ["docs/ch.md"], out=out)
        return checker, out.getvalue()

    def close(self):
        shutil.rmtree(self.dir)


class DocsCheckTest(unittest.TestCase):
    def setUp(self):
        self.box = Sandbox({"mm/thing.c": C_SOURCE,
                            "kernel/uapi/pagoda/syscall.h": SYSCALLS,
                            "Makefile": MAKEFILE,
                            "docs/ch.md": ""})

    def tearDown(self):
        self.box.close()

    def problems(self, text):
        checker, _ = self.box.check(text)
        return [str(p) for p in checker.problems]

    def test_true_claims_pass(self):
        text = ("`do_thing()` in `mm/thing.c` calls `helper(x)`; see `mm/thing.c:7`,\n"
                "`struct page`, `page->_refcount`, `PAGE_SHIFT`, `make run KNOB=2`.\n")
        checker, out = self.box.check(text)
        self.assertEqual(checker.problems, [], out)
        self.assertEqual(checker.claims, 8)
        self.assertIn("ok 1 docs/ch.md", out)

    def test_renamed_function_is_named_with_file_and_line(self):
        self.assertEqual(self.problems("Intro.\n\nIt calls `do_thing()`.\n"), [])
        with open(os.path.join(self.box.dir, "mm/thing.c"), "w") as f:
            f.write(C_SOURCE.replace("do_thing", "do_other_thing"))
        problems = self.problems("Intro.\n\nIt calls `do_thing()`.\n")
        self.assertEqual(len(problems), 1)
        self.assertIn("docs/ch.md:3: `do_thing()` (function)", problems[0])

    def test_a_name_only_in_a_comment_does_not_count(self):
        problems = self.problems("`handle_fault` does it.\n")
        self.assertEqual(len(problems), 1, problems)

    def test_false_paths_lines_and_make(self):
        problems = self.problems("`mm/gone.c`, `mm/thing.c:99`, `make lab`, "
                                 "`make run NOKNOB=1`, `struct folio`\n")
        self.assertEqual(len(problems), 5, problems)
        self.assertIn("mm/thing.c has only 13 lines", problems[1])

    def test_linux_names_are_not_claims(self):
        text = ("Linux's `handle_pte_fault` and `wp_page_copy` do more "
                "(Linux: `do_user_addr_fault`).\n\n"
                "| Pagoda | Linux |\n|---|---|\n| `do_thing` | `mm/memory.c` |\n")
        self.assertEqual(self.problems(text), [])

    def test_syscall_table_must_be_complete_and_right(self):
        table = "| nr | call |\n|---|---|\n| 0 | `exit(code)` |\n"
        problems = self.problems(table)
        self.assertEqual(len(problems), 1)
        self.assertIn("SYS_fork (1)", problems[0])
        problems = self.problems(table + "| 2 | `fork()` |\n")
        self.assertIn("the table says 2", problems[0])

    def test_absent_names_must_be_absent(self):
        self.assertEqual(self.problems("<!-- absent: remap_pfn_range -->\n"
                                       "Not yet: `remap_pfn_range`.\n"), [])
        problems = self.problems("<!-- absent: do_thing -->\nNot yet: `do_thing`.\n")
        self.assertEqual(len(problems), 1)
        self.assertIn("exists now", problems[0])

    def test_copied_file_must_match(self):
        text = "<!-- file: mm/thing.c -->\n```c\n" + C_SOURCE + "```\n"
        self.assertEqual(self.problems(text), [])
        problems = self.problems(text.replace("return x;", "return x + 1;"))
        self.assertEqual(len(problems), 1)
        self.assertIn("line 8", problems[0])


    def test_links_need_the_file_and_the_heading(self):
        self.assertEqual(self.problems("# Top\n\n## Seed 000: VM_MIXEDMAP\n\n"
                                       "See [it](#seed-000-vm_mixedmap), [t](ch.md#top).\n"), [])
        problems = self.problems("# Top\n\n[a](#nowhere) [b](gone.md)\n")
        self.assertEqual(len(problems), 2, problems)

    def test_linux_declared_names_are_skipped(self):
        self.assertEqual(self.problems("<!-- linux: nopage -->\n\nThe `nopage` hook.\n"), [])
        self.assertEqual(len(self.problems("The `nopage` hook.\n")), 1)

    def test_output_marker_needs_a_recipe(self):
        problems = self.problems("<!-- output: no_such_recipe -->\n```\nhi\n```\n")
        self.assertEqual(len(problems), 1)
        self.assertIn("no recipe 'no_such_recipe'", problems[0])


CHAPTER = """\
# 1. A chapter

**Seeds followed** ([all of them](seeds.md)): [000](seeds.md#seed-000-x).

Text.

## 1.1 Exercises

1. **First.** *(easy, 30 min)* Do it.
2. **Second.** *(hard, 2 hours)* Do more,
   over two lines.

## In the real world

Prose.
"""

ANSWERS = """\
# Answers

## Chapter 1

**1. First.** Done.

**2. Second.** Done too.
"""


class ChapterTest(unittest.TestCase):
    """What every chapter must have: seeds, labelled exercises, answers."""

    def setUp(self):
        self.box = Sandbox({"docs/seeds.md": "# Seeds\n\n## Seed 000: X\n",
                            "docs/answers.md": ANSWERS,
                            "docs/01-a-chapter.md": ""})

    def tearDown(self):
        self.box.close()

    def problems(self, chapter, answers=ANSWERS):
        for path, text in (("docs/01-a-chapter.md", chapter), ("docs/answers.md", answers)):
            with open(os.path.join(self.box.dir, path), "w") as f:
                f.write(text)
        checker = docs_check.run(self.box.dir, ["docs/01-a-chapter.md"], out=io.StringIO())
        return [str(p) for p in checker.problems]

    def test_a_whole_chapter_passes(self):
        self.assertEqual(self.problems(CHAPTER), [])

    def test_a_chapter_without_its_seeds_fails(self):
        text = CHAPTER.replace("**Seeds followed** ([all of them](seeds.md)): "
                               "[000](seeds.md#seed-000-x).\n", "")
        problems = self.problems(text)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("Seeds followed", problems[0])

    def test_an_exercise_without_a_label_fails(self):
        problems = self.problems(CHAPTER.replace(" *(hard, 2 hours)*", ""))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("01-a-chapter.md:10: `2.` (exercise)", problems[0])
        problems = self.problems(CHAPTER.replace("(hard, 2 hours)", "(tricky, 2 hours)"))
        self.assertEqual(len(problems), 1, problems)

    def test_a_missing_or_extra_answer_fails(self):
        problems = self.problems(CHAPTER, ANSWERS.replace("**2. Second.** Done too.\n", ""))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("answers [1]", problems[0])
        problems = self.problems(CHAPTER, ANSWERS + "\n**3. Third.** Extra.\n")
        self.assertEqual(len(problems), 1, problems)
        problems = self.problems(CHAPTER, ANSWERS.replace("Chapter 1", "Chapter 2"))
        self.assertIn("answers nothing", problems[0])

    def test_a_chapter_without_its_real_world_section_fails(self):
        problems = self.problems(CHAPTER.split("## In the real world")[0])
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("no ## In the real world section", problems[0])
        problems = self.problems(CHAPTER.replace("## In the real world", "## Elsewhere"))
        self.assertEqual(len(problems), 1, problems)

    def test_a_real_world_section_needs_prose(self):
        problems = self.problems(CHAPTER.replace("Prose.\n", ""))
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("01-a-chapter.md:13: `In the real world` (chapter)", problems[0])
        self.assertIn("no prose", problems[0])
        problems = self.problems(CHAPTER.replace("Prose.\n", "| a | b |\n|---|---|\n| 1 | 2 |\n"))
        self.assertEqual(len(problems), 1, problems)

    def test_a_chapter_without_exercises_fails(self):
        before, after = CHAPTER.split("## 1.1 Exercises")
        problems = self.problems(before + after[after.index("## In the real world"):])
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("no ## ... Exercises section", problems[0])

    def test_two_chapters_with_one_number_fail(self):
        with open(os.path.join(self.box.dir, "docs/01-another.md"), "w") as f:
            f.write(CHAPTER.replace("A chapter", "Another"))
        problems = self.problems(CHAPTER, ANSWERS + "\n## Chapter 1\n\n**1. Again.** Yes.\n")
        self.assertEqual(len(problems), 2, problems)
        self.assertIn("docs/01-another.md is chapter 1 too", problems[0])
        self.assertIn("2 sections ## Chapter 1", problems[1])

    def test_only_chapters_are_held_to_it(self):
        with open(os.path.join(self.box.dir, "docs/notes.md"), "w") as f:
            f.write("# Notes\n\nNo seeds, no exercises.\n")
        checker = docs_check.run(self.box.dir, ["docs/notes.md"], out=io.StringIO())
        self.assertEqual(checker.problems, [])


class OutputCompareTest(unittest.TestCase):
    """tools/docs_outputs.py's comparison, without booting anything."""

    def test_exact_and_ellipsis(self):
        import docs_outputs
        compare = docs_outputs.compare
        self.assertIsNone(compare(["a 1", "b"], ["a 1", "b"]))
        self.assertIn("block line 1", compare(["a 1"], ["a 2"]))
        self.assertIsNone(compare(["ip 0x..."], ["ip 0x4010b9"]))
        self.assertIsNone(compare(["x", "...", "z"], ["x", "y1", "y2", "z"]))
        self.assertIsNone(compare(["x", "...", "z"], ["x", "z"]))
        self.assertIsNotNone(compare(["x", "...", "z"], ["x", "y"]))
        self.assertIn("goes on", compare(["x"], ["x", "extra"]))
        self.assertEqual(docs_outputs.merge(["ip 0x...", "n 1"], ["ip 0x42", "n 2"]),
                         ["ip 0x...", "n 2"])
        # A block ending in "..." shows the output's start: it stays so.
        self.assertIsNone(compare(["a 1", "..."], ["a 1", "b", "c"]))
        self.assertEqual(docs_outputs.merge(["a 1", "..."], ["a 2", "b", "c"]),
                         ["a 2", "..."])

    def test_build_size_lines_take_any_figures(self):
        import docs_outputs
        compare = docs_outputs.compare
        want = ["Memory: 251848 KiB managed; mem_map covers 65501 pages", "Mem:   251848 ...  4952"]
        got = ["Memory: 251844 KiB managed; mem_map covers 65500 pages", "Mem:  1251844 5456  4960"]
        self.assertIsNone(compare(want, got, sizes=r"^Mem"))
        self.assertIn("block line 1", compare(want, got))
        # Words still count, and lines the regex does not name stay exact.
        self.assertIn("block line 1", compare(["Memory: 1 KiB free"], ["Memory: 1 KiB used"],
                                              sizes="^Mem"))
        self.assertIn("block line 1", compare(["pgfault 73"], ["pgfault 74"], sizes="^Mem"))
        self.assertIsNone(compare(["00401000-0040f000 r-xp    14 file"],
                                  ["00401000-00410000 r-xp     5 file"], sizes="^0040"))

    def test_every_marker_in_the_docs_names_a_recipe(self):
        import docs_outputs
        tree = docs_check.Tree(ROOT)
        names = {b[3] for b in docs_outputs.find_blocks(docs_check.find_docs(tree))}
        self.assertTrue(names)
        self.assertLessEqual(names, set(docs_outputs.RECIPES))


class OutputBootTest(unittest.TestCase):
    """A real boot (make run RUN=true, some ten seconds): chapter 1's block
    passes as it is, and fails once the test alters a figure in a copy."""

    def test_an_altered_block_fails(self):
        import contextlib
        import docs_outputs
        with open(os.path.join(ROOT, "docs", "01-booting-and-physical-memory.md")) as f:
            text = f.read()
        start = text.index("<!-- output: boot-memory -->")
        block = text[start:text.index("```\n", text.index("```\n", start) + 4) + 4]
        self.assertIn("struct page: ", block)
        altered = block.replace("struct page: ", "struct page: 1")
        os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
        with tempfile.TemporaryDirectory(dir=os.path.join(ROOT, "build")) as tmp:
            doc = os.path.join(tmp, "altered.md")
            with open(doc, "w") as f:
                f.write(block + "\n" + altered)  # one boot serves both
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = docs_outputs.main([os.path.relpath(doc, ROOT)])
        out = out.getvalue()
        self.assertEqual(status, 1, out)
        self.assertIn("    ok 1 ", out)
        self.assertIn("    not ok 2 ", out)
        self.assertIn("block line 2 is 'struct page: 1", out)


class RealTreeTest(unittest.TestCase):
    def test_the_tree_passes_and_a_rename_in_it_fails(self):
        """Copy the tree, rename a function the chapters name: docs-check
        must fail and name the chapter's line."""
        files = subprocess.run(["git", "ls-files", "--cached", "--others",
                                "--exclude-standard"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.split()
        with tempfile.TemporaryDirectory() as tmp:
            for f in files:
                if os.path.exists(os.path.join(ROOT, f)):
                    os.makedirs(os.path.join(tmp, os.path.dirname(f)), exist_ok=True)
                    shutil.copy(os.path.join(ROOT, f), os.path.join(tmp, f))
            out = io.StringIO()
            self.assertEqual(docs_check.run(tmp, out=out).problems, [], out.getvalue())
            for f in files:
                if f.endswith((".c", ".h")) and os.path.exists(os.path.join(tmp, f)):
                    path = os.path.join(tmp, f)
                    with open(path) as src:
                        text = src.read()
                    with open(path, "w") as dst:
                        dst.write(text.replace("zap_page_range", "zap_vma_range"))
            out = io.StringIO()
            problems = [str(p) for p in docs_check.run(tmp, out=out).problems]
            self.assertTrue(problems)
            self.assertTrue(all("zap_page_range" in p for p in problems), problems)
            self.assertTrue(any(p.startswith("docs/03-") for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
