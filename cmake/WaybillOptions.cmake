# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
option(WAYBILL_BUILD_DESKTOP "Build the desktop app (off: only the headless waybillctl)" ON)
option(WAYBILL_BUILD_TESTS "Build the unit, UI and benchmark tests" ON)
option(WAYBILL_BUILD_UI_TESTS "Build the widget tests (they run offscreen)" ON)
option(WAYBILL_WITH_POSTGRES "Build support for a shared PostgreSQL workspace" OFF)
option(WAYBILL_CLANG_TIDY "Run clang-tidy while compiling" OFF)
option(WAYBILL_SANITIZERS "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(WAYBILL_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (the ci preset)" OFF)

add_feature_info(Desktop WAYBILL_BUILD_DESKTOP "the waybill desktop app")
add_feature_info(Tests WAYBILL_BUILD_TESTS "unit, UI and benchmark tests")
add_feature_info(UiTests WAYBILL_BUILD_UI_TESTS "offscreen widget tests")
add_feature_info(PostgreSQL WAYBILL_WITH_POSTGRES "team workspaces on PostgreSQL")
add_feature_info(ClangTidy WAYBILL_CLANG_TIDY "clang-tidy during the build")
add_feature_info(Sanitizers WAYBILL_SANITIZERS "ASan and UBSan")

if(WAYBILL_CLANG_TIDY)
    find_program(CLANG_TIDY_EXE NAMES clang-tidy REQUIRED)
    set(CMAKE_CXX_CLANG_TIDY "${CLANG_TIDY_EXE}")
endif()

find_program(CCACHE_EXE ccache)
if(CCACHE_EXE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_EXE}")
endif()
