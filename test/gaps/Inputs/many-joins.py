#!/usr/bin/env python3
"""Writes a C function whose pointers join at many phis: LEVELS rounds in
which each of WIDTH pointers becomes one of the previous round's, chosen by
a switch. A walk back from the last round's pointer that does not remember
what it classified visits WIDTH ** LEVELS paths; the function itself is a
few hundred lines and compiles in milliseconds.

usage: many-joins.py LEVELS WIDTH
"""
import sys


def main():
    levels, width = int(sys.argv[1]), int(sys.argv[2])
    out = ["#include <string.h>", "",
           "void joins(char **v, const int *c, const char *s, unsigned long n) {"]
    out.append("  char %s;" % ", ".join("*x0_%d = v[%d]" % (j, j) for j in range(width)))
    for i in range(levels):
        out.append("  char %s;" % ", ".join("*x%d_%d" % (i + 1, j) for j in range(width)))
        for j in range(width):
            out.append("  switch (c[%d]) {" % (i * width + j))
            for k in range(width):
                label = "default" if k == width - 1 else "case %d" % k
                out.append("  %s: x%d_%d = x%d_%d; break;" % (label, i + 1, j, i, k))
            out.append("  }")
    out.append("  memcpy(x%d_0, s, n);" % levels)
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
