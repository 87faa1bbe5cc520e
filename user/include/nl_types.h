/* SPDX-License-Identifier: MIT */
/*
 * <nl_types.h>: message catalogs (user/lib/catalog.c): catopen a catalog
 * file, catgets message n of set s from it (or the default given), and
 * catclose it.  The file is text, in gencat's own input format, which
 * Pagoda reads as it is (/bin/gencat only checks and copies it):
 *
 *	$ a comment
 *	$set 1
 *	1 First message
 *	2 Second message, \
 *	  continued; \n \t \\ are escapes
 *
 * A name without a '/' is looked up through $NLSPATH (%N: the name),
 * else /etc/nls/NAME.cat.
 */
#ifndef _NL_TYPES_H
#define _NL_TYPES_H

#define NL_SETD 1	/* the set of messages not in a $set */
#define NL_CAT_LOCALE 1 /* catopen: take the locale from LC_MESSAGES */

typedef struct __nl_cat *nl_catd; /* (nl_catd)-1: none */
typedef int nl_item;

nl_catd catopen(const char *name, int flag);
char *catgets(nl_catd catd, int set_id, int msg_id, const char *s);
int catclose(nl_catd catd);

#endif
