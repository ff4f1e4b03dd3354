// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"
#include "TrackingUpdate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <optional>

namespace waybill::commerce {

/// What the tracking parsers share: bounded JSON parsing with a readable error, place names, the status words
/// carriers print, and the final tidy-up of an update. Stateless helpers; any thread.
class TrackingParsing final {
public:
    /// Payloads above this size are refused before parsing.
    static constexpr qsizetype MaxPayloadBytes = 4 * 1024 * 1024;

    /// The top-level JSON object, or nothing with `error` saying what is wrong (empty, too large, not JSON, not an
    /// object) in words for people.
    static std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error);
    /// Runs `parse`, turning any exception into an error result: parsers never throw out of their public API.
    static TrackingParseResult guarded(const QString &provider, const std::function<TrackingParseResult()> &parse);

    /// "HOUSTON, TX, 77063, US" from the non-empty parts.
    static QString place(const QStringList &parts);
    /// "Provider: what was wrong." — an error sentence naming the sender.
    static QString failure(const QString &provider, const QString &what);
    /// A string member, or empty for null and missing; numbers are spelled out.
    static QString string(const QJsonObject &object, const QString &key);
    /// The status a carrier's own event text describes ("Delivered, In/At Mailbox", "Out for Delivery", "Notice
    /// Left", ...); Unknown when the words say nothing definite. English only.
    static domain::TrackingStatus statusFromText(const QString &text);

    /// Orders the events oldest first (stable), takes the status of the newest event with a known status when
    /// the provider gave none, and the time of the newest delivered event as the delivery time.
    static void finish(TrackingUpdate &update);
};

} // namespace waybill::commerce
