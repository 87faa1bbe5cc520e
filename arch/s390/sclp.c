// SPDX-License-Identifier: MIT
/*
 * The SCLP, the s390 machine's service processor, reached with the
 * privileged SERVICE CALL instruction (servc): a command word and the real
 * address of a service-call control block (SCCB), a page the SCLP reads
 * the request from and writes the answer into.
 *
 * Pagoda uses four commands:
 *  - READ SCP INFO: the size of memory (increments times increment size);
 *  - WRITE EVENT MASK: which events it sends (VT220 data, type 0x1a, and
 *    line-mode messages, type 2) and receives (VT220 data);
 *  - WRITE EVENT DATA: console output as a VT220 event, ASCII; and a
 *    line-mode message, which QEMU routes to its second "serial" port, the
 *    sclplmconsole, where the testdev character device reads an exit code;
 *  - READ EVENT DATA: console input, when the SCLP signals it has some.
 *
 * A request completes when the SCLP writes the response code into the
 * SCCB and raises a service-signal external interruption (under QEMU's
 * TCG, inside servc itself; elsewhere later).  The caller waits for that
 * interruption in an enabled wait (sclp_wait_interrupt), not by spinning;
 * it may be the console called from an interruption handler or a panic,
 * so the wait takes the service signal alone, through a new PSW of its
 * own that resumes right after the wait.  The interruption's parameter
 * also says whether input is pending, for when the kernel's own handler
 * (sclp_interrupt) does not see it.
 */
#include <asm/ctlreg.h>
#include <asm/irqflags.h>
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/sclp.h>
#include <kernel/fs/fs.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define SCLP_CMDW_READ_SCP_INFO 0x00020001
#define SCLP_CMDW_WRITE_EVENT_MASK 0x00780005
#define SCLP_CMDW_WRITE_EVENT_DATA 0x00760005
#define SCLP_CMDW_READ_EVENT_DATA 0x00770005

#define SCLP_RC_NORMAL_READ 0x0010
#define SCLP_RC_NORMAL_COMPLETION 0x0020
#define SCLP_RC_BUSY 0 /* the SCLP has not answered yet */

#define EVTYP_MSG 0x02
#define EVTYP_VT220 0x1a
#define EVTYP_MASK(type) (0x80000000u >> ((type)-1))

#define SCLP_PARAM_EVENT_PENDING 0x1

struct sccb_header {
	u16 length;
	u8 function_code;
	u8 control_mask[3];
	u16 response_code;
};

struct evbuf_header {
	u16 length;
	u8 type;
	u8 flags;
	u16 reserved;
};

struct read_info_sccb {
	struct sccb_header header;
	u16 rnmax; /* increments of memory, 0: see rnmax2 */
	u8 rnsize; /* MiB an increment, 0: see rnsize2 */
	u8 reserved[100 - 11];
	u32 rnsize2;
	u64 rnmax2;
};

struct init_sccb {
	struct sccb_header header;
	u16 reserved;
	u16 mask_length;
	u32 cp_receive_mask, cp_send_mask;
	u32 sclp_receive_mask, sclp_send_mask;
};

/* A line-mode message: message-data block header, then a text object. */
struct mdb_header {
	u16 length;
	u16 type; /* 1 */
	u32 tag;  /* "MDB " in EBCDIC */
	u32 revision;
} __packed;

struct mto {
	u16 length;
	u16 type; /* 4: message text */
	u16 line_type_flags;
	u8 alarm;
	u8 reserved[3];
} __packed;

/* One page each: output (and commands) and input, below 2 GiB, aligned. */
static u8 sccb_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static u8 input_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static int servc(u32 command, void *sccb)
{
	int cc;

	asm volatile(".insn rre, 0xb2200000, %1, %2\n"
		     "	ipm %0\n"
		     "	srl %0, 28"
		     : "=&d"(cc)
		     : "d"(command), "a"(__pa(sccb))
		     : "cc", "memory");
	return cc;
}

#define CR0_EXTERNAL_SUBCLASSES 0xffffUL /* bits 48-63 */

struct psw {
	u64 mask, addr;
};

static bool input_pending; /* a wait saw the SCLP say so */

/*
 * Wait for the next service-signal interruption, interruptions being off
 * (the callers'): control register 0 masks every other external subclass
 * meanwhile, and the external new PSW, borrowed, resumes here in the
 * caller's mode rather than entering the kernel's handler.
 */
static void sclp_wait_interrupt(void)
{
	struct psw *ext_new = lowcore_ptr(__LC_EXT_NEW_PSW), saved = *ext_new;
	struct psw wait __aligned(8);
	unsigned long cr0, cr0_wait, hi, lo;

	ctl_store(0, cr0);
	cr0_wait = (cr0 & ~CR0_EXTERNAL_SUBCLASSES) | CR0_SERVICE_SIGNAL;
	ctl_load(0, cr0_wait);
	asm volatile("epsw %0, %1" : "=d"(hi), "=d"(lo));
	ext_new->mask = hi << 32 | (u32)lo;
	wait.mask = ext_new->mask | PSW_MASK_EXT | PSW_MASK_WAIT;
	asm volatile("larl %%r1, 0f\n"
		     "	stg %%r1, %[resume]\n"
		     "	stg %%r1, %[wait_addr]\n"
		     "	lpswe %[wait]\n"
		     "0:"
		     : [resume] "=Q"(ext_new->addr), [wait_addr] "=Q"(wait.addr)
		     : [wait] "Q"(wait)
		     : "r1", "cc", "memory");
	*ext_new = saved;
	ctl_load(0, cr0);
	if (*(u32 *)lowcore_ptr(__LC_EXT_PARAMS) & SCLP_PARAM_EVENT_PENDING)
		input_pending = true;
}

