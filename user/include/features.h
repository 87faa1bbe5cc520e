/* SPDX-License-Identifier: MIT */
/*
 * <features.h>: glibc's, which programs written for Linux include for its
 * feature-test macros; here newlib's <sys/features.h> decides them.
 */
#ifndef _FEATURES_H
#define _FEATURES_H

#include <sys/features.h>

#endif
