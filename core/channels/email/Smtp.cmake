# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The SMTP submission client: pure codec, client, one task per operation (STYLE.md §11–§12). SASL responses are
# shared with IMAP (SaslResponse, listed in Imap.cmake).
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/SmtpAccountConfig.h
    ${CMAKE_CURRENT_LIST_DIR}/SmtpAuthenticateTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpCapabilities.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpClient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpCodec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpConnectTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpError.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpReply.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpSendResult.h
    ${CMAKE_CURRENT_LIST_DIR}/SmtpSendTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmtpTask.cpp)
