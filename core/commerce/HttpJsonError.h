// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::commerce {

/// Why an HTTP JSON request to a commerce source gave up, after whatever retries it was allowed.
/// `message` is a sentence for people that names what was wrong (without the source's or account's name: the
/// caller adds those).
struct HttpJsonError {
    enum class Kind {
        Network, ///< no connection, or it broke (after retries)
        Timeout, ///< no answer in time (after retries)
        Tls, ///< the server's certificate could not be verified
        Refused, ///< 401/403: the credentials were refused
        Http, ///< another 4xx answer
        RateLimited, ///< still 429 after the allowed waits
        Server, ///< still 5xx after the allowed retries
        Malformed, ///< the body is not JSON, or too large
        Shape, ///< valid JSON, but not what the API documents (reported by the caller that reads it)
        Aborted,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    /// The body of a 4xx answer or of one that is not JSON (at most 64 KiB), for callers that read the source's
    /// errors or quarantine what could not be read.
    QByteArray body {};
    /// For RateLimited: the wait the last 429 asked for (Retry-After, else the rate's interval or the default), in
    /// milliseconds, so that a caller can pause the source instead of waiting inside the request; else -1.
    int retryAfterMs = -1;
};

} // namespace waybill::commerce
