/* libfortify_chk: glibc's checked-function ABI (__memcpy_chk, __sprintf_chk,
 * __open_2, __longjmp_chk, ...) for programs and libraries that were compiled
 * against glibc with _FORTIFY_SOURCE and now run on another libc (musl).
 * Each entry point does the check glibc's does and then calls the plain libc
 * function, so results and errno are that libc's own. docs/CHK-ABI.md says
 * where and why the behaviour can differ from glibc's.
 *
 * Only interfaces every Linux libc has (and that glibc's headers do not turn
 * into glibc-only symbols) are used, so the one object links into glibc and
 * musl programs, static and dynamic: test/chk/symbols.test keeps the list of
 * what it imports. The file is never built with _FORTIFY_SOURCE (it would
 * call itself) nor the stack protector. */
#define _GNU_SOURCE 1
#undef _FORTIFY_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <mqueue.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <syslog.h>
#include <unistd.h>
#include <wchar.h>

#define CHK_API __attribute__((visibility("default")))
#define CHK_NORETURN __attribute__((noreturn))

/* glibc's headers give getc_unlocked and friends inline bodies that read
 * glibc's FILE; these names always reach the exported functions. */
extern int fortify_chk_getc_unlocked(FILE *) __asm__("getc_unlocked");
extern wint_t fortify_chk_getwc_unlocked(FILE *) __asm__("getwc_unlocked");
extern int fortify_chk_getc(FILE *) __asm__("getc");
extern wint_t fortify_chk_getwc(FILE *) __asm__("getwc");

/* --- failing ------------------------------------------------------------ */

static size_t chk_strlen(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  return n;
}

/* One write, so that the line is not interleaved with another thread's. */
static CHK_NORETURN void fatal(const char *before, const char *msg, const char *after) {
  char line[256];
  size_t len = 0;
  const char *parts[3] = {before, msg, after};
  for (int i = 0; i < 3; ++i)
    for (const char *p = parts[i]; *p && len < sizeof line; ++p)
      line[len++] = *p;
  ssize_t ignored = write(STDERR_FILENO, line, len);
  (void)ignored;
  abort();
}

/* glibc's __fortify_fail: "*** MSG ***: terminated", then abort. */
static CHK_NORETURN void fortify_fail(const char *msg) { fatal("*** ", msg, " ***: terminated\n"); }

CHK_API CHK_NORETURN void __chk_fail(void) { fortify_fail("buffer overflow detected"); }

/* --- %n only in read-only formats (flag > 0) ------------------------------ */

/* Does the format have a %n conversion? Skips %%, flags, widths, precisions
 * (digits, *, *m$) and length modifiers as printf does. */
#define DEFINE_HAS_N(name, CHAR)                                                   \
  static int name(const CHAR *f) {                                                 \
    for (; *f; ++f) {                                                              \
      if (*f != '%')                                                               \
        continue;                                                                  \
      ++f;                                                                         \
      while (*f > 0 && *f < 128 && strchr("0123456789$-+ #'I*.hlLqjzZt", (int)*f)) \
        ++f;                                                                       \
      if (*f == 'n')                                                               \
        return 1;                                                                  \
      if (!*f)                                                                     \
        return 0;                                                                  \
    }                                                                              \
    return 0;                                                                      \
  }
DEFINE_HAS_N(has_n, char)
DEFINE_HAS_N(has_wn, wchar_t)

struct area {
  uintptr_t begin, end;
  int found, writable;
};

/* A loaded module's segments answer without a system call and without /proc:
 * a PT_LOAD without PF_W, or the PT_GNU_RELRO part of one, is read-only. */
static int phdr_callback(struct dl_phdr_info *info, size_t size, void *data) {
  struct area *a = data;
  (void)size;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < info->dlpi_phnum; ++i) {
      const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
      if (ph->p_type != (pass == 0 ? PT_GNU_RELRO : PT_LOAD))
        continue;
      uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
      if (a->begin >= lo && a->end <= hi) {
        a->found = 1;
        a->writable = pass == 1 && (ph->p_flags & PF_W) != 0;
        return 1;
      }
    }
  return 0;
}

