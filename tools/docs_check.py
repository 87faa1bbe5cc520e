#!/usr/bin/env python3
"""Check that what the course text says about the tree is true of the tree.

    tools/docs_check.py [--root DIR] [--verbose] [FILE.md ...]

Reads README.md and every docs/**/*.md (or the files named) and checks
each *claim* in them against the tree, printing KTAP: one case per
document, each failure as `# file:line: `claim` (kind): why`.  The exit
status is 0 only if every claim holds.  `make docs-check` runs it, and
`make test` counts it as one spec (host:tools/docs_check.py).

What counts as a claim (everything else in a document is prose):

* Every inline code span (`...`) outside fenced blocks, classified so:
  - `path/to/file` or `path/to/dir/` (a span with a `/` made only of
    path characters, or a bare name ending in a source extension such as
    `page_alloc.c`): the file or directory exists in the tree (git's
    tracked and untracked-but-not-ignored files); a bare name matches
    the basename of some file; `[ch]`-style globs and `*` are allowed.
    `build/...` paths are the build's products: their last component must
    occur in a build file (Makefile, *.mk, tools/).  Guest paths: `/bin/X`
    needs user/bin/X.c (`/xip/bin/X` too: the XIP store holds /bin), `/tests/X`
    user/tests/X.c, `/etc/X` user/etc/X,
    `/dev/X` and `/proc/...` a string literal in the kernel's sources;
    `/tmp/...` is the reader's own.  `<sys/wait.h>` is a header found in
    one of the include directories.
  - `file:line`: the file exists and has that many lines.
  - `name(...)` (a call): `name` is a function or macro of the tree's C
    or assembly (defined, declared or called), a system call, or a Python
    function of tools/.  Identifiers inside the parentheses follow the
    next rule.
  - `name`, `struct name`, `a->b`, `x.y`, C expressions: every identifier
    occurs in the tree's code (C, assembly, Makefiles, Python, shell),
    comments excluded, or names a program in /bin or /tests; `struct X`
    needs a `struct X {` definition.
  - `make TARGET VAR=value ...`: each target is a make target, each VAR a
    variable the Makefiles set or read.
  - Spans with spaces that are not C (shell commands, outputs quoted in
    prose) are checked only for the paths inside them.
* A relative Markdown link `[text](file.md#anchor)`: the file exists and,
  for a Markdown file, one of its headings has that anchor (GitHub's
  rule: lower case, punctuation dropped, spaces become dashes).
* A table whose header has the columns `nr` and `call` is the system-call
  table: each row's numbers and names must match kernel/uapi/pagoda/
  syscall.h, and every system call there must have a row.
* A fenced block right after `<!-- output: NAME -->` is a pasted command
  output: NAME must be a recipe of tools/docs_outputs.py, which boots the
  kernel, regenerates the block and compares (`make docs-outputs`; not
  run here, since it boots QEMU).  A fenced block right after
  `<!-- file: PATH -->` must be exactly the contents of PATH.
* A chapter (docs/NN-*.md, "# N. Title") must have what every chapter
  has: before its first section, a paragraph opening with "**Seeds
  followed**" that links to docs/seeds.md; a section headed "...
  Exercises" whose items (the lines "k. ..." at the left margin, numbered
  1, 2, 3 ...) each carry a label such as *(moderate, 2 hours)* on their
  first line: easy, moderate or hard, and a time in min or hours; and in
  docs/answers.md, under "## Chapter N", an answer "**k. ..." for each
  exercise k and for no other; and a section headed "In the real world"
  with prose (not only a table).  No two chapters share a number, nor two
  sections of docs/answers.md a "## Chapter N".

Not claims, so not checked:

* Names that belong to Linux: spans in a table column headed "Linux...",
  in a sentence whose first word is "Linux", in a parenthesis whose text
  before the span contains "Linux", or right after "Linux", "Linux's",
  "Linux:" or "Linux <verb>" (a chain of spans joined by commas, "and",
  "or" continues such a run).
* `-EFAULT` and `->fault` are checked as the names `EFAULT` and `fault`.
* Plain numbers, single characters, command-line options (`-m 256`),
  hardware names (registers such as `cr3` and their bits such as `CR0.WP`,
  instructions such as `invlpg`: the HARDWARE list below), host commands
  (`gdb`, `readelf`: HOST_COMMANDS), and quoted messages: spans with a
  space that parse as neither C nor make are searched for paths only (a
  message the kernel prints is checked where it is pasted as output).
* Sections headed "In the real world": prose about what Linux and other
  kernels do instead.
* Names a document declares Linux's with `<!-- linux: a b -->` (from that
  line to the document's end), for texts about Linux such as docs/seeds.md.
* Names a paragraph declares missing with `<!-- absent: a b -->` on the
  line before it (exercises that add them, "not yet" lists): those must
  NOT exist, so the text is flagged once they land.
* Fenced code blocks that carry no marker (examples, diagrams).
"""

