// Bad options are compile errors that name the valid choices.
// RUN: not %gcc-fortify -fplugin-arg-fortify-levle=2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not %gcc-fortify -fplugin-arg-fortify-level=4 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=LEVEL
// RUN: not %gcc-fortify -fplugin-arg-fortify-level -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOVALUE
// RUN: not %gcc-fortify -fplugin-arg-fortify-mode=loud -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not %gxx-fortify -fplugin-arg-fortify-mode= -x c++ -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=EMPTYMODE
// Every valid value is accepted.
// RUN: %gcc-fortify -fplugin-arg-fortify-level=1 -fplugin-arg-fortify-mode=trap -c %s -o /dev/null
// RUN: %gcc-fortify -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-mode=abort -c %s -o /dev/null
// RUN: %gcc-fortify -fplugin-arg-fortify-level=3 -c %s -o /dev/null
// RUN: %gcc-fortify -fplugin-arg-fortify-mode=report -fplugin-arg-fortify-werror -c %s -o /dev/null
// RUN: not %gcc-fortify -fplugin-arg-fortify-report= -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOPATH
// RUN: not %gcc-fortify -fplugin-arg-fortify-werror=yes -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: %gcc-fortify -fplugin-arg-fortify-stats -fplugin-arg-fortify-trace=off -c %s -o /dev/null
// RUN: not %gcc-fortify -fplugin-arg-fortify-stats=all -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS

// UNKNOWN: error: fortify: unknown option 'levle=2'; valid options: level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD{{$}}
// LEVEL: error: fortify: invalid option 'level=4': level must be 1, 2 or 3
// NOVALUE: error: fortify: invalid option 'level': level must be 1, 2 or 3
// MODE: error: fortify: invalid option 'mode=loud': mode must be trap, abort, report or chk
// EMPTYMODE: error: fortify: invalid option 'mode=': mode must be trap, abort, report or chk
// NOPATH: error: fortify: invalid option 'report=': report needs a file name (report=PATH)
// WERROR: error: fortify: invalid option 'werror=yes': werror takes no value (or on|off)
// STATS: error: fortify: invalid option 'stats=all': stats takes no value (or on|off)
int main(void) { return 0; }