/* Elsewhere (heap, stack, mmap) the mappings decide, as glibc's
 * __readonly_area reads them: read-only when every byte of [begin, end) lies
 * in a mapping without 'w'. Without /proc nothing can be told and glibc
 * allows the call; so do we. */
static int maps_readonly(uintptr_t begin, uintptr_t end) {
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 1;
  char buf[4096];
  size_t have = 0;
  uintptr_t covered = begin;
  int done = 0, writable = 0;
  while (!done) {
    ssize_t got = read(fd, buf + have, sizeof buf - have);
    if (got <= 0)
      break;
    have += (size_t)got;
    char *line = buf, *nl;
    while ((nl = memchr(line, '\n', have - (size_t)(line - buf))) != NULL) {
      uintptr_t lo = 0, hi = 0;
      char *p = line;
      for (; *p != '-'; ++p)
        lo = lo * 16 + (uintptr_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
      for (++p; *p != ' '; ++p)
        hi = hi * 16 + (uintptr_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
      int w = p[2] == 'w';
      if (lo <= covered && covered < hi) {
        if (w) {
          writable = 1;
          done = 1;
          break;
        }
        covered = hi < end ? hi : end;
        if (covered >= end) {
          done = 1;
          break;
        }
      }
      line = nl + 1;
    }
    have -= (size_t)(line - buf);
    memmove(buf, line, have);
    if (have == sizeof buf)
      break; /* a line longer than the buffer: cannot be a maps line */
  }
  close(fd);
  return !writable && covered >= end;
}

static int readonly_area(const void *p, size_t len) {
  struct area a = {(uintptr_t)p, (uintptr_t)p + len, 0, 0};
  dl_iterate_phdr(phdr_callback, &a);
  if (a.found)
    return !a.writable;
  return maps_readonly(a.begin, a.end);
}

static void check_format(int flag, const char *fmt) {
  if (flag > 0 && has_n(fmt) && !readonly_area(fmt, chk_strlen(fmt) + 1))
    fatal("", "*** %n in writable segment detected ***\n", "");
}

static void check_wformat(int flag, const wchar_t *fmt) {
  if (flag > 0 && has_wn(fmt) && !readonly_area(fmt, (wcslen(fmt) + 1) * sizeof(wchar_t)))
    fatal("", "*** %n in writable segment detected ***\n", "");
}

/* --- memory ------------------------------------------------------------- */

CHK_API void *__memcpy_chk(void *d, const void *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return memcpy(d, s, n);
}

CHK_API void *__memmove_chk(void *d, const void *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return memmove(d, s, n);
}

CHK_API void *__mempcpy_chk(void *d, const void *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return (char *)memcpy(d, s, n) + n;
}

CHK_API void *__memset_chk(void *d, int c, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return memset(d, c, n);
}

CHK_API void __explicit_bzero_chk(void *d, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  memset(d, 0, n);
  __asm__ volatile("" : : "r"(d) : "memory"); /* keep the stores */
}

CHK_API wchar_t *__wmemcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return wmemcpy(d, s, n);
}

CHK_API wchar_t *__wmemmove_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return wmemmove(d, s, n);
}

CHK_API wchar_t *__wmempcpy_chk(wchar_t *d, const wchar_t *s, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return wmemcpy(d, s, n) + n;
}

CHK_API wchar_t *__wmemset_chk(wchar_t *d, wchar_t c, size_t n, size_t dl) {
  if (dl < n)
    __chk_fail();
  return wmemset(d, c, n);
}

/* --- strings (sizes in bytes; the wide ones in wchar_t) --------------------- */

/* The narrow and the wide string functions are one logic over CHAR: the
 * names come in as arguments (L: its libc's strlen, strnlen, memcpy,
 * strncpy, stpncpy; C: our entry points). */