import argparse
import io
import os
import re
import shlex
import subprocess
import sys
import tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SOURCE_EXTS = (".c", ".h", ".S", ".py", ".sh", ".mk", ".md", ".ld", ".txt")
IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
C_KEYWORDS = {
    "auto", "break", "case", "char", "const", "continue", "default", "do",
    "double", "else", "enum", "extern", "float", "for", "goto", "if",
    "inline", "int", "long", "register", "restrict", "return", "short",
    "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
    "unsigned", "void", "volatile", "while", "NULL", "bool", "true", "false",
}
INCLUDE_DIRS = ("user/include", "kernel/uapi", "arch/{arch}/include",
                "tests/host/include", ".")

# A span that is a path: path characters with at least one '/'.
PATH_RE = re.compile(r"^/?[A-Za-z0-9_.\-*\[\]<>]+(/[A-Za-z0-9_.\-*\[\]]*)+$")
BARE_FILE_RE = re.compile(r"^[A-Za-z0-9_.\-]+(" +
                          "|".join(re.escape(e) for e in SOURCE_EXTS) + r")$")
FILE_LINE_RE = re.compile(r"^([A-Za-z0-9_./\-]+):(\d+)$")
HEADER_RE = re.compile(r"^<([A-Za-z0-9_./]+\.h)>$")
STRUCT_RE = re.compile(r"^(struct|union|enum) ([A-Za-z_]\w*)( \*)?$")
# Something C-like: identifiers, numbers and operators, no prose words
# glued by spaces (a space is allowed only next to an operator or comma).
C_EXPR_RE = re.compile(r"^[A-Za-z_0-9\s\-+*/%&|^~!<>=()\[\].,?:'\"]+$")
MARKER_RE = re.compile(r"^<!--\s*(output|file):\s*(.*?)\s*-->\s*$")
FENCE_RE = re.compile(r"^(```|~~~)")
LINUX_BEFORE_RE = re.compile(
    r"\bLinux(?:'s)?(?::|,?(?:\s+[a-z]+){1,3},?)?\s*(?:\(\s*)?$")
OTHER_KERNELS_RE = re.compile(r"\bin the real world\b", re.I)
ABSENT_RE = re.compile(r"^<!--\s*(absent|linux):\s*(.*?)\s*-->\s*$")
PARAM_RE = re.compile(r"^([A-Za-z_][\w.]*)=(\S.*)?$")
CHAPTER_PATH_RE = re.compile(r"^docs/(\d+)-[^/]*\.md$")
EXERCISE_RE = re.compile(r"^(\d+)\. ")
LABEL_RE = re.compile(r"\*\((easy|moderate|hard)\b[^)]*?\b\d+(\.\d+)? "
                      r"(min|minutes|hour|hours)\b[^)]*\)\*")
ANSWER_RE = re.compile(r"^\*\*(\d+)\. ")
ANSWERS = "docs/answers.md"

# Hardware names (x86_64 registers, their bits, instructions, tables) are
# the manual's, not the tree's: not checked.  Register bits are written
# REG.BIT (`CR0.WP`, `EFER.NXE`).
HARDWARE = set("""
rax rbx rcx rdx rsi rdi rbp rsp r8 r9 r10 r11 r12 r13 r14 r15 rip rflags
eax ebx ecx edx esi edi ebp esp cs ds es fs gs ss cr0 cr2 cr3 cr4 efer
rsp0 ist gdt idt tss ldt gdtr idtr pcid kpti msr
iretq iret sysret syscall sysenter int int3 hlt sti cli cpuid invlpg
invpcid lgdt lidt ltr ljmp movabs rdtsc rdmsr wrmsr fxsave fxrstor xsave
rep movsb movsq stosq stosb swapgs outb inb outl pushf popf
""".split())
HW_REG_BIT_RE = re.compile(r"^(CR[0-8]|EFER|RFLAGS|EFLAGS|CPUID)(\.[A-Z0-9_]+)?$",
                           re.IGNORECASE)
# Host commands a reader types; they are not in the tree.
HOST_COMMANDS = set("""
make git gcc ld nm objdump readelf gdb qemu-system-x86_64 python3 sudo
apt-get dd grep sed awk timeout debootstrap clang-format dpkg-deb addr2line
""".split())


