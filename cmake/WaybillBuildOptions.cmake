# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide compile settings live on this one INTERFACE target; every target links it.
add_library(waybill_build_options INTERFACE)
target_compile_features(waybill_build_options INTERFACE cxx_std_20)
target_compile_definitions(waybill_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060500
    WAYBILL_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(waybill_build_options INTERFACE /W4 /utf-8)
    if(WAYBILL_WARNINGS_AS_ERRORS)
        target_compile_options(waybill_build_options INTERFACE /WX)
    endif()
else()
    target_compile_options(waybill_build_options INTERFACE -Wall -Wextra -Wpedantic)
    if(WAYBILL_WARNINGS_AS_ERRORS)
        target_compile_options(waybill_build_options INTERFACE -Werror)
    endif()
endif()

if(WAYBILL_SANITIZERS AND NOT MSVC)
    target_compile_options(waybill_build_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(waybill_build_options INTERFACE -fsanitize=address,undefined)
endif()
