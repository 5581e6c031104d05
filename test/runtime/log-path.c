// log_path=PATH: reports and the summary go to PATH.<pid>, appended, and
// nothing to stderr; a forked child writes its own PATH.<childpid>. A path
// that cannot be opened: stderr, said once.
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env FORTIFY_OPTIONS=halt_on_error=0:log_path=%t.dir/log %t %t.dir 2>&1 | count 0
// RUN: ls %t.dir | count 2
// RUN: FileCheck %s --check-prefix=PARENT --match-full-lines --implicit-check-not=fortify: < %t.dir/parent
// RUN: FileCheck %s --check-prefix=CHILD --match-full-lines --implicit-check-not=fortify: < %t.dir/child
// Appended: the shell writes PATH.<its pid> first, then execs the program,
// which keeps the pid.
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env FORTIFY_OPTIONS=log_path=%t.dir/abort not --crash sh -c 'echo earlier line > %t.dir/abort.$$; exec %t' 2>%t.err
// RUN: not grep fortify %t.err
// RUN: FileCheck %s --check-prefix=ABORT --match-full-lines < %t.dir/abort.*
// RUN: env FORTIFY_OPTIONS=halt_on_error=0:log_path=%t.dir/missing/log %t 2>&1 | FileCheck %s --check-prefix=FALLBACK --match-full-lines --implicit-check-not=fortify:
//
// PARENT: fortify: memcpy: write of 17 bytes into an object of 16 bytes at p.c:1:2 (in parent)
// PARENT-NEXT: fortify: 1 finding (1 call site)
// The child's counts include what it inherited from the parent.
// CHILD: fortify: strcpy: write of 5 bytes into an object of 4 bytes at c.c:3:4 (in child)
// CHILD-NEXT: fortify: 2 findings (2 call sites)
// ABORT: earlier line
// ABORT-NEXT: fortify: memcpy: write of 17 bytes into an object of 16 bytes at p.c:1:2 (in parent)
// FALLBACK: fortify: cannot open log_path file '{{.*}}/missing/log.[[#]]'; reporting to stderr
// FALLBACK-NEXT: fortify: memcpy: write of 17 bytes into an object of 16 bytes at p.c:1:2 (in parent)
// FALLBACK-NEXT: fortify: 1 finding (1 call site)
#include <fortify/runtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  __fortify_report("write\0memcpy\0p.c\0" "1\0" "2\0parent", 17, 16);
  if (argc < 2)
    return 0;
  // Name the files by role for the checks: PATH.<pid> -> parent / child.
  char from[4096], to[4096];
  pid_t child = fork();
  if (child == 0) {
    __fortify_report("write\0strcpy\0c.c\0" "3\0" "4\0child", 5, 4);
    return 0;
  }
  int status;
  waitpid(child, &status, 0);
  snprintf(from, sizeof from, "%s/log.%d", argv[1], (int)child);
  snprintf(to, sizeof to, "%s/child", argv[1]);
  if (rename(from, to))
    return perror(from), 1;
  // The parent's summary is written at exit: rename its file now, the
  // runtime keeps writing to the open descriptor.
  snprintf(from, sizeof from, "%s/log.%d", argv[1], (int)getpid());
  snprintf(to, sizeof to, "%s/parent", argv[1]);
  if (rename(from, to))
    return perror(from), 1;
  return 0;
}
