// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace waybill::channels::marketplace {

/// The XML bodies of the Trading API calls Waybill makes: UTF-8, `<?xml version="1.0" encoding="utf-8"?>`, the
/// `urn:ebay:apis:eBLBaseComponents` namespace, ErrorLanguage en_US and WarningLevel High, every text escaped
/// (characters XML 1.0 cannot carry are dropped). The access token travels in the X-EBAY-API-IAF-TOKEN header, never
/// in the body. The builders do not judge a message body: callers check bodyProblem() first. Pure functions; any
/// thread.
class EbayTradingRequest final {
public:
    /// eBay refuses member message bodies longer than this (in characters).
    static constexpr int MaxBodyLength = 2000;
    /// GetMyMessages with ReturnMessages takes at most this many MessageIDs.
    static constexpr int MaxMessageIds = 10;

    /// GetMemberMessages: every message type (MailMessageType All) created in [startCreation, endCreation] (sent in
    /// UTC), one page. eBay accepts 25, 50, 100 or 200 entries per page: other values go up to the next of these
    /// (at most 200); a page number below 1 is 1.
    static QByteArray getMemberMessages(
        const QDateTime &startCreation, const QDateTime &endCreation, int pageNumber, int entriesPerPage = 200);
    /// GetMyMessages with DetailLevel ReturnHeaders: the headers of the messages received in [startTime, endTime].
    static QByteArray getMyMessagesHeaders(const QDateTime &startTime, const QDateTime &endTime);
    /// The same as getMyMessagesHeaders().
    static QByteArray getMyMessages(const QDateTime &startTime, const QDateTime &endTime);
    /// GetMyMessages with DetailLevel ReturnMessages: the full messages with these ids (the first MaxMessageIds;
    /// empty ids are left out).
    static QByteArray getMyMessages(const QStringList &messageIds);
    /// AddMemberMessageRTQ: the seller's answer to a buyer's question about an item (MemberMessage with Body,
    /// DisplayToPublic false, ParentMessageID and RecipientID).
    static QByteArray addMemberMessageRtq(
        const QString &itemId, const QString &parentMessageId, const QString &recipientId, const QString &body);
    /// AddMemberMessageAAQToPartner: a message to the other party of an order (QuestionType General).
    static QByteArray addMemberMessageAaqToPartner(
        const QString &itemId, const QString &recipientId, const QString &subject, const QString &body);
    /// GeteBayOfficialTime: eBay's clock (and a cheap check that the token works).
    static QByteArray geteBayOfficialTime();

    /// Why eBay would refuse `body` as a member message (empty, or longer than MaxBodyLength characters), as a
    /// sentence for people; empty when it may be sent.
    static QString bodyProblem(const QString &body);
    /// `text` escaped for XML character data and attribute values.
    static QString escape(const QString &text);
    /// An xs:dateTime in UTC with milliseconds ("2026-12-05T04:00:00.000Z").
    static QString dateTime(const QDateTime &at);
};

} // namespace waybill::channels::marketplace
