// SPDX-License-Identifier: MIT
/*
 * Tests of the scan-code decoder (kernel/drivers/keyboard.c), fed scan
 * codes (set 1) as the keyboard controller delivers them, on a state of
 * their own: the real keyboard's state is untouched.
 */
#include <kernel/drivers/keyboard.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

/* Feed codes; what they typed, NUL-terminated, in out. */
static void feed(const u8 *codes, size_t n, char *out, size_t size)
{
	struct kbd_state kbd = { 0 };
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		char seq[KBD_MAX_SEQ];
		size_t m = kbd_decode(&kbd, codes[i], seq);

		if (len + m < size) {
			memcpy(out + len, seq, m);
			len += m;
		}
	}
	out[len] = '\0';
}

#define FEED(out, ...)                                                         \
	do {                                                                   \
		static const u8 codes[] = { __VA_ARGS__ };                     \
		feed(codes, sizeof(codes), out, sizeof(out));                  \
	} while (0)

/* Make then break for each key: "ls -l" and Enter. */
static void plain_keys(struct ktest *t)
{
	char out[32];

	FEED(out, 0x26, 0xa6, 0x1f, 0x9f, 0x39, 0xb9, 0x0c, 0x8c, 0x26, 0xa6,
	     0x1c, 0x9c);
	KTEST_EXPECT_STREQ(t, out, "ls -l\r");
}

static void shift_and_caps_lock(struct ktest *t)
{
	char out[32];

	/* Shift held over h and 1, released before i. */
	FEED(out, 0x2a, 0x23, 0xa3, 0x02, 0x82, 0xaa, 0x17, 0x97);
	KTEST_EXPECT_STREQ(t, out, "H!i");
	/*
	 * Caps Lock (held long enough to repeat: still one toggle), a,
	 * shift+a, 1 (digits ignore Caps Lock); Caps Lock again, a.
	 */
	FEED(out, 0x3a, 0x3a, 0x3a, 0xba, 0x1e, 0x9e, 0x36, 0x1e, 0x9e, 0xb6,
	     0x02, 0x82, 0x3a, 0xba, 0x1e, 0x9e);
	KTEST_EXPECT_STREQ(t, out, "Aa1a");
}

static void ctrl_gives_control_characters(struct ktest *t)
{
	char out[32];

	/* Ctrl-C, Ctrl-U, Ctrl-W; right Ctrl (0xe0 0x1d) with D. */
	FEED(out, 0x1d, 0x2e, 0xae, 0x16, 0x96, 0x11, 0x91, 0x9d, 0xe0, 0x1d,
	     0x20, 0xa0, 0xe0, 0x9d, 0x20, 0xa0);
	KTEST_EXPECT_STREQ(t, out,
			   "\x03\x15\x17\x04"
			   "d");
}

/* Holding a key repeats its make code: each one types again. */
static void typematic_repeat(struct ktest *t)
{
	char out[32];

	FEED(out, 0x1e, 0x1e, 0x1e, 0x1e, 0x9e);
	KTEST_EXPECT_STREQ(t, out, "aaaa");
}

static void arrows_send_ansi_sequences(struct ktest *t)
{
	char out[32];

	FEED(out, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x50, 0xe0, 0x4b, 0xe0, 0x4d,
	     0xe0, 0x53);
	KTEST_EXPECT_STREQ(t, out, "\033[A\033[B\033[D\033[C\033[3~");
}

/* Function keys, Alt, Pause, unassigned codes: nothing at all. */
static void unknown_codes_type_nothing(struct ktest *t)
{
	char out[32];

	FEED(out, 0x3b, 0xbb, 0x38, 0xb8, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5,
	     0x54, 0x5b, 0x7f, 0xe0, 0x5b, 0xe0, 0x38, 0xe0, 0x2a, 0x61, 0xff,
	     0x00);
	KTEST_EXPECT_STREQ(t, out, "");
	/* and the decoder is not left in a strange state by them */
	FEED(out, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e);
	KTEST_EXPECT_STREQ(t, out, "a");
}

KTEST_SUITE(keyboard, KTEST_CASE(plain_keys), KTEST_CASE(shift_and_caps_lock),
	    KTEST_CASE(ctrl_gives_control_characters),
	    KTEST_CASE(typematic_repeat),
	    KTEST_CASE(arrows_send_ansi_sequences),
	    KTEST_CASE(unknown_codes_type_nothing));
