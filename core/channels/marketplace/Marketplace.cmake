# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Marketplace messaging: Amazon's Selling Partner API Messaging and Solicitations, and Amazon's messaging policy.
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AmazonMessagePolicy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AmazonMessagingClient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AmazonSolicitationsClient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SpApiActionsParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SpApiOrderActionTask.cpp)
