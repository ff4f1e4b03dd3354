// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayTradingError.h"
#include "commerce/XmlElement.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace waybill::channels::marketplace {

/// The envelope every eBay Trading API answer shares: the `<{CallName}Response>` element, found anywhere in the
/// document (a plain answer, or the same element in a Platform Notification's SOAP body), with its Ack, Errors,
/// Timestamp, Build and CorrelationID. parse() is strict about the element's name: an answer to another call (or
/// no answer at all) is refused with a sentence that names the call, never read as this one. Text keeps its white
/// space (message bodies keep their line breaks); the accessors here trim it. The call parsers read root(). A plain
/// value; any thread.
class EbayTradingResponse final {
public:
    enum class Ack {
        Success,
        Warning,
        Failure,
        PartialFailure,
    };

    /// The answer to `callName` ("GetMemberMessages"), or nothing with `problem` set to a sentence for people that
    /// names the call: "eBay's answer to GetMemberMessages is not XML: …", "… has no GetMemberMessagesResponse …",
    /// "… has no Ack".
    static std::optional<EbayTradingResponse> parse(const QByteArray &xml, const QString &callName, QString *problem);

    QString callName() const { return m_callName; }
    Ack ack() const { return m_ack; }
    /// The Ack as eBay wrote it ("Success"; an unknown value counts as Failure).
    QString ackText() const { return m_ackText; }
    /// Ack Success or Warning: the call did what was asked.
    bool succeeded() const { return m_ack == Ack::Success || m_ack == Ack::Warning; }
    /// The entries with severity Error (or none given), in order.
    QList<EbayTradingError> errors() const;
    /// The entries with severity Warning, in order.
    QList<EbayTradingError> warnings() const;
    QList<EbayTradingError> allErrors() const { return m_errors; }
    /// Timestamp (UTC), invalid when eBay sent none.
    QDateTime timestamp() const { return m_timestamp; }
    QString build() const { return m_root.textAt(QStringLiteral("Build")).trimmed(); }
    QString version() const { return m_root.textAt(QStringLiteral("Version")).trimmed(); }
    QString correlationId() const { return m_root.textAt(QStringLiteral("CorrelationID")).trimmed(); }
    /// eBay says the application's call limit is used up: ErrorCode 518, or its "usage limit" wording (eBay has
    /// sent that with other codes, e.g. 37).
    bool isUsageLimit() const;
    /// eBay refused the OAuth (IAF) access token: ErrorCodes 931 (invalid), 932 (hard expired), 16110, 21916013,
    /// 21917053 (token invalid or expired).
    bool isTokenRefused() const;
    /// For people: "eBay refused GetMemberMessages: <LongMessage> (error 37)"; the first error's text (long, else
    /// short, else its classification); every further error as "; …". Empty when there is no error.
    QString errorSummary() const;
    /// Why this is not a usable answer to `callName` (an answer to another call, or Ack Failure with eBay's words),
    /// for people; an empty string when it is one.
    QString problemAsAnswerTo(const QString &callName) const;
    /// The `<{CallName}Response>` element.
    const commerce::XmlElement &root() const { return m_root; }

    /// Seconds since the epoch (UTC) of an xs:dateTime ("2006-07-17T01:41:13.000Z"), or 0 when unreadable.
    static qint64 epochSeconds(const QString &dateTime);
    /// An xs:boolean ("true"/"1").
    static bool flag(const QString &value);

private:
    EbayTradingResponse() = default;

    QString m_callName;
    commerce::XmlElement m_root;
    Ack m_ack = Ack::Failure;
    QString m_ackText;
    QList<EbayTradingError> m_errors;
    QDateTime m_timestamp;
};

} // namespace waybill::channels::marketplace
