"""Parser for KTAP version 1, the test-result format Pagoda's kernel prints.

The kernel (and host test programs) print KTAP the way Linux KUnit does:
suites at the top level, their cases indented four spaces deeper, each
result line `ok N name` or `not ok N name`, optionally followed by a
`# SKIP reason` directive.  Anything that is not KTAP (boot messages,
kernel log lines) may be interleaved and is ignored here.

Nesting is read from indentation, relative to the enclosing block: KUnit
indents by four spaces, the KTAP v1 specification's examples by two, and
either (or a mix) parses the same.  Counting follows Linux's KUnit parser
(tools/testing/kunit/kunit_parser.py), and tests/tools/test_ktap.py holds
logs with the counts that parser gives for them:
  - only leaves (test cases) are counted; a suite's own result line adds a
    failure only when it says "not ok" and nothing below failed or was
    skipped, or when it has no cases at all;
  - `# SKIP` (upper case, as KTAP spells it) makes a result skipped; any
    other comment, `# TODO` included, leaves ok/not ok as printed;
  - when the output stops short of a plan (a crash, a panic, a hang), or a
    block's parent prints its result before the block's plan is complete,
    each missing result counts as one crashed test.  finish() also writes those
    results out, `not ok N # ERROR crashed`, so that a log completed with
    them is whole KTAP again.  Crashed tests are failures.

The parser is incremental so tools/run.py can report each suite the
moment its result line arrives:

    parser = KtapParser()
    for line in output:
        suite = parser.feed(line)      # a finished top-level Test, or None
    report = parser.finish()           # totals, failures, protocol errors

`parse(text)` does both steps for a whole string.
"""

import re
from dataclasses import dataclass, field

VERSION_RE = re.compile(r"K?TAP version \d+\s*$")
PLAN_RE = re.compile(r"1\.\.(\d+)\b")
# The test number is required: it keeps stray log words such as "ok" from
# being mistaken for results.
RESULT_RE = re.compile(r"(not )?ok (\d+)\b\s*(?:- )?([^#]*?)\s*(?:#\s*(.*))?$")
DIRECTIVE_RE = re.compile(r"SKIP\b\s*(.*)$")
CRASHED = "ERROR crashed"
SUBTEST_RE = re.compile(r"#\s*Subtest:\s*(.*?)\s*$")


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0   # crashed tests included
    skipped: int = 0
    crashed: int = 0  # of the failed: results the output never reached

    def __add__(self, other):
        return Counts(self.passed + other.passed,
                      self.failed + other.failed,
                      self.skipped + other.skipped,
                      self.crashed + other.crashed)

    @property
    def total(self):
        return self.passed + self.failed + self.skipped


@dataclass
class Test:
    """One result line, with the subtest block printed above it (if any)."""
    name: str
    number: int
    ok: bool
    skipped: bool = False
    diagnostics: list = field(default_factory=list)
    subtests: list = None  # None: a leaf, i.e. a test case
    crashed: bool = False  # written by finish(), not by the test

    @property
    def failed(self):
        return not self.ok and not self.skipped

    def counts(self):
        """Count leaves only: a suite's own result line is a summary."""
        if self.subtests is None:
            if self.crashed:
                return Counts(failed=1, crashed=1)
            if self.skipped:
                return Counts(skipped=1)
            return Counts(passed=1) if self.ok else Counts(failed=1)
        total = Counts()
        for test in self.subtests:
            total += test.counts()
        if self.crashed:
            return total
        if not self.subtests:
            # A suite that failed or was skipped before running any case
            # (e.g. its init failed) would otherwise vanish from the totals.
            if self.skipped:
                total.skipped += 1
            elif not self.ok:
                total.failed += 1
        elif self.failed and total.failed == 0 and total.passed:
            total.failed += 1
        return total

    def failures(self, prefix=""):
        """(dotted path, diagnostics) for every failure counted above."""
        path = prefix + self.name
        if self.crashed:
            return []  # summed up by the "output stopped" error
        if self.subtests is None:
            return [(path, self.diagnostics)] if self.failed else []
        found = []
        for test in self.subtests:
            found += test.failures(path + ".")
        if self.failed and not found:
            found.append((path, self.diagnostics))
        return found


@dataclass
class Report:
    """Everything a finished parse knows."""
    suites: list
    counts: Counts
    failures: list  # (dotted path, diagnostic lines)
    errors: list    # protocol problems: missing plan, truncated output
    completion: list = field(default_factory=list)  # KTAP lines for crashed results


@dataclass
class _Group:
    """A KTAP block at one indentation level whose results are still coming."""
    name: str = ""
    indent: int = 0  # columns before this block's lines
    plan: int = None
    results: list = field(default_factory=list)
    pending: list = field(default_factory=list)  # diagnostics awaiting a result

    def is_stray(self):
        """True if this holds at most diagnostics: no real subtest block."""
        return not self.name and self.plan is None and not self.results


