/* SPDX-License-Identifier: MIT */
/*
 * The parts of the ACPI tables Pagoda reads (arch/x86_64/acpi.c): enough
 * to power a PC off (the FADT's PM1 control blocks and the sleep type of
 * the \_S5 object in the DSDT) and to reset it (the FADT's reset
 * register).  Layouts are the ACPI specification's; every table begins
 * with the same 36-byte header and is valid only if its bytes sum to 0.
 */
#ifndef _ASM_ACPI_H
#define _ASM_ACPI_H

#include <kernel/kernel.h>

/* Root System Description Pointer: found in memory, it leads to the rest. */
struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;	   /* over the first 20 bytes */
	char oem_id[6];
	u8 revision;	  /* 0: ACPI 1.0 (RSDT only); 2: also the XSDT */
	u32 rsdt_address; /* physical, 32-bit pointers */
	u32 length;	  /* revision 2 on: the whole structure */
	u64 xsdt_address; /* physical, 64-bit pointers */
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length; /* of the whole table, this header included */
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 asl_compiler_id;
	u32 asl_compiler_revision;
} __packed;

/* Generic Address Structure: a register in some address space. */
struct acpi_gas {
	u8 space_id; /* ACPI_SPACE_* */
	u8 bit_width;
	u8 bit_offset;
	u8 access_size;
	u64 address;
} __packed;

#define ACPI_SPACE_MEMORY 0
#define ACPI_SPACE_IO 1
#define ACPI_SPACE_PCI_CONFIG 2

/* Fixed ACPI Description Table, signature "FACP": only the fields used. */
struct acpi_fadt {
	struct acpi_table_header header;
	u32 firmware_ctrl;
	u32 dsdt; /* physical address of the DSDT */
	u8 reserved1;
	u8 preferred_pm_profile;
	u16 sci_interrupt;
	u32 smi_command; /* port: write acpi_enable here to enter ACPI mode */
	u8 acpi_enable;
	u8 acpi_disable;
	u8 s4bios_request;
	u8 pstate_control;
	u32 pm1a_event_block;
	u32 pm1b_event_block;
	u32 pm1a_control_block; /* port of PM1a_CNT: SLP_TYP and SLP_EN */
	u32 pm1b_control_block; /* 0 if there is no PM1b */
	u8 other_blocks[112 - 72];
	u32 flags; /* offset 112 */
	struct acpi_gas reset_register;
	u8 reset_value;
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 x_firmware_ctrl;
	u64 x_dsdt; /* offset 140: 64-bit DSDT address, if the table is long enough */
	struct acpi_gas x_pm1a_event_block;
	struct acpi_gas x_pm1b_event_block;
	struct acpi_gas x_pm1a_control_block; /* offset 172 */
	struct acpi_gas x_pm1b_control_block;
} __packed;

#define ACPI_FADT_RESET_REGISTER (1u << 10) /* flags: reset_register works */

/* PM1 control register bits. */
#define ACPI_PM1_SCI_EN 0x0001 /* the machine is in ACPI mode */
#define ACPI_PM1_SLP_TYP_SHIFT 10
#define ACPI_PM1_SLP_EN 0x2000

/* What acpi_init() learnt; valid is false on a machine without ACPI. */
struct acpi_info {
	bool valid;
	const char *rsdp_source; /* "boot loader" or "BIOS area"; NULL: none */
	struct acpi_rsdp rsdp;
	const struct acpi_fadt *fadt; /* mapped, fadt->header.length bytes */
	const struct acpi_table_header *dsdt;
	u16 pm1a_control, pm1b_control; /* I/O ports; pm1b 0 if none */
	bool s5_found;
	u8 s5_sleep_type[2]; /* SLP_TYPa, SLP_TYPb of the \_S5 object */
};

extern struct acpi_info acpi_info;

void acpi_set_rsdp(const void *rsdp, size_t len); /* from the Multiboot2 tags */
void acpi_init(void);
const struct acpi_table_header *acpi_find_table(const char sig[4]);
bool acpi_checksum_ok(const void *table, size_t len);
const struct acpi_rsdp *acpi_scan_bios_area(void);
int acpi_parse_s5(const u8 *aml, size_t len, u8 sleep_type[2]);
void acpi_power_off(void);
void acpi_reset(void);

#endif
