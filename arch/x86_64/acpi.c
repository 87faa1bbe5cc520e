// SPDX-License-Identifier: MIT
/*
 * ACPI, as much as powering off and resetting a PC needs.  The firmware
 * (SeaBIOS, a UEFI's, a real PC's) describes the machine in tables; the
 * ports to write are whatever those tables say, not numbers that happen
 * to be right under QEMU.
 *
 *   RSDP   the root pointer.  GRUB copies it into the Multiboot2
 *          information (tag 14 for ACPI 1.0, 15 for 2.0 and later); on a
 *          BIOS machine it is also found by searching the first KiB of the
 *          EBDA and 0xe0000-0xfffff for "RSD PTR " on 16-byte boundaries.
 *   RSDT   a list of 32-bit table addresses (XSDT: 64-bit, preferred).
 *   FADT   ("FACP") the fixed hardware: the PM1a/PM1b control ports,
 *          the SMI command port that switches the machine into ACPI mode,
 *          the reset register, and the address of the DSDT.
 *   DSDT   AML byte code.  The sleep type for soft-off (S5) is the first
 *          two elements of the package named \_S5.  Running AML needs an
 *          interpreter (Linux has ACPICA); finding one named package does
 *          not, so acpi_parse_s5() decodes just that, as small kernels do.
 *
 * Power-off writes SLP_TYP | SLP_EN to PM1a_CNT (and PM1b_CNT); reset writes
 * the FADT's reset value to its reset register.  Tables live in memory the
 * firmware reserved, which the direct map does not cover, so each is
 * mapped with ioremap (never undone: they are read for the whole boot).
 */
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/pci.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* No sane table is larger; a bigger length is a corrupt header. */
#define ACPI_TABLE_MAX (4 * MiB)

#define BIOS_EBDA_SEGMENT 0x40e /* in the BIOS data area: EBDA >> 4 */
#define BIOS_ROM_START 0xe0000
#define BIOS_ROM_END 0x100000

struct acpi_info acpi_info;

bool acpi_checksum_ok(const void *table, size_t len)
{
	const u8 *p = table;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum == 0;
}

static bool rsdp_valid(const struct acpi_rsdp *rsdp, size_t room)
{
	if (room < 20 || memcmp(rsdp->signature, "RSD PTR ", 8) ||
	    !acpi_checksum_ok(rsdp, 20))
		return false;
	if (rsdp->revision < 2)
		return true;
	return room >= sizeof(*rsdp) && rsdp->length >= sizeof(*rsdp) &&
	       acpi_checksum_ok(rsdp, sizeof(*rsdp));
}

/* Called by setup_arch for the Multiboot2 ACPI tags; the newer one wins. */
void acpi_set_rsdp(const void *rsdp, size_t len)
{
	if (!rsdp_valid(rsdp, len))
		return;
	if (acpi_info.rsdp_source && acpi_info.rsdp.revision >= 2)
		return;
	memcpy(&acpi_info.rsdp, rsdp, min(len, sizeof(acpi_info.rsdp)));
	acpi_info.rsdp_source = "boot loader";
}

/* The BIOS's RSDP areas, mapped once (NULL on a machine without them). */
static const u8 *ebda_area, *bios_rom_area;

static void map_bios_areas(void)
{
	const u16 *ebda_segment = ioremap(BIOS_EBDA_SEGMENT, 2);
	phys_addr_t ebda_pa = 0;

	if (ebda_segment)
		ebda_pa = (phys_addr_t)*ebda_segment << 4;
	if (ebda_pa >= 0x80000 && ebda_pa < BIOS_ROM_START)
		ebda_area = ioremap(ebda_pa, 1 * KiB);
	bios_rom_area = ioremap(BIOS_ROM_START, BIOS_ROM_END - BIOS_ROM_START);
}

static const struct acpi_rsdp *scan_for_rsdp(const u8 *area, size_t len)
{
	if (!area)
		return NULL;
	for (size_t off = 0; off + 20 <= len; off += 16)
		if (rsdp_valid((const void *)(area + off), len - off))
			return (const void *)(area + off);
	return NULL;
}

