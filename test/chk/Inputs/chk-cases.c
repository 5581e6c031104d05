/* One case per symbol of glibc's checked-function ABI and per kind:
 *   fit      the object is exactly as big as the call needs     (runs)
 *   past     one element too small                              (stops)
 *   zero     an object of size 0                                (stops if anything is written)
 *   unknown  the size glibc's headers pass when it is unknown, (size_t)-1  (runs)
 * Functions without a size have their own four cases (said at each).
 * `chk-cases NAME:KIND` runs one case, `chk-cases --list` names them all.
 * A case first prints `expect=ok` or `expect=stop`, then what the call
 * returned, errno and the bytes it wrote; results go straight to fd 1 with
 * write(), so stdout's FILE stays free for the printf cases.
 *
 * The same source is linked against glibc alone (glibc's own __*_chk), and
 * against libfortify_chk on glibc and on musl: test/chk/differential.test
 * compares them. Built without -DHAVE_STRLCPY_CHK (glibc < 2.38) the four
 * strlcpy-family cases only print `skip`. */
#define _GNU_SOURCE 1
#undef _FORTIFY_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>
#include <wchar.h>
#include "chk-decls.h"

enum kind { FIT, PAST, ZERO, UNKNOWN };
static const char *const kind_names[] = {"fit", "past", "zero", "unknown"};
static enum kind K;

static void out(const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n > (int)sizeof buf - 1)
    n = sizeof buf - 1;
  if (write(1, buf, (size_t)n) < 0)
    _exit(3);
}

/* The object size for a call that needs `need` elements. */
static size_t osz(size_t need) {
  switch (K) {
  case FIT: return need;
  case PAST: return need - 1;
  case ZERO: return 0;
  default: return (size_t)-1;
  }
}

/* Announce what must happen: a stop for one-past, and for size 0 when the
 * call needs any room. */
static void expect_for(size_t need) {
  int stop = K == PAST || (K == ZERO && need > 0);
  out("expect=%s\n", stop ? "stop" : "ok");
}
static void expect(int stop) { out("expect=%s\n", stop ? "stop" : "ok"); }

static void bytes(const char *what, const void *p, size_t n) {
  const unsigned char *b = p;
  out("%s=", what);
  for (size_t i = 0; i < n; ++i)
    out(b[i] >= 32 && b[i] < 127 && b[i] != '\\' ? "%c" : "\\x%02x", b[i]);
  out("\n");
}
static void wbytes(const char *what, const wchar_t *p, size_t n) {
  out("%s=", what);
  for (size_t i = 0; i < n; ++i)
    out(p[i] >= 32 && p[i] < 127 && p[i] != '\\' ? "%c" : "\\x%x", (unsigned)p[i]);
  out("\n");
}
static void ret_errno(long r) { out("ret=%ld errno=%d\n", r, r < 0 ? errno : 0); }
static void ret_ptr(const void *r, const void *base) {
  if (r == NULL)
    out("ret=NULL errno=%d\n", errno);
  else
    out("ret=base+%td\n", (const char *)r - (const char *)base);
}

/* A file holding `text`, read from the start by a stream that has no
 * orientation yet (fgetws needs a wide one). */
static FILE *file_with(const char *text) {
  FILE *f = tmpfile();
  FILE *r = NULL;
  if (f && write(fileno(f), text, strlen(text)) >= 0 && lseek(fileno(f), 0, SEEK_SET) == 0)
    r = fdopen(dup(fileno(f)), "r");
  if (!r) {
    out("tmpfile failed\n");
    _exit(3);
  }
  return r;
}

#define CASE(name) static void case_##name(void)

