// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FedExTrackingParser.h"

#include "TrackingParsing.h"
#include "TrackingTime.h"
#include "XmlElement.h"

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("FedEx");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// FedEx tracking event and status codes.
TrackingStatus statusOf(const QString &code, const QString &description)
{
    static const char *const PreTransit[] = { "OC", "SP" };
    static const char *const InTransit[]
        = { "PU", "IT", "AR", "AF", "DP", "AA", "AC", "AD", "AP", "CC", "CD", "CP", "EA", "EO", "FD", "IP", "IX", "LO",
              "OF", "PF", "PL", "PM", "PX", "SF", "TR", "CH", "DR", "DS", "EP", "RR", "RM", "RC" };
    static const char *const Exception[] = { "SE", "CA", "DY", "LP", "RD" };
    if (code == QLatin1String("DL")) {
        return TrackingStatus::Delivered;
    }
    if (code == QLatin1String("OD")) {
        return TrackingStatus::OutForDelivery;
    }
    if (code == QLatin1String("DE")) {
        // A delivery exception because nobody could take the parcel is a failed attempt; others are exceptions.
        return TrackingParsing::statusFromText(description) == TrackingStatus::FailedAttempt
            ? TrackingStatus::FailedAttempt
            : TrackingStatus::Exception;
    }
    if (code == QLatin1String("HP") || code == QLatin1String("HL")) {
        return TrackingStatus::AvailableForPickup;
    }
    if (code == QLatin1String("RS")) {
        return TrackingStatus::ReturnToSender;
    }
    for (const char *known : PreTransit) {
        if (code == QLatin1String(known)) {
            return TrackingStatus::PreTransit;
        }
    }
    for (const char *known : Exception) {
        if (code == QLatin1String(known)) {
            return TrackingStatus::Exception;
        }
    }
    for (const char *known : InTransit) {
        if (code == QLatin1String(known)) {
            return TrackingStatus::InTransit;
        }
    }
    return TrackingParsing::statusFromText(description);
}

bool isProblem(const QString &severity)
{
    return severity == QLatin1String("ERROR") || severity == QLatin1String("FAILURE");
}

/// The first ERROR/FAILURE notification among `notifications` as "message (code N)", or an empty string.
QString problem(const QList<const XmlElement *> &notifications)
{
    for (const XmlElement *notification : notifications) {
        if (isProblem(notification->textAt(QStringLiteral("Severity")))) {
            return QStringLiteral("%1 (code %2)")
                .arg(notification->textAt(QStringLiteral("Message")), notification->textAt(QStringLiteral("Code")));
        }
    }
    return {};
}

QString address(const XmlElement *address)
{
    if (!address) {
        return {};
    }
    return TrackingParsing::place(
        { address->textAt(QStringLiteral("City")), address->textAt(QStringLiteral("StateOrProvinceCode")),
            address->textAt(QStringLiteral("PostalCode")), address->textAt(QStringLiteral("CountryCode")) });
}