/* Where the ACPI specification says a BIOS leaves the RSDP; NULL if absent. */
const struct acpi_rsdp *acpi_scan_bios_area(void)
{
	const struct acpi_rsdp *found = scan_for_rsdp(ebda_area, 1 * KiB);

	if (!found)
		found = scan_for_rsdp(bios_rom_area,
				      BIOS_ROM_END - BIOS_ROM_START);
	return found;
}

/* Map a whole table and check it; NULL if it is not a valid table. */
static const struct acpi_table_header *map_table(phys_addr_t pa)
{
	const struct acpi_table_header *hdr;
	u32 len;

	if (!pa)
		return NULL;
	hdr = ioremap(pa, sizeof(*hdr));
	if (!hdr)
		return NULL;
	len = hdr->length;
	if (len < sizeof(*hdr) || len > ACPI_TABLE_MAX)
		return NULL;
	hdr = ioremap(pa, len);
	if (!hdr || !acpi_checksum_ok(hdr, len))
		return NULL;
	return hdr;
}

/*
 * The tables the XSDT (8-byte entries) or else the RSDT (4-byte entries)
 * lists, mapped once by acpi_init: ioremap space and its page tables are
 * never given back, so nothing maps a table twice.
 */
#define ACPI_MAX_TABLES 32
static const struct acpi_table_header *tables[ACPI_MAX_TABLES];
static unsigned int nr_tables;

static void map_listed_tables(const struct acpi_table_header *root,
			      size_t entry_size)
{
	size_t n = (root->length - sizeof(*root)) / entry_size;

	for (size_t i = 0; i < n && nr_tables < ACPI_MAX_TABLES; i++) {
		u64 pa = 0;

		/* entries are not aligned */
		memcpy(&pa, (const u8 *)(root + 1) + i * entry_size,
		       entry_size);
		tables[nr_tables] = map_table(pa);
		if (tables[nr_tables])
			nr_tables++;
	}
}

static bool map_root_tables(void)
{
	const struct acpi_rsdp *rsdp = &acpi_info.rsdp;
	const struct acpi_table_header *root = NULL;
	size_t entry_size = 8;

	if (rsdp->revision >= 2 && rsdp->xsdt_address)
		root = map_table(rsdp->xsdt_address);
	if (!root) {
		root = map_table(rsdp->rsdt_address);
		entry_size = 4;
	}
	if (!root)
		return false;
	map_listed_tables(root, entry_size);
	return true;
}

/* The first valid table with this signature that the root table lists. */
const struct acpi_table_header *acpi_find_table(const char sig[4])
{
	for (unsigned int i = 0; i < nr_tables; i++)
		if (!memcmp(tables[i]->signature, sig, 4))
			return tables[i];
	return NULL;
}

/*
 * An AML integer constant at p: ZeroOp, OneOp, OnesOp or a Byte/Word/
 * DWord prefix with its little-endian value.  Its length, or 0.
 */
static size_t aml_integer(const u8 *p, const u8 *end, u32 *val)
{
	static const u8 prefix_bytes[] = { [0x0a] = 1, [0x0b] = 2, [0x0c] = 4 };
	size_t n;

	if (p >= end)
		return 0;
	switch (*p) {
	case 0x00: /* ZeroOp */
	case 0x01: /* OneOp */
		*val = *p;
		return 1;
	case 0xff: /* OnesOp */
		*val = ~0u;
		return 1;
	case 0x0a: /* BytePrefix */
	case 0x0b: /* WordPrefix */
	case 0x0c: /* DWordPrefix */
		n = prefix_bytes[*p];
		if ((size_t)(end - p) < 1 + n)
			return 0;
		*val = 0;
		memcpy(val, p + 1, n);
		return 1 + n;
	}
	return 0;
}

