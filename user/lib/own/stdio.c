// SPDX-License-Identifier: MIT
/*
 * stdio streams: a FILE is a file descriptor with a buffer in front of it,
 * so that a program writing one character at a time does not make one
 * system call per character.  Formatted output is in printf.c.
 *
 * A stream is either reading or writing at a given moment.  While writing,
 * buf[0 .. wlen) waits to be written; it goes out when the buffer is full,
 * at a '\n' for a line-buffered stream, at fflush(), fclose() and exit().
 * While reading, buf[rpos .. rlen) is input read ahead.  Switching from
 * one to the other first writes out, or gives back (by seeking), what the
 * buffer holds, as C requires programs to do with fflush() or fseek()
 * anyway.  An unbuffered stream is given a buffer of one byte.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../libc.h"

/* flags */
#define F_READ 1    /* opened for reading */
#define F_WRITE 2   /* opened for writing */
#define F_EOF 4	    /* end of file seen (cleared by clearerr, fseek) */
#define F_ERR 8	    /* an error happened (cleared by clearerr) */
#define F_OWNBUF 16 /* buf came from malloc: free it at fclose */
#define F_STATIC 32 /* stdin, stdout, stderr: not from malloc */

struct __FILE {
	int fd;
	int flags;
	int mode;	     /* _IOFBF, _IOLBF or _IONBF */
	int unget;	     /* the character ungetc() pushed back, or EOF */
	unsigned char *buf;  /* NULL until the first use of the stream */
	size_t size;	     /* of buf */
	size_t rpos, rlen;   /* reading: buf[rpos .. rlen) not yet read */
	size_t wlen;	     /* writing: buf[0 .. wlen) not yet written */
	unsigned char one;   /* the buffer of an unbuffered stream */
	struct __FILE *next; /* every open stream, for fflush(NULL) */
};

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE std_streams[3] = {
	{ .fd = 0,
	  .flags = F_READ | F_STATIC,
	  .mode = _IOFBF,
	  .unget = EOF,
	  .buf = stdin_buf,
	  .size = BUFSIZ,
	  .next = &std_streams[1] },
	{ .fd = 1,
	  .flags = F_WRITE | F_STATIC,
	  .mode = _IOLBF,
	  .unget = EOF,
	  .buf = stdout_buf,
	  .size = BUFSIZ,
	  .next = &std_streams[2] },
	{ .fd = 2, .flags = F_WRITE | F_STATIC, .mode = _IONBF, .unget = EOF },
};

FILE *stdin = &std_streams[0];
FILE *stdout = &std_streams[1];
FILE *stderr = &std_streams[2];

static FILE *streams = &std_streams[0];

int __write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t done = write(fd, p, n);

		if (done < 0)
			return -1;
		p += done;
		n -= done;
	}
	return 0;
}

/* Give the stream its buffer at first use (after any setvbuf()). */
static void set_up_buffer(FILE *f)
{
	if (f->buf)
		return;
	if (f->mode != _IONBF) {
		if (!f->size)
			f->size = BUFSIZ;
		f->buf = malloc(f->size);
		if (f->buf) {
			f->flags |= F_OWNBUF;
			return;
		}
		f->mode = _IONBF; /* no memory: work unbuffered */
	}
	f->buf = &f->one;
	f->size = 1;
}

/* Write out what is buffered for writing. */
static int flush_out(FILE *f)
{
	size_t n = f->wlen;

	f->wlen = 0; /* even on error: a stuck buffer would fail forever */
	if (n && __write_all(f->fd, f->buf, n) < 0) {
		f->flags |= F_ERR;
		return EOF;
	}
	return 0;
}

/*
 * Forget the input read ahead, moving the file position back over it so
 * that the next write lands where the program has read up to.  Pipes and
 * the console cannot seek: there the input stays buffered.
 */
static void drop_input(FILE *f)
{
	size_t ahead = f->rlen - f->rpos + (f->unget != EOF);
	int saved = errno;

	if (ahead && lseek(f->fd, -(off_t)ahead, SEEK_CUR) < 0) {
		errno = saved;
		return;
	}
	f->rpos = f->rlen = 0;
	f->unget = EOF;
}

/* Make the stream ready for writing; 0 or EOF. */
static int start_write(FILE *f)
{
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	set_up_buffer(f);
	drop_input(f);
	return 0;
}

/* Make the stream ready for reading; 0 or EOF. */
static int start_read(FILE *f)
{
	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	set_up_buffer(f);
	return flush_out(f);
}

/* read() for the stream, recording end of file and errors. */
static ssize_t read_some(FILE *f, void *buf, size_t n)
{
	ssize_t got;

	/* A program about to wait for input should show its prompt first. */
	if (f == stdin)
		fflush(stdout);
	got = read(f->fd, buf, n);
	if (got <= 0)
		f->flags |= got ? F_ERR : F_EOF;
	return got;
}

/* Refill an empty read buffer; 0 or EOF. */
static int fill(FILE *f)
{
	ssize_t got = read_some(f, f->buf, f->size);

	if (got <= 0)
		return EOF;
	f->rpos = 0;
	f->rlen = got;
	return 0;
}

static FILE *new_stream(int fd, int flags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->fd = fd;
	f->flags = flags;
	f->mode = _IOFBF;
	f->unget = EOF;
	f->next = streams;
	streams = f;
	return f;
}