/* ---- memory ---- */
CASE(memcpy) {
  char d[12] = "............";
  size_t n = 8;
  expect_for(n);
  ret_ptr(__memcpy_chk(d, "abcdefghij", n, osz(n)), d);
  bytes("d", d, sizeof d);
}
CASE(memmove) {
  char d[12] = "abcdefghijkl";
  size_t n = 8;
  expect_for(n);
  ret_ptr(__memmove_chk(d + 1, d, n, osz(n)), d);
  bytes("d", d, sizeof d);
}
CASE(mempcpy) {
  char d[12] = "............";
  size_t n = 8;
  expect_for(n);
  ret_ptr(__mempcpy_chk(d, "abcdefghij", n, osz(n)), d);
  bytes("d", d, sizeof d);
}
CASE(memset) {
  char d[12] = "............";
  size_t n = 8;
  expect_for(n);
  ret_ptr(__memset_chk(d, 'x', n, osz(n)), d);
  bytes("d", d, sizeof d);
}
CASE(explicit_bzero) {
  char d[12] = "............";
  size_t n = 8;
  expect_for(n);
  __explicit_bzero_chk(d, n, osz(n));
  bytes("d", d, sizeof d);
}
CASE(wmemcpy) {
  wchar_t d[8] = L"........";
  size_t n = 5;
  expect_for(n);
  ret_ptr(__wmemcpy_chk(d, L"abcdefg", n, osz(n)), d);
  wbytes("d", d, 8);
}
CASE(wmemmove) {
  wchar_t d[8] = L"abcdefgh";
  size_t n = 5;
  expect_for(n);
  ret_ptr(__wmemmove_chk(d + 1, d, n, osz(n)), d);
  wbytes("d", d, 8);
}
CASE(wmempcpy) {
  wchar_t d[8] = L"........";
  size_t n = 5;
  expect_for(n);
  ret_ptr(__wmempcpy_chk(d, L"abcdefg", n, osz(n)), d);
  wbytes("d", d, 8);
}
CASE(wmemset) {
  wchar_t d[8] = L"........";
  size_t n = 5;
  expect_for(n);
  ret_ptr(__wmemset_chk(d, L'x', n, osz(n)), d);
  wbytes("d", d, 8);
}

/* ---- strings ---- */
CASE(strcpy) {
  char d[12] = "............";
  expect_for(6);
  ret_ptr(__strcpy_chk(d, "hello", osz(6)), d);
  bytes("d", d, sizeof d);
}
CASE(stpcpy) {
  char d[12] = "............";
  expect_for(6);
  ret_ptr(__stpcpy_chk(d, "hello", osz(6)), d);
  bytes("d", d, sizeof d);
}
CASE(strncpy) {
  char d[12] = "............";
  expect_for(8);
  ret_ptr(__strncpy_chk(d, "hello", 8, osz(8)), d);
  bytes("d", d, sizeof d);
}
CASE(stpncpy) {
  char d[12] = "............";
  expect_for(8);
  ret_ptr(__stpncpy_chk(d, "hello", 8, osz(8)), d);
  bytes("d", d, sizeof d);
}
CASE(strcat) {
  char d[12] = "ab\0.........";
  expect_for(6);
  ret_ptr(__strcat_chk(d, "cde", osz(6)), d);
  bytes("d", d, sizeof d);
}
CASE(strncat) {
  char d[12] = "ab\0.........";
  expect_for(5); /* "ab" + 2 of "cdef" + NUL */
  ret_ptr(__strncat_chk(d, "cdef", 2, osz(5)), d);
  bytes("d", d, sizeof d);
}
CASE(strlcpy) {
#ifdef HAVE_STRLCPY_CHK
  char d[12] = "............";
  expect_for(4);
  out("ret=%zu\n", __strlcpy_chk(d, "hello", 4, osz(4)));
  bytes("d", d, sizeof d);
#else
  out("skip\n");
#endif
}
CASE(strlcat) {
#ifdef HAVE_STRLCPY_CHK
  char d[12] = "ab\0.........";
  expect_for(5);
  out("ret=%zu\n", __strlcat_chk(d, "cdefg", 5, osz(5)));
  bytes("d", d, sizeof d);
#else
  out("skip\n");
#endif
}
CASE(wcscpy) {
  wchar_t d[8] = L"........";
  expect_for(4);
  ret_ptr(__wcscpy_chk(d, L"abc", osz(4)), d);
  wbytes("d", d, 8);
}
CASE(wcpcpy) {
  wchar_t d[8] = L"........";
  expect_for(4);
  ret_ptr(__wcpcpy_chk(d, L"abc", osz(4)), d);
  wbytes("d", d, 8);
}
CASE(wcsncpy) {
  wchar_t d[8] = L"........";
  expect_for(6);
  ret_ptr(__wcsncpy_chk(d, L"abc", 6, osz(6)), d);
  wbytes("d", d, 8);
}
CASE(wcpncpy) {
  wchar_t d[8] = L"........";
  expect_for(6);
  ret_ptr(__wcpncpy_chk(d, L"abc", 6, osz(6)), d);
  wbytes("d", d, 8);
}
CASE(wcscat) {
  wchar_t d[8] = L"ab\0.....";
  expect_for(5);
  ret_ptr(__wcscat_chk(d, L"cd", osz(5)), d);
  wbytes("d", d, 8);
}
CASE(wcsncat) {
  wchar_t d[8] = L"ab\0.....";
  expect_for(5);
  ret_ptr(__wcsncat_chk(d, L"cdef", 2, osz(5)), d);
  wbytes("d", d, 8);
}
CASE(wcslcpy) {
#ifdef HAVE_STRLCPY_CHK
  wchar_t d[8] = L"........";
  expect_for(4);
  out("ret=%zu\n", __wcslcpy_chk(d, L"hello", 4, osz(4)));
  wbytes("d", d, 8);
#else
  out("skip\n");
#endif
}
CASE(wcslcat) {
#ifdef HAVE_STRLCPY_CHK
  wchar_t d[8] = L"ab\0.....";
  expect_for(5);
  out("ret=%zu\n", __wcslcat_chk(d, L"cdefg", 5, osz(5)));
  wbytes("d", d, 8);
#else
  out("skip\n");
#endif
}

