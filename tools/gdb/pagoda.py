"""gdb helpers for Pagoda's VM: look at a stopped kernel the way the course
text draws it.  Loaded by the gdbinit that `make gdb` writes:

    pagoda-ps                 every task: pid, name, state, mm
    pagoda-vmas [PID]         a process's VMAs (default: current's)
    pagoda-pte ADDR [PID]     walk the page tables for ADDR, level by level
    pagoda-page PFN|ADDR      decode a struct page: flags, _refcount,
                              _mapcount, mapping, index
    pagoda-profile [N]        from a stop in user space, step one turn of
                              the program's loop (until it is back at this
                              instruction after the kernel has run) and
                              count the instructions by function (top N)

pagoda-pte leaves the frame it found in $pfn, so `pagoda-page $pfn` follows.
`$current()` is the task running on the CPU gdb shows (`current` is a
macro over per-CPU data): `print $current()->mm->rss`.
Arguments are gdb expressions: `pagoda-pte $rsp`, `pagoda-page vma->vm_start`.

Types, fields and enums (struct page, enum pageflags) come from the kernel's
debug information; the macros (the _PAGE_* bits, PAGE_OFFSET, VM_*) from
pagoda_consts, which the build generates from the headers
(tools/gdb/mkconsts.py).  Like Linux's scripts/gdb, these read memory only:
they never call kernel functions or change state (pagoda-profile only
steps the CPU on, as stepi does).
"""

import gdb

from pagoda_consts import CONSTS

PAGE_SHIFT = CONSTS["PAGE_SHIFT"]
PAGE_OFFSET = CONSTS["PAGE_OFFSET"]
ADDR_MASK = CONSTS["PTE_ADDR_MASK"]
TABLE_BITS = CONSTS["PTRS_PER_TABLE"].bit_length() - 1
# x86_64's four levels, named as Linux's generic code names them.
LEVELS = ("pgd", "pud", "pmd", "pte")
PTE_BITS = {name[len("_PAGE_"):].lower(): value
            for name, value in CONSTS.items() if name.startswith("_PAGE_")}


def ulong(value):
    return int(value.cast(gdb.lookup_type("unsigned long")))


def read_u64(addr):
    data = gdb.selected_inferior().read_memory(addr, 8)
    return int.from_bytes(bytes(data), "little")


