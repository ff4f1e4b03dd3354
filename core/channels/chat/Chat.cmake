# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Live chat: the frame codec and rate limiter (pure, STYLE.md §11), the gateway (HTTP + WebSocket) and the widget.
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ChatAccountRules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChatFrame.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChatGateway.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChatIncoming.h
    ${CMAKE_CURRENT_LIST_DIR}/ChatRateLimiter.cpp)
qt_add_resources(waybill_core waybill_chat_widget
    PREFIX "/chat"
    BASE "${PROJECT_SOURCE_DIR}/resources/chat"
    FILES
        "${PROJECT_SOURCE_DIR}/resources/chat/widget.js"
        "${PROJECT_SOURCE_DIR}/resources/chat/index.html")