/*
 * Find "Name(\_S5, Package() { SLP_TYPa, SLP_TYPb, ... })" in AML:
 * NameOp (0x08), an optional root prefix '\', the name "_S5_", PackageOp
 * (0x12), a PkgLength of 1 to 4 bytes (the top two bits of its first byte
 * count the bytes that follow), NumElements, then the elements.  Anything
 * else spelling "_S5_" (a reference to it, a string) is passed over.
 * 0 and the two sleep types, or -1.
 */
int acpi_parse_s5(const u8 *aml, size_t len, u8 sleep_type[2])
{
	const u8 *end = aml + len;

	for (const u8 *p = aml; p + 4 <= end; p++) {
		const u8 *q = p + 4;
		u32 a, b;
		size_t n;

		if (memcmp(p, "_S5_", 4))
			continue;
		if (!(p > aml && p[-1] == 0x08) &&
		    !(p > aml + 1 && p[-1] == '\\' && p[-2] == 0x08))
			continue;
		if (q >= end || *q++ != 0x12)
			continue;
		if (q >= end)
			continue;
		q += 1 + (*q >> 6);	  /* PkgLength */
		if (q >= end || *q++ < 2) /* NumElements */
			continue;
		n = aml_integer(q, end, &a);
		if (!n || !aml_integer(q + n, end, &b))
			continue;
		sleep_type[0] = a & 7; /* SLP_TYP is a 3-bit field */
		sleep_type[1] = b & 7;
		return 0;
	}
	return -1;
}

/* \_S5 is in the DSDT, or on some machines in an SSDT. */
static void find_s5(void)
{
	const struct acpi_table_header *dsdt = acpi_info.dsdt;

	if (!dsdt)
		return;
	acpi_info.s5_found = !acpi_parse_s5((const u8 *)(dsdt + 1),
					    dsdt->length - sizeof(*dsdt),
					    acpi_info.s5_sleep_type) ||
			     ((dsdt = acpi_find_table("SSDT")) &&
			      !acpi_parse_s5((const u8 *)(dsdt + 1),
					     dsdt->length - sizeof(*dsdt),
					     acpi_info.s5_sleep_type));
}

static bool fadt_has(const struct acpi_fadt *fadt, size_t end_offset)
{
	return fadt->header.length >= end_offset;
}

#define FADT_HAS(fadt, field)                                                  \
	fadt_has(fadt,                                                         \
		 offsetof(struct acpi_fadt, field) + sizeof((fadt)->field))

/* A PM1 control port: the extended (GAS) field if present and in I/O space. */
static u16 pm1_control_port(bool has_x, const struct acpi_gas *x, u32 legacy)
{
	if (has_x && x->address && x->space_id == ACPI_SPACE_IO)
		return x->address;
	return legacy;
}

static void parse_fadt(const struct acpi_fadt *fadt)
{
	phys_addr_t dsdt = fadt->dsdt;

	if (FADT_HAS(fadt, x_dsdt) && fadt->x_dsdt)
		dsdt = fadt->x_dsdt;
	acpi_info.dsdt = map_table(dsdt);
	acpi_info.pm1a_control = pm1_control_port(
		FADT_HAS(fadt, x_pm1a_control_block),
		&fadt->x_pm1a_control_block, fadt->pm1a_control_block);
	acpi_info.pm1b_control = pm1_control_port(
		FADT_HAS(fadt, x_pm1b_control_block),
		&fadt->x_pm1b_control_block, fadt->pm1b_control_block);
}

static void find_rsdp_in_bios_area(void)
{
	const struct acpi_rsdp *rsdp = acpi_scan_bios_area();

	if (!rsdp)
		return;
	memcpy(&acpi_info.rsdp, rsdp, rsdp->revision >= 2 ? sizeof(*rsdp) : 20);
	acpi_info.rsdp_source = "BIOS area";
}

static bool has_reset_register(const struct acpi_fadt *fadt)
{
	return FADT_HAS(fadt, reset_value) &&
	       (fadt->flags & ACPI_FADT_RESET_REGISTER);
}

