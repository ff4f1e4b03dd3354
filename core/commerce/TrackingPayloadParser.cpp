// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingPayloadParser.h"

#include "AfterShipTrackingParser.h"
#include "CanadaPostTrackingParser.h"
#include "EasyPostTrackingParser.h"
#include "FedExTrackingParser.h"
#include "ShippoTrackingParser.h"
#include "TrackingParsing.h"
#include "UspsTrackingParser.h"
#include "XmlElement.h"

#include <QJsonObject>

namespace waybill::commerce {

namespace {

const QString Unrecognised = QStringLiteral(
    "The tracking update was not recognised as coming from EasyPost, AfterShip, Shippo, FedEx, USPS or Canada Post.");

QString xmlProvider(const XmlElement &root)
{
    const XmlElement *element = &root;
    if (root.name() == QLatin1String("Envelope")) {
        const XmlElement *body = root.child(QStringLiteral("Body"));
        element = body && !body->allChildren().isEmpty() ? &body->allChildren().constFirst() : &root;
    }
    const QString name = element->name();
    if (name == QLatin1String("TrackReply")) {
        return QStringLiteral("fedex");
    }
    if (name == QLatin1String("TrackResponse") || name == QLatin1String("Error")) {
        return QStringLiteral("usps");
    }
    if (name == QLatin1String("tracking-detail") || name == QLatin1String("messages")) {
        return QStringLiteral("canada_post");
    }
    return {};
}

QString jsonProvider(const QJsonObject &object)
{
    if (EasyPostTrackingParser::recognises(object)) {
        return QStringLiteral("easypost");
    }
    if (ShippoTrackingParser::recognises(object)) {
        return QStringLiteral("shippo");
    }
    if (AfterShipTrackingParser::recognises(object)) {
        return QStringLiteral("aftership");
    }
    return {};
}

TrackingParseResult dispatch(const QByteArray &body, const QString &provider)
{
    if (provider == QLatin1String("easypost")) {
        return EasyPostTrackingParser::parse(body);
    }
    if (provider == QLatin1String("aftership")) {
        return AfterShipTrackingParser::parse(body);
    }
    if (provider == QLatin1String("shippo")) {
        return ShippoTrackingParser::parse(body);
    }
    if (provider == QLatin1String("fedex")) {
        return FedExTrackingParser::parse(body);
    }
    if (provider == QLatin1String("usps")) {
        return UspsTrackingParser::parse(body);
    }
    if (provider == QLatin1String("canada_post")) {
        return CanadaPostTrackingParser::parse(body);
    }
    return TrackingParseResult::failure(QString(), Unrecognised);
}

} // namespace

QString TrackingPayloadParser::sniff(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<')) {
        QString error;
        const std::optional<XmlElement> root = XmlElement::parse(trimmed, &error);
        return root ? xmlProvider(*root) : QString();
    }
    if (trimmed.startsWith('{')) {
        QString error;
        const std::optional<QJsonObject> object = TrackingParsing::parseObject(trimmed, &error);
        return object ? jsonProvider(*object) : QString();
    }
    return {};
}

TrackingParseResult TrackingPayloadParser::parse(const QByteArray &body, const QString &provider)
{
    try {
        if (!provider.isEmpty()) {
            return dispatch(body, provider);
        }
        const QByteArray trimmed = body.trimmed();
        if (trimmed.isEmpty()) {
            return TrackingParseResult::failure(QString(), QStringLiteral("The tracking update is empty."));
        }
        if (trimmed.startsWith('<')) {
            QString error;
            const std::optional<XmlElement> root = XmlElement::parse(trimmed, &error);
            if (!root) {
                return TrackingParseResult::failure(
                    QString(), QStringLiteral("The tracking update could not be read: ") + error + u'.');
            }
            const QString found = xmlProvider(*root);
            if (found == QLatin1String("fedex")) {
                return FedExTrackingParser::parse(*root);
            }
            if (found == QLatin1String("usps")) {
                return UspsTrackingParser::parse(*root);
            }
            if (found == QLatin1String("canada_post")) {
                return CanadaPostTrackingParser::parse(*root);
            }
            return TrackingParseResult::failure(QString(), Unrecognised);
        }
        QString error;
        const std::optional<QJsonObject> object = TrackingParsing::parseObject(trimmed, &error);
        if (!object) {
            return TrackingParseResult::failure(
                QString(), QStringLiteral("The tracking update could not be read: ") + error + u'.');
        }
        const QString found = jsonProvider(*object);
        return found.isEmpty() ? TrackingParseResult::failure(QString(), Unrecognised) : dispatch(trimmed, found);
    } catch (...) {
        return TrackingParseResult::failure(QString(), QStringLiteral("The tracking update could not be read."));
    }
}

} // namespace waybill::commerce
