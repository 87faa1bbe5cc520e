/* SPDX-License-Identifier: MIT */
/*
 * <ctype.h>: character classes, for ASCII (the only character set here).
 * The argument is an unsigned char value or EOF; bytes above 127 belong to
 * no class.
 */
#ifndef _CTYPE_H
#define _CTYPE_H

int isalnum(int c);
int isalpha(int c);
int isascii(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);

#endif