#define DEFINE_STRING_CHK(CHAR, Lstrlen, Lstrnlen, Lmemcpy, Lstrncpy, Lstpncpy, cpy, ncat, lcpy, Cstrcpy, \
                          Cstpcpy, Cstrncpy, Cstpncpy, Cstrcat, Cstrncat, Cstrlcpy, Cstrlcat)        \
  /* Returns the end of the copy; never one entry point calling another: GCC \
   * knows them as builtins and could fold one into the other. */                                   \
  static CHAR *cpy(CHAR *d, const CHAR *s, size_t dl) {                                              \
    size_t len = Lstrlen(s);                                                                         \
    if (len >= dl)                                                                                   \
      __chk_fail();                                                                                  \
    return Lmemcpy(d, s, len + 1) + len;                                                             \
  }                                                                                                  \
  CHK_API CHAR *Cstrcpy(CHAR *d, const CHAR *s, size_t dl) {                                         \
    cpy(d, s, dl);                                                                                   \
    return d;                                                                                        \
  }                                                                                                  \
  CHK_API CHAR *Cstpcpy(CHAR *d, const CHAR *s, size_t dl) { return cpy(d, s, dl); }                 \
  CHK_API CHAR *Cstrncpy(CHAR *d, const CHAR *s, size_t n, size_t dl) {                              \
    if (dl < n)                                                                                      \
      __chk_fail();                                                                                  \
    return Lstrncpy(d, s, n);                                                                        \
  }                                                                                                  \
  CHK_API CHAR *Cstpncpy(CHAR *d, const CHAR *s, size_t n, size_t dl) {                              \
    if (dl < n)                                                                                      \
      __chk_fail();                                                                                  \
    return Lstpncpy(d, s, n);                                                                        \
  }                                                                                                  \
  /* As glibc: the destination's own string must end inside the object too; \
   * strcat is strncat without a limit. */                                                           \
  static CHAR *ncat(CHAR *d, const CHAR *s, size_t n, size_t dl) {                                  \
    size_t dlen = Lstrnlen(d, dl);                                                                   \
    if (dlen == dl)                                                                                  \
      __chk_fail();                                                                                  \
    size_t k = Lstrnlen(s, n);                                                                       \
    if (k >= dl - dlen)                                                                              \
      __chk_fail();                                                                                  \
    Lmemcpy(d + dlen, s, k);                                                                         \
    d[dlen + k] = 0;                                                                                 \
    return d;                                                                                        \
  }                                                                                                  \
  CHK_API CHAR *Cstrncat(CHAR *d, const CHAR *s, size_t n, size_t dl) { return ncat(d, s, n, dl); } \
  CHK_API CHAR *Cstrcat(CHAR *d, const CHAR *s, size_t dl) { return ncat(d, s, (size_t)-1, dl); }    \
  /* BSD's strlcpy/strlcat (glibc 2.38, musl; glibc 2.36 has neither). */                            \
  static size_t lcpy(CHAR *d, const CHAR *s, size_t n) {                                             \
    size_t len = Lstrlen(s);                                                                         \
    if (n) {                                                                                         \
      size_t k = len < n - 1 ? len : n - 1;                                                          \
      Lmemcpy(d, s, k);                                                                              \
      d[k] = 0;                                                                                      \
    }                                                                                                \
    return len;                                                                                      \
  }                                                                                                  \
  CHK_API size_t Cstrlcpy(CHAR *d, const CHAR *s, size_t n, size_t dl) {                             \
    if (dl < n)                                                                                      \
      __chk_fail();                                                                                  \
    return lcpy(d, s, n);                                                                            \
  }                                                                                                  \
  CHK_API size_t Cstrlcat(CHAR *d, const CHAR *s, size_t n, size_t dl) {                             \
    if (dl < n)                                                                                      \
      __chk_fail();                                                                                  \
    size_t dlen = Lstrnlen(d, n);                                                                    \
    if (dlen == n)                                                                                   \
      return n + Lstrlen(s);                                                                         \
    return dlen + lcpy(d + dlen, s, n - dlen);                                                       \
  }

