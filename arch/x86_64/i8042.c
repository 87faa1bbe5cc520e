// SPDX-License-Identifier: MIT
/*
 * The PC keyboard controller (an 8042, today a part of the chipset or
 * the firmware's emulation of one): the keyboard's bytes arrive at port
 * 0x60 with IRQ 1, and go to the generic scan-code decoder
 * (kernel/drivers/keyboard.c).  Linux's drivers/input/serio/i8042.c.
 *
 * The firmware may leave the controller in any state: a UEFI firmware
 * often polls it with IRQ 1 off.  So i8042_init sets the configuration
 * byte itself: keyboard interrupt on, keyboard clock on, and translation
 * to scan code set 1 on.  A PC without the controller (status reads as
 * 0xff) keeps only the serial console; a USB keyboard works only where the
 * firmware emulates the 8042 ("legacy USB support").
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/keyboard.h>
#include <kernel/drivers/keyboard.h>

#define I8042_DATA 0x60
#define I8042_STATUS 0x64  /* read */
#define I8042_COMMAND 0x64 /* write */
#define STATUS_OUTPUT_FULL 0x01
#define STATUS_INPUT_FULL 0x02
#define STATUS_AUX_DATA 0x20 /* the byte is from the mouse port */
#define CMD_READ_CONFIG 0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_DISABLE_AUX 0xa7
#define CMD_DISABLE_KBD 0xad
#define CMD_ENABLE_KBD 0xae
#define CONFIG_KBD_IRQ 0x01
#define CONFIG_AUX_IRQ 0x02
#define CONFIG_KBD_CLOCK_OFF 0x10
#define CONFIG_TRANSLATE 0x40
#define WAIT_LOOPS 100000 /* reads of the status port: about 0.1 s */

static bool wait_status(u8 bit, bool set)
{
	for (int i = 0; i < WAIT_LOOPS; i++)
		if (!!(inb(I8042_STATUS) & bit) == set)
			return true;
	return false;
}

static bool command(u8 cmd)
{
	if (!wait_status(STATUS_INPUT_FULL, false))
		return false;
	outb(cmd, I8042_COMMAND);
	return true;
}

static void flush_output(void)
{
	for (int i = 0; i < 16 && (inb(I8042_STATUS) & STATUS_OUTPUT_FULL); i++)
		inb(I8042_DATA);
}

void i8042_init(void)
{
	u8 config;

	if (inb(I8042_STATUS) == 0xff)
		return; /* no controller */
	if (!command(CMD_DISABLE_KBD) || !command(CMD_DISABLE_AUX))
		return;
	flush_output();
	if (!command(CMD_READ_CONFIG) || !wait_status(STATUS_OUTPUT_FULL, true))
		return;
	config = inb(I8042_DATA);
	config |= CONFIG_KBD_IRQ | CONFIG_TRANSLATE;
	config &= ~(CONFIG_KBD_CLOCK_OFF | CONFIG_AUX_IRQ);
	if (!command(CMD_WRITE_CONFIG) ||
	    !wait_status(STATUS_INPUT_FULL, false))
		return;
	outb(config, I8042_DATA);
	if (!command(CMD_ENABLE_KBD))
		return;
	pic_unmask(IRQ_KEYBOARD);
}

void i8042_interrupt(void)
{
	u8 status = inb(I8042_STATUS);

	while (status & STATUS_OUTPUT_FULL) {
		u8 code = inb(I8042_DATA);

		if (!(status & STATUS_AUX_DATA))
			kbd_receive_scancode(code);
		status = inb(I8042_STATUS);
	}
}