/* ---- multibyte (the C locale) ---- */
CASE(mbstowcs) {
  wchar_t d[8] = L"........";
  expect_for(6);
  out("ret=%zu\n", __mbstowcs_chk(d, "abc", 6, osz(6)));
  wbytes("d", d, 8);
}
CASE(wcstombs) {
  char d[8] = "........";
  expect_for(6);
  out("ret=%zu\n", __wcstombs_chk(d, L"abc", 6, osz(6)));
  bytes("d", d, 8);
}
CASE(mbsrtowcs) {
  wchar_t d[8] = L"........";
  const char *s = "abc";
  mbstate_t st;
  memset(&st, 0, sizeof st);
  expect_for(6);
  out("ret=%zu\n", __mbsrtowcs_chk(d, &s, 6, &st, osz(6)));
  out("s=%s\n", s ? "set" : "NULL");
  wbytes("d", d, 8);
}
CASE(wcsrtombs) {
  char d[8] = "........";
  const wchar_t *s = L"abc";
  mbstate_t st;
  memset(&st, 0, sizeof st);
  expect_for(6);
  out("ret=%zu\n", __wcsrtombs_chk(d, &s, 6, &st, osz(6)));
  out("s=%s\n", s ? "set" : "NULL");
  bytes("d", d, 8);
}
CASE(mbsnrtowcs) {
  wchar_t d[8] = L"........";
  const char *s = "abcdef";
  mbstate_t st;
  memset(&st, 0, sizeof st);
  expect_for(6);
  out("ret=%zu\n", __mbsnrtowcs_chk(d, &s, 3, 6, &st, osz(6)));
  wbytes("d", d, 8);
}
CASE(wcsnrtombs) {
  char d[8] = "........";
  const wchar_t *s = L"abcdef";
  mbstate_t st;
  memset(&st, 0, sizeof st);
  expect_for(6);
  out("ret=%zu\n", __wcsnrtombs_chk(d, &s, 3, 6, &st, osz(6)));
  bytes("d", d, 8);
}
CASE(wcrtomb) {
  char d[4] = "....";
  mbstate_t st;
  memset(&st, 0, sizeof st);
  expect_for(1);
  out("ret=%zu\n", __wcrtomb_chk(d, L'A', &st, osz(1)));
  bytes("d", d, 4);
}
CASE(wctomb) {
  char d[4] = "....";
  expect_for(MB_CUR_MAX);
  out("ret=%d\n", __wctomb_chk(d, L'A', osz(MB_CUR_MAX)));
  bytes("d", d, 4);
}

/* ---- formatted output: sized ---- */
/* call_vNAME(ARGS..., fmt, ...) calls __vNAME_chk(ARGS..., fmt, va_list). */
#define DEFINE_CALL_V(name, params, args)                                          \
  static int call_##name params {                                                  \
    va_list ap;                                                                    \
    va_start(ap, fmt);                                                             \
    int r = __##name##_chk args;                                                   \
    va_end(ap);                                                                    \
    return r;                                                                      \
  }