static char *chk_memcpy(char *d, const char *s, size_t n) { return memcpy(d, s, n); }
DEFINE_STRING_CHK(char, strlen, strnlen, chk_memcpy, strncpy, stpncpy, chk_strcpy, chk_strncat,
                  chk_strlcpy, __strcpy_chk, __stpcpy_chk, __strncpy_chk, __stpncpy_chk, __strcat_chk,
                  __strncat_chk, __strlcpy_chk, __strlcat_chk)
DEFINE_STRING_CHK(wchar_t, wcslen, wcsnlen, wmemcpy, wcsncpy, wcpncpy, chk_wcscpy, chk_wcsncat,
                  chk_wcslcpy, __wcscpy_chk, __wcpcpy_chk, __wcsncpy_chk, __wcpncpy_chk, __wcscat_chk,
                  __wcsncat_chk, __wcslcpy_chk, __wcslcat_chk)

/* --- multibyte conversions ---------------------------------------------- */

CHK_API size_t __mbstowcs_chk(wchar_t *d, const char *s, size_t len, size_t dl) {
  if (dl < len)
    __chk_fail();
  mbstate_t st;
  memset(&st, 0, sizeof st);
  return mbsrtowcs(d, &s, len, &st);
}

CHK_API size_t __wcstombs_chk(char *d, const wchar_t *s, size_t len, size_t dl) {
  if (dl < len)
    __chk_fail();
  mbstate_t st;
  memset(&st, 0, sizeof st);
  return wcsrtombs(d, &s, len, &st);
}

CHK_API size_t __mbsrtowcs_chk(wchar_t *d, const char **s, size_t len, mbstate_t *ps, size_t dl) {
  if (dl < len)
    __chk_fail();
  return mbsrtowcs(d, s, len, ps);
}

CHK_API size_t __wcsrtombs_chk(char *d, const wchar_t **s, size_t len, mbstate_t *ps, size_t dl) {
  if (dl < len)
    __chk_fail();
  return wcsrtombs(d, s, len, ps);
}

CHK_API size_t __mbsnrtowcs_chk(wchar_t *d, const char **s, size_t nms, size_t len, mbstate_t *ps,
                                size_t dl) {
  if (dl < len)
    __chk_fail();
  return mbsnrtowcs(d, s, nms, len, ps);
}

CHK_API size_t __wcsnrtombs_chk(char *d, const wchar_t **s, size_t nwc, size_t len, mbstate_t *ps,
                                size_t dl) {
  if (dl < len)
    __chk_fail();
  return wcsnrtombs(d, s, nwc, len, ps);
}

/* glibc checks the length actually produced, not MB_CUR_MAX. */
CHK_API size_t __wcrtomb_chk(char *s, wchar_t wc, mbstate_t *ps, size_t buflen) {
  if (s == NULL)
    return wcrtomb(NULL, wc, ps);
  char buf[32]; /* >= every libc's MB_LEN_MAX */
  size_t r = wcrtomb(buf, wc, ps);
  if (r != (size_t)-1) {
    if (r > buflen)
      __chk_fail();
    memcpy(s, buf, r);
  }
  return r;
}

CHK_API int __wctomb_chk(char *s, wchar_t wc, size_t buflen) {
  static mbstate_t state; /* wctomb's own hidden state, as glibc's */
  if (buflen < MB_CUR_MAX)
    __chk_fail();
  return (int)wcrtomb(s, wc, &state);
}

/* --- formatted output --------------------------------------------------- */

/* Each variadic entry point hands its arguments to its va_list sibling. */
#define VA_FORWARD(call)                                                           \
  va_list ap;                                                                      \
  va_start(ap, fmt);                                                               \
  int r = call;                                                                    \
  va_end(ap);                                                                      \
  return r;
#define VA_FORWARD_VOID(call)                                                      \
  va_list ap;                                                                      \
  va_start(ap, fmt);                                                               \
  call;                                                                            \
  va_end(ap);

