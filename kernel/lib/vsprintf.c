// SPDX-License-Identifier: MIT
/*
 * vsnprintf and snprintf, for printk and for the user C library (which
 * compiles this same file).
 *
 * Supported: %d %i %u %x %X %o %c %s %p %%, the length modifiers l, ll and z,
 * a field width (or *), the flags 0 (zero padding), - (left adjust) and #
 * (0x before non-zero hex), and a precision for %s.  An unknown conversion
 * is printed as it stands, so that a typo shows in the output instead of
 * vanishing.
 *
 * vsnprintf never writes past size, always terminates (when size > 0), and
 * returns the length the full output would have had, as C99 says.
 */
#include <kernel/printk.h>
#include <kernel/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* what the full output needs; may exceed size */
};

struct spec {
	bool zero;
	bool left;
	bool alt;
	int width;
	int precision; /* -1: none */
	int longs;     /* number of l's; z counts as one */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emit prefix ("-", "0x" or "") and body (n chars) padded to the field width. */
static void put_field(struct out *o, const struct spec *sp, const char *body,
		      int n, const char *prefix)
{
	int fill = sp->width - n - (int)strlen(prefix);

	if (!sp->left && !sp->zero)
		pad(o, ' ', fill);
	while (*prefix)
		put(o, *prefix++);
	if (!sp->left && sp->zero)
		pad(o, '0', fill);
	for (int i = 0; i < n; i++)
		put(o, body[i]);
	if (sp->left)
		pad(o, ' ', fill);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	struct spec plain = *sp;
	int n;

	if (!s)
		s = "(null)";
	plain.zero = false;
	n = sp->precision >= 0 ? strnlen(s, sp->precision) : strlen(s);
	put_field(o, &plain, s, n, "");
}

static void put_num(struct out *o, const struct spec *sp, unsigned long long v,
		    const char *prefix, int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = sizeof(tmp);

	do {
		tmp[--n] = digits[v % base];
		v /= base;
	} while (v);
	put_field(o, sp, tmp + n, sizeof(tmp) - n, prefix);
}

static unsigned long long get_unsigned(const struct spec *sp, va_list *ap)
{
	if (sp->longs >= 2)
		return va_arg(*ap, unsigned long long);
	if (sp->longs == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static long long get_signed(const struct spec *sp, va_list *ap)
{
	if (sp->longs >= 2)
		return va_arg(*ap, long long);
	if (sp->longs == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

/* Parse flags, width, precision and length; return the conversion char. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		sp->precision = 0;
		for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp->precision = sp->precision * 10 + (*fmt - '0');
	}
	for (; *fmt == 'l' || *fmt == 'z'; fmt++)
		sp->longs++;
	return fmt;
}

static void convert(struct out *o, struct spec *sp, char c, va_list *ap)
{
	unsigned long long u;
	long long s;

	switch (c) {
	case 'd':
	case 'i':
		s = get_signed(sp, ap);
		put_num(o, sp,
			s < 0 ? -(unsigned long long)s : (unsigned long long)s,
			s < 0 ? "-" : "", 10, false);
		break;
	case 'u':
		put_num(o, sp, get_unsigned(sp, ap), "", 10, false);
		break;
	case 'x':
	case 'X':
		u = get_unsigned(sp, ap);
		put_num(o, sp, u, sp->alt && u ? "0x" : "", 16, c == 'X');
		break;
	case 'o':
		put_num(o, sp, get_unsigned(sp, ap), "", 8, false);
		break;
	case 'p':
		/* Full width, so that addresses line up in dumps. */
		sp->zero = true;
		sp->width = 2 + 2 * sizeof(void *);
		put_num(o, sp, (unsigned long)va_arg(*ap, void *), "0x", 16,
			false);
		break;
	case 'c': {
		char ch = (char)va_arg(*ap, int);

		put_field(o, sp, &ch, 1, "");
		break;
	}
	case 's':
		put_str(o, sp, va_arg(*ap, const char *));
		break;
	case '%':
		put(o, '%');
		break;
	default:
		put(o, '%');
		if (c)
			put(o, c);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		convert(&o, &sp, *fmt, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
	if (size)
		buf[min(o.len, size - 1)] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