class Tree:
    """An index of the tree: files, and the names its code defines and uses."""

    def __init__(self, root, arch="x86_64"):
        self.root = root
        self.arch = arch
        self.files = self._list_files()
        self.dirs = set()
        for f in self.files:
            parts = f.split("/")
            for i in range(1, len(parts)):
                self.dirs.add("/".join(parts[:i]))
        self.basenames = {os.path.basename(f) for f in self.files}
        self.tokens = set()
        self.called = set()
        self.structs = set()
        self.strings = set()
        self.make_targets = set()
        self.make_vars = set()
        self.build_words = set()
        self.syscalls = {}
        self.formats = []
        self._lines = {}
        for f in self.files:
            self._index(f)
        for fmt in {x for x in self.strings if "%" in x and re.match(r"^\w+%", x)}:
            self.formats.append(re.compile(
                re.sub(r"%[-0-9.]*l*[dusx]", r"\\w+", re.escape(fmt).replace("\\%", "%"))))
        self.programs = {os.path.basename(f)[:-2] for f in self.files
                         if re.match(r"user/(bin|tests)/[^/]+\.c$", f)}

    def _list_files(self):
        try:
            out = subprocess.run(
                ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                cwd=self.root, capture_output=True, text=True, check=True).stdout
            files = {f for f in out.splitlines()
                     if os.path.exists(os.path.join(self.root, f))}
            if files:
                return files
        except (OSError, subprocess.CalledProcessError):
            pass
        files = set()
        for d, subdirs, names in os.walk(self.root):
            subdirs[:] = [s for s in subdirs if s not in (".git", "build")]
            for n in names:
                files.add(os.path.relpath(os.path.join(d, n), self.root))
        return files

    def text(self, path):
        if path not in self._lines:
            try:
                with open(os.path.join(self.root, path), encoding="utf-8",
                          errors="replace") as f:
                    self._lines[path] = f.read()
            except OSError:
                self._lines[path] = None
        return self._lines[path]

    def _index(self, path):
        base = os.path.basename(path)
        if path.endswith((".c", ".h", ".S", ".ld")):
            self._index_c(path)
        elif path.endswith(".py"):
            self._index_py(path)
        elif base == "Makefile" or path.endswith(".mk"):
            self._index_make(path)
        elif path.endswith(".sh") or path.startswith(".ci/"):
            self._index_hash_comments(path)
        if (base == "Makefile" or path.endswith(".mk")
                or path.startswith("tools/")):
            self.build_words.update(re.findall(r"[\w.\-]+", self.text(path) or ""))

    def _index_c(self, path):
        text = self.text(path) or ""
        code = strip_c_comments(text)
        for s in re.findall(r'"((?:\\.|[^"\\\n])*)"', code):
            self.strings.add(s)
        self.tokens.update(IDENT_RE.findall(code))
        self.called.update(re.findall(r"([A-Za-z_]\w*)\s*\(", code))
        self.called.update(re.findall(r"^([A-Za-z_]\w*):", code, re.M))  # asm
        self.structs.update(re.findall(r"\b(?:struct|union|enum)\s+(\w+)\s*\{",
                                       code))
        if path == "kernel/uapi/pagoda/syscall.h":
            for name, nr in re.findall(r"#define SYS_(\w+)\s+(\d+)", code):
                self.syscalls[name] = int(nr)

    def _index_py(self, path):
        text = self.text(path) or ""
        try:
            toks = tokenize.generate_tokens(io.StringIO(text).readline)
            prev = None
            for tok in toks:
                if tok.type == tokenize.NAME:
                    self.tokens.add(tok.string)
                    prev = tok.string
                    continue
                if tok.type == tokenize.STRING:
                    # The tools' strings are their interface (options,
                    # messages); tests' strings are only test data.
                    self.strings.add(tok.string.strip("\"'"))
                    if path.startswith("tools/"):
                        self.tokens.update(IDENT_RE.findall(tok.string))
                elif tok.type == tokenize.OP and tok.string == "(" and prev:
                    self.called.add(prev)
                prev = None
        except (tokenize.TokenError, SyntaxError):
            self.tokens.update(IDENT_RE.findall(text))

    def _index_hash_comments(self, path):
        code = strip_hash_comments(self.text(path) or "")
        self.tokens.update(IDENT_RE.findall(code))

    def _index_make(self, path):
        code = strip_hash_comments(self.text(path) or "")
        self.tokens.update(IDENT_RE.findall(code))
        for line in code.splitlines():
            m = re.match(r"^([A-Za-z_][\w]*)\s*(?:\?|:|\+)?=", line)
            if m:
                self.make_vars.add(m.group(1))
                continue
            m = re.match(r"^([^\s:=#$][^:=]*?):(?!=)", line)
            if m:
                for t in m.group(1).split():
                    if t == ".PHONY":
                        continue
                    self.make_targets.add(t)
            m = re.match(r"^\.PHONY:(.*)$", line)
            if m:
                self.make_targets.update(m.group(1).split())
        self.make_vars.update(re.findall(r"\$\(([A-Z_][A-Z0-9_]*)\)", code))

    def is_file_or_dir(self, path):
        path = path.rstrip("/")
        if any(c in path for c in "*["):
            rx = glob_to_re(path)
            return any(rx.match(f) for f in self.files) or \
                any(rx.match(d) for d in self.dirs)
        return path in self.files or path in self.dirs

    def nlines(self, path):
        text = self.text(path)
        return None if text is None else text.count("\n") + (not text.endswith("\n"))


def strip_c_comments(text):
    """Comments become spaces (newlines kept); strings are kept."""
    def repl(m):
        if m.group(2):
            return re.sub(r"[^\n]", " ", m.group(2))
        return m.group(0)
    return re.sub(r'("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')|(/\*.*?\*/|//[^\n]*)',
                  repl, text, flags=re.S)


def strip_hash_comments(text):
    return re.sub(r"(^|\s)#[^\n]*", r"\1", text)


