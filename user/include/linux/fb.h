/* SPDX-License-Identifier: MIT */
/* <linux/fb.h>: the framebuffer ioctls, in Linux's layout (see pagoda/fb.h). */
#ifndef _LINUX_FB_H
#define _LINUX_FB_H

#include <pagoda/fb.h>

#endif
