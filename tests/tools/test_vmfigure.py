"""Tests for tools/vmfigure.py's drawing, from canned monitor output."""

import os
import sys
import unittest
import xml.dom.minidom

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import vmfigure  # noqa: E402

VMAS = ["vma 400000 402000 r-x 1 file",
        "vma 7fffffeb7000 7fffffebb000 rw- 1 ",
        "noise"]
TLB = ["0000000000400000: 00000000007cb000 ----A--U-",
       "00007fffffeb7000: 000000000078b000 X---A--U-",
       "00007fffffeb8000: 0000000000227000 X--DA--UW",
       "00007fffffeb9000: 000000000078b000 X---A--U-",
       "ffff800000000000: 0000000000000000 X-PDA---W"]


class VmFigureTest(unittest.TestCase):
    def test_parse_keeps_user_translations(self):
        vmas, ptes = vmfigure.parse(VMAS, TLB)
        self.assertEqual(len(vmas), 2)
        self.assertEqual(len(ptes), 4)  # the kernel-half line is dropped
        self.assertEqual(ptes[0x7fffffeb8000], (0x227, "X--DA--UW"))

    def test_cells_tell_writable_read_only_and_shared_frames(self):
        vmas, ptes = vmfigure.parse(VMAS, TLB)
        shared = {0x78b}
        kinds = [vmfigure.cell_kind(0x7fffffeb7000 + i * 4096, ptes, shared)
                 for i in range(4)]
        self.assertEqual(kinds, ["shared", "write", "shared", "none"])
        self.assertEqual(vmfigure.cell_kind(0x400000, ptes, shared), "read")

    def test_render_is_svg_with_a_cell_per_page(self):
        vmas, ptes = vmfigure.parse(VMAS, TLB)
        svg = vmfigure.render(vmas, ptes, "t")
        doc = xml.dom.minidom.parseString(svg)
        cells = [r for r in doc.getElementsByTagName("rect") if r.getElementsByTagName("title")]
        self.assertEqual(len(cells), 2 + 4)
        self.assertIn("4 present user pages in 2 page tables", svg)

    def test_indexes_split_the_address(self):
        self.assertEqual(vmfigure.indexes(0x7fffffebc000), [255, 511, 511, 188])

    def test_no_vmas_is_an_error(self):
        with self.assertRaises(RuntimeError):
            vmfigure.parse(["noise"], TLB)


if __name__ == "__main__":
    unittest.main()
