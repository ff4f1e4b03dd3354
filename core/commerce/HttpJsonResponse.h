// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QUrl>

namespace waybill::commerce {

/// A successful (2xx) answer whose body parsed as JSON, with the response headers (names in lower case). For a task
/// set to raw answers (HttpJsonTask::setRawAnswer(), XML APIs) `json` stays empty and `body` holds the bytes as sent.
struct HttpJsonResponse {
    int status = 0;
    QUrl url;
    QJsonDocument json;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body {}; ///< raw answers only

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

} // namespace waybill::commerce