def list_entries(head, type_name, member):
    """The structs on a list_head ring, as Linux's list_for_each_entry."""
    struct = gdb.lookup_type(type_name)
    offset = next(f.bitpos // 8 for f in struct.fields() if f.name == member)
    pointer = struct.pointer()
    node = head["next"]
    while ulong(node) != ulong(head.address):
        yield gdb.Value(ulong(node) - offset).cast(pointer).dereference()
        node = node["next"]


def current_task():
    """current on the CPU gdb looks at: QEMU shows each CPU as a thread,
    numbered from 1, and the kernel's `current` is per-CPU data."""
    cpu = gdb.selected_thread().num - 1
    return gdb.parse_and_eval(f"per_cpu_data[{cpu}].current_task")


class CurrentFunction(gdb.Function):
    """$current(): the kernel's current, the task on the CPU gdb looks at
    (`current` itself is a macro over per-CPU data, unknown to gdb)."""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return current_task()


def find_task(arg):
    """The task whose pid is arg, or current if arg is empty."""
    if not arg.strip():
        return current_task().dereference()
    pid = int(gdb.parse_and_eval(arg))
    for task in list_entries(gdb.parse_and_eval("all_tasks"), "struct task_struct",
                             "task_link"):
        if int(task["pid"]) == pid:
            return task
    raise gdb.GdbError(f"no task with pid {pid}")


def task_mm(task):
    mm = task["mm"]
    if ulong(mm) == 0:
        raise gdb.GdbError(f"pid {int(task['pid'])} is a kernel thread: no mm")
    return mm.dereference()


def bit_names(value, bits):
    """Names of the bits set in value, from a {name: bit value} table."""
    names = [name for name, bit in sorted(bits.items(), key=lambda nb: nb[1])
             if bit and bit & (bit - 1) == 0 and value & bit]
    return " ".join(names)


class PagodaPs(gdb.Command):
    """List every task: pagoda-ps."""

    def __init__(self):
        super().__init__("pagoda-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        current = ulong(current_task())
        print("  PID NAME             MM")
        for task in list_entries(gdb.parse_and_eval("all_tasks"), "struct task_struct",
                                 "task_link"):
            mark = "*" if ulong(task.address) == current else " "
            name = task["comm"].string()
            print(f"{mark}{int(task['pid']):4} {name:16} {ulong(task['mm']):#x}")


class PagodaVmas(gdb.Command):
    """Print a process's VMAs: pagoda-vmas [PID] (default: current)."""

    def __init__(self):
        super().__init__("pagoda-vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        task = find_task(arg)
        mm = task_mm(task)
        vm_bits = {n[3:].lower(): v for n, v in CONSTS.items() if n.startswith("VM_")}
        print(f"pid {int(task['pid'])} ({task['comm'].string()}): mm {ulong(mm.address):#x}, "
              f"pgd {ulong(mm['pgd']):#x}, rss {int(mm['rss'])} pages")
        for vma in list_entries(mm["mmap"], "struct vm_area_struct", "vm_list"):
            flags = ulong(vma["vm_flags"])
            perms = "".join(c if flags & CONSTS[f"VM_{n}"] else "-"
                            for c, n in (("r", "READ"), ("w", "WRITE"), ("x", "EXEC")))
            perms += "s" if flags & CONSTS["VM_SHARED"] else "p"
            start, end = ulong(vma["vm_start"]), ulong(vma["vm_end"])
            what = "anon"
            if ulong(vma["vm_file"]):
                what = f"file inode {int(vma['vm_file']['f_inode']['i_ino'])}"
            print(f"  {start:#014x}-{end:#014x} {perms} {(end - start) >> 10:7} KiB "
                  f"pgoff {ulong(vma['vm_pgoff']):#x} {what}  [{bit_names(flags, vm_bits)}]")


class PagodaPte(gdb.Command):
    """Walk the page tables for an address: pagoda-pte ADDR [PID].

    Prints each level's entry (index, raw value, flag bits) down to the
    leaf or the first entry that is not present, and sets $pfn to the page
    frame mapped, if any.  A kernel address is walked in current's tables,
    whose top half every address space shares."""

    def __init__(self):
        super().__init__("pagoda-pte", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: pagoda-pte ADDR [PID]")
        addr = ulong(gdb.parse_and_eval(args[0])) & 0xFFFFFFFFFFFFFFFF
        table = ulong(task_mm(find_task(" ".join(args[1:])))["pgd"])
        print(f"{addr:#x}:")
        for level, name in enumerate(LEVELS):
            shift = PAGE_SHIFT + TABLE_BITS * (len(LEVELS) - 1 - level)
            index = (addr >> shift) & ((1 << TABLE_BITS) - 1)
            entry = read_u64(table + 8 * index)
            phys = entry & ADDR_MASK
            print(f"  {name} [{index:3}] {entry:#018x} phys {phys:#x} "
                  f"[{bit_names(entry, PTE_BITS)}]")
            if not entry & CONSTS["_PAGE_PRESENT"]:
                if entry:
                    print("  not present: swapped out or PROT_NONE (see the bits)")
                else:
                    print("  not present: nothing mapped here")
                return
            leaf = name == "pte" or (name != "pgd" and entry & CONSTS["_PAGE_PSE"])
            if leaf:
                offset = addr & ((1 << shift) - 1)
                pfn = (phys + offset) >> PAGE_SHIFT
                gdb.set_convenience_variable("pfn", pfn)
                print(f"  -> pfn {pfn:#x}, physical {phys + offset:#x}"
                      f"{' (a large page)' if name != 'pte' else ''}; "
                      "pagoda-page $pfn decodes its struct page")
                return
            table = PAGE_OFFSET + phys  # the next table, through the direct map


class PagodaPage(gdb.Command):
    """Decode a struct page: pagoda-page PFN, or a direct-map address, or a
    struct page pointer.  Shows the flags (by enum pageflags' names),
    _refcount, _mapcount (as stored: the number of PTEs mapping the page),
    mapping and index."""

    def __init__(self):
        super().__init__("pagoda-page", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: pagoda-page PFN|ADDR")
        value = gdb.parse_and_eval(arg)
        mem_map = gdb.parse_and_eval("mem_map")
        max_pfn = int(gdb.parse_and_eval("max_pfn"))
        size = mem_map.dereference().type.sizeof
        number = ulong(value)
        start = ulong(mem_map)
        if start <= number < start + max_pfn * size:
            pfn = (number - start) // size
        elif number >= PAGE_OFFSET:
            pfn = (number - PAGE_OFFSET) >> PAGE_SHIFT
        else:
            pfn = number
        if pfn >= max_pfn:
            raise gdb.GdbError(f"pfn {pfn:#x} has no struct page (max_pfn {max_pfn:#x})")
        page = mem_map[pfn]
        flags = ulong(page["flags"])
        enum = gdb.lookup_type("enum pageflags")
        names = [f.name for f in enum.fields() if flags & (1 << f.enumval)]
        print(f"struct page {ulong(page.address):#x}: pfn {pfn:#x}, "
              f"physical {pfn << PAGE_SHIFT:#x}")
        print(f"  flags     {flags:#x} [{' '.join(names)}]")
        # atomic_t (kernel/atomic.h): the value is its counter.
        print(f"  _refcount {int(page['_refcount']['counter'])}")
        print(f"  _mapcount {int(page['_mapcount']['counter'])}")
        owner = "slab_cache" if "PG_slab" in names else "mapping"
        print(f"  {owner:9} {ulong(page['mapping']):#x}")
        print(f"  index     {ulong(page['index']):#x}")


def function_at(pc):
    """The name of the function pc is in; an inlined function counts as
    itself, as it reads in the source.  Assembly has no debug blocks: its
    name comes from the symbol table (info symbol)."""
    block = gdb.block_for_pc(pc)
    while block is not None and block.function is None:
        block = block.superblock
    if block is not None:
        return block.function.name
    where = gdb.execute(f"info symbol {pc:#x}", to_string=True).split()
    return where[0] if where and where[0] != "No" else f"{pc:#x}"


def step_pc():
    gdb.execute("stepi", to_string=True)
    return ulong(gdb.parse_and_eval("$pc"))


LIMIT = 1_000_000  # pagoda-profile's steps at most: about ten minutes of gdb


class PagodaProfile(gdb.Command):
    """Where one turn of a user program's loop spends its instructions:
    pagoda-profile [N].  Stopped in user space (or in the kernel, which
    is first stepped out of), it steps until the CPU is back at the same
    user instruction after the kernel has run (the next fault, system
    call or interrupt of the loop, and the return to the instruction that
    caused it), then prints the instructions per function, the N largest
    (default 25), with the user side as "(user)".  QEMU's single step
    keeps interrupts out, and counts a rep-prefixed instruction once per
    iteration, as -icount does."""

    def __init__(self):
        super().__init__("pagoda-profile", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        top = int(gdb.parse_and_eval(arg)) if arg else 25
        task_size = CONSTS["TASK_SIZE"]
        pc = ulong(gdb.parse_and_eval("$pc"))
        while pc >= task_size:
            pc = step_pc()
        start, counts, kernel, total = pc, {}, False, 0
        while total < LIMIT:
            if pc < task_size:
                name = "(user)"
            else:
                kernel, name = True, function_at(pc)
            counts[name] = counts.get(name, 0) + 1
            total += 1
            pc = step_pc()
            if kernel and pc == start:
                break
        else:
            raise gdb.GdbError(f"not back at {start:#x} after {LIMIT} instructions")
        print(f"{total} instructions from {start:#x} back to it")
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        for name, n in ranked[:top]:
            print(f"{n:8} {100 * n / total:5.1f}%  {name}")
        rest = sum(n for _, n in ranked[top:])
        if rest:
            print(f"{rest:8} {100 * rest / total:5.1f}%  ({len(ranked) - top} more)")


PagodaPs()
PagodaVmas()
PagodaPte()
PagodaPage()
PagodaProfile()
CurrentFunction()
