# cmake -DOBJCOPY=... -DPATTERNS="*4llvm*;*5clang*" -DOBJECTS="a.o;b.o" -P weaken-symbols.cmake
# Makes the symbols matching PATTERNS weak in each object, in place
# (clang-plugin/CMakeLists.txt says why).
set(arguments --wildcard)
foreach(pattern IN LISTS PATTERNS)
  list(APPEND arguments "--weaken-symbol=${pattern}")
endforeach()
foreach(object IN LISTS OBJECTS)
  execute_process(COMMAND "${OBJCOPY}" ${arguments} "${object}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${OBJCOPY} failed on ${object}")
  endif()
endforeach()
