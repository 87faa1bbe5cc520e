// SPDX-License-Identifier: MIT
/*
 * The exception table: a linear search, as the table holds a handful of
 * entries.  Linux sorts it at boot and bisects; do that when it grows.
 */
#include <kernel/extable.h>

extern const struct exception_table_entry __start_ex_table[], __stop_ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start_ex_table; e < __stop_ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}