CHK_API int __vsprintf_chk(char *s, int flag, size_t slen, const char *fmt, va_list ap) {
  if (slen == 0)
    __chk_fail();
  check_format(flag, fmt);
  s[0] = '\0'; /* glibc empties the destination first */
  /* No output is longer than INT_MAX, and musl's vsnprintf fails beyond it. */
  int r = vsnprintf(s, slen > INT_MAX ? (size_t)INT_MAX : slen, fmt, ap);
  if (r >= 0 && (size_t)r >= slen)
    __chk_fail();
  return r;
}

CHK_API int __sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...) {
  VA_FORWARD(__vsprintf_chk(s, flag, slen, fmt, ap))
}

CHK_API int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *fmt, va_list ap) {
  if (slen < maxlen)
    __chk_fail();
  check_format(flag, fmt);
  return vsnprintf(s, maxlen, fmt, ap);
}

CHK_API int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *fmt, ...) {
  VA_FORWARD(__vsnprintf_chk(s, maxlen, flag, slen, fmt, ap))
}

CHK_API int __vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap) {
  check_format(flag, fmt);
  return vfprintf(fp, fmt, ap);
}

CHK_API int __fprintf_chk(FILE *fp, int flag, const char *fmt, ...) {
  VA_FORWARD(__vfprintf_chk(fp, flag, fmt, ap))
}

CHK_API int __vprintf_chk(int flag, const char *fmt, va_list ap) {
  check_format(flag, fmt);
  return vprintf(fmt, ap);
}

CHK_API int __printf_chk(int flag, const char *fmt, ...) {
  VA_FORWARD(__vprintf_chk(flag, fmt, ap))
}

CHK_API int __vdprintf_chk(int fd, int flag, const char *fmt, va_list ap) {
  check_format(flag, fmt);
  return vdprintf(fd, fmt, ap);
}

CHK_API int __dprintf_chk(int fd, int flag, const char *fmt, ...) {
  VA_FORWARD(__vdprintf_chk(fd, flag, fmt, ap))
}

CHK_API int __vasprintf_chk(char **result, int flag, const char *fmt, va_list ap) {
  check_format(flag, fmt);
  return vasprintf(result, fmt, ap);
}

CHK_API int __asprintf_chk(char **result, int flag, const char *fmt, ...) {
  VA_FORWARD(__vasprintf_chk(result, flag, fmt, ap))
}

CHK_API void __vsyslog_chk(int pri, int flag, const char *fmt, va_list ap) {
  /* glibc formats (and so checks) only messages the log mask lets through. */
  if (!(LOG_MASK(LOG_PRI(pri)) & setlogmask(0)))
    return;
  check_format(flag, fmt);
  vsyslog(pri, fmt, ap);
}

CHK_API void __syslog_chk(int pri, int flag, const char *fmt, ...) {
  VA_FORWARD_VOID(__vsyslog_chk(pri, flag, fmt, ap))
}

CHK_API int __vswprintf_chk(wchar_t *s, size_t maxlen, int flag, size_t slen, const wchar_t *fmt,
                            va_list ap) {
  if (slen < maxlen)
    __chk_fail();
  check_wformat(flag, fmt);
  return vswprintf(s, maxlen, fmt, ap);
}

CHK_API int __swprintf_chk(wchar_t *s, size_t maxlen, int flag, size_t slen, const wchar_t *fmt, ...) {
  VA_FORWARD(__vswprintf_chk(s, maxlen, flag, slen, fmt, ap))
}

CHK_API int __vfwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, va_list ap) {
  check_wformat(flag, fmt);
  return vfwprintf(fp, fmt, ap);
}

CHK_API int __fwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, ...) {
  VA_FORWARD(__vfwprintf_chk(fp, flag, fmt, ap))
}

CHK_API int __vwprintf_chk(int flag, const wchar_t *fmt, va_list ap) {
  check_wformat(flag, fmt);
  return vwprintf(fmt, ap);
}

CHK_API int __wprintf_chk(int flag, const wchar_t *fmt, ...) {
  VA_FORWARD(__vwprintf_chk(flag, fmt, ap))
}

/* --- input -------------------------------------------------------------- */