/* Decode an fopen() mode: open() flags in *oflags, F_READ/F_WRITE returned. */
static int parse_mode(const char *mode, int *oflags)
{
	int flags;

	switch (*mode) {
	case 'r':
		*oflags = O_RDONLY;
		flags = F_READ;
		break;
	case 'w':
		*oflags = O_WRONLY | O_CREAT | O_TRUNC;
		flags = F_WRITE;
		break;
	case 'a':
		*oflags = O_WRONLY | O_CREAT | O_APPEND;
		flags = F_WRITE;
		break;
	default:
		errno = EINVAL;
		return 0;
	}
	for (mode++; *mode; mode++) {
		if (*mode == '+') {
			*oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
			flags = F_READ | F_WRITE;
		} else if (*mode == 'x') {
			*oflags |= O_EXCL;
		} /* 'b' (binary) means nothing on POSIX; others are ignored */
	}
	return flags;
}

FILE *fopen(const char *path, const char *mode)
{
	int oflags, flags = parse_mode(mode, &oflags), fd;
	FILE *f;

	if (!flags)
		return NULL;
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	f = new_stream(fd, flags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags, flags = parse_mode(mode, &oflags);

	return flags ? new_stream(fd, flags) : NULL;
}

int fclose(FILE *f)
{
	int ret = fflush(f);

	if (close(f->fd) < 0)
		ret = EOF;
	for (FILE **link = &streams; *link; link = &(*link)->next) {
		if (*link == f) {
			*link = f->next;
			break;
		}
	}
	if (f->flags & F_OWNBUF)
		free(f->buf);
	if (!(f->flags & F_STATIC))
		free(f);
	return ret;
}

int fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = streams; f; f = f->next)
			if (fflush(f))
				ret = EOF;
		return ret;
	}
	ret = flush_out(f);
	if (f->flags & F_READ)
		drop_input(f);
	return ret;
}

void __stdio_flush_all(void)
{
	fflush(NULL);
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	if (f->flags & F_OWNBUF)
		free(f->buf);
	f->flags &= ~F_OWNBUF;
	f->mode = mode;
	f->buf = NULL; /* set_up_buffer() allocates one of size, if asked */
	f->size = size;
	f->rpos = f->rlen = 0;
	if (mode != _IONBF && buf && size)
		f->buf = (unsigned char *)buf;
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

size_t fread(void *ptr, size_t size, size_t n, FILE *f)
{
	unsigned char *p = ptr;
	size_t total, done = 0;

	if (__builtin_mul_overflow(size, n, &total) || !total || start_read(f))
		return 0;
	if (f->unget != EOF) {
		p[done++] = f->unget;
		f->unget = EOF;
	}
	while (done < total) {
		size_t avail = f->rlen - f->rpos, want = total - done;

		if (avail) {
			size_t k = avail < want ? avail : want;

			memcpy(p + done, f->buf + f->rpos, k);
			f->rpos += k;
			done += k;
		} else if (f->flags & F_EOF) {
			break;
		} else if (want >= f->size) {
			/* Big reads go straight to the caller's memory. */
			ssize_t got = read_some(f, p + done, want);

			if (got <= 0)
				break;
			done += got;
		} else if (fill(f)) {
			break;
		}
	}
	return done / size;
}

size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f)
{
	const unsigned char *p = ptr;
	size_t total;

	if (__builtin_mul_overflow(size, n, &total) || !total || start_write(f))
		return 0;
	if (total >= f->size - f->wlen) {
		/* It would fill the buffer: write it out, then the data. */
		if (flush_out(f))
			return 0;
		if (total >= f->size) {
			if (__write_all(f->fd, p, total) < 0) {
				f->flags |= F_ERR;
				return 0;
			}
			return n;
		}
	}
	memcpy(f->buf + f->wlen, p, total);
	f->wlen += total;
	if (f->mode == _IOLBF && memchr(p, '\n', total) && flush_out(f))
		return 0;
	return n;
}

int fgetc(FILE *f)
{
	int c = f->unget;

	if (c != EOF) {
		f->unget = EOF;
		return c;
	}
	/* End of file stays: C says fgetc returns EOF until clearerr(). */
	if ((f->flags & F_EOF) || start_read(f))
		return EOF;
	if (f->rpos == f->rlen && fill(f))
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->unget != EOF)
		return EOF;
	f->unget = (unsigned char)c;
	f->flags &= ~F_EOF;
	return f->unget;
}

char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && c != '\n') {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
	}
	s[i] = '\0';
	/* NULL at end of file with nothing read, or after an error. */
	if (c == EOF && (i == 0 || (f->flags & F_ERR)))
		return NULL;
	return s;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	size_t len = 0;
	int c = 0;

	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	if (!*line)
		*cap = 0; /* as POSIX says: a NULL line has no size */
	while (c != delim && (c = fgetc(f)) != EOF) {
		/* Room for this character and the NUL. */
		if (len + 2 > *cap) {
			size_t ncap = *cap < 64 ? 128 : *cap * 2;
			char *n = realloc(*line, ncap);

			if (!n)
				return -1;
			*line = n;
			*cap = ncap;
		}
		(*line)[len++] = (char)c;
	}
	if (!len)
		return -1; /* end of file (or error) before any character */
	(*line)[len] = '\0';
	return len;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
}

int fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	return fwrite(&ch, 1, 1, f) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return n == 0 || fwrite(s, 1, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

int fseek(FILE *f, long offset, int whence)
{
	/* The descriptor is ahead of the program by the input read ahead. */
	if (whence == SEEK_CUR)
		offset -= (long)(f->rlen - f->rpos) + (f->unget != EOF);
	if (flush_out(f))
		return -1;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->rpos = f->rlen = 0;
	f->unget = EOF;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos - (off_t)(f->rlen - f->rpos) - (f->unget != EOF) +
	       (off_t)f->wlen;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	clearerr(f);
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

int fileno(FILE *f)
{
	return f->fd;
}

int remove(const char *path)
{
	return unlink(path);
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