#define DEFINE_CALL_VOID(name, params, args)                                       \
  static void call_##name params {                                                 \
    va_list ap;                                                                    \
    va_start(ap, fmt);                                                             \
    __##name##_chk args;                                                           \
    va_end(ap);                                                                    \
  }
CASE(sprintf) {
  char d[12] = "............";
  expect_for(8);
  out("ret=%d\n", __sprintf_chk(d, 1, osz(8), "%s-%d", "abc", 123));
  bytes("d", d, sizeof d);
}
DEFINE_CALL_V(vsprintf, (char *d, int flag, size_t size, const char *fmt, ...),
              (d, flag, size, fmt, ap))
CASE(vsprintf) {
  char d[12] = "............";
  expect_for(8);
  out("ret=%d\n", call_vsprintf(d, 1, osz(8), "%s-%d", "abc", 123));
  bytes("d", d, sizeof d);
}
CASE(snprintf) {
  char d[12] = "............";
  expect_for(6);
  out("ret=%d\n", __snprintf_chk(d, 6, 1, osz(6), "%s-%d", "abc", 123));
  bytes("d", d, sizeof d);
}
DEFINE_CALL_V(vsnprintf, (char *d, size_t n, int flag, size_t size, const char *fmt, ...),
              (d, n, flag, size, fmt, ap))
CASE(vsnprintf) {
  char d[12] = "............";
  expect_for(6);
  out("ret=%d\n", call_vsnprintf(d, 6, 1, osz(6), "%s-%d", "abc", 123));
  bytes("d", d, sizeof d);
}
CASE(swprintf) {
  wchar_t d[8] = L"........";
  expect_for(6);
  out("ret=%d\n", __swprintf_chk(d, 6, 1, osz(6), L"%ls-%d", L"ab", 12));
  wbytes("d", d, 8);
}
DEFINE_CALL_V(vswprintf, (wchar_t *d, size_t n, int flag, size_t size, const wchar_t *fmt, ...),
              (d, n, flag, size, fmt, ap))
CASE(vswprintf) {
  wchar_t d[8] = L"........";
  expect_for(6);
  out("ret=%d\n", call_vswprintf(d, 6, 1, osz(6), L"%ls-%d", L"ab", 12));
  wbytes("d", d, 8);
}

/* ---- formatted output without a size: the %n rule instead ----
 *   fit: %n in a read-only format, flag 1 (runs)   past: %n in a writable format, flag 1 (stops)
 *   zero: %n in a writable format, flag 0 (runs)   unknown: no %n, flag 1 (runs) */
static char writable_fmt[32];
static const char *nfmt(const char *ro) {
  if (K == FIT)
    return ro;
  if (K == UNKNOWN)
    return "%s%s\n";
  strcpy(writable_fmt, ro);
  return writable_fmt;
}
static int nflag(void) { return K == ZERO ? 0 : 1; }
static int n1, n2;
static void show_n(int r) { out("ret=%d n=%d\n", r, K == UNKNOWN ? 0 : n1); }
#define NFMT nfmt("%s%n%s\n")
#define NARGS "ab", K == UNKNOWN ? (void *)"cd" : (void *)&n1, "cd"

static const wchar_t *wnfmt(void) {
  static wchar_t w[32];
  if (K == FIT)
    return L"%ls%n%ls\n";
  if (K == UNKNOWN)
    return L"%ls%ls\n";
  wcscpy(w, L"%ls%n%ls\n");
  return w;
}
#define WNARGS L"ab", K == UNKNOWN ? (void *)L"cd" : (void *)&n1, L"cd"