/* glibc reads at most MIN(n - 1, size) characters and stops the program when
 * that filled the object; a shorter line still fits even when n > size. */
#define DEFINE_FGETS(name, CHAR, getch, END, plain)                                \
  CHK_API CHAR *name(CHAR *buf, size_t size, int n, FILE *fp) {                    \
    if (n <= 0)                                                                    \
      return NULL;                                                                 \
    if ((size_t)n <= size)                                                         \
      return plain(buf, n, fp);                                                    \
    size_t count = 0;                                                              \
    int had_error = ferror(fp);                                                    \
    while (count < size) {                                                         \
      END c = getch(fp);                                                           \
      if (c == (END)EOF_OF(CHAR))                                                  \
        break;                                                                     \
      buf[count++] = (CHAR)c;                                                      \
      if (c == '\n')                                                               \
        break;                                                                     \
    }                                                                              \
    if (count == 0 || (!had_error && ferror(fp) && errno != EAGAIN))               \
      return NULL;                                                                 \
    if (count >= size)                                                             \
      __chk_fail();                                                                \
    buf[count] = 0;                                                                \
    return buf;                                                                    \
  }
#define EOF_OF_char EOF
#define EOF_OF_wchar_t WEOF
#define EOF_OF(CHAR) EOF_OF_##CHAR
DEFINE_FGETS(__fgets_chk, char, fortify_chk_getc, int, fgets)
DEFINE_FGETS(__fgets_unlocked_chk, char, fortify_chk_getc_unlocked, int, fgets_unlocked)
DEFINE_FGETS(__fgetws_chk, wchar_t, fortify_chk_getwc, wint_t, fgetws)
DEFINE_FGETS(__fgetws_unlocked_chk, wchar_t, fortify_chk_getwc_unlocked, wint_t, fgetws_unlocked)

CHK_API char *__gets_chk(char *buf, size_t size) {
  if (size == 0)
    __chk_fail();
  int had_error = ferror(stdin);
  int ch = fortify_chk_getc(stdin);
  if (ch == EOF)
    return NULL;
  size_t count = 0;
  if (ch != '\n') {
    buf[count++] = (char)ch;
    while (count < size) {
      ch = fortify_chk_getc(stdin);
      if (ch == EOF || ch == '\n')
        break;
      buf[count++] = (char)ch;
    }
    if (!had_error && ferror(stdin))
      return NULL;
  }
  if (count >= size)
    __chk_fail();
  buf[count] = '\0';
  return buf;
}

/* size * n must neither overflow nor exceed the object; 0 reads nothing. */
static size_t fread_bytes(size_t ptrlen, size_t size, size_t n) {
  size_t bytes = size * n;
  if ((size != 0 && bytes / size != n) || bytes > ptrlen)
    __chk_fail();
  return bytes;
}

CHK_API size_t __fread_chk(void *ptr, size_t ptrlen, size_t size, size_t n, FILE *fp) {
  return fread_bytes(ptrlen, size, n) ? fread(ptr, size, n, fp) : 0;
}

CHK_API size_t __fread_unlocked_chk(void *ptr, size_t ptrlen, size_t size, size_t n, FILE *fp) {
  return fread_bytes(ptrlen, size, n) ? fread_unlocked(ptr, size, n, fp) : 0;
}

/* --- system interfaces: the request must fit the object --------------------- */

CHK_API ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen) {
  if (n > buflen)
    __chk_fail();
  return read(fd, buf, n);
}

/* off_t and off64_t are one type on the 64-bit targets this is built for. */
CHK_API ssize_t __pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen) {
  if (n > buflen)
    __chk_fail();
  return pread(fd, buf, n, off);
}

CHK_API ssize_t __pread64_chk(int fd, void *buf, size_t n, off_t off, size_t buflen) {
  if (n > buflen)
    __chk_fail();
  return pread(fd, buf, n, off);
}

CHK_API ssize_t __recv_chk(int fd, void *buf, size_t n, size_t buflen, int flags) {
  if (n > buflen)
    __chk_fail();
  return recv(fd, buf, n, flags);
}

