// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyMailBuilder.h"

#include "channels/email/MimeComposer.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/SqlQuery.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace waybill::engine {

using channels::email::OutgoingMail;

ReplyMailBuilder::ReplyMailBuilder(const storage::Database &database)
    : m_database(database)
{
}

std::optional<ReplyMailBuilder::Built> ReplyMailBuilder::build(
    qint64 messageId, const domain::EmailAccount &account, const QString &emailMessageId, QString *error) const
{
    auto fail = [&](const char *message) {
        if (error) {
            *error = QCoreApplication::translate("ReplyMailBuilder", message);
        }
        return std::nullopt;
    };
    const auto reply = storage::MessageRepository(m_database).find(messageId);
    if (!reply) {
        return fail("The reply no longer exists.");
    }
    const auto conversation = storage::ConversationRepository(m_database).find(reply->conversationId);
    if (!conversation) {
        return fail("The conversation no longer exists.");
    }
    // The customer's address: the one their last message came from (a relay address for marketplaces).
    QString to;
    if (const auto customer = storage::CustomerRepository(m_database).find(conversation->customerId)) {
        for (const domain::Identity &identity : customer->identities) {
            if (identity.kind == QLatin1String("email")) {
                to = identity.value;
            }
        }
    }
    if (to.isEmpty()) {
        return fail("The customer has no e-mail address to reply to.");
    }
    const QList<domain::Message> messages
        = storage::MessageRepository(m_database).forConversation(reply->conversationId);
    const domain::Message *parent = nullptr;
    QStringList references;
    for (const domain::Message &m : messages) {
        if (m.createdAt > reply->createdAt || m.id == reply->id) {
            continue;
        }
        if (!m.emailMessageId.isEmpty()) {
            references << m.emailMessageId;
        }
        if (m.direction == domain::Message::Direction::Inbound) {
            parent = &m;
        }
    }
    Built built;
    built.conversationId = reply->conversationId;
    OutgoingMail &mail = built.mail;
    mail.from = { account.address, account.displayName.isEmpty() ? account.name : account.displayName };
    mail.to = { { to, conversation->customerName } };
    static const QRegularExpression replyPrefix(
        QStringLiteral("^\\s*re\\s*:"), QRegularExpression::CaseInsensitiveOption);
    const QString subject = conversation->subject.isEmpty()
        ? QCoreApplication::translate("ReplyMailBuilder", "Your message")
        : conversation->subject;
    mail.subject = replyPrefix.match(subject).hasMatch() ? subject : QStringLiteral("Re: ") + subject;
    mail.messageId = emailMessageId;
    if (parent && !parent->emailMessageId.isEmpty()) {
        mail.inReplyTo = parent->emailMessageId;
        references.removeAll(parent->emailMessageId);
        mail.references = channels::email::MimeComposer::replyReferences(parent->emailMessageId, references);
    }
    mail.date = reply->createdAt;
    mail.bodyText = reply->bodyText;
    mail.signature = account.signature;
    if (parent) {
        mail.quote = { parent->author, parent->createdAt, parent->bodyText, {} };
    }
    // Marketplaces show plain text only.
    mail.plainTextOnly
        = conversation->channel == domain::Channel::Amazon || conversation->channel == domain::Channel::Ebay;
    return built;
}

} // namespace waybill::engine
