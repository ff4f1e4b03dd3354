// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingParsing.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <exception>

namespace waybill::commerce {

using domain::TrackingStatus;

std::optional<QJsonObject> TrackingParsing::parseObject(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty()) {
        *error = QStringLiteral("the payload is empty");
        return std::nullopt;
    }
    if (body.size() > MaxPayloadBytes) {
        *error = QStringLiteral("the payload is larger than 4 MB");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the payload is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the payload is JSON but not an object");
        return std::nullopt;
    }
    return document.object();
}

TrackingParseResult TrackingParsing::guarded(const QString &provider, const std::function<TrackingParseResult()> &parse)
{
    try {
        TrackingParseResult result = parse();
        result.provider = provider;
        if (result.error.isEmpty() && result.updates.isEmpty()) {
            result.error = provider + QStringLiteral(": the payload describes no parcel")
                + (result.itemErrors.isEmpty()
                        ? QStringLiteral(".")
                        : QStringLiteral(" (") + result.itemErrors.join(QStringLiteral("; ")) + QStringLiteral(")."));
        }
        return result;
    } catch (const std::exception &e) {
        return TrackingParseResult::failure(provider,
            provider + QStringLiteral(": the payload could not be read (") + QString::fromLocal8Bit(e.what())
                + QStringLiteral(")."));
    } catch (...) {
        return TrackingParseResult::failure(provider, provider + QStringLiteral(": the payload could not be read."));
    }
}

QString TrackingParsing::place(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) {
            kept.append(trimmed);
        }
    }
    return kept.join(QStringLiteral(", "));
}

QString TrackingParsing::string(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toDouble(), 'g', 15);
    }
    return {};
}

TrackingStatus TrackingParsing::statusFromText(const QString &text)
{
    const QString t = text.toLower();
    const auto has = [&t](const char *words) { return t.contains(QLatin1String(words)); };
    if (has("return to sender") || has("returned to sender") || has("return to shipper") || has("returned to shipper")
        || has("being returned")) {
        return TrackingStatus::ReturnToSender;
    }
    if (has("attempt") || has("notice left") || has("notice card left") || has("no access to delivery")
        || has("not available or business closed") || has("customer not available") || has("recipient not available")) {
        return TrackingStatus::FailedAttempt;
    }
    if (has("out for delivery") || has("on vehicle for delivery") || has("with delivery courier")) {
        return TrackingStatus::OutForDelivery;
    }
    if (has("available for pickup") || has("ready for pickup") || has("held for pickup") || has("held at post office")
        || has("for recipient pickup")) {
        return TrackingStatus::AvailableForPickup;
    }
    if (has("undeliverable") || has("refused") || has("damaged") || has("exception") || has("alert")
        || has("addressing error") || has("lost")) {
        return TrackingStatus::Exception;
    }
    if (has("delivered")) {
        return TrackingStatus::Delivered;
    }
    if (has("pre-shipment") || has("label created") || has("shipping label") || has("electronic information")
        || has("electronic shipping info") || has("shipment information sent") || has("order information received")
        || has("preparing shipment")) {
        return TrackingStatus::PreTransit;
    }
    if (has("in transit") || has("arrived") || has("departed") || has("accepted") || has("picked up")
        || has("processed") || has("sorting") || has("origin scan") || has("acceptance") || has("facility")
        || has("in possession")) {
        return TrackingStatus::InTransit;
    }
    return TrackingStatus::Unknown;
}

void TrackingParsing::finish(TrackingUpdate &update)
{
    std::stable_sort(update.events.begin(), update.events.end(),
        [](const domain::TrackingEvent &a, const domain::TrackingEvent &b) { return a.occurredAt < b.occurredAt; });
    if (update.status == TrackingStatus::Unknown) {
        for (auto it = update.events.crbegin(); it != update.events.crend(); ++it) {
            if (it->status != TrackingStatus::Unknown) {
                update.status = it->status;
                break;
            }
        }
    }
    if (update.status == TrackingStatus::Delivered && update.deliveredAt == 0) {
        for (auto it = update.events.crbegin(); it != update.events.crend(); ++it) {
            if (it->status == TrackingStatus::Delivered) {
                update.deliveredAt = it->occurredAt;
                break;
            }
        }
    }
}

QString TrackingParsing::failure(const QString &provider, const QString &what)
{
    return provider + QStringLiteral(": ") + what + (what.endsWith(u'.') ? QString() : QStringLiteral("."));
}

} // namespace waybill::commerce