CHK_API ssize_t __recvfrom_chk(int fd, void *buf, size_t n, size_t buflen, int flags,
                               struct sockaddr *addr, socklen_t *addrlen) {
  if (n > buflen)
    __chk_fail();
  return recvfrom(fd, buf, n, flags, addr, addrlen);
}

CHK_API ssize_t __readlink_chk(const char *path, char *buf, size_t len, size_t buflen) {
  if (len > buflen)
    __chk_fail();
  return readlink(path, buf, len);
}

CHK_API ssize_t __readlinkat_chk(int dirfd, const char *path, char *buf, size_t len, size_t buflen) {
  if (len > buflen)
    __chk_fail();
  return readlinkat(dirfd, path, buf, len);
}

CHK_API char *__getcwd_chk(char *buf, size_t size, size_t buflen) {
  if (size > buflen)
    __chk_fail();
  return getcwd(buf, size);
}

CHK_API char *__getwd_chk(char *buf, size_t buflen) {
  char *r = getcwd(buf, buflen);
  if (r == NULL && errno == ERANGE)
    __chk_fail();
  return r;
}

CHK_API char *__realpath_chk(const char *path, char *resolved, size_t resolvedlen) {
  if (resolvedlen < PATH_MAX)
    __chk_fail();
  return realpath(path, resolved);
}

CHK_API int __getgroups_chk(int size, gid_t *list, size_t listlen) {
  if (size < 0) {
    errno = EINVAL;
    return -1;
  }
  if ((size_t)size * sizeof(gid_t) > listlen)
    __chk_fail();
  return getgroups(size, list);
}

CHK_API int __gethostname_chk(char *buf, size_t len, size_t buflen) {
  if (len > buflen)
    __chk_fail();
  return gethostname(buf, len);
}

CHK_API int __getdomainname_chk(char *buf, size_t len, size_t buflen) {
  if (len > buflen)
    __chk_fail();
  return getdomainname(buf, len);
}

CHK_API int __getlogin_r_chk(char *buf, size_t buflen, size_t nreal) {
  if (buflen > nreal)
    __chk_fail();
  return getlogin_r(buf, buflen);
}

CHK_API int __ttyname_r_chk(int fd, char *buf, size_t buflen, size_t nreal) {
  if (buflen > nreal)
    __chk_fail();
  return ttyname_r(fd, buf, buflen);
}

CHK_API int __ptsname_r_chk(int fd, char *buf, size_t buflen, size_t nreal) {
  if (buflen > nreal)
    __chk_fail();
  return ptsname_r(fd, buf, buflen);
}

CHK_API size_t __confstr_chk(int name, char *buf, size_t len, size_t buflen) {
  if (buflen < len)
    __chk_fail();
  return confstr(name, buf, len);
}

/* fdslen is in bytes, nfds in elements. */
CHK_API int __poll_chk(struct pollfd *fds, nfds_t nfds, int timeout, size_t fdslen) {
  if (fdslen / sizeof *fds < nfds)
    __chk_fail();
  return poll(fds, nfds, timeout);
}

CHK_API int __ppoll_chk(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
                        const sigset_t *ss, size_t fdslen) {
  if (fdslen / sizeof *fds < nfds)
    __chk_fail();
  return ppoll(fds, nfds, timeout, ss);
}

CHK_API long __fdelt_chk(long d) {
  if (d < 0 || d >= FD_SETSIZE)
    fortify_fail("bit out of range 0 - FD_SETSIZE on fd_set");
  return d / (8 * (long)sizeof(long));
}

/* --- open and mq_open without the mode their flags need ----------------------- */

/* O_TMPFILE includes O_DIRECTORY: all of its bits must be there. */
#ifndef O_TMPFILE
#define O_TMPFILE (020000000 | O_DIRECTORY)
#endif
#define OPEN_NEEDS_MODE(f) (((f) & O_CREAT) != 0 || ((f) & O_TMPFILE) == O_TMPFILE)

