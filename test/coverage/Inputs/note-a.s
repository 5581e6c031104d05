# The note an instrumented object carries (fortify::noteBytes), written by hand.
        .section .note.fortify,"a",@note
        .balign 4
        .long 8                 # owner size: "fortify" and its NUL
        .long 2f - 1f           # description size
        .long 1                 # fortify::kNoteType
        .asciz "fortify"
        .balign 4
1:      .asciz "fortify-plugins 0.2.0; compiler=gcc 12.2.0; level=3; mode=trap; safe=3; checked=2; unknown=1; overflow=0"
2:      .balign 4
        .section .note.GNU-stack,"",@progbits