void readDetails(const XmlElement &details, bool duplicateWaybill, TrackingParseResult &result)
{
    const QString number = details.textAt(QStringLiteral("TrackingNumber"));
    QList<const XmlElement *> notifications = details.children(QStringLiteral("Notification"));
    notifications += details.children(QStringLiteral("Notifications"));
    if (const QString message = problem(notifications); !message.isEmpty()) {
        result.itemErrors.append(
            fail(number.isEmpty() ? message : QStringLiteral("tracking number %1: %2").arg(number, message)));
        return;
    }
    TrackingUpdate update;
    update.provider = QStringLiteral("fedex");
    update.carrier = QStringLiteral("fedex");
    update.trackingNumber = number;
    update.service = details.textAt(QStringLiteral("Service/Description"));
    if (update.service.isEmpty()) {
        update.service = details.textAt(QStringLiteral("ServiceInfo"));
    }
    QString code = details.textAt(QStringLiteral("StatusDetail/Code"));
    update.statusText = details.textAt(QStringLiteral("StatusDetail/Description"));
    if (code.isEmpty()) {
        code = details.textAt(QStringLiteral("StatusCode")); // before v6
        update.statusText = details.textAt(QStringLiteral("StatusDescription"));
    }
    if (!code.isEmpty()) {
        update.status = statusOf(code, update.statusText);
    }
    update.expectedAt = TrackingTime::fromIso8601(details.textAt(QStringLiteral("EstimatedDeliveryTimestamp")), true);
    update.deliveredAt = TrackingTime::fromIso8601(details.textAt(QStringLiteral("ActualDeliveryTimestamp")));
    for (const XmlElement *eventElement : details.children(QStringLiteral("Events"))) {
        domain::TrackingEvent event;
        const QString when = eventElement->textAt(QStringLiteral("Timestamp"));
        event.occurredAt = TrackingTime::fromIso8601(when);
        if (event.occurredAt == 0) {
            result.itemErrors.append(
                fail(QStringLiteral("tracking number %1: an event has no readable Timestamp (\"%2\")")
                         .arg(number, when.left(40))));
            return;
        }
        event.message = eventElement->textAt(QStringLiteral("EventDescription"));
        const QString reason = eventElement->textAt(QStringLiteral("StatusExceptionDescription"));
        if (!reason.isEmpty() && reason != event.message) {
            event.message += QStringLiteral(": ") + reason;
        }
        event.status = statusOf(eventElement->textAt(QStringLiteral("EventType")), event.message);
        event.location = address(eventElement->child(QStringLiteral("Address")));
        update.events.append(event);
    }
    if (duplicateWaybill && update.events.isEmpty() && code.isEmpty()) {
        result.itemErrors.append(fail(QStringLiteral("tracking number %1 matches several shipments; FedEx needs the "
                                                     "ship date to tell them apart")
                                          .arg(number)));
        return;
    }
    if (update.events.isEmpty() && code.isEmpty()) {
        result.itemErrors.append(fail(QStringLiteral("tracking number %1 has no status and no scans yet").arg(number)));
        return;
    }
    TrackingParsing::finish(update);
    result.updates.append(update);
}

TrackingParseResult read(const XmlElement &document)
{
    const XmlElement *reply = &document;
    if (document.name() == QLatin1String("Envelope")) {
        const XmlElement *body = document.child(QStringLiteral("Body"));
        reply = body && !body->allChildren().isEmpty() ? &body->allChildren().constFirst() : nullptr;
    }
    if (!reply || reply->name() != QLatin1String("TrackReply")) {
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the reply is not a TrackReply (found <%1>)")
                     .arg(reply ? reply->name() : document.name())));
    }
    if (isProblem(reply->textAt(QStringLiteral("HighestSeverity")))) {
        const QString message = problem(reply->children(QStringLiteral("Notifications")));
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1")
                     .arg(message.isEmpty() ? reply->textAt(QStringLiteral("HighestSeverity")) : message)));
    }
    TrackingParseResult result;
    QList<const XmlElement *> groups = reply->children(QStringLiteral("CompletedTrackDetails"));
    if (groups.isEmpty()) {
        groups.append(reply); // v5 and earlier put TrackDetails directly in the reply
    }
    for (const XmlElement *group : std::as_const(groups)) {
        if (isProblem(group->textAt(QStringLiteral("HighestSeverity")))) {
            result.itemErrors.append(fail(QStringLiteral("the request failed: %1")
                                              .arg(problem(group->children(QStringLiteral("Notifications"))))));
            continue;
        }
        const bool duplicate = group->textAt(QStringLiteral("DuplicateWaybill")) == QLatin1String("true");
        for (const XmlElement *details : group->children(QStringLiteral("TrackDetails"))) {
            readDetails(*details, duplicate, result);
        }
    }
    if (result.updates.isEmpty() && !result.itemErrors.isEmpty()) {
        result.error = result.itemErrors.constFirst();
        if (result.itemErrors.size() > 1 && result.itemErrors.at(1) != result.error) {
            result.error.chop(1);
            result.error += QStringLiteral(" (and %1 more).").arg(result.itemErrors.size() - 1);
        }
    }
    return result;
}

} // namespace

TrackingParseResult FedExTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] {
        QString error;
        const std::optional<XmlElement> root = XmlElement::parse(body, &error);
        return root ? read(*root) : TrackingParseResult::failure(Provider, fail(error));
    });
}

TrackingParseResult FedExTrackingParser::parse(const XmlElement &root)
{
    return TrackingParsing::guarded(Provider, [&root] { return read(root); });
}

} // namespace waybill::commerce
