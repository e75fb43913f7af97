# Warnings and sanitizers shared by every Outward target.
# outward_warnings: for all code, tests included.
# outward_compile_options: production code, which also forbids implicit string conversions.
add_library(outward_warnings INTERFACE)
target_compile_options(outward_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
if(OUTWARD_WERROR)
    target_compile_options(outward_warnings INTERFACE -Werror)
endif()

add_library(outward_compile_options INTERFACE)
target_link_libraries(outward_compile_options INTERFACE outward_warnings)
target_compile_definitions(outward_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)

set(OUTWARD_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(OUTWARD_SANITIZE)
    add_compile_options(-fsanitize=${OUTWARD_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${OUTWARD_SANITIZE})
endif()
