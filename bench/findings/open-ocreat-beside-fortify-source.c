/* False stop and build break, GCC plugin beside glibc's -D_FORTIFY_SOURCE (issue 10 item 1).
 * Found by bench/distro-rebuild.sh (Debian's flags): json-c (json_util.c:162, -Werror) and file
 * (`file -C` compiling magic.mgc: SIGILL) fail to build; zlib's 6 `make test` runs (gzopen "wb"),
 * 12 gzip tests, 7 sed gnulib tests, 36 of 84 bash test scripts and sudo's fuzz_sudo_conf die by
 * SIGILL; configure probes flip (expat, file: HAVE_MMAP lost; gzip, sed, libtasn1:
 * HAVE_WORKING_O_NOATIME/O_NOFOLLOW 0, OPEN_TRAILING_SLASH_BUG 1).
 *   gcc -O2 -D_FORTIFY_SOURCE=2 -fplugin=fortify.so open-ocreat-beside-fortify-source.c && ./a.out
 *   -> warning: 'open' is called with O_CREAT or O_TMPFILE and no mode [fortify] (bits/fcntl2.h:53),
 *      an error with -Werror, and with run-time flags the program dies by SIGILL
 * Correct program (exit 0) without the plugin and with -U_FORTIFY_SOURCE. Seen at plugin commit
 * cc3bc72; gone at 87ab771 (9deef63: never instrument inside a wrapper's body). */
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
static int create(const char *path, int flags) {
  return open(path, flags | O_WRONLY | O_TRUNC, 0644); /* has a mode: correct */
}
int main(int argc, char **argv) {
  (void)argv;
  int fd = open("/tmp/open-ocreat-a", O_WRONLY | O_TRUNC | O_CREAT, 0644); /* constant flags */
  if (fd < 0) return 1;
  close(fd);
  fd = create("/tmp/open-ocreat-b", argc > 0 ? O_CREAT : 0); /* run-time flags */
  if (fd < 0) return 1;
  close(fd);
  return 0;
}
