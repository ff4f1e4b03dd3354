// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayTradingResponse.h"

#include <QStringList>

namespace waybill::channels::marketplace {

namespace {

using commerce::XmlElement;

/// The first element named `name`, depth first, or nullptr.
const XmlElement *findElement(const XmlElement &element, const QString &name)
{
    if (element.name() == name) {
        return &element;
    }
    for (const XmlElement &child : element.allChildren()) {
        if (const XmlElement *found = findElement(child, name)) {
            return found;
        }
    }
    return nullptr;
}

/// What a document holds instead of the expected answer, for messages.
QString describe(const XmlElement &root)
{
    if (root.name() == QLatin1String("Envelope")) {
        const XmlElement *body = root.child(QStringLiteral("Body"));
        if (!body || body->allChildren().isEmpty()) {
            return QStringLiteral("it holds a SOAP envelope with an empty body");
        }
        return QStringLiteral("it holds a SOAP envelope with %1").arg(body->allChildren().constFirst().name());
    }
    return QStringLiteral("it holds %1").arg(root.name());
}

QString trimmedText(const XmlElement &element, const char *path)
{
    return element.textAt(QString::fromLatin1(path)).trimmed();
}

EbayTradingError readError(const XmlElement &entry)
{
    EbayTradingError error;
    error.code = trimmedText(entry, "ErrorCode");
    error.shortMessage = trimmedText(entry, "ShortMessage");
    error.longMessage = trimmedText(entry, "LongMessage");
    error.severity = trimmedText(entry, "SeverityCode");
    error.classification = trimmedText(entry, "ErrorClassification");
    for (const XmlElement *parameter : entry.children(QStringLiteral("ErrorParameters"))) {
        error.parameters << parameter->textAt(QStringLiteral("Value")).trimmed();
    }
    return error;
}

QString describeError(const EbayTradingError &error)
{
    QString text = !error.longMessage.isEmpty() ? error.longMessage : error.shortMessage;
    if (text.isEmpty()) {
        text = error.classification.isEmpty() ? QStringLiteral("no reason given")
                                              : QStringLiteral("no reason given (%1)").arg(error.classification);
    }
    if (!error.code.isEmpty()) {
        text += QStringLiteral(" (error %1)").arg(error.code);
    }
    return text;
}

} // namespace

std::optional<EbayTradingResponse> EbayTradingResponse::parse(
    const QByteArray &xml, const QString &callName, QString *problem)
{
    QString xmlProblem;
    const std::optional<XmlElement> document = XmlElement::parse(xml, &xmlProblem, XmlElement::Whitespace::Keep);
    if (!document) {
        *problem = QStringLiteral("eBay's answer to %1 is not XML: %2").arg(callName, xmlProblem);
        return std::nullopt;
    }
    const QString expected = callName + QStringLiteral("Response");
    const XmlElement *element = findElement(*document, expected);
    if (!element) {
        *problem = QStringLiteral("eBay's answer to %1 has no %2 (%3)").arg(callName, expected, describe(*document));
        return std::nullopt;
    }
    EbayTradingResponse response;
    response.m_callName = callName;
    response.m_root = *element;
    response.m_ackText = trimmedText(response.m_root, "Ack");
    if (response.m_ackText.isEmpty()) {
        *problem = QStringLiteral("eBay's answer to %1 has no Ack").arg(callName);
        return std::nullopt;
    }
    if (response.m_ackText == QLatin1String("Success")) {
        response.m_ack = Ack::Success;
    } else if (response.m_ackText == QLatin1String("Warning")) {
        response.m_ack = Ack::Warning;
    } else if (response.m_ackText == QLatin1String("PartialFailure")) {
        response.m_ack = Ack::PartialFailure;
    } else {
        response.m_ack = Ack::Failure;
    }
    for (const XmlElement *entry : response.m_root.children(QStringLiteral("Errors"))) {
        response.m_errors << readError(*entry);
    }
    const QString timestamp = trimmedText(response.m_root, "Timestamp");
    if (!timestamp.isEmpty()) {
        response.m_timestamp = QDateTime::fromString(timestamp, Qt::ISODateWithMs).toUTC();
    }
    return response;
}

QList<EbayTradingError> EbayTradingResponse::errors() const
{
    QList<EbayTradingError> found;
    for (const EbayTradingError &error : m_errors) {
        if (!error.isWarning()) {
            found << error;
        }
    }
    return found;
}

QList<EbayTradingError> EbayTradingResponse::warnings() const
{
    QList<EbayTradingError> found;
    for (const EbayTradingError &error : m_errors) {
        if (error.isWarning()) {
            found << error;
        }
    }
    return found;
}

bool EbayTradingResponse::isUsageLimit() const
{
    for (const EbayTradingError &error : errors()) {
        if (error.code == QLatin1String("518")
            || error.shortMessage.contains(QLatin1String("usage limit"), Qt::CaseInsensitive)
            || error.longMessage.contains(QLatin1String("usage limit"), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

bool EbayTradingResponse::isTokenRefused() const
{
    static const QStringList Codes { QStringLiteral("931"), QStringLiteral("932"), QStringLiteral("16110"),
        QStringLiteral("21916013"), QStringLiteral("21917053") };
    for (const EbayTradingError &error : errors()) {
        if (Codes.contains(error.code)) {
            return true;
        }
    }
    return false;
}

QString EbayTradingResponse::errorSummary() const
{
    const QList<EbayTradingError> found = errors();
    if (found.isEmpty()) {
        return {};
    }
    QString summary = QStringLiteral("eBay refused %1: %2").arg(m_callName, describeError(found.constFirst()));
    for (qsizetype i = 1; i < found.size(); ++i) {
        summary += QStringLiteral("; ") + describeError(found.at(i));
    }
    return summary;
}

qint64 EbayTradingResponse::epochSeconds(const QString &dateTime)
{
    const QDateTime at = QDateTime::fromString(dateTime.trimmed(), Qt::ISODateWithMs);
    return at.isValid() ? at.toSecsSinceEpoch() : 0;
}

bool EbayTradingResponse::flag(const QString &value)
{
    const QString text = value.trimmed();
    return text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == QLatin1String("1");
}

QString EbayTradingResponse::problemAsAnswerTo(const QString &callName) const
{
    if (m_callName != callName) {
        return QStringLiteral("an answer to %1 is not a %2 answer").arg(m_callName, callName);
    }
    if (m_ack == Ack::Failure) {
        return errorSummary().isEmpty() ? QStringLiteral("eBay refused %1 without giving a reason").arg(callName)
                                        : errorSummary();
    }
    return {};
}

} // namespace waybill::channels::marketplace
