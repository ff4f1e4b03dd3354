// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EasyPostTrackingParser.h"

#include "CarrierDirectory.h"
#include "TrackingParsing.h"
#include "TrackingTime.h"

#include <QJsonArray>

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("EasyPost");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// EasyPost's tracker statuses: unknown, pre_transit, in_transit, out_for_delivery, available_for_pickup,
/// delivered, return_to_sender, failure, cancelled, error.
TrackingStatus statusOf(const QString &status, const QString &detail)
{
    if (status == QLatin1String("failure")) {
        return detail.contains(QLatin1String("attempt")) ? TrackingStatus::FailedAttempt : TrackingStatus::Exception;
    }
    if (status == QLatin1String("cancelled")) {
        return TrackingStatus::Exception;
    }
    return domain::trackingStatusFromKey(status);
}

/// One Tracker object into `update`; an empty string on success, else what was wrong.
QString readTracker(const QJsonObject &tracker, TrackingUpdate &update)
{
    update.provider = QStringLiteral("easypost");
    update.trackingNumber = TrackingParsing::string(tracker, QStringLiteral("tracking_code"));
    if (update.trackingNumber.isEmpty()) {
        return fail(QStringLiteral("the tracker has no tracking_code"));
    }
    const QJsonValue status = tracker.value(QStringLiteral("status"));
    if (!status.isString()) {
        return fail(QStringLiteral("the tracker for %1 has no status").arg(update.trackingNumber));
    }
    update.statusText = status.toString();
    update.status = statusOf(update.statusText, TrackingParsing::string(tracker, QStringLiteral("status_detail")));
    update.carrier = CarrierDirectory::keyFor(TrackingParsing::string(tracker, QStringLiteral("carrier")));
    update.expectedAt
        = TrackingTime::fromIso8601(TrackingParsing::string(tracker, QStringLiteral("est_delivery_date")), true);
    const QJsonValue carrierDetail = tracker.value(QStringLiteral("carrier_detail"));
    if (carrierDetail.isObject()) {
        update.service = TrackingParsing::string(carrierDetail.toObject(), QStringLiteral("service"));
    }
    const QJsonValue details = tracker.value(QStringLiteral("tracking_details"));
    if (!details.isUndefined() && !details.isNull() && !details.isArray()) {
        return fail(QStringLiteral("tracking_details of %1 is not a list").arg(update.trackingNumber));
    }
    const QJsonArray list = details.toArray();
    for (const QJsonValue &value : list) {
        if (!value.isObject()) {
            return fail(
                QStringLiteral("an entry of tracking_details of %1 is not an object").arg(update.trackingNumber));
        }
        const QJsonObject detail = value.toObject();
        domain::TrackingEvent event;
        const QString when = TrackingParsing::string(detail, QStringLiteral("datetime"));
        event.occurredAt = TrackingTime::fromIso8601(when);
        if (event.occurredAt == 0) {
            return fail(QStringLiteral("a tracking detail of %1 has no readable datetime (\"%2\")")
                            .arg(update.trackingNumber, when.left(40)));
        }
        event.status = statusOf(TrackingParsing::string(detail, QStringLiteral("status")),
            TrackingParsing::string(detail, QStringLiteral("status_detail")));
        event.message = TrackingParsing::string(detail, QStringLiteral("message"));
        if (event.message.isEmpty()) {
            event.message = TrackingParsing::string(detail, QStringLiteral("description"));
        }
        const QJsonObject location = detail.value(QStringLiteral("tracking_location")).toObject();
        event.location = TrackingParsing::place({ TrackingParsing::string(location, QStringLiteral("city")),
            TrackingParsing::string(location, QStringLiteral("state")),
            TrackingParsing::string(location, QStringLiteral("zip")),
            TrackingParsing::string(location, QStringLiteral("country")) });
        update.events.append(event);
    }
    TrackingParsing::finish(update);
    return {};
}

void addTracker(const QJsonObject &tracker, TrackingParseResult &result)
{
    TrackingUpdate update;
    const QString error = readTracker(tracker, update);
    if (error.isEmpty()) {
        result.updates.append(update);
    } else {
        result.itemErrors.append(error);
    }
}

bool isTracker(const QJsonObject &object)
{
    const QString type = TrackingParsing::string(object, QStringLiteral("object"));
    return type == QLatin1String("Tracker")
        || (type.isEmpty() && object.contains(QStringLiteral("tracking_code"))
            && object.contains(QStringLiteral("tracking_details")));
}

