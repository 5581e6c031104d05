# A second object's note, from another compiler and mode; a note of another
# owner in the same section, which the tool skips.
        .section .note.fortify,"a",@note
        .balign 4
        .long 4
        .long 4
        .long 1
        .asciz "GNU"
        .long 0x12345678
        .long 8
        .long 2f - 1f
        .long 1
        .asciz "fortify"
        .balign 4
1:      .asciz "fortify-plugins 0.2.0; compiler=clang 19.1.7; level=2; mode=abort; safe=1; checked=0; unknown=3; overflow=0"
2:      .balign 4
        .section .note.GNU-stack,"",@progbits