/* Issue a command and wait for its answer; the response code, or 0. */
static u16 sclp_request(u32 command, struct sccb_header *sccb)
{
	volatile u16 *rc = &sccb->response_code;
	unsigned long flags = arch_local_irq_save();

	*rc = SCLP_RC_BUSY;
	while (servc(command, sccb) == 2) /* busy: another request runs */
		;
	do
		sclp_wait_interrupt();
	while (*rc == SCLP_RC_BUSY);
	arch_local_irq_restore(flags);
	return *rc;
}

static void *sccb_init(u8 *page, size_t length)
{
	struct sccb_header *h = memset(page, 0, length);

	h->length = length;
	return h;
}

unsigned long sclp_memory_size(void)
{
	unsigned long flags = arch_local_irq_save();
	struct read_info_sccb *info = sccb_init(sccb_page, PAGE_SIZE);
	unsigned long size = 0, rnmax, rnsize;

	if (sclp_request(SCLP_CMDW_READ_SCP_INFO, &info->header) ==
	    SCLP_RC_NORMAL_READ) {
		rnmax = info->rnmax ? info->rnmax : info->rnmax2;
		rnsize = info->rnsize ? info->rnsize : info->rnsize2;
		size = rnmax * rnsize << 20;
	}
	arch_local_irq_restore(flags);
	return size;
}

/* Send one event of the given type; its data follows the headers. */
static void write_event(u8 type, const void *data, size_t n)
{
	struct sccb_header *h = sccb_init(
		sccb_page, sizeof(*h) + sizeof(struct evbuf_header) + n);
	struct evbuf_header *ev = (struct evbuf_header *)(h + 1);

	ev->length = sizeof(*ev) + n;
	ev->type = type;
	memcpy(ev + 1, data, n);
	sclp_request(SCLP_CMDW_WRITE_EVENT_DATA, h);
}

/* Up to a page at a time; '\n' becomes "\r\n" for the terminal. */
static void sclp_console_write(struct console *con, const char *s, size_t n)
{
	static char buf[1024];
	unsigned long flags = arch_local_irq_save();
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf[len++] = '\r';
		buf[len++] = s[i];
		if (len >= sizeof(buf) - 2 || i == n - 1) {
			write_event(EVTYP_VT220, buf, len);
			len = 0;
		}
	}
	arch_local_irq_restore(flags);
}

static struct console sclp_console = { .name = "ttysclp0",
				       .write = sclp_console_write };

/* ASCII to EBCDIC (code page 037) for the characters a line may hold. */
static u8 ascii_to_ebcdic(char c)
{
	static const char digits[] = "0123456789";
	static const char lower[] = "abcdefghijklmnopqrstuvwxyz";

	for (int i = 0; i < 10; i++)
		if (c == digits[i])
			return 0xf0 + i;
	for (int i = 0; i < 26; i++)
		if (c == lower[i])
			return (i < 9	 ? 0x81
				: i < 18 ? 0x91 - 9
					 : 0xa2 - 18) +
			       i;
	return 0x40; /* anything else: a blank */
}

void sclp_write_line_mode(const char *text)
{
	struct {
		struct mdb_header mdb;
		struct mto mto;
		u8 text[64];
	} __packed msg = {};
	size_t n = strnlen(text, sizeof(msg.text));
	unsigned long flags = arch_local_irq_save();

	for (size_t i = 0; i < n; i++)
		msg.text[i] = ascii_to_ebcdic(text[i]);
	msg.mto.length = sizeof(msg.mto) + n;
	msg.mto.type = 4;
	msg.mto.line_type_flags = 0x1000; /* data line */
	msg.mdb.length = sizeof(msg.mdb) + msg.mto.length;
	msg.mdb.type = 1;
	msg.mdb.tag = 0xd4c4c240;
	msg.mdb.revision = 1;
	write_event(EVTYP_MSG, &msg, msg.mdb.length);
	arch_local_irq_restore(flags);
}

void sclp_console_init(void)
{
	struct init_sccb *s = sccb_init(sccb_page, sizeof(*s));

	s->mask_length = sizeof(u32);
	s->cp_receive_mask = EVTYP_MASK(EVTYP_VT220);
	s->cp_send_mask = EVTYP_MASK(EVTYP_VT220) | EVTYP_MASK(EVTYP_MSG);
	sclp_request(SCLP_CMDW_WRITE_EVENT_MASK, &s->header);
	register_console(&sclp_console);
}

/* Fetch pending VT220 input and hand it to the console tty. */
static void sclp_read_input(void)
{
	struct sccb_header *h = sccb_init(input_page, PAGE_SIZE);
	const u8 *p = (const u8 *)(h + 1), *end;

	h->function_code = 0; /* variable-length events */
	if (sclp_request(SCLP_CMDW_READ_EVENT_DATA, h) !=
	    SCLP_RC_NORMAL_COMPLETION)
		return;
	end = (const u8 *)h + h->length;
	while (p + sizeof(struct evbuf_header) <= end) {
		const struct evbuf_header *ev = (const void *)p;

		if (ev->length < sizeof(*ev) || p + ev->length > end)
			break;
		if (ev->type == EVTYP_VT220)
			for (const u8 *c = p + sizeof(*ev); c < p + ev->length;
			     c++)
				console_receive(*c);
		p += ev->length;
	}
}

static bool input_enabled;

void sclp_enable_input(void)
{
	input_enabled = true;
	sclp_read_input(); /* what arrived before anyone listened */
}

void sclp_poll_input(void)
{
	if (!input_enabled || !input_pending)
		return;
	input_pending = false;
	sclp_read_input();
}

void sclp_interrupt(u32 param)
{
	if (param & SCLP_PARAM_EVENT_PENDING)
		input_pending = true;
	sclp_poll_input();
}
