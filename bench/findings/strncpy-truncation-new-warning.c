/* New warning, GCC plugin beside glibc's -D_FORTIFY_SOURCE=2 (issue 10 item 5: never a warning
 * the build without the plugin does not give). Found by bench/distro-rebuild.sh in bash's
 * lib/readline/text.c:813 and :847 (_rl_insert_char), plugin commit 10ca911.
 *   gcc -O2 -Wall -D_FORTIFY_SOURCE=2 -c strncpy-truncation-new-warning.c                     -> no warning
 *   gcc -O2 -Wall -D_FORTIFY_SOURCE=2 -fplugin=fortify.so -c strncpy-truncation-new-warning.c
 *   -> warning: '__builtin___strncpy_chk' output may be truncated copying between 0 and 16 bytes
 *      from a string of length 16 [-Wstringop-truncation]   (also with -U_FORTIFY_SOURCE: 'strncpy')
 * GCC's own -Wstringop-truncation, on correct code (each strncpy copies exactly the multibyte
 * character's bytes into a buffer sized for them), only when the plugin is loaded, beside
 * -D_FORTIFY_SOURCE=2 and alone. It comes with the plugin's over-read check of strncpy's source
 * (level 2 and 3 with reads=on; none with -fplugin-arg-fortify-reads=off or level=1): the check's
 * code gives GCC's strlen pass a length range for `incoming` it did not see before. With -Werror
 * it breaks the build. Still there at plugin commit 82955c0. The Clang plugin gives no warning. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
static char pending[16];
static int pending_length;
static mbstate_t ps;
extern void insert_text(const char *);
int insert_char(int count, int c) {
  char incoming[16 + 1];
  int incoming_length, i, string_size;
  wchar_t wc;
  pending[pending_length++] = c;
  size_t ret = mbrtowc(&wc, pending, pending_length, &ps);
  if (ret == (size_t)-2)
    return 1;
  if (ret == 1 || ret == (size_t)-1) {
    incoming[0] = pending[0];
    incoming[incoming_length = 1] = '\0';
    pending_length = 0;
  } else {
    memcpy(incoming, pending, pending_length);
    incoming[pending_length] = '\0';
    incoming_length = pending_length;
    pending_length = 0;
  }
  if (count > 1) {
    string_size = count * incoming_length;
    char *string = malloc(1 + string_size);
    i = 0;
    while (i < string_size) {
      if (incoming_length == 1)
        string[i++] = *incoming;
      else {
        strncpy(string + i, incoming, incoming_length);
        i += incoming_length;
      }
    }
    string[i] = '\0';
    insert_text(string);
    free(string);
  }
  return 0;
}
