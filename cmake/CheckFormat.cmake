# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DCLANG_FORMAT=<exe> -DSOURCE_DIR=<dir> [-DFIX=ON] -P CheckFormat.cmake
# Checks (or with FIX=ON rewrites) every C++ file of the project against .clang-format.
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h"
    "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
if(FIX)
    execute_process(COMMAND "${CLANG_FORMAT}" -i ${sources} RESULT_VARIABLE result)
else()
    execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${sources} RESULT_VARIABLE result)
endif()
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Some files are not formatted as .clang-format says; run: cmake --build <dir> --target format")
endif()