def glob_to_re(pattern):
    out = ""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out += "[^/]*"
        elif c == "[":
            j = pattern.index("]", i)
            out += "[" + re.escape(pattern[i + 1:j]) + "]"
            i = j
        else:
            out += re.escape(c)
        i += 1
    return re.compile(out + "$")


# ---------------------------------------------------------------- documents

class Problem:
    def __init__(self, doc, line, claim, kind, why):
        self.doc, self.line, self.claim, self.kind, self.why = doc, line, claim, kind, why

    def __str__(self):
        return f"{self.doc}:{self.line}: `{self.claim}` ({self.kind}): {self.why}"


class Doc:
    """One Markdown document split into paragraphs, tables and fenced blocks."""

    def __init__(self, path, text):
        self.path = path
        self.lines = text.split("\n")

    def blocks(self):
        """Yields ('para', first_line, [lines]), ('fence', first_line,
        [lines], marker) with 1-based line numbers."""
        i = 0
        para, start = [], 0
        marker = None
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if FENCE_RE.match(line):
                if para:
                    yield ("para", start, para)
                    para = []
                fence = line[:3]
                body = []
                j = i + 1
                while j < n and not self.lines[j].startswith(fence):
                    body.append(self.lines[j])
                    j += 1
                yield ("fence", i + 2, body, marker)
                marker = None
                i = j + 1
                continue
            m = MARKER_RE.match(line)
            if m:
                if para:
                    yield ("para", start, para)
                    para = []
                marker = (m.group(1), m.group(2), i + 1)
                i += 1
                continue
            m = ABSENT_RE.match(line)
            if m:
                if para:
                    yield ("para", start, para)
                    para = []
                yield (m.group(1), i + 1, m.group(2).split())
                i += 1
                continue
            if not line.strip():
                if para:
                    yield ("para", start, para)
                    para = []
            else:
                if not para:
                    start = i + 1
                para.append(line)
            i += 1
        if para:
            yield ("para", start, para)


def code_spans(text):
    """(start, end, content) of each inline code span in `text`."""
    spans = []
    for m in re.finditer(r"(`+)(.+?)(?<!`)\1(?!`)", text, re.S):
        spans.append((m.start(), m.end(), m.group(2).strip()))
    return spans


def split_row(line):
    """Cells of a Markdown table row; '|' inside code spans does not split."""
    cells, cur, in_code = [], "", False
    for c in line.strip().strip("|"):
        if c == "`":
            in_code = not in_code
        if c == "|" and not in_code:
            cells.append(cur)
            cur = ""
        else:
            cur += c
    cells.append(cur)
    return [c.strip() for c in cells]


def is_table(lines):
    return (len(lines) >= 2 and lines[0].lstrip().startswith("|")
            and re.match(r"^\s*\|?\s*:?-{3,}", lines[1]))


