// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "UspsTrackingParser.h"

#include "TrackingParsing.h"
#include "TrackingTime.h"
#include "XmlElement.h"

#include <algorithm>

namespace waybill::commerce {

using domain::TrackingStatus;

namespace {

const QString Provider = QStringLiteral("USPS");

QString fail(const QString &what)
{
    return TrackingParsing::failure(Provider, what);
}

/// USPS event codes where they are definite, else the event's words.
TrackingStatus statusOf(const QString &code, const QString &text)
{
    if (code == QLatin1String("01")) {
        return TrackingStatus::Delivered;
    }
    if (code == QLatin1String("OF")) {
        return TrackingStatus::OutForDelivery;
    }
    if (code == QLatin1String("02") || code == QLatin1String("52")) {
        return TrackingStatus::FailedAttempt; // notice left
    }
    if (code == QLatin1String("09") || code == QLatin1String("21") || code == QLatin1String("28")) {
        return TrackingStatus::ReturnToSender;
    }
    if (code == QLatin1String("04") || code == QLatin1String("05")) {
        return TrackingStatus::Exception; // refused, undeliverable as addressed
    }
    if (code == QLatin1String("GX") || code == QLatin1String("MA") || code == QLatin1String("NP")) {
        return TrackingStatus::PreTransit;
    }
    return TrackingParsing::statusFromText(text);
}

TrackingStatus statusOfCategory(const QString &category)
{
    const QString c = category.toLower();
    if (c == QLatin1String("delivered")) {
        return TrackingStatus::Delivered;
    }
    if (c == QLatin1String("out for delivery")) {
        return TrackingStatus::OutForDelivery;
    }
    if (c == QLatin1String("in transit") || c == QLatin1String("accepted")) {
        return TrackingStatus::InTransit;
    }
    if (c == QLatin1String("pre-shipment") || c == QLatin1String("pre-transit")) {
        return TrackingStatus::PreTransit;
    }
    if (c == QLatin1String("alert")) {
        return TrackingStatus::Exception;
    }
    if (c == QLatin1String("available for pickup")) {
        return TrackingStatus::AvailableForPickup;
    }
    if (c == QLatin1String("delivery attempt")) {
        return TrackingStatus::FailedAttempt;
    }
    return TrackingStatus::Unknown;
}

std::optional<domain::TrackingEvent> readEvent(const XmlElement &element)
{
    domain::TrackingEvent event;
    event.message = element.textAt(QStringLiteral("Event"));
    if (event.message.isEmpty()) {
        event.message = element.text(); // TrackV1 puts the sentence in the element itself
    }
    // USPS prints local times; only places in the US (no country, or the United States) get a US state's zone.
    const QString country = element.textAt(QStringLiteral("EventCountry")).toUpper();
    const bool domestic = country.isEmpty() || country == QLatin1String("UNITED STATES")
        || country == QLatin1String("US") || country == QLatin1String("USA");
    event.occurredAt = TrackingTime::fromUspsDateTime(element.textAt(QStringLiteral("EventDate")),
        element.textAt(QStringLiteral("EventTime")), false,
        domestic ? element.textAt(QStringLiteral("EventState")) : QString());
    event.status = statusOf(element.textAt(QStringLiteral("EventCode")), event.message);
    event.location = TrackingParsing::place(
        { element.textAt(QStringLiteral("EventCity")), element.textAt(QStringLiteral("EventState")),
            element.textAt(QStringLiteral("EventZIPCode")), element.textAt(QStringLiteral("EventCountry")) });
    if (event.message.isEmpty()) {
        return std::nullopt;
    }
    return event;
}

void readInfo(const XmlElement &info, TrackingParseResult &result)
{
    const QString number = info.attribute(QStringLiteral("ID"));
    if (const XmlElement *error = info.child(QStringLiteral("Error"))) {
        result.itemErrors.append(
            fail(QStringLiteral("tracking number %1: %2").arg(number, error->textAt(QStringLiteral("Description")))));
        return;
    }
    TrackingUpdate update;
    update.provider = QStringLiteral("usps");
    update.carrier = QStringLiteral("usps");
    update.trackingNumber = number;
    update.service = info.textAt(QStringLiteral("Class"));
    update.statusText = info.textAt(QStringLiteral("Status"));
    update.status = statusOfCategory(info.textAt(QStringLiteral("StatusCategory")));
    update.expectedAt = TrackingTime::fromUspsDateTime(info.textAt(QStringLiteral("ExpectedDeliveryDate")), {}, true);
    if (update.expectedAt == 0) {
        update.expectedAt
            = TrackingTime::fromUspsDateTime(info.textAt(QStringLiteral("PredictedDeliveryDate")), {}, true);
    }
    QList<const XmlElement *> elements = info.children(QStringLiteral("TrackSummary"));
    elements += info.children(QStringLiteral("TrackDetail"));
    bool undated = false;
    for (const XmlElement *element : std::as_const(elements)) {
        if (const auto event = readEvent(*element)) {
            undated = undated || event->occurredAt == 0;
            update.events.append(*event);
        }
    }
    if (update.events.isEmpty() && update.status == TrackingStatus::Unknown) {
        result.itemErrors.append(fail(QStringLiteral("tracking number %1 has no tracking information").arg(number)));
        return;
    }
    // USPS lists newest first. Events without a date (rare, seen as placeholders) keep their place in that order:
    // they take the time of the next older dated event.
    std::reverse(update.events.begin(), update.events.end());
    qint64 previous = 0;
    for (domain::TrackingEvent &event : update.events) {
        if (event.occurredAt == 0) {
            event.occurredAt = previous;
        }
        previous = event.occurredAt;
    }
    if (undated && !update.events.isEmpty() && update.events.constFirst().occurredAt == 0) {
        // The oldest events have no date at all: keep them first, at the first known time.
        qint64 first = 0;
        for (const domain::TrackingEvent &event : std::as_const(update.events)) {
            if (event.occurredAt != 0) {
                first = event.occurredAt;
                break;
            }
        }
        for (domain::TrackingEvent &event : update.events) {
            if (event.occurredAt == 0) {
                event.occurredAt = first;
            }
        }
    }
    TrackingParsing::finish(update);
    result.updates.append(update);
}

TrackingParseResult read(const XmlElement &root)
{
    if (root.name() == QLatin1String("Error")) {
        return TrackingParseResult::failure(Provider,
            fail(QStringLiteral("the request failed: %1 (error %2)")
                     .arg(root.textAt(QStringLiteral("Description")), root.textAt(QStringLiteral("Number")))));
    }
    if (root.name() != QLatin1String("TrackResponse")) {
        return TrackingParseResult::failure(
            Provider, fail(QStringLiteral("the reply is not a TrackResponse (found <%1>)").arg(root.name())));
    }
    TrackingParseResult result;
    for (const XmlElement *info : root.children(QStringLiteral("TrackInfo"))) {
        readInfo(*info, result);
    }
    if (result.updates.isEmpty() && !result.itemErrors.isEmpty()) {
        result.error = result.itemErrors.constFirst();
    }
    return result;
}

} // namespace

TrackingParseResult UspsTrackingParser::parse(const QByteArray &body)
{
    return TrackingParsing::guarded(Provider, [&body] {
        QString error;
        const std::optional<XmlElement> root = XmlElement::parse(body, &error);
        return root ? read(*root) : TrackingParseResult::failure(Provider, fail(error));
    });
}

TrackingParseResult UspsTrackingParser::parse(const XmlElement &root)
{
    return TrackingParsing::guarded(Provider, [&root] { return read(root); });
}

} // namespace waybill::commerce
