/* SPDX-License-Identifier: MIT */
/*
 * Channel I/O (arch/s390/cio.c): how an s390 reaches its devices.  There
 * are no device registers to load and store: the CPU hands the channel
 * subsystem a channel program, a list of channel command words (CCWs)
 * each naming a command, a buffer and its length, for one subchannel (a
 * device's path), and is told of the end by an I/O interruption.  The
 * control blocks are z/Architecture's (Principles of Operation, chapters
 * 13-16 "I/O Overview" to "I/O Interruptions"), their bit fields written
 * as masks on big-endian halfwords.
 */
#ifndef _ASM_CIO_H
#define _ASM_CIO_H

#include <kernel/kernel.h>
#include <kernel/types.h>

/*
 * A format-1 CCW: command, flags, byte count, and the data's real
 * address, which must lie below 2 GiB (31 bits).  Doubleword aligned.
 */
struct ccw1 {
	u8 cmd_code;
	u8 flags;
	u16 count;
	u32 cda;
} __aligned(8);

#define CCW_FLAG_CC 0x40  /* command chaining: go on with the next CCW */
#define CCW_FLAG_SLI 0x20 /* a count other than the device's is no error */

#define CCW_CMD_SENSE_ID 0xe4

/* What SENSE ID returns first: the control unit names the device kind. */
struct senseid {
	u8 reserved; /* 0xff */
	u16 cu_type;
	u8 cu_model;
	u16 dev_type;
	u8 dev_model;
	u8 unused;
} __packed;

/*
 * One device behind one subchannel.  handler runs, with interruptions
 * off, for an I/O interruption that ends no channel program of ours (an
 * unsolicited one: virtio-ccw's queue notifications).
 */
struct ccw_device {
	u32 schid; /* subsystem-identification word: 0x0001 << 16 | number */
	u16 devno;
	struct senseid id;
	void (*handler)(struct ccw_device *cdev);
	void *drvdata;
};

/*
 * Run the channel program ccw on cdev and wait for its end: 0 if the
 * device ended it with channel end and device end alone, -EIO on a unit
 * check or a channel error, -ENODEV if the subchannel is gone.
 */
int ccw_device_start_wait(struct ccw_device *cdev, struct ccw1 *ccw);

/* The driver of a control-unit type, bound by cio.c's scan. */
int virtio_ccw_probe(struct ccw_device *cdev);

/* At boot: enable every device subchannel, bind the drivers. */
void css_init(void);
/* The I/O interruption for subchannel schid (entry.S, traps.c). */
void do_io_interrupt(u32 schid);

#endif
