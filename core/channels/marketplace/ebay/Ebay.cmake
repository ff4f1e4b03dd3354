# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# eBay's Trading API: member messages and My Messages, the request bodies, the call budget and the HTTP calls.
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/EbayCallBudget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayMemberMessagesParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayMyMessagesParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayTradingCall.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayTradingClient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayTradingRequest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EbayTradingResponse.cpp)
