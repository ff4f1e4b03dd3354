// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/sms/SmsKeyword.h"
#include "channels/sms/TwilioInboundSms.h"
#include "channels/sms/TwilioSignature.h"
#include "domain/TwilioAccount.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class Ingest;

/// Where Twilio's SMS meet the workspace: knows the Twilio accounts (with their auth tokens, read from the keychain
/// by the engine), checks request signatures, stores incoming SMS through the ingest pipeline together with what
/// their carrier keywords mean, in the same transaction: STOP records an opt-out and withdraws the customer's SMS
/// consent, START removes the opt-out and records consent (both audited on the conversation), HELP queues the
/// account's help reply when it has one (TwilioAccount::helpReply); and moves our
/// replies along queued → sent → delivered or failed as status reports arrive. Used on the engine's thread with
/// its write connection; the methods that write throw storage::StorageError when the database refuses.
class SmsGateway final {
public:
    struct Received {
        qint64 conversationId = 0;
        qint64 messageId = 0;
        bool duplicate = false; ///< Twilio sent this MessageSid before (a webhook retried, a poll overlapping)
        channels::sms::SmsKeyword keyword = channels::sms::SmsKeyword::None;
        bool replyQueued = false; ///< an automatic reply (HELP) waits in the outbox: poke the account's sender
    };

    SmsGateway(const storage::Database &database, Ingest &ingest, std::function<qint64()> now);

    void addAccount(const domain::TwilioAccount &account, const QByteArray &authToken);
    void clear();
    QList<domain::TwilioAccount> accounts() const;
    /// The account that receives for Twilio account `accountSid` at number `to` (E.164): the one with that number,
    /// else the only one of that Twilio account; std::nullopt when none.
    std::optional<domain::TwilioAccount> accountFor(const QString &accountSid, const QString &to) const;
    /// Whether `signature` is Twilio's signature of this request for the account's auth token.
    bool verify(const QString &accountId, const QString &url, const channels::sms::TwilioSignature::Params &params,
        const QByteArray &signature) const;
    /// Stores the SMS (deduplicated on its MessageSid) and applies its keyword; an MMS's media are recorded for the
    /// account's SmsMediaFetcher.
    Received receive(const channels::sms::TwilioInboundSms &sms, const QString &accountId);
    /// Applies a status report to our message with this MessageSid; returns its conversation, 0 when the message
    /// is not one of ours. Never moves a reply backwards (a late "sent" after "delivered" changes nothing).
    qint64 applyStatus(const channels::sms::TwilioStatusUpdate &update, const QString &accountId);
    /// The message id Twilio gave one of our replies is kept as its external id, "<account>|<MessageSid>".
    static QString externalIdFor(const QString &accountId, const QString &messageSid);

private:
    /// Records the customer's SMS consent as their keyword said, with an audit entry on the conversation.
    void recordConsent(qint64 conversationId, bool consent, const QString &keyword, const QString &fromNumber);
    /// Queues `text` as an automatic SMS reply on the conversation from `accountId`.
    void queueReply(qint64 conversationId, const QString &accountId, const QString &author, const QString &text);

    struct Entry {
        domain::TwilioAccount account;
        QByteArray authToken;
    };

    const storage::Database &m_database;
    Ingest &m_ingest;
    std::function<qint64()> m_now;
    QList<Entry> m_accounts;
};

} // namespace waybill::engine
