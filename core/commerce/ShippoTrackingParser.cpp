// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShippoTrackingParser.h"

#include "CarrierDirectory.h"
#include "TrackingParsing.h"
#include "TrackingTime.h"

#include <QJsonArray>

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("Shippo");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// Shippo statuses: PRE_TRANSIT, TRANSIT, DELIVERED, RETURNED, FAILURE, UNKNOWN; the substatus code refines them
/// (out_for_delivery, delivery_attempted, notice_left, pickup_available, return_to_sender, package_damaged, ...).
TrackingStatus statusOf(const QString &status, const QString &substatus)
{
    if (substatus == QLatin1String("out_for_delivery")) {
        return TrackingStatus::OutForDelivery;
    }
    if (substatus == QLatin1String("delivery_attempted") || substatus == QLatin1String("notice_left")) {
        return TrackingStatus::FailedAttempt;
    }
    if (substatus == QLatin1String("pickup_available")) {
        return TrackingStatus::AvailableForPickup;
    }
    if (substatus == QLatin1String("return_to_sender")) {
        return TrackingStatus::ReturnToSender;
    }
    if (status == QLatin1String("PRE_TRANSIT")) {
        return TrackingStatus::PreTransit;
    }
    if (status == QLatin1String("TRANSIT")) {
        return TrackingStatus::InTransit;
    }
    if (status == QLatin1String("DELIVERED")) {
        return TrackingStatus::Delivered;
    }
    if (status == QLatin1String("RETURNED")) {
        return TrackingStatus::ReturnToSender;
    }
    if (status == QLatin1String("FAILURE")) {
        return TrackingStatus::Exception;
    }
    return TrackingStatus::Unknown;
}

/// One tracking_status / tracking_history entry; false when it is not an object with a readable status_date.
bool readStatus(const QJsonValue &value, domain::TrackingEvent *event)
{
    if (!value.isObject()) {
        return false;
    }
    const QJsonObject entry = value.toObject();
    event->occurredAt = TrackingTime::fromIso8601(TrackingParsing::string(entry, QStringLiteral("status_date")));
    if (event->occurredAt == 0) {
        return false;
    }
    const QJsonObject substatus = entry.value(QStringLiteral("substatus")).toObject();
    event->status = statusOf(TrackingParsing::string(entry, QStringLiteral("status")),
        TrackingParsing::string(substatus, QStringLiteral("code")));
    event->message = TrackingParsing::string(entry, QStringLiteral("status_details"));
    const QJsonObject location = entry.value(QStringLiteral("location")).toObject();
    event->location = TrackingParsing::place({ TrackingParsing::string(location, QStringLiteral("city")),
        TrackingParsing::string(location, QStringLiteral("state")),
        TrackingParsing::string(location, QStringLiteral("zip")),
        TrackingParsing::string(location, QStringLiteral("country")) });
    return true;
}

TrackingParseResult readTrack(const QJsonObject &track)
{
    TrackingUpdate update;
    update.provider = QStringLiteral("shippo");
    update.trackingNumber = TrackingParsing::string(track, QStringLiteral("tracking_number"));
    if (update.trackingNumber.isEmpty()) {
        return TrackingParseResult::failure(Provider, fail(QStringLiteral("the track has no tracking_number")));
    }
    update.carrier = CarrierDirectory::keyFor(TrackingParsing::string(track, QStringLiteral("carrier")));
    update.service
        = TrackingParsing::string(track.value(QStringLiteral("servicelevel")).toObject(), QStringLiteral("name"));
    update.expectedAt = TrackingTime::fromIso8601(TrackingParsing::string(track, QStringLiteral("eta")), true);
    const QJsonValue current = track.value(QStringLiteral("tracking_status"));
    if (current.isNull() || current.isUndefined()) {
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("%1 has no tracking_status yet (the carrier has not reported it)")
                     .arg(update.trackingNumber)));
    }
    if (!current.isObject()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("tracking_status of %1 is not an object").arg(update.trackingNumber)));
    }
    const QJsonObject status = current.toObject();
    update.statusText = TrackingParsing::string(status, QStringLiteral("status"));
    if (update.statusText.isEmpty()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("tracking_status of %1 has no status").arg(update.trackingNumber)));
    }
    update.status = statusOf(update.statusText,
        TrackingParsing::string(status.value(QStringLiteral("substatus")).toObject(), QStringLiteral("code")));
    const QJsonValue history = track.value(QStringLiteral("tracking_history"));
    if (!history.isUndefined() && !history.isNull() && !history.isArray()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("tracking_history of %1 is not a list").arg(update.trackingNumber)));
    }
    for (const QJsonValue &value : history.toArray()) {
        domain::TrackingEvent event;
        if (!readStatus(value, &event)) {
            return TrackingParseResult::failure(Provider,
                fail(QStringLiteral("an entry of tracking_history of %1 has no readable status_date")
                         .arg(update.trackingNumber)));
        }
        update.events.append(event);
    }
    // The current status is usually also the newest history entry; add it only when it is not.
    domain::TrackingEvent latest;
    if (readStatus(current, &latest)) {
        bool present = false;
        for (const domain::TrackingEvent &event : std::as_const(update.events)) {
            present = present
                || (event.occurredAt == latest.occurredAt && event.status == latest.status
                    && event.message == latest.message);
        }
        if (!present) {
            update.events.append(latest);
        }
    }
    TrackingParsing::finish(update);
    TrackingParseResult result;
    result.updates.append(update);
    return result;
}

TrackingParseResult read(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> root = TrackingParsing::parseObject(body, &error);
    if (!root) {
        return TrackingParseResult::failure(Provider, fail(error));
    }
    if (root->contains(QStringLiteral("event"))) {
        const QString event = TrackingParsing::string(*root, QStringLiteral("event"));
        if (event != QLatin1String("track_updated")) {
            return TrackingParseResult::failure(
                Provider, fail(QStringLiteral("the webhook event \"%1\" is not a tracking update").arg(event)));
        }
        if (!root->value(QStringLiteral("data")).isObject()) {
            return TrackingParseResult::failure(Provider, fail(QStringLiteral("the webhook has no data object")));
        }
        return readTrack(root->value(QStringLiteral("data")).toObject());
    }
    if (root->contains(QStringLiteral("detail")) && !root->contains(QStringLiteral("tracking_number"))) {
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1")
                     .arg(TrackingParsing::string(*root, QStringLiteral("detail")))));
    }
    return readTrack(*root);
}

} // namespace

TrackingParseResult ShippoTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] { return read(body); });
}

bool ShippoTrackingParser::recognises(const QJsonObject &object)
{
    return TrackingParsing::string(object, QStringLiteral("event")) == QLatin1String("track_updated")
        || object.contains(QStringLiteral("tracking_status")) || object.contains(QStringLiteral("tracking_history"));
}

} // namespace waybill::commerce
