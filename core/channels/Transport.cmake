# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Transport.h
    ${CMAKE_CURRENT_LIST_DIR}/TransportFactory.h
    ${CMAKE_CURRENT_LIST_DIR}/TaskPtr.h
    ${CMAKE_CURRENT_LIST_DIR}/Channel.h
    ${CMAKE_CURRENT_LIST_DIR}/ChannelCapabilities.h
    ${CMAKE_CURRENT_LIST_DIR}/ChannelHealth.h
    ${CMAKE_CURRENT_LIST_DIR}/SslTransport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SslTransportFactory.cpp)