def linux_context(text, start, spans):
    """True if the span at `start` of paragraph `text` names a Linux thing."""
    # The sentence begins with "Linux".
    sent_start = max(text.rfind(". ", 0, start), text.rfind(".\n", 0, start))
    sentence = text[sent_start + 1 if sent_start >= 0 else 0:start]
    if re.match(r"^\s*(\(?\s*)Linux\b", sentence):
        return True
    # Inside a parenthesis that mentions Linux before the span.
    depth, i = 0, start - 1
    masked = mask_spans(text, spans)
    while i >= 0:
        c = masked[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                if re.search(r"\bLinux\b", masked[i:start]):
                    return True
                break
            depth -= 1
        i -= 1
    # Right after "Linux's", "Linux:", "Linux <verb>", possibly through a
    # chain of other spans joined by commas, "and", "or".
    before = masked[:start]
    while True:
        stripped = re.sub(r"(\s*(,|and|or|;)?\s*)$", "", before)
        if stripped.endswith("\0"):
            k = stripped.rfind("\1")
            before = before[:k] if k >= 0 else ""
            continue
        break
    return bool(LINUX_BEFORE_RE.search(before.rstrip()))


def mask_spans(text, spans):
    """The text with each code span replaced by \\1 ... \\0 fillers."""
    out = list(text)
    for s, e, _ in spans:
        out[s] = "\1"
        for k in range(s + 1, e - 1):
            out[k] = " "
        out[e - 1] = "\0"
    return "".join(out)


class Checker:
    def __init__(self, tree):
        self.tree = tree
        self.claims = 0
        self.problems = []

    def problem(self, doc, line, claim, kind, why):
        self.problems.append(Problem(doc.path, line, claim, kind, why))

    # -- one document
    def check_doc(self, doc, recipes):
        self.absent = set()
        self.linux = set()
        self.section = ""
        for block in doc.blocks():
            if block[0] == "absent":
                self.check_absent(doc, block[1], block[2])
                continue
            if block[0] == "linux":
                self.linux.update(block[2])
                continue
            if block[0] == "para" and block[2][0].startswith("#"):
                self.section = block[2][0].lstrip("#").strip()
            if block[0] == "fence":
                self.check_fence(doc, block, recipes)
            elif OTHER_KERNELS_RE.search(self.section):
                pass  # prose about Linux and other kernels
            elif is_table(block[2]):
                self.check_table(doc, block[1], block[2])
            else:
                self.check_para(doc, block[1], block[2])
            self.absent = set()

    def check_absent(self, doc, line, names):
        """`<!-- absent: a b -->`: the next block names a and b as things
        the tree does not have (yet); they must really be missing."""
        t = self.tree
        for name in names:
            self.claims += 1
            bare = name.rstrip("()")
            if bare in t.tokens or bare in t.files or bare in t.dirs:
                self.problem(doc, line, name, "declared absent",
                             "the text says the tree lacks it, but it exists now: "
                             "update the text that follows and drop it from "
                             "this <!-- absent: --> line")
            self.absent.add(bare)

    def check_fence(self, doc, block, recipes):
        _, first, body, marker = block
        if not marker:
            return
        kind, arg, line = marker
        self.claims += 1
        if kind == "output":
            name = arg.split()[0] if arg else ""
            if name not in recipes:
                self.problem(doc, line, f"output: {arg}", "pasted output",
                             f"no recipe {name!r} in tools/docs_outputs.py "
                             f"(known: {', '.join(sorted(recipes)) or 'none'})")
            return
        text = self.tree.text(arg) if arg in self.tree.files else None
        if text is None:
            self.problem(doc, line, f"file: {arg}", "copied file",
                         "no such file in the tree")
        elif text.rstrip("\n").split("\n") != body:
            diff = first_difference(text.rstrip("\n").split("\n"), body)
            self.problem(doc, line, f"file: {arg}", "copied file",
                         f"the block differs from {arg}: {diff}")

    def check_links(self, doc, first, text):
        """Relative Markdown links: the file exists, and so does the
        heading an #anchor names (GitHub's slugs)."""
        masked = mask_spans(text, code_spans(text))
        for m in re.finditer(r"\]\(([^)\s]+)\)", masked):
            target = m.group(1)
            if re.match(r"^[a-z]+:", target):
                continue
            lineno = first + text.count("\n", 0, m.start())
            path, _, anchor = target.partition("#")
            path = os.path.normpath(os.path.join(os.path.dirname(doc.path), path)) \
                if path else doc.path
            self.claims += 1
            if not self.tree.is_file_or_dir(path):
                self.problem(doc, lineno, target, "link", f"no file {path} in the tree")
            elif anchor and path.endswith(".md") and \
                    anchor not in heading_slugs(self.tree.text(path) or ""):
                self.problem(doc, lineno, target, "link",
                             f"no heading in {path} has the anchor #{anchor}")

    def check_para(self, doc, first, lines, header=None):
        text = "\n".join(lines)
        self.check_links(doc, first, text)
        starts = [0]
        for ln in lines[:-1]:
            starts.append(starts[-1] + len(ln) + 1)
        spans = code_spans(text)
        for s, e, content in spans:
            lineno = first + sum(1 for st in starts[1:] if st <= s)
            if linux_context(text, s, spans):
                continue
            self.check_span(doc, lineno, content)

    def check_table(self, doc, first, lines):
        header = split_row(lines[0])
        if "nr" in header and "call" in header:
            self.check_syscall_table(doc, first, lines, header)
        for k, line in enumerate(lines):
            if k == 1:
                continue
            cells = split_row(line)
            for col, cell in enumerate(cells):
                head = header[col] if col < len(header) else ""
                if head.startswith("Linux"):
                    continue
                spans = code_spans(cell)
                for s, e, content in spans:
                    if linux_context(cell, s, spans):
                        continue
                    self.check_span(doc, first + k, content)

    def check_syscall_table(self, doc, first, lines, header):
        nr_col, call_col = header.index("nr"), header.index("call")
        seen = set()
        for k, line in enumerate(lines[2:], start=2):
            cells = split_row(line)
            if len(cells) <= max(nr_col, call_col):
                continue
            nrs = [int(x) for x in re.findall(r"\d+", cells[nr_col])]
            names = [re.match(r"\w+", c).group(0)
                     for _, _, c in code_spans(cells[call_col])
                     if re.match(r"\w+", c)]
            self.claims += 1
            if len(nrs) != len(names):
                self.problem(doc, first + k, cells[call_col], "system-call row",
                             f"{len(nrs)} numbers for {len(names)} calls")
                continue
            for nr, name in zip(nrs, names):
                seen.add(name)
                real = self.tree.syscalls.get(name)
                if real is None:
                    self.problem(doc, first + k, name, "system call",
                                 "no SYS_" + name + " in kernel/uapi/pagoda/syscall.h")
                elif real != nr:
                    self.problem(doc, first + k, name, "system call",
                                 f"the table says {nr}, kernel/uapi/pagoda/syscall.h "
                                 f"says SYS_{name} is {real}")
        missing = sorted((nr, n) for n, nr in self.tree.syscalls.items()
                         if n not in seen)
        self.claims += 1
        if missing:
            self.problem(doc, first, "nr | call", "system-call table",
                         "missing rows for " + ", ".join(
                             f"SYS_{n} ({nr})" for nr, n in missing) +
                         " of kernel/uapi/pagoda/syscall.h")

    # -- one code span
    def check_span(self, doc, line, s):
        bare = s.split("(")[0].removeprefix("->")
        if bare in self.absent or bare in self.linux:
            return
        kind, why = self.judge(s)
        if kind is None:
            return
        self.claims += 1
        if why:
            self.problem(doc, line, s, kind, why)

    def judge(self, s):
        """(kind, None) for a true claim, (kind, why) for a false one,
        (None, None) for a span that is not a claim."""
        t = self.tree
        if len(s) < 2 or re.fullmatch(r"[-+]?(0x[0-9a-fA-F]+|\d[\d,._]*)\w*", s):
            return None, None
        if re.fullmatch(r"-E[A-Z0-9]+", s):
            return self.judge_ident(s[1:])
        if re.fullmatch(r"->[A-Za-z_]\w*", s):
            return self.judge_ident(s[2:])
        if s.startswith(("-", '"', "'", "$ ", "<!--")):
            return None, None
        if s.lower() in HARDWARE or HW_REG_BIT_RE.match(s) or s in HOST_COMMANDS:
            return None, None
        if " " not in s.split("=")[0]:
            m = PARAM_RE.match(s)
            if m and not s.startswith("make "):
                return self.judge_param(m.group(1))
        m = FILE_LINE_RE.match(s)
        if m and ("/" in m.group(1) or "." in m.group(1) or m.group(1) == "Makefile"):
            path, n = m.group(1), int(m.group(2))
            if path not in t.files:
                return "file:line", f"no file {path} in the tree"
            if n < 1 or n > t.nlines(path):
                return "file:line", f"{path} has only {t.nlines(path)} lines"
            return "file:line", None
        m = HEADER_RE.match(s)
        if m:
            for d in INCLUDE_DIRS:
                if os.path.join(d.format(arch=t.arch), m.group(1)).lstrip("./") in t.files:
                    return "header", None
            return "header", f"no {m.group(1)} in " + ", ".join(
                d.format(arch=t.arch) for d in INCLUDE_DIRS[:-1])
        if s.startswith("make ") or s == "make":
            return self.judge_make(s)
        if PATH_RE.match(s) or BARE_FILE_RE.match(s):
            return self.judge_path(s)
        m = STRUCT_RE.match(s)
        if m:
            if m.group(2) in t.structs:
                return m.group(1), None
            return m.group(1), f"no `{m.group(1)} {m.group(2)} {{` in the C sources"
        if re.fullmatch(r"[A-Za-z_]\w*\*?", s):
            return self.judge_ident(s)
        if re.fullmatch(r"[A-Za-z_]\w*\(\)", s) or (
                C_EXPR_RE.match(s) and not re.search(r"[A-Za-z0-9_]\s+[A-Za-z_]", s)):
            return self.judge_expr(s)
        if " " in s:
            return self.judge_words(s)
        return None, None

    def judge_param(self, name):
        """`NAME=value` (a make or environment variable) or `name=value`
        (a kernel parameter, found as a string in the C sources)."""
        t = self.tree
        if name.isupper():
            if name in t.make_vars or name in t.tokens:
                return "variable", None
            return "variable", f"no make variable or name {name} in the tree"
        if name in t.strings or name + "=" in t.strings:
            return "kernel parameter", None
        return "kernel parameter", f"no string \"{name}\" in the C sources"

    def known_name(self, s):
        t = self.tree
        if s in t.tokens or s in t.programs or s in t.make_targets \
                or s in t.basenames:
            return True
        if "*" in s:
            rx = glob_to_re(s)
            return any(rx.match(x) for x in t.tokens)
        return any(rx.fullmatch(s) for rx in t.formats)

    def judge_ident(self, s):
        if self.known_name(s):
            return "name", None
        return "name", "not found in the tree's code (C, assembly, Makefiles, " \
                       "Python, shell; comments excluded) nor as a program"

    def judge_expr(self, s):
        t = self.tree
        code = re.sub(r"'[^']*'|\"[^\"]*\"", " ", s)
        calls = set(re.findall(r"([A-Za-z_]\w*)\s*\(", code))
        bad = []
        for m in re.finditer(r"(?<![\w.])(?<!->)[A-Za-z_]\w*\*?", code):
            name = m.group(0)
            if name in C_KEYWORDS or re.fullmatch(r"0x[0-9a-fA-F]+|[xX]", name):
                continue
            depth = code[:m.start()].count("(") - code[:m.start()].count(")")
            if depth > 0 and name not in calls and not name.isupper():
                continue  # a parameter's name, such as `order` in alloc_pages(order)
            if name in calls:
                if not (name in t.called or name in t.syscalls):
                    bad.append(f"{name}() is not a function or macro of the tree")
            elif not self.known_name(name):
                bad.append(f"{name} is not a name in the tree's code")
        for name in re.findall(r"(?:->|\.)([A-Za-z_]\w*)", code):
            if name not in t.tokens:
                bad.append(f"field {name} is not a name in the tree's code")
        kind = "function" if re.fullmatch(r"[A-Za-z_]\w*\(.*\)", s, re.S) else "C"
        return kind, "; ".join(dict.fromkeys(bad)) or None

    def judge_make(self, s):
        t = self.tree
        bad = []
        try:
            words = shlex.split(s)
        except ValueError:
            words = s.split()
        for w in words[1:]:
            m = re.match(r"^([A-Z_][A-Z0-9_]*)=", w)
            if m:
                if m.group(1) not in t.make_vars:
                    bad.append(f"no make variable {m.group(1)}")
            elif re.fullmatch(r"[a-z][\w\-]*", w):
                if w not in t.make_targets:
                    bad.append(f"no make target {w}")
            elif w.startswith("-") or "<" in w or "'" in w or '"' in w:
                break
        return "make", "; ".join(bad) or None

    def judge_words(self, s):
        """A command line or phrase: only its paths are claims."""
        bad = []
        found = False
        for w in re.split(r"[\s=;,()'\"]+", s):
            w = w.rstrip(".:")
            if "/" in w and PATH_RE.match(w) and not w.startswith("//"):
                found = True
                kind, why = self.judge_path(w)
                if why:
                    bad.append(why)
        if not found:
            return None, None
        return "paths in a command", "; ".join(bad) or None

    def judge_path(self, s):
        t = self.tree
        if s.startswith("/"):
            return self.judge_guest_path(s)
        if s.startswith("build/"):
            last = s.rstrip("/").split("/")[-1]
            stem = re.sub(r"\.\w+$", "", last)
            if last in t.build_words or stem in t.build_words or \
                    any(w.startswith(stem) for w in t.build_words if len(stem) > 3):
                return "build product", None
            return "build product", f"{last} is named by no Makefile, *.mk or tools/ file"
        if "/" not in s:
            if any(c in s for c in "*["):
                rx = glob_to_re(s)
                ok = any(rx.match(b) for b in t.basenames)
            else:
                ok = s in t.basenames or s in t.build_words
            return "file", None if ok else f"no file named {s} in the tree " \
                "(nor a build product named in Makefile, *.mk or tools/)"
        if t.is_file_or_dir(s):
            return "path", None
        return "path", "no such file or directory in the tree (git ls-files)"

    def judge_guest_path(self, s):
        t = self.tree
        parts = s.strip("/").split("/")
        top = parts[0]
        if top == "tmp" or top == "":
            return None, None
        kind = "guest path"
        if top == "xip":  # the XIP store holds every program of /bin
            parts = parts[1:]
            top = parts[0] if parts else ""
            if top in ("", "bin") and len(parts) <= 1:
                return kind, None
        if top in ("bin", "tests") and len(parts) == 2:
            src = f"user/{top}/{parts[1]}.c"
            return kind, None if src in t.files else f"no {src} to build it from"
        if top in ("bin", "tests", "etc") and len(parts) == 1:
            return kind, None
        if top == "etc":
            src = "user/" + "/".join(parts)
            return kind, None if src in t.files else f"no {src} in the initrd"
        if top in ("dev", "proc"):
            if any(s in x for x in t.strings) or any(parts[-1] == x for x in t.strings):
                return kind, None
            return kind, f"no string {s!r} (or {parts[-1]!r}) in the C sources"
        return kind, f"no rule for guest paths under /{top}"


def unfenced_lines(text):
    """(line number, line) of text outside fenced blocks."""
    fenced = False
    for n, line in enumerate(text.split("\n"), 1):
        if FENCE_RE.match(line.lstrip()):
            fenced = not fenced
        elif not fenced:
            yield n, line


def section_lines(text, heading_re):
    """The unfenced lines of the first ## section whose heading matches,
    with its heading's line number (0 and [] if there is none)."""
    start, lines = 0, []
    for n, line in unfenced_lines(text):
        if line.startswith("## ") or line.startswith("# "):
            if start:
                break
            if line.startswith("## ") and re.search(heading_re, line[3:]):
                start = n
        elif start:
            lines.append((n, line))
    return start, lines


def chapter_number(path, text):
    """A chapter's number: its title's ("# 4. Fault-around"), else its file's."""
    m = re.search(r"^# (\d+)\. ", text or "", re.M)
    return int(m.group(1) if m else CHAPTER_PATH_RE.match(path).group(1))


def check_chapter(checker, doc, text, answers):
    """The parts every chapter has: its seeds, labelled exercises, and an
    answer for each exercise in docs/answers.md; and a number of its own."""
    number = chapter_number(doc.path, text)
    tree = checker.tree
    twins = [f for f in sorted(tree.files) if f != doc.path and CHAPTER_PATH_RE.match(f)
             and chapter_number(f, tree.text(f)) == number]
    checker.claims += 1
    if twins:
        checker.problem(doc, 1, f"# {number}.", "chapter",
                        f"{', '.join(twins)} is chapter {number} too: each chapter needs "
                        "its own number (title, file name and ## Chapter N in answers.md)")
    sections = re.findall(rf"^## Chapter {number}$", answers or "", re.M)
    if len(sections) > 1:
        checker.problem(doc, 1, f"# {number}.", "answers",
                        f"{ANSWERS} has {len(sections)} sections ## Chapter {number}")
    checker.claims += 1
    seeds = False
    for n, line in unfenced_lines(text):
        if line.startswith("## "):
            break
        if line.startswith("**Seeds followed**"):
            seeds = "seeds.md#seed-" in text[text.find(line):]
            break
    if not seeds:
        checker.problem(doc, 1, "Seeds followed", "chapter",
                        "no paragraph opening with **Seeds followed** and a link to "
                        "seeds.md#seed-... before the first ## section")
    check_real_world(checker, doc, text)
    start, lines = section_lines(text, r"\bExercises\b")
    checker.claims += 1
    if not start:
        checker.problem(doc, 1, "Exercises", "chapter", "no ## ... Exercises section")
        return
    items = [(n, line) for n, line in lines if EXERCISE_RE.match(line)]
    for k, (n, line) in enumerate(items, 1):
        checker.claims += 1
        got = int(EXERCISE_RE.match(line).group(1))
        if got != k:
            checker.problem(doc, n, f"{got}.", "exercise", f"numbered {got}, expected {k}")
        if not LABEL_RE.search(line):
            checker.problem(doc, n, f"{got}.", "exercise",
                            "its first line has no *(easy|moderate|hard, N min|hours)* label")
    if not items:
        checker.problem(doc, start, "Exercises", "chapter", "the section has no exercises")
    _, answer_lines = section_lines(answers or "", rf"^Chapter {number}$")
    given = [int(ANSWER_RE.match(line).group(1)) for _, line in answer_lines
             if ANSWER_RE.match(line)]
    checker.claims += 1
    want = list(range(1, len(items) + 1))
    if given != want:
        checker.problem(doc, start, "Exercises", "answers",
                        f"{ANSWERS}, ## Chapter {number}, answers {given or 'nothing'}; "
                        f"the chapter has exercises {want}: one **k. answer each, in order")


def check_real_world(checker, doc, text):
    """A section "## In the real world" with prose: what Linux and other
    kernels do instead (a table alone is not prose)."""
    checker.claims += 1
    start, lines = section_lines(text, r"^In the real world$")
    if not start:
        checker.problem(doc, 1, "In the real world", "chapter",
                        "no ## In the real world section (what Linux and other kernels do instead)")
    elif not any(line.strip() and not line.lstrip().startswith("|") for _, line in lines):
        checker.problem(doc, start, "In the real world", "chapter",
                        "the section has no prose")


def heading_slugs(text):
    """The anchors GitHub gives a document's headings."""
    slugs = set()
    for m in re.finditer(r"^#+\s+(.*?)\s*#*$", text, re.M):
        slug = re.sub(r"[^\w\- ]", "", m.group(1).lower()).replace(" ", "-")
        slugs.add(slug)
    return slugs


def first_difference(want, got):
    for i, (a, b) in enumerate(zip(want, got)):
        if a != b:
            return f"line {i + 1} of the file is {a!r}, the block has {b!r}"
    return f"the file has {len(want)} lines, the block {len(got)}"


def load_recipes(root):
    sys.path.insert(0, os.path.join(root, "tools"))
    try:
        import docs_outputs
        return set(docs_outputs.RECIPES)
    except ImportError:
        return set()


def find_docs(tree):
    return sorted(f for f in tree.files
                  if f == "README.md" or (f.startswith("docs/") and f.endswith(".md")))


def run(root, docs=None, verbose=False, out=sys.stdout):
    tree = Tree(root)
    recipes = load_recipes(root)
    docs = docs or find_docs(tree)
    checker = Checker(tree)
    print("KTAP version 1", file=out)
    print("1..1", file=out)
    print("    KTAP version 1", file=out)
    print("    # Subtest: docs_check", file=out)
    print(f"    1..{len(docs)}", file=out)
    failed = 0
    for i, path in enumerate(docs, 1):
        before_claims, before_problems = checker.claims, len(checker.problems)
        text = tree.text(path)
        if text is None:
            checker.problems.append(Problem(path, 0, path, "document", "cannot read it"))
        else:
            checker.check_doc(Doc(path, text), recipes)
            if CHAPTER_PATH_RE.match(path):
                check_chapter(checker, Doc(path, text), text, tree.text(ANSWERS))
        mine = checker.problems[before_problems:]
        for p in mine:
            print(f"    # {p}", file=out)
        n = checker.claims - before_claims
        if verbose or mine:
            print(f"    # {path}: {n} claims, {len(mine)} false", file=out)
        print(f"    {'not ok' if mine else 'ok'} {i} {path}", file=out)
        failed += bool(mine)
    print(f"    # {checker.claims} claims checked in {len(docs)} documents, "
          f"{len(checker.problems)} false", file=out)
    print(f"{'not ok' if failed else 'ok'} 1 docs_check", file=out)
    return checker


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=ROOT)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("docs", nargs="*")
    args = ap.parse_args(argv)
    checker = run(args.root, args.docs, args.verbose)
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
