# SPDX-FileCopyrightText: 2026 The Waybill authors
# SPDX-License-Identifier: GPL-3.0-or-later
# SMS through Twilio: pure webhook codec, signatures, keywords, numbers and error codes (STYLE.md §11).
target_sources(waybill_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PhoneNumber.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmsKeyword.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TwilioErrorCodes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TwilioInboundSms.h
    ${CMAKE_CURRENT_LIST_DIR}/TwilioMessageList.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TwilioSignature.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TwilioWebhook.cpp)