/* After ioremap works (the page allocator is up). */
void acpi_init(void)
{
	const struct acpi_fadt *fadt;

	map_bios_areas();
	if (!acpi_info.rsdp_source)
		find_rsdp_in_bios_area();
	if (!acpi_info.rsdp_source || !map_root_tables()) {
		printk("ACPI: no RSDP; power-off and reset will just halt\n");
		return;
	}
	fadt = (const struct acpi_fadt *)acpi_find_table("FACP");
	if (!fadt) {
		printk("ACPI: no valid FADT\n");
		return;
	}
	acpi_info.fadt = fadt;
	parse_fadt(fadt);
	find_s5();
	acpi_info.valid = acpi_info.pm1a_control && acpi_info.s5_found;
	printk("ACPI: RSDP rev %d (%s), FADT rev %d, PM1a_CNT %#x, "
	       "PM1b_CNT %#x, \\_S5 %s SLP_TYP %d/%d\n",
	       acpi_info.rsdp.revision, acpi_info.rsdp_source,
	       fadt->header.revision, acpi_info.pm1a_control,
	       acpi_info.pm1b_control,
	       acpi_info.s5_found ? "found," : "missing,",
	       acpi_info.s5_sleep_type[0], acpi_info.s5_sleep_type[1]);
	if (has_reset_register(fadt))
		printk("ACPI: reset register: space %d, address %#llx, value "
		       "%#x\n",
		       fadt->reset_register.space_id,
		       (unsigned long long)fadt->reset_register.address,
		       fadt->reset_value);
}

/*
 * Firmware may leave the machine in legacy mode, where the power button
 * and PM1 belong to SMM code; writing acpi_enable to the SMI command port
 * hands them to the OS.  QEMU's machines start in ACPI mode already.
 */
static void enter_acpi_mode(const struct acpi_fadt *fadt)
{
	if (inw(acpi_info.pm1a_control) & ACPI_PM1_SCI_EN)
		return;
	if (!fadt->smi_command || !fadt->acpi_enable)
		return;
	outb(fadt->acpi_enable, fadt->smi_command);
	for (int i = 0; i < 1000000; i++)
		if (inw(acpi_info.pm1a_control) & ACPI_PM1_SCI_EN)
			return;
}

static void pm1_write_sleep(u16 port, u8 sleep_type)
{
	u16 val = inw(port);

	val &= ~(7 << ACPI_PM1_SLP_TYP_SHIFT);
	val |= sleep_type << ACPI_PM1_SLP_TYP_SHIFT | ACPI_PM1_SLP_EN;
	outw(val, port);
}

/* Enter S5 (soft-off); returns only if the machine did not turn off. */
void acpi_power_off(void)
{
	if (!acpi_info.valid)
		return;
	enter_acpi_mode(acpi_info.fadt);
	pm1_write_sleep(acpi_info.pm1a_control, acpi_info.s5_sleep_type[0]);
	if (acpi_info.pm1b_control)
		pm1_write_sleep(acpi_info.pm1b_control,
				acpi_info.s5_sleep_type[1]);
}

/* Write the FADT's reset value; returns only if there is no reset register. */
void acpi_reset(void)
{
	const struct acpi_fadt *fadt = acpi_info.fadt;
	const struct acpi_gas *reg;
	u8 *mmio;

	if (!fadt || !has_reset_register(fadt))
		return;
	reg = &fadt->reset_register;
	switch (reg->space_id) {
	case ACPI_SPACE_IO:
		outb(fadt->reset_value, reg->address);
		break;
	case ACPI_SPACE_MEMORY:
		mmio = ioremap(reg->address, 1);
		if (mmio)
			writeb(fadt->reset_value, mmio);
		break;
	case ACPI_SPACE_PCI_CONFIG: /* bus 0; device, function, offset */
		raw_pci_write(0,
			      ((reg->address >> 32) & 0x1f) << 3 |
				      ((reg->address >> 16) & 7),
			      reg->address & 0xffff, 1, fadt->reset_value);
		break;
	}
}
