// SPDX-License-Identifier: MIT
/*
 * The channel subsystem: finding s390 devices and running their channel
 * programs (Linux's drivers/s390/cio, reduced to what one machine under
 * QEMU needs).  See <asm/cio.h> for the model.  Four instructions, each
 * naming the subchannel in general register 1:
 *
 *   STSCH  store its subchannel-information block (SCHIB): the path
 *          management control word (PMCW: device number, enabled, the
 *          interruption subclass), and its status
 *   MSCH   modify it: here, enable it for I/O and give it subclass 3
 *   SSCH   start a channel program, given an operation-request block
 *          (ORB): the first CCW's address, the CCW format, the paths
 *   TSCH   test it: store the interruption-response block (IRB), whose
 *          subchannel-status word (SCSW) says how the program ended, and
 *          clear the pending status (and a pending I/O interruption)
 *
 * At boot css_init asks every subchannel number of set 0 (STSCH answers
 * condition code 3 where there is none), enables the I/O ones that hold a
 * device, asks each device who it is (SENSE ID: the control-unit type)
 * and binds the driver of that type.  Channel programs run at probe time
 * only, so ccw_device_start_wait polls TSCH with interruptions off rather
 * than sleeping; an I/O interruption after that is a device's own news
 * (virtio-ccw: a queue has used buffers), passed to its handler.
 */
#include <asm/cio.h>
#include <asm/ctlreg.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define SCHID_ONE 0x00010000 /* bit 15 of the word is 1; set 0, css 0 */
#define MAX_SCHID 0xffff
#define MAX_CCW_DEVICES 8

/*
 * The interruption subclass of every subchannel here (Linux's I/O
 * subchannels use 3 too).  CR6 bits 32-39 enable subclasses 0-7.
 */
#define IO_SCH_ISC 3
#define CR6_ISC(isc) CR_BIT(32 + (isc))

struct pmcw {
	u32 intparm; /* handed back with the I/O interruption */
	u16 flags;
	u16 devno;
	u8 lpm, pnom, lpum, pim;
	u16 mbi;
	u8 pom, pam;
	u8 chpid[8];
	u32 chars;
} __packed;

#define PMCW_ISC_SHIFT 11
#define PMCW_ISC_MASK (7 << PMCW_ISC_SHIFT)
#define PMCW_ENABLED 0x0080
#define PMCW_DNV 0x0001 /* devno is valid: a device is attached */
#define PMCW_ST_IO(chars) ((((chars) >> 21) & 7) == 0) /* an I/O subchannel */

struct scsw {
	u16 flags;
	u16 ctrl; /* function, activity and status control */
	u32 cpa;
	u8 dstat, cstat;
	u16 count;
} __packed;

#define SCSW_STCTL_PRIMARY 0x0004 /* the channel program has ended */
#define SCSW_STCTL_PENDING 0x0001
#define DEV_STAT_CHN_END 0x08
#define DEV_STAT_DEV_END 0x04

struct schib {
	struct pmcw pmcw;
	struct scsw scsw;
	u8 model[12];
} __packed __aligned(4);

struct orb {
	u32 intparm;
	u32 ctrl;
	u32 cpa; /* the first CCW */
	u32 reserved[5];
} __aligned(4);

#define ORB_FMT1 0x00800000    /* format-1 CCWs (31-bit data addresses) */
#define ORB_PFCH 0x00400000    /* the CCWs may be fetched ahead */
#define ORB_LPM_ALL 0x0000ff00 /* any of the eight paths */

struct irb {
	struct scsw scsw;
	u32 esw[5];
	u32 ecw[8];
	u32 emw[8];
} __aligned(4);

/*
 * STSCH, MSCH, SSCH and TSCH take the subchannel in register 1 and a
 * control block as their operand, and answer with a condition code: 0
 * done (TSCH: a pending status taken), 1 a status is pending (TSCH: none
 * was), 2 busy, 3 no such subchannel.  The "memory" clobber covers the
 * blocks they store.
 */
#define DEFINE_CIO_INSN(insn, type)                                            \
	static int insn(u32 schid, type *block)                                \
	{                                                                      \
		register u32 reg1 asm("1") = schid;                            \
		int cc;                                                        \
                                                                               \
		asm volatile(#insn " %[addr]\n\tipm %[cc]\n\tsrl %[cc], 28"    \
			     : [cc] "=&d"(cc)                                  \
			     : "d"(reg1), [addr] "Q"(*block)                   \
			     : "cc", "memory");                                \
		return cc;                                                     \
	}
DEFINE_CIO_INSN(stsch, struct schib)
DEFINE_CIO_INSN(msch, struct schib)
DEFINE_CIO_INSN(ssch, struct orb)
DEFINE_CIO_INSN(tsch, struct irb)
#undef DEFINE_CIO_INSN

static struct ccw_device *ccw_devices[MAX_CCW_DEVICES];
static unsigned int nr_ccw_devices;