void addEvent(const QJsonObject &event, TrackingParseResult &result)
{
    const QString description = TrackingParsing::string(event, QStringLiteral("description"));
    if (!event.value(QStringLiteral("result")).isObject()) {
        // GET /events leaves the result out; only the webhook delivery carries it.
        result.itemErrors.append(
            fail(QStringLiteral("the event \"%1\" carries no result to read the parcel from").arg(description)));
        return;
    }
    const QJsonObject tracker = event.value(QStringLiteral("result")).toObject();
    if (isTracker(tracker)) {
        addTracker(tracker, result);
        return;
    }
    result.itemErrors.append(fail(QStringLiteral("the event \"%1\" is not about a tracker").arg(description)));
}

TrackingParseResult read(const QByteArray &body)
{
    QString error;
    const std::optional<QJsonObject> root = TrackingParsing::parseObject(body, &error);
    if (!root) {
        return TrackingParseResult::failure(Provider, fail(error));
    }
    TrackingParseResult result;
    const QString type = TrackingParsing::string(*root, QStringLiteral("object"));
    if (isTracker(*root)) {
        addTracker(*root, result);
    } else if (type == QLatin1String("Event")) {
        addEvent(*root, result);
    } else if (type == QLatin1String("Shipment")) {
        if (!root->value(QStringLiteral("tracker")).isObject()) {
            return TrackingParseResult::failure(Provider, fail(QStringLiteral("the shipment has no tracker yet")));
        }
        addTracker(root->value(QStringLiteral("tracker")).toObject(), result);
    } else if (root->value(QStringLiteral("trackers")).isArray()) {
        for (const QJsonValue &value : root->value(QStringLiteral("trackers")).toArray()) {
            addTracker(value.toObject(), result);
        }
    } else if (root->value(QStringLiteral("events")).isArray()) {
        const QJsonArray events = root->value(QStringLiteral("events")).toArray();
        for (const QJsonValue &value : events) {
            addEvent(value.toObject(), result);
        }
        if (result.updates.isEmpty() && events.size() > 1) {
            result.error
                = fail(QStringLiteral("none of the %1 events in the list carries a tracker").arg(events.size()));
        }
    } else if (root->value(QStringLiteral("payloads")).isArray()) {
        // Recorded webhook deliveries: each Payload keeps the Event it posted as a JSON string in request_body.
        const QJsonArray payloads = root->value(QStringLiteral("payloads")).toArray();
        if (payloads.isEmpty()) {
            return TrackingParseResult::failure(
                Provider, fail(QStringLiteral("the list of webhook payloads is empty")));
        }
        for (const QJsonValue &value : payloads) {
            QString bodyError;
            const std::optional<QJsonObject> event = TrackingParsing::parseObject(
                TrackingParsing::string(value.toObject(), QStringLiteral("request_body")).toUtf8(), &bodyError);
            if (event) {
                addEvent(*event, result);
            } else {
                result.itemErrors.append(fail(QStringLiteral("a webhook payload's request_body: ") + bodyError));
            }
        }
    } else if (root->value(QStringLiteral("error")).isObject()) {
        const QJsonObject apiError = root->value(QStringLiteral("error")).toObject();
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1 (%2)")
                     .arg(TrackingParsing::string(apiError, QStringLiteral("message")),
                         TrackingParsing::string(apiError, QStringLiteral("code")))));
    } else {
        return TrackingParseResult::failure(Provider,
            fail(
                QStringLiteral("the payload is %1, not a tracker or a tracker event")
                    .arg(type.isEmpty() ? QStringLiteral("an unknown object") : QString(QStringLiteral("a ") + type))));
    }
    if (result.updates.isEmpty() && result.error.isEmpty() && result.itemErrors.size() == 1) {
        result.error = result.itemErrors.takeFirst();
    }
    return result;
}

} // namespace

TrackingParseResult EasyPostTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] { return read(body); });
}

bool EasyPostTrackingParser::recognises(const QJsonObject &object)
{
    const QString type = TrackingParsing::string(object, QStringLiteral("object"));
    // Every EasyPost object names its type and its mode; errors come as {"error": {"code": "…", "message": …}}.
    const QString mode = TrackingParsing::string(object, QStringLiteral("mode"));
    return isTracker(object) || type == QLatin1String("Event") || type == QLatin1String("Shipment")
        || (!type.isEmpty() && (mode == QLatin1String("test") || mode == QLatin1String("production")))
        || object.value(QStringLiteral("trackers")).isArray() || object.value(QStringLiteral("events")).isArray()
        || object.value(QStringLiteral("payloads")).isArray()
        || object.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).isString();
}

} // namespace waybill::commerce
