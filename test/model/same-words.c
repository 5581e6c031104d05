// One model, two plugins: the same source gives the same words and the same
// statuses under GCC and Clang (common/messages.cpp, common/site-model.cpp).
// RUN: rm -rf %t && mkdir -p %t
// Compile-time diagnostics: the text after "warning: "/"error: ", without
// the compilers' own decorations (GCC's option tag, Clang's "in function").
// RUN: %gcc-fortify -O2 -Wstringop-overflow -Wno-deprecated-declarations -c %s -o /dev/null 2> %t/gcc.err
// RUN: %clang-fortify -O2 -Wfortify-source -Wno-deprecated-declarations -c %s -o /dev/null 2> %t/clang.err
// RUN: sed -nE 's/.*(warning|error): (.*\[fortify\]).*/\1: \2/p' %t/gcc.err | sort > %t/gcc.words
// RUN: sed -nE 's/.*(warning|error): (.*\[fortify\]).*/\1: \2/p' %t/clang.err | sort > %t/clang.words
// RUN: diff %t/gcc.words %t/clang.words
// RUN: FileCheck %s --check-prefix=WORDS --input-file=%t/gcc.words
// WORDS: warning: 'gets' cannot be bounded; use 'fgets' instead [fortify]
// WORDS-NEXT: warning: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
// WORDS-NEXT: warning: 'strcpy' writes 9 bytes into a region of size 4 [fortify]
// WORDS-NOT: fortify
// open(O_CREAT) with constant flags and no mode is an error on both.
// RUN: not %gcc-fortify -O2 -DOPEN -c %s -o /dev/null 2> %t/gcc-open.err
// RUN: not %clang-fortify -O2 -DOPEN -c %s -o /dev/null 2> %t/clang-open.err
// RUN: sed -nE 's/.*error: (.*\[fortify\]).*/\1/p' %t/gcc-open.err > %t/gcc-open.words
// RUN: sed -nE 's/.*error: (.*\[fortify\]).*/\1/p' %t/clang-open.err > %t/clang-open.words
// RUN: diff %t/gcc-open.words %t/clang-open.words
// RUN: FileCheck %s --check-prefix=OPEN --input-file=%t/gcc-open.words
// OPEN: 'open' is called with O_CREAT or O_TMPFILE and no mode [fortify]
// Abort mode: the same line on stderr, the file named as __FILE__ names it
// (the path as given, here absolute) by both.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=abort -DRUN %s -o %t/gcc.abort
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=abort -DRUN %s -o %t/clang.abort
// RUN: for p in gcc clang; do for c in 1 2 3 4; do not --crash %t/$p.abort $c 2>&1 | grep '^fortify:' | sed -E 's/:[0-9]*$//' >> %t/$p.lines; done; done
// RUN: diff %t/gcc.lines %t/clang.lines
// RUN: FileCheck %s --check-prefix=ABORT --input-file=%t/gcc.lines
// ABORT: fortify: buffer overflow in memcpy at {{/.*}}/model/same-words.c:[[#]]
// ABORT-NEXT: fortify: buffer over-read in strlen at {{/.*}}/model/same-words.c:[[#]]
// ABORT-NEXT: fortify: %n in a format that is not a string literal in printf at {{/.*}}/model/same-words.c:[[#]]
// ABORT-NEXT: fortify: O_CREAT or O_TMPFILE without a mode in open at {{/.*}}/model/same-words.c:[[#]]
// Coverage records: the same status and fortifier for every call (columns
// are the compilers' own: GCC's start of the call, Clang's caret). GCC 11
// checks level 3 as level 2: Clang's records are taken at the level GCC's
// level 3 checks at (%gcc-level3), and the same records are asked of both.
// RUN: %gcc-fortify -O2 -Wno-deprecated-declarations -fplugin-arg-fortify-report=%t/gcc.jsonl -c %s -o /dev/null 2>/dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=%gcc-level3 -Wno-deprecated-declarations -fplugin-arg-fortify-report=%t/clang.jsonl -c %s -o /dev/null 2>/dev/null
// RUN: sed -E 's/"compiler":"[^"]*",//; s/"column":[0-9]+,//' %t/gcc.jsonl > %t/gcc.records
// RUN: sed -E 's/"compiler":"[^"]*",//; s/"column":[0-9]+,//' %t/clang.jsonl > %t/clang.records
// RUN: diff %t/gcc.records %t/clang.records
// RUN: FileCheck %s -DL=%gcc-level3 --check-prefix=RECORDS --input-file=%t/gcc.records
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *gets(char *);
__attribute__((noinline)) void sink(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

// RECORDS: "function":"memcpy",{{.*}}"caller":"fits","check":"read","status":"unknown","level":[[L]],"by":"none"
// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"fits","check":"write","status":"safe","level":[[L]],"by":"plugin"
void fits(const char *s) {
  char b[8];
  memcpy(b, s, 8);
  sink(b);
}

// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"runtime","check":"read","status":"unknown"
// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"runtime","check":"write","status":"checked","level":[[L]],"by":"plugin"
void runtime(const char *s, size_t n) {
  char b[8];
  memcpy(b, s, n);
  sink(b);
}

// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"unknown","check":"read","status":"unknown"
// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"unknown","check":"write","status":"unknown","level":[[L]],"by":"none"
void unknown(char *d, const char *s, size_t n) { memcpy(d, s, n); }

// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"overflow","check":"read","status":"safe"
// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"overflow","check":"write","status":"overflow","level":[[L]],"by":"plugin"
void overflow(const char *s) {
  char b[8];
  memcpy(b, s, 16);
  sink(b);
}

// RECORDS-NEXT: "function":"strcpy",{{.*}}"caller":"literal","check":"write","status":"overflow","level":[[L]],"by":"plugin"
void literal(void) {
  char b[4];
  strcpy(b, "12345678");
  sink(b);
}

// RECORDS-NEXT: "function":"gets",{{.*}}"caller":"unbounded","check":"write","status":"unknown","level":[[L]],"by":"none"
void unbounded(char *b) { gets(b); }

// RECORDS-NEXT: "function":"printf",{{.*}}"caller":"formats","check":"format","status":"safe","level":[[L]],"by":"plugin"
// RECORDS-NEXT: "function":"printf",{{.*}}"caller":"formats","check":"format","status":"checked","level":[[L]],"by":"plugin"
void formats(const char *f) {
  printf("%d\n", 1);
  printf(f, 2);
}

// RECORDS-NEXT: "function":"open",{{.*}}"caller":"opens","check":"open","status":"safe","level":[[L]],"by":"plugin"
// RECORDS-NEXT: "function":"open",{{.*}}"caller":"opens","check":"open","status":"safe","level":[[L]],"by":"plugin"
// RECORDS-NEXT: "function":"open",{{.*}}"caller":"opens","check":"open","status":"checked","level":[[L]],"by":"plugin"
int opens(const char *p, int flags) {
  int a = open(p, O_RDONLY);
  int b = open(p, O_CREAT, 0600);
  int c = open(p, flags);
#ifdef OPEN
  int d = open(p, O_CREAT | O_WRONLY);
  return a + b + c + d;
#endif
  return a + b + c;
}

// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"measure","check":"read","status":"safe"
// RECORDS-NEXT: "function":"memcpy",{{.*}}"caller":"measure","check":"write","status":"safe"
// RECORDS-NEXT: "function":"strlen",{{.*}}"caller":"measure","check":"read","status":"checked","level":[[L]],"by":"plugin"
size_t measure(void) {
  char *p = malloc(4);
  memcpy(p, "abcd", 4);
  return strlen(p);
}
// RECORDS-NOT: "function"

#ifdef RUN
int main(int argc, char **argv) {
  static char text[] = "%n";
  char small[4];
  int count;
  volatile size_t n = 16;
  switch (argv[1][0]) {
  case '1':
    memcpy(small, argv[0], n);
    sink(small);
    break;
  case '2': {
    char *p = malloc(4);
    memcpy(p, "abcd", 4);
    return (int)strlen(p);
  }
  case '3':
    printf(text, &count);
    break;
  case '4':
    return open("/nonexistent/x", argc > 0 ? O_CREAT : 0);
  }
  return 0;
}
#endif
