// SPDX-License-Identifier: MIT
/*
 * Tests of arch/x86_64/acpi.c: the tables of the machine the test boot runs
 * on (SeaBIOS or OVMF under QEMU) parse and check out, and the \_S5 decoder
 * reads the AML encodings firmware uses and refuses what is not \_S5's
 * package.
 */
#include <asm/acpi.h>
#include <asm/io.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

static void rsdp_is_found_and_valid(struct ktest *t)
{
	const struct acpi_rsdp *rsdp = &acpi_info.rsdp;

	KTEST_ASSERT_TRUE(t, acpi_info.rsdp_source != NULL);
	KTEST_EXPECT_TRUE(t, !memcmp(rsdp->signature, "RSD PTR ", 8));
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(rsdp, 20));
	KTEST_EXPECT_TRUE(t, rsdp->rsdt_address || rsdp->xsdt_address);
}

/* On a BIOS machine, the RSDP GRUB passed is the one in the BIOS area. */
static void bios_area_rsdp_matches(struct ktest *t)
{
	const struct acpi_rsdp *found = acpi_scan_bios_area();

	if (!found) {
		ktest_skip(t, "no RSDP in the BIOS area (UEFI firmware)");
		return;
	}
	KTEST_EXPECT_EQ(t, found->rsdt_address, acpi_info.rsdp.rsdt_address);
	KTEST_EXPECT_EQ(t, found->revision, acpi_info.rsdp.revision);
}

static void fadt_and_dsdt_are_valid(struct ktest *t)
{
	const struct acpi_fadt *fadt = acpi_info.fadt;
	const struct acpi_table_header *dsdt = acpi_info.dsdt;

	KTEST_ASSERT_NOT_NULL(t, fadt);
	KTEST_EXPECT_TRUE(t, !memcmp(fadt->header.signature, "FACP", 4));
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(fadt, fadt->header.length));
	KTEST_EXPECT_EQ(t, (const void *)acpi_find_table("FACP"),
			(const void *)fadt);
	KTEST_ASSERT_NOT_NULL(t, dsdt);
	KTEST_EXPECT_TRUE(t, !memcmp(dsdt->signature, "DSDT", 4));
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(dsdt, dsdt->length));
	KTEST_EXPECT_TRUE(t, acpi_find_table("NONE") == NULL);
}

/* Power-off has a port and a sleep type to write: the machine has S5. */
static void power_off_is_described(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, acpi_info.valid);
	KTEST_EXPECT_NE(t, acpi_info.pm1a_control, 0);
	KTEST_EXPECT_TRUE(t, acpi_info.s5_found);
	/* The SLP_EN bit reads as 0: it is write-only, a trigger. */
	KTEST_EXPECT_EQ(t, inw(acpi_info.pm1a_control) & ACPI_PM1_SLP_EN, 0);
}

static void checksum_catches_one_changed_byte(struct ktest *t)
{
	u8 copy[512];
	u32 len;

	KTEST_ASSERT_NOT_NULL(t, acpi_info.fadt);
	len = acpi_info.fadt->header.length;
	KTEST_ASSERT_TRUE(t, len <= sizeof(copy));
	memcpy(copy, acpi_info.fadt, len);
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(copy, len));
	copy[len / 2] ^= 0x40;
	KTEST_EXPECT_FALSE(t, acpi_checksum_ok(copy, len));
}

static int parse(const u8 *aml, size_t len, u8 *a, u8 *b)
{
	u8 type[2] = { 0xee, 0xee };
	int ret = acpi_parse_s5(aml, len, type);

	*a = type[0];
	*b = type[1];
	return ret;
}

/* The encodings: Zero/One ops, BytePrefix, a root prefix, 2-byte PkgLength. */
static void s5_encodings(struct ktest *t)
{
	static const u8 zero_one[] = { 0x08, '_',  'S',	 '5',  '_',  0x12,
				       0x06, 0x04, 0x00, 0x01, 0x00, 0x00 };
	static const u8 byte_prefix[] = { 0x10, 0x08, 0x08, '\\', '_',	'S',
					  '5',	'_',  0x12, 0x0a, 0x04, 0x0a,
					  0x07, 0x0a, 0x05, 0x00, 0x00 };
	static const u8 long_pkglength[] = { 0x08, '_',	 'S',  '5',  '_',  0x12,
					     0x40, 0x01, 0x02, 0x0b, 0x03, 0x00,
					     0x0c, 0x06, 0,    0,    0 };
	u8 a, b;

	KTEST_EXPECT_EQ(t, parse(zero_one, sizeof(zero_one), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 0);
	KTEST_EXPECT_EQ(t, b, 1);
	KTEST_EXPECT_EQ(t, parse(byte_prefix, sizeof(byte_prefix), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 7);
	KTEST_EXPECT_EQ(t, b, 5);
	KTEST_EXPECT_EQ(
		t, parse(long_pkglength, sizeof(long_pkglength), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 3);
	KTEST_EXPECT_EQ(t, b, 6);
}

/* "_S5_" that is not Name(_S5, Package...), or a package cut short. */
static void s5_refuses_lookalikes(struct ktest *t)
{
	static const u8 reference[] = { 0x70, '_',  'S',  '5',	'_',
					0x12, 0x04, 0x02, 0x01, 0x01 };
	static const u8 not_package[] = {
		0x08, '_', 'S', '5', '_', 0x0a, 0x05
	};
	static const u8 truncated[] = { 0x08, '_',  'S',  '5', '_',
					0x12, 0x06, 0x04, 0x0a };
	static const u8 one_element[] = { 0x08, '_',  'S',  '5', '_',
					  0x12, 0x03, 0x01, 0x01 };
	static const u8 then_real[] = { 0x70, '_',  'S',  '5',	'_',  0x08,
					'_',  'S',  '5',  '_',	0x12, 0x05,
					0x02, 0x0a, 0x02, 0x0a, 0x03 };
	u8 a, b;

	KTEST_EXPECT_EQ(t, parse(reference, sizeof(reference), &a, &b), -1);
	KTEST_EXPECT_EQ(t, parse(not_package, sizeof(not_package), &a, &b), -1);
	KTEST_EXPECT_EQ(t, parse(truncated, sizeof(truncated), &a, &b), -1);
	KTEST_EXPECT_EQ(t, parse(one_element, sizeof(one_element), &a, &b), -1);
	KTEST_EXPECT_EQ(t, parse(then_real, sizeof(then_real), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 2);
	KTEST_EXPECT_EQ(t, b, 3);
	KTEST_EXPECT_EQ(t, parse(then_real, 4, &a, &b), -1);
}

KTEST_SUITE(acpi, KTEST_CASE(rsdp_is_found_and_valid),
	    KTEST_CASE(bios_area_rsdp_matches),
	    KTEST_CASE(fadt_and_dsdt_are_valid),
	    KTEST_CASE(power_off_is_described),
	    KTEST_CASE(checksum_catches_one_changed_byte),
	    KTEST_CASE(s5_encodings), KTEST_CASE(s5_refuses_lookalikes));
