# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# MIME parsing and composing (issue 3): GMime stays behind MimeParser.cpp, the only file that includes it; charsets
# that QStringDecoder does not know go through Core5Compat's QTextCodec (ICU). Outgoing mail is written by
# MimeComposer and its encoders without GMime.
# GLOBAL: the targets are linked from core/, outside this directory scope.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET GLOBAL gmime-3.0)
find_package(Qt6 REQUIRED COMPONENTS Core5Compat GLOBAL)
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AttachmentNames.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AutoReplyDetector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BodyEncoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CharsetDecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DeliveryStatusReport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EncodedWordDecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FlowedText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HeaderEncoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HtmlToText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MarketplaceRelay.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MessageIds.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MimeComposer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MimeParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MimePreflight.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TextToHtml.cpp
)
target_link_libraries(waybill_core PRIVATE PkgConfig::GMIME Qt6::Core5Compat)
