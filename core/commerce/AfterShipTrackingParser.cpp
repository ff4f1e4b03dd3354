// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AfterShipTrackingParser.h"

#include "CarrierDirectory.h"
#include "TrackingParsing.h"
#include "TrackingTime.h"

#include <QJsonArray>

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("AfterShip");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// AfterShip tags: Pending, InfoReceived, InTransit, OutForDelivery, AttemptFail, Delivered, AvailableForPickup,
/// Exception, Expired. Subtags Exception_010 ("returning to sender") and Exception_011 ("returned to sender")
/// are the return.
///
/// Expired (AfterShip stopped tracking the parcel after a long time without news from the carrier) says nothing
/// about where the parcel is, so it is Unknown, not Exception or Delivered: storage keeps a shipment's last known
/// status over Unknown, and TrackingParsing::finish() takes the newest checkpoint's status when there are
/// checkpoints. statusText keeps "Expired" for people. Recorded GET /v4/trackings replies have Expired trackings
/// with no checkpoints at all.
TrackingStatus statusOf(const QString &tag, const QString &subtag)
{
    if (subtag == QLatin1String("Exception_010") || subtag == QLatin1String("Exception_011")) {
        return TrackingStatus::ReturnToSender;
    }
    if (tag == QLatin1String("Pending") || tag == QLatin1String("InfoReceived")) {
        return TrackingStatus::PreTransit;
    }
    if (tag == QLatin1String("InTransit")) {
        return TrackingStatus::InTransit;
    }
    if (tag == QLatin1String("OutForDelivery")) {
        return TrackingStatus::OutForDelivery;
    }
    if (tag == QLatin1String("AttemptFail")) {
        return TrackingStatus::FailedAttempt;
    }
    if (tag == QLatin1String("Delivered")) {
        return TrackingStatus::Delivered;
    }
    if (tag == QLatin1String("AvailableForPickup")) {
        return TrackingStatus::AvailableForPickup;
    }
    if (tag == QLatin1String("Exception")) {
        return TrackingStatus::Exception;
    }
    return TrackingStatus::Unknown; // Expired (see above) and tags AfterShip adds later
}

qint64 expectedDelivery(const QJsonObject &tracking)
{
    if (const qint64 at
        = TrackingTime::fromIso8601(TrackingParsing::string(tracking, QStringLiteral("expected_delivery")), true)) {
        return at;
    }
    if (const QJsonObject latest = tracking.value(QStringLiteral("latest_estimated_delivery")).toObject();
        !latest.isEmpty()) {
        if (const qint64 at
            = TrackingTime::fromIso8601(TrackingParsing::string(latest, QStringLiteral("datetime")), true)) {
            return at;
        }
    }
    for (const char *key :
        { "courier_estimated_delivery_date", "aftership_estimated_delivery_date", "custom_estimated_delivery_date" }) {
        const QJsonObject estimate = tracking.value(QLatin1String(key)).toObject();
        for (const char *field : { "estimated_delivery_date", "estimated_delivery_date_max" }) {
            if (const qint64 at
                = TrackingTime::fromIso8601(TrackingParsing::string(estimate, QLatin1String(field)), true)) {
                return at;
            }
        }
    }
    return 0;
}

/// country_iso3 until the 2024 API versions, country_region since; country_name as the last resort.
QString country(const QJsonObject &checkpoint)
{
    for (const char *key : { "country_iso3", "country_region", "country_name" }) {
        const QString value = TrackingParsing::string(checkpoint, QLatin1String(key));
        if (!value.isEmpty()) {
            return value;
        }
    }
    return {};
}

