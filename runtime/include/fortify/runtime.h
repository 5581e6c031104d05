/* The fortify-plugins report runtime (libfortify_rt.a / libfortify_rt.so).
 *
 * In report mode (-fplugin-arg-fortify-mode=report) a failed check calls
 * __fortify_report. The runtime prints one line, e.g.
 *   fortify: memcpy: write of 17 bytes into an object of 16 bytes at x.c:12:5 (in main)
 * and then aborts, or, with FORTIFY_OPTIONS=halt_on_error=0, returns: the
 * instrumented code then skips the offending call. See docs/RUNTIME.md.
 *
 * A program may call __fortify_report itself, or define its own (a definition
 * in the program is used instead of the library's).
 */
#ifndef FORTIFY_RUNTIME_H
#define FORTIFY_RUNTIME_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* `site` is a string constant of six fields, each ended by a NUL: problem
 * word ("write", "read", "open", "format"), the libc function called, file,
 * line, column, calling function, e.g.
 *   "write\0memcpy\0x.c\0" "12\0" "5\0main"
 * `needed` and `available` are bytes (0 when the problem has no sizes).
 * Returns only with halt_on_error=0. */
void __fortify_report(const char *site, size_t needed, size_t available);

#ifdef __cplusplus
}
#endif

#endif
