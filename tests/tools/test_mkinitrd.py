"""Unit tests for tools/mkinitrd.py, which writes the initrd: a cpio archive in
the "newc" format.  The archives it writes are read back with its own parser
and, independently, by walking the bytes as the format describes them.

Run from the repository root with either of
    python3 -m unittest discover -s tests/tools -t .
    python3 tests/tools/test_mkinitrd.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")
sys.path.insert(0, os.path.abspath(TOOLS))
import mkinitrd  # noqa: E402

MKINITRD = os.path.join(os.path.abspath(TOOLS), "mkinitrd.py")


def walk(data):
    """The members of a newc archive, trailer included, as dicts, found by
    following the format byte by byte (independently of mkinitrd.parse)."""
    out = []
    pos = 0
    while pos < len(data):
        assert pos % 4 == 0, "member at unaligned offset %d" % pos
        assert data[pos:pos + 6] == b"070701"
        values = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        m = dict(zip(mkinitrd.FIELDS, values))
        name_start = pos + 110
        name = data[name_start:name_start + m["namesize"]]
        assert name.endswith(b"\0")
        m["name"] = name[:-1].decode()
        data_start = (name_start + m["namesize"] + 3) & ~3
        m["data"] = data[data_start:data_start + m["filesize"]]
        m["offset"] = pos
        out.append(m)
        pos = (data_start + m["filesize"] + 3) & ~3
    assert pos == len(data), "archive does not end on a member boundary"
    return out


class TempFiles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def host_file(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def run_tool(self, *args):
        out = os.path.join(self.dir, "initrd.cpio")
        rc = mkinitrd.main([out] + list(args))
        self.assertEqual(rc, 0)
        with open(out, "rb") as f:
            return f.read()


class RoundTrip(TempFiles):
    def test_contents_come_back(self):
        sh = self.host_file("sh", b"\x7fELF program")
        motd = self.host_file("motd", b"hello\n")
        data = self.run_tool("--exec", "/bin/sh=" + sh, "--file", "/etc/motd=" + motd,
                             "--mkdir", "/tmp")
        entries = {name: (f["mode"], body) for name, f, body in mkinitrd.parse(data)}
        self.assertEqual(entries, {
            "bin": (0o040755, b""),
            "etc": (0o040755, b""),
            "tmp": (0o040755, b""),
            "bin/sh": (0o100755, b"\x7fELF program"),
            "etc/motd": (0o100644, b"hello\n"),
        })

    def test_directories_first_parents_before_children(self):
        f = self.host_file("f", b"x")
        data = self.run_tool("--file", "/a/b/c/f=" + f, "--exec", "/z=" + f,
                             "--mkdir", "/a/b2")
        names = [m["name"] for m in walk(data)]
        self.assertEqual(names, ["a", "a/b", "a/b/c", "a/b2", "a/b/c/f", "z",
                                 "TRAILER!!!"])

    def test_trailing_slash_keeps_host_name(self):
        ls = self.host_file("ls", b"ls")
        data = self.run_tool("--exec", "/bin/=" + ls)
        self.assertIn("bin/ls", [n for n, _, _ in mkinitrd.parse(data)])

    def test_header_fields(self):
        f = self.host_file("f", b"12345")
        members = walk(self.run_tool("--exec", "/bin/f=" + f))
        self.assertEqual([m["ino"] for m in members[:-1]], [1, 2])
        for m in members:
            self.assertEqual(m["uid"], 0)
            self.assertEqual(m["gid"], 0)
            self.assertEqual(m["mtime"], 0)
            self.assertEqual(m["check"], 0)
            self.assertEqual(m["namesize"], len(m["name"]) + 1)
            self.assertEqual(m["filesize"], len(m["data"]))
        self.assertEqual(members[0]["nlink"], 2)  # a directory
        self.assertEqual(members[1]["nlink"], 1)
        self.assertEqual(members[1]["data"], b"12345")

    def test_empty_archive_is_just_the_trailer(self):
        data = mkinitrd.Archive().to_bytes()
        self.assertEqual(mkinitrd.parse(data), [])
        self.assertEqual([m["name"] for m in walk(data)], ["TRAILER!!!"])

    def test_args_from_file(self):
        prog = self.host_file("prog", b"p")
        listing = self.host_file("list", ("--mkdir=/bin\n--exec=/bin/=%s\n" % prog).encode())
        data = self.run_tool("@" + listing)
        self.assertEqual([n for n, _, _ in mkinitrd.parse(data)], ["bin", "bin/prog"])


class Padding(TempFiles):
    def test_every_name_and_data_length_mod_4(self):
        # Names of 1..8 characters and data of 0..7 bytes cover every
        # remainder of header + name and of data modulo 4.
        args = []
        for i in range(8):
            body = bytes(range(1, i + 1))
            args += ["--file", "/%s=%s" % ("n" * (i + 1), self.host_file("h%d" % i, body))]
        data = self.run_tool(*args)
        self.assertEqual(len(data) % 4, 0)
        for m in walk(data):
            name_end = m["offset"] + 110 + m["namesize"]
            data_start = (name_end + 3) & ~3
            self.assertEqual(data[name_end:data_start], b"\0" * (data_start - name_end))
            data_end = data_start + m["filesize"]
            pad_end = (data_end + 3) & ~3
            self.assertEqual(data[data_end:pad_end], b"\0" * (pad_end - data_end))
        lengths = {m["name"]: m["data"] for m in walk(data)}
        for i in range(8):
            self.assertEqual(lengths["n" * (i + 1)], bytes(range(1, i + 1)))

    def test_parser_rejects_bad_padding(self):
        f = self.host_file("f", b"abc")  # one byte of data padding
        data = bytearray(self.run_tool("--file", "/f=" + f))
        m = walk(bytes(data))[0]
        data_end = ((m["offset"] + 110 + m["namesize"] + 3) & ~3) + 3
        data[data_end] = ord("x")
        with self.assertRaises(mkinitrd.Error):
            mkinitrd.parse(bytes(data))


class Trailer(TempFiles):
    def test_trailer_is_last_and_ends_the_archive(self):
        f = self.host_file("f", b"data")
        data = self.run_tool("--file", "/f=" + f)
        last = walk(data)[-1]
        self.assertEqual(last["name"], "TRAILER!!!")
        self.assertEqual((last["mode"], last["filesize"], last["ino"]), (0, 0, 0))
        self.assertEqual(last["nlink"], 1)

    def test_parser_needs_the_trailer(self):
        f = self.host_file("f", b"data")
        data = self.run_tool("--file", "/f=" + f)
        cut = walk(data)[-1]["offset"]
        with self.assertRaises(mkinitrd.Error):
            mkinitrd.parse(data[:cut])
        with self.assertRaises(mkinitrd.Error):
            mkinitrd.parse(data + b"\0\0\0\0")


class Determinism(TempFiles):
    def test_same_bytes_whatever_the_order_and_timestamps(self):
        a = self.host_file("a", b"A" * 100)
        b = self.host_file("b", b"B" * 3)
        first = self.run_tool("--exec", "/bin/a=" + a, "--file", "/etc/b=" + b)
        os.utime(a, (1, 1))
        os.utime(b, (2000000000, 2000000000))
        second = self.run_tool("--file", "/etc/b=" + b, "--exec", "/bin/a=" + a)
        self.assertEqual(first, second)


class Errors(TempFiles):
    def test_bad_paths_and_duplicates(self):
        f = self.host_file("f", b"")
        out = os.path.join(self.dir, "out.cpio")
        for args in (["--file", "/bin/../etc=" + f],
                     ["--file", "=" + f],
                     ["--file", "/x=" + f, "--exec", "/x=" + f],
                     ["--mkdir", "/x", "--file", "/x=" + f],
                     ["--file", "/x"],
                     ["--file", "/x=" + os.path.join(self.dir, "missing")]):
            with self.subTest(args=args):
                if os.path.exists(out):
                    os.remove(out)
                with open(os.devnull, "w") as null:
                    saved, sys.stderr = sys.stderr, null
                    try:
                        self.assertEqual(mkinitrd.main([out] + args), 1)
                    finally:
                        sys.stderr = saved
                self.assertFalse(os.path.exists(out))


class CommandLine(TempFiles):
    def test_script_writes_and_lists(self):
        f = self.host_file("motd", b"hi\n")
        out = os.path.join(self.dir, "i.cpio")
        subprocess.run([sys.executable, MKINITRD, out, "--file", "/etc/motd=" + f],
                       check=True)
        listing = subprocess.run([sys.executable, MKINITRD, "--list", out],
                                 check=True, capture_output=True, text=True).stdout
        self.assertEqual(listing.splitlines(),
                         ["040755        0 /etc", "100644        3 /etc/motd"])

    @unittest.skipUnless(shutil.which("cpio"), "GNU cpio not installed")
    def test_gnu_cpio_reads_it(self):
        f = self.host_file("sh", b"#!/bin/true\n")
        data = self.run_tool("--exec", "/bin/sh=" + f)
        listing = subprocess.run(["cpio", "-it", "--quiet"], input=data,
                                 check=True, capture_output=True).stdout.decode()
        self.assertEqual(listing.split(), ["bin", "bin/sh"])


if __name__ == "__main__":
    unittest.main()
