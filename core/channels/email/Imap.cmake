# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ImapAppendTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapArgument.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapAuthenticateTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapCapabilityTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapClient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapCodec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapConnectTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapCreateTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapError.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapFetchData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapFetchTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapIdleTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapLoginTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapMailboxSync.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapResponse.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapSentFolder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapSearchTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapSelectTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapStartTlsTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapStoreTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapSyncTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapTask.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImapValue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SaslResponse.cpp)