CASE(printf) {
  expect(K == PAST);
  int r = __printf_chk(nflag(), NFMT, NARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
DEFINE_CALL_V(vprintf, (int flag, const char *fmt, ...), (flag, fmt, ap))
CASE(vprintf) {
  expect(K == PAST);
  int r = call_vprintf(nflag(), NFMT, NARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
CASE(fprintf) {
  expect(K == PAST);
  int r = __fprintf_chk(stdout, nflag(), NFMT, NARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
DEFINE_CALL_V(vfprintf, (FILE *f, int flag, const char *fmt, ...), (f, flag, fmt, ap))
CASE(vfprintf) {
  expect(K == PAST);
  int r = call_vfprintf(stdout, nflag(), NFMT, NARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
CASE(dprintf) {
  expect(K == PAST);
  show_n(__dprintf_chk(1, nflag(), NFMT, NARGS));
}
DEFINE_CALL_V(vdprintf, (int fd, int flag, const char *fmt, ...), (fd, flag, fmt, ap))
CASE(vdprintf) {
  expect(K == PAST);
  show_n(call_vdprintf(1, nflag(), NFMT, NARGS));
}
CASE(asprintf) {
  char *s = NULL;
  expect(K == PAST);
  show_n(__asprintf_chk(&s, nflag(), NFMT, NARGS));
  out("s=%s", s);
  free(s);
}
DEFINE_CALL_V(vasprintf, (char **s, int flag, const char *fmt, ...), (s, flag, fmt, ap))
CASE(vasprintf) {
  char *s = NULL;
  expect(K == PAST);
  show_n(call_vasprintf(&s, nflag(), NFMT, NARGS));
  out("s=%s", s);
  free(s);
}
CASE(syslog) {
  expect(K == PAST);
  __syslog_chk(LOG_DEBUG | LOG_USER, nflag(), NFMT, NARGS);
  show_n(0);
}
DEFINE_CALL_VOID(vsyslog, (int pri, int flag, const char *fmt, ...), (pri, flag, fmt, ap))
CASE(vsyslog) {
  expect(K == PAST);
  call_vsyslog(LOG_DEBUG | LOG_USER, nflag(), NFMT, NARGS);
  show_n(0);
}
CASE(wprintf) {
  expect(K == PAST);
  int r = __wprintf_chk(nflag(), wnfmt(), WNARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
DEFINE_CALL_V(vwprintf, (int flag, const wchar_t *fmt, ...), (flag, fmt, ap))
CASE(vwprintf) {
  expect(K == PAST);
  int r = call_vwprintf(nflag(), wnfmt(), WNARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
CASE(fwprintf) {
  expect(K == PAST);
  int r = __fwprintf_chk(stdout, nflag(), wnfmt(), WNARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}
DEFINE_CALL_V(vfwprintf, (FILE *f, int flag, const wchar_t *fmt, ...), (f, flag, fmt, ap))
CASE(vfwprintf) {
  expect(K == PAST);
  int r = call_vfwprintf(stdout, nflag(), wnfmt(), WNARGS);
  fflush(stdout); /* before our own lines: buffering is each libc\'s own */
  show_n(r);
}

/* ---- input ---- */
/* The line "abcd\n" needs 6 elements; n is always 10. With room for 0 nothing
 * is read and the result is NULL, as glibc's. */
CASE(fgets) {
  char d[10] = "..........";
  FILE *f = file_with("abcd\nrest\n");
  expect(K == PAST);
  ret_ptr(__fgets_chk(d, osz(6), 10, f), d);
  bytes("d", d, sizeof d);
}
CASE(fgets_unlocked) {
  char d[10] = "..........";
  FILE *f = file_with("abcd\nrest\n");
  expect(K == PAST);
  ret_ptr(__fgets_unlocked_chk(d, osz(6), 10, f), d);
  bytes("d", d, sizeof d);
}
CASE(fgetws) {
  wchar_t d[10] = L"..........";
  FILE *f = file_with("abcd\nrest\n");
  expect(K == PAST);
  ret_ptr(__fgetws_chk(d, osz(6), 10, f), d);
  wbytes("d", d, 10);
}
CASE(fgetws_unlocked) {
  wchar_t d[10] = L"..........";
  FILE *f = file_with("abcd\nrest\n");
  expect(K == PAST);
  ret_ptr(__fgetws_unlocked_chk(d, osz(6), 10, f), d);
  wbytes("d", d, 10);
}
CASE(gets) { /* stdin holds "hello\n" */
  char d[10] = "..........";
  expect_for(6);
  ret_ptr(__gets_chk(d, osz(6)), d);
  bytes("d", d, sizeof d);
}
CASE(fread) {
  char d[10] = "..........";
  FILE *f = file_with("abcdefghijkl");
  expect_for(8);
  out("ret=%zu\n", __fread_chk(d, osz(8), 2, 4, f));
  bytes("d", d, sizeof d);
}
CASE(fread_unlocked) {
  char d[10] = "..........";
  FILE *f = file_with("abcdefghijkl");
  expect_for(8);
  out("ret=%zu\n", __fread_unlocked_chk(d, osz(8), 2, 4, f));
  bytes("d", d, sizeof d);
}

/* ---- system interfaces ---- */
static int file_fd(const char *text) { return fileno(file_with(text)); }
CASE(read) {
  char d[10] = "..........";
  int fd = file_fd("abcdefgh");
  expect_for(6);
  ret_errno(__read_chk(fd, d, 6, osz(6)));
  bytes("d", d, sizeof d);
}
CASE(pread) {
  char d[10] = "..........";
  int fd = file_fd("abcdefgh");
  expect_for(6);
  ret_errno(__pread_chk(fd, d, 6, 2, osz(6)));
  bytes("d", d, sizeof d);
}
CASE(pread64) {
  char d[10] = "..........";
  int fd = file_fd("abcdefgh");
  expect_for(6);
  ret_errno(__pread64_chk(fd, d, 6, 2, osz(6)));
  bytes("d", d, sizeof d);
}
static int sock_with(const char *text) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || write(sv[1], text, strlen(text)) < 0)
    _exit(3);
  return sv[0];
}
CASE(recv) {
  char d[10] = "..........";
  int fd = sock_with("abcdefgh");
  expect_for(6);
  ret_errno(__recv_chk(fd, d, 6, osz(6), 0));
  bytes("d", d, sizeof d);
}
CASE(recvfrom) {
  char d[10] = "..........";
  int fd = sock_with("abcdefgh");
  expect_for(6);
  ret_errno(__recvfrom_chk(fd, d, 6, osz(6), 0, NULL, NULL));
  bytes("d", d, sizeof d);
}
static char link_dir[64];
static void make_link(void) {
  strcpy(link_dir, "/tmp/fortify-chk-XXXXXX");
  if (!mkdtemp(link_dir) || chdir(link_dir) != 0 || symlink("target-name", "l") != 0)
    _exit(3);
}
static void remove_link(void) {
  unlink("l");
  if (chdir("/") == 0)
    rmdir(link_dir);
}
CASE(readlink) {
  char d[10] = "..........";
  make_link();
  expect_for(6);
  ret_errno(__readlink_chk("l", d, 6, osz(6)));
  remove_link();
  bytes("d", d, sizeof d);
}
CASE(readlinkat) {
  char d[10] = "..........";
  make_link();
  expect_for(6);
  ret_errno(__readlinkat_chk(AT_FDCWD, "l", d, 6, osz(6)));
  remove_link();
  bytes("d", d, sizeof d);
}
CASE(getcwd) {
  char d[10] = "..........";
  if (chdir("/") != 0)
    _exit(3);
  expect_for(4);
  ret_ptr(__getcwd_chk(d, 4, osz(4)), d);
  bytes("d", d, sizeof d);
}
CASE(getwd) { /* "/" needs 2 bytes; with 0, getcwd fails with EINVAL, which is no overflow */
  char d[10] = "..........";
  if (chdir("/") != 0)
    _exit(3);
  expect(K == PAST);
  ret_ptr(__getwd_chk(d, osz(2)), d);
  bytes("d", d, sizeof d);
}
CASE(realpath) {
  static char d[PATH_MAX + 8];
  expect_for(PATH_MAX);
  ret_ptr(__realpath_chk("/", d, osz(PATH_MAX)), d);
  bytes("d", d, 2);
}
CASE(getgroups) {
  gid_t d[4];
  expect_for(sizeof d);
  ret_errno(__getgroups_chk(4, d, osz(sizeof d)) >= 0 ? 0 : -1);
}
CASE(gethostname) {
  char d[300];
  expect_for(256);
  ret_errno(__gethostname_chk(d, 256, osz(256)));
}
CASE(getdomainname) {
  char d[300];
  expect_for(256);
  ret_errno(__getdomainname_chk(d, 256, osz(256)));
}
/* The libcs answer these three differently (where they look for the login
 * name, what a pipe is): only the check is compared. */
CASE(getlogin_r) {
  char d[300];
  expect_for(256);
  __getlogin_r_chk(d, 256, osz(256));
  out("called\n");
}
CASE(ttyname_r) {
  char d[300];
  expect_for(256);
  __ttyname_r_chk(-1, d, 256, osz(256));
  out("called\n");
}
CASE(ptsname_r) {
  char d[300];
  expect_for(256);
  __ptsname_r_chk(-1, d, 256, osz(256));
  out("called\n");
}
CASE(confstr) {
  char d[300];
  expect_for(256);
  out("ret>0=%d\n", __confstr_chk(_CS_PATH, d, 256, osz(256)) > 0);
}
CASE(poll) {
  struct pollfd fds[2];
  int p[2];
  if (pipe(p) != 0 || write(p[1], "x", 1) != 1)
    _exit(3);
  fds[0].fd = p[0], fds[0].events = POLLIN;
  fds[1].fd = p[1], fds[1].events = POLLOUT;
  expect_for(2 * sizeof fds[0]);
  ret_errno(__poll_chk(fds, 2, 0, K == PAST ? sizeof fds - 1 : osz(sizeof fds)));
  out("revents=%d,%d\n", fds[0].revents, fds[1].revents);
}
CASE(ppoll) {
  struct pollfd fds[2];
  struct timespec ts = {0, 0};
  int p[2];
  if (pipe(p) != 0 || write(p[1], "x", 1) != 1)
    _exit(3);
  fds[0].fd = p[0], fds[0].events = POLLIN;
  fds[1].fd = p[1], fds[1].events = POLLOUT;
  expect_for(2 * sizeof fds[0]);
  ret_errno(__ppoll_chk(fds, 2, &ts, NULL, K == PAST ? sizeof fds - 1 : osz(sizeof fds)));
  out("revents=%d,%d\n", fds[0].revents, fds[1].revents);
}
/* fit: the last bit (1023); past: FD_SETSIZE; zero: fd 0; unknown: -1 (stops) */
CASE(fdelt) {
  static const long fds[] = {FD_SETSIZE - 1, FD_SETSIZE, 0, -1};
  expect(K == PAST || K == UNKNOWN);
  out("ret=%ld\n", __fdelt_chk(fds[K]));
}

/* ---- open without a mode ----
 * fit: O_RDONLY (runs); past: O_CREAT (stops); zero: flags 0 (runs); unknown: O_TMPFILE (stops) */
static int oflags(void) {
  static const int f[] = {O_RDONLY, O_RDONLY | O_CREAT, 0, O_RDWR | O_TMPFILE};
  return f[K];
}
static void show_fd(int fd) {
  out("ret>=0=%d errno=%d\n", fd >= 0, fd < 0 ? errno : 0);
  if (fd >= 0)
    close(fd);
}
CASE(open) {
  expect(K == PAST || K == UNKNOWN);
  show_fd(__open_2(K == UNKNOWN ? "/tmp" : "/dev/null", oflags()));
}
CASE(open64) {
  expect(K == PAST || K == UNKNOWN);
  show_fd(__open64_2(K == UNKNOWN ? "/tmp" : "/dev/null", oflags()));
}
CASE(openat) {
  expect(K == PAST || K == UNKNOWN);
  show_fd(__openat_2(AT_FDCWD, K == UNKNOWN ? "/tmp" : "/dev/null", oflags()));
}
CASE(openat64) {
  expect(K == PAST || K == UNKNOWN);
  show_fd(__openat64_2(AT_FDCWD, K == UNKNOWN ? "/tmp" : "/dev/null", oflags()));
}
/* mq_open of a queue that does not exist: ENOENT (or ENOSYS) from the kernel. */
CASE(mq_open) {
  expect(K == PAST);
  mqd_t q = __mq_open_2("/fortify-chk-absent", K == PAST ? O_RDONLY | O_CREAT : O_RDONLY);
  out("ret=%d errno=%d\n", (int)q, q == (mqd_t)-1 ? errno : 0);
}

/* ---- longjmp ----
 * fit: to a live frame; past: to a frame that has returned, deeper than the caller (stops);
 * zero: val 0 (setjmp returns 1); unknown: sigsetjmp with the mask saved */
static jmp_buf live, dead;
static sigjmp_buf with_mask;
static __attribute__((noinline)) void jump_from_deeper(int val) {
  volatile char pad[256];
  pad[0] = 1;
  __longjmp_chk((struct __jmp_buf_tag *)live, val + pad[0] - 1);
}
static __attribute__((noinline)) int set_dead(void) {
  volatile char pad[4096];
  pad[0] = 0;
  if (setjmp(dead))
    return 1 + pad[0];
  return 0;
}
static __attribute__((noinline)) void deep_then_return(void) {
  volatile char pad[8192];
  pad[0] = 0;
  if (set_dead() + pad[0])
    out("returned into a dead frame\n");
}
CASE(longjmp) {
  expect(K == PAST);
  if (K == PAST) {
    deep_then_return();
    __longjmp_chk((struct __jmp_buf_tag *)dead, 1);
  }
  if (K == UNKNOWN) {
    sigset_t block, now;
    sigemptyset(&block);
    int r = sigsetjmp(with_mask, 1);
    if (r == 0) {
      sigaddset(&block, SIGUSR1);
      sigprocmask(SIG_BLOCK, &block, NULL);
      __longjmp_chk((struct __jmp_buf_tag *)with_mask, 5);
    }
    sigprocmask(SIG_BLOCK, NULL, &now);
    out("ret=%d usr1-blocked=%d\n", r, sigismember(&now, SIGUSR1));
    return;
  }
  int r = setjmp(live);
  if (r == 0)
    jump_from_deeper(K == ZERO ? 0 : 7);
  out("ret=%d\n", r);
}

#define C(name) {#name, case_##name}
static const struct {
  const char *name;
  void (*run)(void);
} cases[] = {
    C(memcpy), C(memmove), C(mempcpy), C(memset), C(explicit_bzero), C(wmemcpy), C(wmemmove),
    C(wmempcpy), C(wmemset), C(strcpy), C(stpcpy), C(strncpy), C(stpncpy), C(strcat), C(strncat),
    C(strlcpy), C(strlcat), C(wcscpy), C(wcpcpy), C(wcsncpy), C(wcpncpy), C(wcscat), C(wcsncat),
    C(wcslcpy), C(wcslcat), C(mbstowcs), C(wcstombs), C(mbsrtowcs), C(wcsrtombs), C(mbsnrtowcs),
    C(wcsnrtombs), C(wcrtomb), C(wctomb), C(sprintf), C(vsprintf), C(snprintf), C(vsnprintf),
    C(swprintf), C(vswprintf), C(printf), C(vprintf), C(fprintf), C(vfprintf), C(dprintf),
    C(vdprintf), C(asprintf), C(vasprintf), C(syslog), C(vsyslog), C(wprintf), C(vwprintf),
    C(fwprintf), C(vfwprintf), C(fgets), C(fgets_unlocked), C(fgetws), C(fgetws_unlocked), C(gets),
    C(fread), C(fread_unlocked), C(read), C(pread), C(pread64), C(recv), C(recvfrom), C(readlink),
    C(readlinkat), C(getcwd), C(getwd), C(realpath), C(getgroups), C(gethostname),
    C(getdomainname), C(getlogin_r), C(ttyname_r), C(ptsname_r), C(confstr), C(poll), C(ppoll),
    C(fdelt), C(open), C(open64), C(openat), C(openat64), C(mq_open), C(longjmp),
};

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--list") == 0) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i)
      for (int k = 0; k < 4; ++k)
        out("%s:%s\n", cases[i].name, kind_names[k]);
    return 0;
  }
  const char *colon = argc == 2 ? strchr(argv[1], ':') : NULL;
  if (!colon)
    return 2;
  for (int k = 0; k < 4; ++k)
    if (strcmp(colon + 1, kind_names[k]) == 0)
      K = (enum kind)k;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i)
    if (strlen(cases[i].name) == (size_t)(colon - argv[1]) &&
        strncmp(cases[i].name, argv[1], (size_t)(colon - argv[1])) == 0) {
      cases[i].run();
      return 0;
    }
  return 2;
}