/*
 * Spin until the channel program's primary status is pending, then take
 * it.  QEMU runs a virtual device's program inside SSCH, so the first
 * TSCH already finds it; a bound keeps a silent device from hanging boot (-EIO).
 */
static int wait_for_primary_status(u32 schid, struct irb *irb)
{
	for (unsigned long tries = 0; tries < 10000000; tries++) {
		int cc = tsch(schid, irb);

		if (cc == 3)
			return -ENODEV;
		if (!cc && (irb->scsw.ctrl & SCSW_STCTL_PRIMARY))
			return 0;
		cpu_relax();
	}
	return -EIO; /* no answer: as good as a device error */
}

int ccw_device_start_wait(struct ccw_device *cdev, struct ccw1 *ccw)
{
	struct orb orb = {
		.intparm = cdev->schid,
		.ctrl = ORB_FMT1 | ORB_PFCH | ORB_LPM_ALL,
		.cpa = __pa(ccw),
	};
	unsigned long flags = arch_local_irq_save();
	struct irb irb;
	int err = -EBUSY;

	if (!ssch(cdev->schid, &orb))
		err = wait_for_primary_status(cdev->schid, &irb);
	arch_local_irq_restore(flags);
	if (err)
		return err;
	if (irb.scsw.cstat ||
	    irb.scsw.dstat != (DEV_STAT_CHN_END | DEV_STAT_DEV_END))
		return -EIO;
	return 0;
}

/* Enable an I/O subchannel that has a device; false if none is there. */
static bool enable_subchannel(u32 schid, u16 *devno)
{
	struct schib schib;

	if (stsch(schid, &schib))
		return false;
	if (!PMCW_ST_IO(schib.pmcw.chars) || !(schib.pmcw.flags & PMCW_DNV))
		return false;
	schib.pmcw.intparm = schid;
	schib.pmcw.flags &= ~PMCW_ISC_MASK;
	schib.pmcw.flags |= PMCW_ENABLED | IO_SCH_ISC << PMCW_ISC_SHIFT;
	if (msch(schid, &schib) || stsch(schid, &schib))
		return false;
	*devno = schib.pmcw.devno;
	return schib.pmcw.flags & PMCW_ENABLED;
}

static int sense_id(struct ccw_device *cdev)
{
	struct ccw1 *ccw = kzalloc(sizeof(*ccw));
	struct senseid *id = kzalloc(sizeof(*id));
	int err = -ENOMEM;

	if (ccw && id) {
		*ccw = (struct ccw1){ CCW_CMD_SENSE_ID, CCW_FLAG_SLI,
				      sizeof(*id), __pa(id) };
		err = ccw_device_start_wait(cdev, ccw);
		cdev->id = *id;
	}
	kfree(id);
	kfree(ccw);
	return err;
}

/* Control-unit types and their drivers. */
static const struct {
	u16 cu_type;
	int (*probe)(struct ccw_device *cdev);
} ccw_drivers[] = {
	{ 0x3832, virtio_ccw_probe }, /* virtio; cu_model: the device type */
};

static void ccw_device_probe(struct ccw_device *cdev)
{
	for (size_t i = 0; i < ARRAY_SIZE(ccw_drivers); i++) {
		int err;

		if (ccw_drivers[i].cu_type != cdev->id.cu_type)
			continue;
		err = ccw_drivers[i].probe(cdev);
		if (err)
			printk("cio: 0.0.%04x: control unit %04x/%02x not "
			       "bound: error %d\n",
			       cdev->devno, cdev->id.cu_type, cdev->id.cu_model,
			       err);
	}
}

static void css_probe_subchannel(u32 schid)
{
	struct ccw_device *cdev;
	u16 devno;

	if (nr_ccw_devices == MAX_CCW_DEVICES ||
	    !enable_subchannel(schid, &devno))
		return;
	cdev = kzalloc(sizeof(*cdev));
	if (!cdev)
		return;
	cdev->schid = schid;
	cdev->devno = devno;
	if (sense_id(cdev)) {
		kfree(cdev);
		return;
	}
	ccw_devices[nr_ccw_devices++] = cdev;
	ccw_device_probe(cdev);
}

void css_init(void)
{
	for (u32 nr = 0; nr <= MAX_SCHID; nr++)
		css_probe_subchannel(SCHID_ONE | nr);
	ctl_set_bits(6, CR6_ISC(IO_SCH_ISC));
}

/*
 * TSCH first, so the subchannel can raise the next interruption; then the
 * device's handler looks at what changed (for virtio-ccw, its indicator
 * bits, which QEMU sets before it makes the status pending).
 */
void do_io_interrupt(u32 schid)
{
	struct irb irb;

	for (unsigned int i = 0; i < nr_ccw_devices; i++) {
		struct ccw_device *cdev = ccw_devices[i];

		if (cdev->schid != schid)
			continue;
		tsch(schid, &irb);
		if (cdev->handler)
			cdev->handler(cdev);
		return;
	}
}