CHK_API int __open_2(const char *path, int flags) {
  if (OPEN_NEEDS_MODE(flags))
    fortify_fail("invalid open call: O_CREAT or O_TMPFILE without mode");
  return open(path, flags);
}

CHK_API int __open64_2(const char *path, int flags) {
  if (OPEN_NEEDS_MODE(flags))
    fortify_fail("invalid open64 call: O_CREAT or O_TMPFILE without mode");
  return open(path, flags);
}

CHK_API int __openat_2(int dirfd, const char *path, int flags) {
  if (OPEN_NEEDS_MODE(flags))
    fortify_fail("invalid openat call: O_CREAT or O_TMPFILE without mode");
  return openat(dirfd, path, flags);
}

CHK_API int __openat64_2(int dirfd, const char *path, int flags) {
  if (OPEN_NEEDS_MODE(flags))
    fortify_fail("invalid openat64 call: O_CREAT or O_TMPFILE without mode");
  return openat(dirfd, path, flags);
}

CHK_API mqd_t __mq_open_2(const char *name, int flags) {
  if (flags & O_CREAT)
    fortify_fail("invalid mq_open call: O_CREAT without mode and attr");
  return mq_open(name, flags);
}

#ifdef FORTIFY_CHK_SHARED
/* Binaries linked against glibc before 2.34 ask for __mq_open_2@GLIBC_2.7
 * (then in librt); the version script makes GLIBC_2.34 the default. */
CHK_API mqd_t fortify_chk_mq_open_2_old(const char *name, int flags) { return __mq_open_2(name, flags); }
__asm__(".symver fortify_chk_mq_open_2_old, __mq_open_2@GLIBC_2.7");
#endif

/* --- longjmp into a frame that is gone ---------------------------------- */

/* The stack pointer saved in a jmp_buf, or 0 when it cannot be read. glibc
 * and musl both keep it in slot 6 on x86-64; glibc mangles it with the
 * thread's pointer guard (xor %fs:0x30, rotate left 17). Which one applies is
 * learnt once from a jmp_buf of our own, whose stack pointer we know. */
#if defined(__x86_64__)
static uintptr_t demangle(uintptr_t v) {
  uintptr_t guard;
  __asm__("mov %%fs:0x30, %0" : "=r"(guard));
  return ((v >> 17) | (v << 47)) ^ guard;
}

static __attribute__((noinline)) int probe_layout(void) {
  jmp_buf own;
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  if (_setjmp(own))
    return 0;
  uintptr_t raw = ((uintptr_t *)own)[6];
  if (raw <= here && here - raw < 4096)
    return 1; /* plain: musl */
  uintptr_t plain = demangle(raw);
  if (plain <= here && here - plain < 4096)
    return 2; /* mangled: glibc */
  return 3;   /* unknown: no check */
}

static uintptr_t saved_sp(struct __jmp_buf_tag *env) {
  static int layout;
  if (layout == 0)
    layout = probe_layout();
  uintptr_t raw = ((uintptr_t *)env)[6];
  return layout == 1 ? raw : layout == 2 ? demangle(raw) : 0;
}
#else
static uintptr_t saved_sp(struct __jmp_buf_tag *env) {
  (void)env;
  return 0;
}
#endif

/* glibc's rule: the target frame must not lie below the current stack
 * pointer, unless we are on the alternate signal stack and the target is
 * outside it (a handler jumping back to the main stack). */
CHK_API CHK_NORETURN void __longjmp_chk(struct __jmp_buf_tag *env, int val) {
  uintptr_t target = saved_sp(env);
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (target != 0 && target < sp) {
    stack_t ss;
    if (sigaltstack(NULL, &ss) == 0) {
      if (!(ss.ss_flags & SS_ONSTACK))
        fortify_fail("longjmp causes uninitialized stack frame");
      uintptr_t top = (uintptr_t)ss.ss_sp + ss.ss_size;
      if (top - target < ss.ss_size)
        fortify_fail("longjmp causes uninitialized stack frame");
    }
  }
  siglongjmp(env, val);
}