TrackingParseResult readTracking(const QJsonObject &tracking)
{
    TrackingUpdate update;
    update.provider = QStringLiteral("aftership");
    update.trackingNumber = TrackingParsing::string(tracking, QStringLiteral("tracking_number"));
    if (update.trackingNumber.isEmpty()) {
        return TrackingParseResult::failure(Provider, fail(QStringLiteral("the tracking has no tracking_number")));
    }
    const QJsonValue tag = tracking.value(QStringLiteral("tag"));
    if (!tag.isString()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("the tracking of %1 has no tag (status)").arg(update.trackingNumber)));
    }
    update.statusText = tag.toString();
    update.status = statusOf(update.statusText, TrackingParsing::string(tracking, QStringLiteral("subtag")));
    update.carrier = CarrierDirectory::keyFor(TrackingParsing::string(tracking, QStringLiteral("slug")));
    update.service = TrackingParsing::string(tracking, QStringLiteral("shipment_type"));
    update.expectedAt = expectedDelivery(tracking);
    update.deliveredAt
        = TrackingTime::fromIso8601(TrackingParsing::string(tracking, QStringLiteral("shipment_delivery_date")));
    const QJsonValue checkpoints = tracking.value(QStringLiteral("checkpoints"));
    if (!checkpoints.isUndefined() && !checkpoints.isNull() && !checkpoints.isArray()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("checkpoints of %1 is not a list").arg(update.trackingNumber)));
    }
    for (const QJsonValue &value : checkpoints.toArray()) {
        if (!value.isObject()) {
            return TrackingParseResult::failure(
                Provider, fail(QStringLiteral("a checkpoint of %1 is not an object").arg(update.trackingNumber)));
        }
        const QJsonObject checkpoint = value.toObject();
        domain::TrackingEvent event;
        const QString when = TrackingParsing::string(checkpoint, QStringLiteral("checkpoint_time"));
        event.occurredAt = TrackingTime::fromIso8601(when);
        if (event.occurredAt == 0) {
            return TrackingParseResult::failure(Provider,
                fail(QStringLiteral("a checkpoint of %1 has no readable checkpoint_time (\"%2\")")
                         .arg(update.trackingNumber, when.left(40))));
        }
        event.status = statusOf(TrackingParsing::string(checkpoint, QStringLiteral("tag")),
            TrackingParsing::string(checkpoint, QStringLiteral("subtag")));
        event.message = TrackingParsing::string(checkpoint, QStringLiteral("message"));
        event.location = TrackingParsing::place({ TrackingParsing::string(checkpoint, QStringLiteral("city")),
            TrackingParsing::string(checkpoint, QStringLiteral("state")),
            TrackingParsing::string(checkpoint, QStringLiteral("zip")), country(checkpoint) });
        if (event.location.isEmpty()) {
            event.location = TrackingParsing::string(checkpoint, QStringLiteral("location"));
        }
        update.events.append(event);
    }
    TrackingParsing::finish(update);
    TrackingParseResult result;
    result.updates.append(update);
    return result;
}

/// GET /v4/trackings (`data.trackings`, one page of the account's trackings): every tracking becomes one update.
/// A tracking that cannot be read is named in itemErrors and the others are kept; an empty page is an error.
TrackingParseResult readList(const QJsonValue &trackings)
{
    if (!trackings.isArray()) {
        return TrackingParseResult::failure(Provider, fail(QStringLiteral("data.trackings is not a list")));
    }
    const QJsonArray list = trackings.toArray();
    if (list.isEmpty()) {
        return TrackingParseResult::failure(Provider, fail(QStringLiteral("the list of trackings is empty")));
    }
    TrackingParseResult result;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue value = list.at(i);
        if (!value.isObject()) {
            result.itemErrors.append(
                fail(QStringLiteral("tracking %1 of %2 in the list is not an object").arg(i + 1).arg(list.size())));
            continue;
        }
        const TrackingParseResult one = readTracking(value.toObject());
        if (one.ok()) {
            result.updates.append(one.updates);
        } else {
            result.itemErrors.append(one.error);
        }
    }
    if (result.updates.isEmpty() && result.itemErrors.size() == 1) {
        result.error = result.itemErrors.takeFirst();
    }
    return result;
}

TrackingParseResult read(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> root = TrackingParsing::parseObject(body, &error);
    if (!root) {
        return TrackingParseResult::failure(Provider, fail(error));
    }
    if (root->value(QStringLiteral("msg")).isObject()) {
        return readTracking(root->value(QStringLiteral("msg")).toObject());
    }
    const QJsonObject meta = root->value(QStringLiteral("meta")).toObject();
    const int code = meta.value(QStringLiteral("code")).toInt(200);
    if (code < 200 || code > 299) {
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1 (code %2)")
                     .arg(TrackingParsing::string(meta, QStringLiteral("message")))
                     .arg(code)));
    }
    const QJsonObject data = root->value(QStringLiteral("data")).toObject();
    if (data.value(QStringLiteral("tracking")).isObject()) {
        return readTracking(data.value(QStringLiteral("tracking")).toObject());
    }
    if (data.contains(QStringLiteral("trackings"))) {
        return readList(data.value(QStringLiteral("trackings")));
    }
    if (data.contains(QStringLiteral("tracking_number"))) {
        return readTracking(data);
    }
    if (root->contains(QStringLiteral("tracking_number"))) {
        return readTracking(*root);
    }
    return TrackingParseResult::failure(Provider,
        fail(QStringLiteral("the payload holds no tracking (expected \"msg\", \"data.tracking\" or "
                            "\"data.trackings\")")));
}

} // namespace

TrackingParseResult AfterShipTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] { return read(body); });
}

bool AfterShipTrackingParser::recognises(const QJsonObject &object)
{
    return object.value(QStringLiteral("msg")).isObject() || object.value(QStringLiteral("meta")).isObject()
        || (object.contains(QStringLiteral("slug")) && object.contains(QStringLiteral("checkpoints")));
}

} // namespace waybill::commerce
