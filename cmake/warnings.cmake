# Warnings for our own targets only: mck_warnings(target [CONVERSION])
set(MCK_WARNING_FLAGS
    -Wall -Wextra -Wpedantic -Wshadow -Wwrite-strings -Wstrict-prototypes
    -Wmissing-prototypes -Wformat=2 -Wvla -Wcast-qual -Wundef
    -Wimplicit-fallthrough)
if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
        list(APPEND MCK_WARNING_FLAGS -Wlogical-op)
endif()

function(mck_warnings target)
        target_compile_options(${target} PRIVATE ${MCK_WARNING_FLAGS})
        if("CONVERSION" IN_LIST ARGN)
                target_compile_options(${target} PRIVATE -Wconversion)
        endif()
        if(MCK_WERROR)
                target_compile_options(${target} PRIVATE -Werror)
        endif()
endfunction()
