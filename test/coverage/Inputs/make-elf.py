#!/usr/bin/env python3
"""Writes a minimal ELF relocatable file holding a .note.fortify section, in
any class and byte order, optionally damaged, for fortify-coverage --binary.

usage: make-elf.py OUT [--class 32|64] [--endian little|big]
                       [--payload TEXT]... [--damage KIND]
A payload is one fortify note's description (without its NUL). KIND:
  shoff-huge      e_shoff far past the end of the file
  shnum-huge      e_shnum larger than the file can hold
  shstrndx-bad    e_shstrndx names no section
  name-offset     the note section's name offset past the name table
  namesz-huge     the first note's owner size is 0xfffffff0
  descsz-huge     the first note's description size runs past the section
  no-nul          the first note's description lacks its NUL
  nobits          the note section has type SHT_NOBITS
  section-huge    the note section's size runs past the end of the file
  no-note         the section is called .note.other instead
  padding         zero words between two notes (as a linker may leave)
"""
import argparse
import struct

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--class", dest="elfclass", type=int, choices=(32, 64), default=64)
ap.add_argument("--endian", choices=("little", "big"), default="little")
ap.add_argument("--payload", action="append", default=[])
ap.add_argument("--damage", default="")
args = ap.parse_args()

e = "<" if args.endian == "little" else ">"
is64 = args.elfclass == 64
damage = args.damage


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def note(owner, ntype, desc, namesz=None, descsz=None):
    name = owner + b"\0"
    return (struct.pack(e + "III", len(name) if namesz is None else namesz,
                        len(desc) if descsz is None else descsz, ntype)
            + pad4(name) + pad4(desc))


notes = b""
for i, text in enumerate(args.payload):
    desc = text.encode() + (b"" if damage == "no-nul" and i == 0 else b"\0")
    namesz = 0xFFFFFFF0 if damage == "namesz-huge" and i == 0 else None
    descsz = 0x1000 if damage == "descsz-huge" and i == 0 else None
    if damage == "padding" and i > 0:
        notes += b"\0" * 8
    notes += note(b"fortify", 1, desc, namesz, descsz)

section_name = b".note.other" if damage == "no-note" else b".note.fortify"
shstrtab = b"\0" + section_name + b"\0.shstrtab\0"
ehsize, shentsize = (64, 64) if is64 else (52, 40)
notes_off = ehsize
strtab_off = notes_off + len(notes)
shoff = (strtab_off + len(shstrtab) + 7) & ~7
shnum, shstrndx = 3, 2
if damage == "shstrndx-bad":
    shstrndx = 7


def shdr(name, stype, off, size, align):
    if is64:
        return struct.pack(e + "IIQQQQIIQQ", name, stype, 0, 0, off, size, 0, 0, align, 0)
    return struct.pack(e + "IIIIIIIIII", name, stype, 0, 0, off, size, 0, 0, align, 0)


note_type = 8 if damage == "nobits" else 7
note_size = len(notes) + (0x100000 if damage == "section-huge" else 0)
note_name = 0x7FFF if damage == "name-offset" else 1
sections = (shdr(0, 0, 0, 0, 0)
            + shdr(note_name, note_type, notes_off, note_size, 4)
            + shdr(1 + len(section_name) + 1, 3, strtab_off, len(shstrtab), 1))

ident = b"\x7fELF" + bytes([2 if is64 else 1, 1 if args.endian == "little" else 2, 1, 0]) + b"\0" * 8
header_shoff = 0x7FFFFFF0 if damage == "shoff-huge" else shoff
header_shnum = 0xFFFF if damage == "shnum-huge" else shnum
machine = 62 if is64 else 3
if is64:
    header = ident + struct.pack(e + "HHIQQQIHHHHHH", 1, machine, 1, 0, 0, header_shoff, 0,
                                 ehsize, 0, 0, shentsize, header_shnum, shstrndx)
else:
    header = ident + struct.pack(e + "HHIIIIIHHHHHH", 1, machine, 1, 0, 0, header_shoff, 0,
                                 ehsize, 0, 0, shentsize, header_shnum, shstrndx)
assert len(header) == ehsize
body = header + notes + shstrtab
body += b"\0" * (shoff - len(body))
with open(args.out, "wb") as f:
    f.write(body + sections)
