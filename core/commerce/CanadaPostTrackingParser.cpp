// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CanadaPostTrackingParser.h"

#include "TrackingParsing.h"
#include "TrackingTime.h"
#include "XmlElement.h"

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("Canada Post");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// Canada Post event identifiers seen in its tracking details; other identifiers fall back to the English words
/// (French descriptions then stay Unknown rather than guessed).
TrackingStatus statusOf(const QString &identifier, const QString &description)
{
    struct Code {
        const char *identifier;
        TrackingStatus status;
    };
    static constexpr Code Codes[] = {
        { "3000", TrackingStatus::PreTransit }, // electronic information / order information received
        { "3001", TrackingStatus::PreTransit }, { "2300", TrackingStatus::InTransit }, // picked up by Canada Post
        { "0100", TrackingStatus::InTransit }, // processed at postal facility
        { "0174", TrackingStatus::OutForDelivery }, { "0500", TrackingStatus::OutForDelivery },
        { "1496", TrackingStatus::Delivered }, { "1498", TrackingStatus::Delivered },
        { "1408", TrackingStatus::Delivered }, { "1409", TrackingStatus::Delivered },
        { "1441", TrackingStatus::Delivered }, { "1479", TrackingStatus::FailedAttempt }, // attempted, notice card left
        { "1701", TrackingStatus::AvailableForPickup },
        { "0156", TrackingStatus::AvailableForPickup }, // final notice, returned if not collected
        { "0173", TrackingStatus::Exception }, // addressing error, possible delay
        { "20", TrackingStatus::Unknown }, // signature image recorded (comes with the delivery)
    };
    for (const Code &code : Codes) {
        if (identifier == QLatin1String(code.identifier)) {
            return code.status;
        }
    }
    return TrackingParsing::statusFromText(description);
}

TrackingParseResult read(const XmlElement &root)
{
    if (root.name() == QLatin1String("messages")) {
        QStringList messages;
        for (const XmlElement *message : root.children(QStringLiteral("message"))) {
            messages.append(
                QStringLiteral("%1 (code %2)")
                    .arg(message->textAt(QStringLiteral("description")), message->textAt(QStringLiteral("code"))));
        }
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1")
                     .arg(messages.isEmpty() ? QStringLiteral("no reason given")
                                             : messages.join(QStringLiteral("; ")))));
    }
    if (root.name() != QLatin1String("tracking-detail")) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("the reply is not a tracking-detail (found <%1>)").arg(root.name())));
    }
    TrackingUpdate update;
    update.provider = QStringLiteral("canada_post");
    update.carrier = QStringLiteral("canada_post");
    update.trackingNumber = root.textAt(QStringLiteral("pin"));
    if (update.trackingNumber.isEmpty()) {
        update.trackingNumber = root.textAt(QStringLiteral("dnc"));
    }
    update.service = root.textAt(QStringLiteral("service-name"));
    update.expectedAt = TrackingTime::fromIso8601(root.textAt(QStringLiteral("changed-expected-date")), true);
    if (update.expectedAt == 0) {
        update.expectedAt = TrackingTime::fromIso8601(root.textAt(QStringLiteral("expected-delivery-date")), true);
    }
    const XmlElement *events = root.child(QStringLiteral("significant-events"));
    const QList<const XmlElement *> occurrences
        = events ? events->children(QStringLiteral("occurrence")) : QList<const XmlElement *>();
    // Newest first in the reply: walk backwards so that equal times keep their order.
    for (auto it = occurrences.crbegin(); it != occurrences.crend(); ++it) {
        const XmlElement *occurrence = *it;
        domain::TrackingEvent event;
        event.occurredAt = TrackingTime::fromCanadaPost(occurrence->textAt(QStringLiteral("event-date")),
            occurrence->textAt(QStringLiteral("event-time")), occurrence->textAt(QStringLiteral("event-time-zone")));
        if (event.occurredAt == 0) {
            return TrackingParseResult::failure(Provider,
                fail(QStringLiteral("an event of %1 has no readable date (\"%2\")")
                         .arg(update.trackingNumber, occurrence->textAt(QStringLiteral("event-date")).left(40))));
        }
        event.message = occurrence->textAt(QStringLiteral("event-description"));
        event.status = statusOf(occurrence->textAt(QStringLiteral("event-identifier")), event.message);
        event.location = TrackingParsing::place(
            { occurrence->textAt(QStringLiteral("event-site")), occurrence->textAt(QStringLiteral("event-province")) });
        update.events.append(event);
    }
    if (update.trackingNumber.isEmpty()) {
        return TrackingParseResult::failure(Provider, fail(QStringLiteral("the tracking details have no pin")));
    }
    if (update.events.isEmpty()) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("%1 has no tracking events yet").arg(update.trackingNumber)));
    }
    TrackingParsing::finish(update);
    TrackingParseResult result;
    result.updates.append(update);
    return result;
}

} // namespace

TrackingParseResult CanadaPostTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] {
        QString error;
        const std::optional<XmlElement> root = XmlElement::parse(body, &error);
        return root ? read(*root) : TrackingParseResult::failure(Provider, fail(error));
    });
}

TrackingParseResult CanadaPostTrackingParser::parse(const XmlElement &root)
{
    return TrackingParsing::guarded(Provider, [&root] { return read(root); });
}

} // namespace waybill::commerce
