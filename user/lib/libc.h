/* SPDX-License-Identifier: MIT */
/*
 * Private to the C library: how it makes system calls, and the hooks its
 * parts call in each other.  Programs never include this.
 */
#ifndef _LIBC_H
#define _LIBC_H

#include <stdbool.h>
#include <stddef.h>
#include <pagoda/syscall.h>

/*
 * The one system-call primitive, in user/lib/arch/<arch>/syscall.S: trap
 * into the kernel with call number nr and six arguments.  It returns what
 * the kernel returned: the result, or -errno on failure.
 */
long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* Unused arguments are passed as 0; the kernel ignores them. */
#define __syscall0(nr) __syscall6(nr, 0, 0, 0, 0, 0, 0)
#define __syscall1(nr, a) __syscall6(nr, (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(nr, a, b) __syscall6(nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(nr, a, b, c)                                                \
	__syscall6(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/*
 * Turn a kernel result into the C library's convention: -1 with errno set
 * on failure, the result otherwise.  Failures are -4095..-1, as on Linux,
 * so that a large result (an address) is never taken for an error.
 */
long __syscall_ret(long r);

/*
 * Futexes (futex.c): wait while *word is val, for at most *left (NULL: no
 * limit), and wake n waiters; private to the process unless shared.  The
 * kernel's result: 0, or -EAGAIN, -EINTR, -ETIMEDOUT ...
 */
struct timespec;
long __futex_wait(int *word, int val, bool shared, const struct timespec *left);
long __futex_wake(int *word, int n, bool shared);
/* What is left of abstime on CLOCK_REALTIME; false if it has passed. */
bool __time_left(const struct timespec *abstime, struct timespec *left);
/* A three-state futex lock on word (0: unlocked). */
bool __futex_trylock(int *word);
void __futex_lock(int *word, bool shared);
void __futex_lock_contended(int *word, bool shared); /* taken as contended */
void __futex_unlock(int *word, bool shared);

/*
 * The file in /dev/shm of a POSIX object's name ("/name"): prefix and the
 * name, in path; -1 with errno EINVAL or ENAMETOOLONG (shm.c).
 */
int __shm_path(const char *name, const char *prefix, char *path, size_t size);
/*
 * Open the object file path read-write, as open() with oflag's O_CREAT
 * and O_EXCL: a new one is made whole (init's len bytes, zeros up to
 * size) or not at all.  Its descriptor, or -1 with errno (shm.c).
 */
int __shm_open_object(const char *path, int oflag, const void *init, size_t len,
		      size_t size);

/*
 * Take and release every lock of the C library (lock.c): fork does, so
 * that no other thread holds one when the child is made.
 */
void __libc_lock_all(void);
void __libc_unlock_all(void);

/* Threads (arch/<arch>/clone.S): start fn(arg) on stack; the thread pointer. */
struct pthread;
long __clone(int (*fn)(void *), void *stack, unsigned long flags, void *arg,
	     int *parent_tid, unsigned long tls, int *child_tid);
struct pthread *__thread_pointer(void);

/*
 * Each thread's C library state: newlib's struct _reent (errno, strtok's
 * position ...; newlib.c, so that pthread.c needs none of newlib's
 * headers).  pthread.c keeps __libc_thread_size bytes of it in each new
 * thread's stack mapping, and calls init before the thread runs and
 * release (NULL: nothing to do) once it has exited.
 * __pthread_libc_state() is the calling thread's; NULL for the main
 * thread, whose state is newlib's static one.
 */
extern const size_t __libc_thread_size;
void __libc_thread_init(void *state);
void __libc_thread_release(void *state);
void *__pthread_libc_state(void);

/*
 * crt0: note the program's name (argv[0]'s last component, for err.c's
 * messages) and run its constructors, before main (init.c).
 */
void __libc_start_init(char **argv);
extern const char *__progname;

#endif