class KtapParser:
    def __init__(self):
        # stack[d] is the open block at depth d; stack[0] is the top level.
        self.stack = [_Group()]
        self.started = False  # output before the top-level header is boot chatter
        self.errors = []

    def feed(self, line):
        """Take one output line; return a Test when a top-level result ends."""
        line = line.rstrip("\r\n")
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        if not self.started:
            # Output before the top-level header is boot chatter.
            if VERSION_RE.match(text):
                self.started = True
                self.stack[0].indent = indent
            return None
        depth = self._depth(indent)
        if VERSION_RE.match(text):
            self._open(depth, indent)
        elif m := PLAN_RE.match(text):
            self._group(depth, indent).plan = int(m.group(1))
        elif m := SUBTEST_RE.match(text):
            self._group(depth, indent).name = m.group(1)
        elif text.startswith("#"):
            self._group(depth, indent).pending.append(text)
        elif m := RESULT_RE.match(text):
            test = self._result(depth, indent, m)
            return test if depth == 0 else None
        return None

    def finish(self):
        """End of output: check plans, complete them, total everything up."""
        errors = list(self.errors)
        top = self.stack[0]
        if not self.started or top.plan is None:
            errors.append("no KTAP plan")
        elif len(top.results) > top.plan:
            errors.append(f"top level: planned {top.plan} results, got {len(top.results)}")
        stopped = self._where_stopped()
        if stopped:
            errors.append(stopped)
        completion = self._complete()
        suites = self.stack[0].results
        counts, failures = Counts(), []
        for suite in suites:
            counts += suite.counts()
            failures += suite.failures()
        return Report(suites, counts, failures, errors, completion)

    def _complete(self):
        """Fold the blocks the output left open into their parents, each
        result their plans still owe marked crashed (as KUnit counts them);
        return the KTAP lines of those results, which would close the log."""
        lines = []
        # A block holding only stray diagnostics is not an unfinished test.
        while len(self.stack) > 1 and self.stack[-1].is_stray():
            self.stack.pop()
        while True:
            group = self.stack[-1]
            pad = " " * group.indent
            for n in range(len(group.results) + 1, (group.plan or 0) + 1):
                group.results.append(Test(name=f"#{n}", number=n, ok=False,
                                          crashed=True))
                lines.append(f"{pad}not ok {n} # {CRASHED}")
            if len(self.stack) == 1:
                return lines
            self.stack.pop()
            parent = self.stack[-1]
            n = len(parent.results) + 1
            parent.results.append(Test(name=group.name or f"#{n}", number=n,
                                       ok=False, crashed=True,
                                       subtests=group.results))
            name = f" {group.name}" if group.name else ""
            lines.append(f"{' ' * parent.indent}not ok {n}{name} # {CRASHED}")

    def _depth(self, indent):
        """The nesting depth of a line indented `indent` columns: that of the
        open block with the same indentation, or one below the deepest block
        indented less (a new level, whatever its width)."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].indent <= indent:
                return depth + (self.stack[depth].indent < indent)
        return 0

    def _group(self, depth, indent):
        """The open block at `depth`, creating missing levels (tolerance for
        output that skips the optional `KTAP version` line of a subtest)."""
        while len(self.stack) <= depth:
            self.stack.append(_Group(indent=indent))
        return self.stack[depth]

    def _open(self, depth, indent):
        if depth == 0:
            return  # a repeated top-level header changes nothing
        # "# Subtest:" may come before the version line; keep its name.
        old = self.stack[depth] if len(self.stack) > depth else None
        name = old.name if old is not None and not old.results else ""
        if old is not None and old.results:
            self.errors.append(f"{self._path(depth)}: ended without a result line")
        self._close_below(depth - 1)
        self.stack.append(_Group(name=name, indent=indent))

    def _result(self, depth, indent, m):
        not_ok, number, name, comment = m.groups()
        directive = DIRECTIVE_RE.match(comment or "")
        group = self._group(depth, indent)
        expected = len(group.results) + 1
        if int(number) != expected:
            self.errors.append(f"{self._path(depth)}: result number {number} "
                               f"where {expected} was expected")
        sub = self.stack[depth + 1] if len(self.stack) > depth + 1 else None
        self._close_below(depth)
        test = Test(name=name or (sub.name if sub else "") or f"#{number}",
                    number=int(number), ok=not not_ok,
                    skipped=directive is not None,
                    diagnostics=group.pending)
        if sub is not None:
            if not sub.is_stray():
                test.subtests = sub.results
            # Lines like "# failed to initialize" sit at the subtest's depth.
            test.diagnostics = test.diagnostics + sub.pending
        group.pending = []
        group.results.append(test)
        return test

    def _close_below(self, depth):
        """Pop every block deeper than `depth`, checking each one's plan."""
        while len(self.stack) > depth + 1:
            where = self._path(len(self.stack) - 1)
            group = self.stack.pop()
            got = len(group.results)
            if group.plan is not None and got != group.plan:
                self.errors.append(f"{where}: planned {group.plan} results, got {got}")
            # The parent's result came first: the rest crashed (a killed
            # user test program, say), as KUnit counts them.
            for n in range(got + 1, (group.plan or 0) + 1):
                group.results.append(Test(name=f"#{n}", number=n, ok=False,
                                          crashed=True))

    def _path(self, depth):
        names = [g.name or "(unnamed)" for g in self.stack[1:depth + 1]]
        return ".".join(names) or "top level"

    def _where_stopped(self):
        """Describe the innermost block the output left unfinished, if any."""
        depth = len(self.stack) - 1
        # A block holding only stray diagnostics is not an unfinished test.
        while depth > 0 and self.stack[depth].is_stray():
            depth -= 1
        group = self.stack[depth]
        if depth == 0 and (group.plan is None or len(group.results) >= group.plan):
            return None
        planned = "?" if group.plan is None else group.plan
        text = (f"output stopped in {self._path(depth)} after "
                f"{len(group.results)} of {planned} results")
        if group.results:
            text += f" (last: {group.results[-1].name})"
        return text


def parse(text):
    """Parse a whole captured output at once."""
    parser = KtapParser()
    for line in text.splitlines():
        parser.feed(line)
    return parser.finish()
