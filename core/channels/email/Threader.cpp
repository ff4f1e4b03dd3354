// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Threader.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace waybill::channels::email {

using storage::SqlQuery;

namespace {

/// References beyond this many (newest first) are not looked up: a thread that long is found by its newest ones.
constexpr qsizetype MaxReferences = 30;

QString tr(const char *text)
{
    return QCoreApplication::translate("Threader", text);
}

/// Runs a bound, cached lookup and returns the first column of its first row (0 when there is none).
qint64 firstId(SqlQuery &q)
{
    q.exec();
    const qint64 id = q.next() ? q.int64(0) : 0;
    q.finish();
    return id;
}

} // namespace

Threader::Threader(const storage::Database &database, qint64 subjectWindowSeconds)
    : m_database(database)
    , m_subjectWindow(subjectWindowSeconds)
{
}

QString Threader::normalizeSubject(const QString &subject)
{
    // Reply/forward prefixes: English, German, Nordic, Dutch, French, Spanish, Italian, Portuguese, Polish,
    // Japanese and Chinese mail clients; optionally numbered ("Re[2]:", "RE(3)"), repeated, with list tags.
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*(?:\\[[^\\]]{1,40}\\]\\s*)?(?:re|fw|fwd|aw|wg|sv|vs|antw|doorst|tr|rv|rif|enc|odp|pd|"
                       "返信|転送|回复|回覆|答复|转发|轉寄)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression listTag(QStringLiteral("^\\s*\\[[^\\]]{1,40}\\]\\s*"));
    QString s = subject;
    for (int guard = 0; guard < 20; ++guard) {
        const QString before = s;
        s.remove(prefix);
        s.remove(listTag);
        if (s == before) {
            break;
        }
    }
    return s.simplified().toLower();
}

QString Threader::threadIndexRoot(const QString &threadIndex)
{
    const QByteArray bytes = QByteArray::fromBase64(threadIndex.trimmed().toLatin1());
    if (bytes.size() < 22) {
        return {};
    }
    return QString::fromLatin1(bytes.left(22).toBase64());
}

QHash<QString, qint64> Threader::conversationsOfMessageIds(const QStringList &messageIds) const
{
    // The newest conversation wins when a split left an id in two.
    SqlQuery &q = m_database.prepared(
        QStringLiteral("SELECT message_id, max(conversation_id) FROM message_ids WHERE message_id IN ")
        + SqlQuery::listParameter() + QStringLiteral(" GROUP BY message_id"));
    q.bindList(messageIds).exec();
    QHash<QString, qint64> found;
    while (q.next()) {
        found.insert(q.text(0), q.int64(1));
    }
    q.finish();
    return found;
}

Threader::Match Threader::find(
    const domain::IncomingMessage &message, qint64 customerId, qint64 orderId, qint64 now) const
{
    return find(message, normalizeSubject(message.subject), customerId, orderId, now);
}

Threader::Match Threader::find(const domain::IncomingMessage &message, const QString &threadSubject, qint64 customerId,
    qint64 orderId, qint64 now, bool newCustomer) const
{
    // In-Reply-To, then References newest first: every id in one lookup.
    QStringList ids;
    if (!message.inReplyTo.isEmpty()) {
        ids.append(message.inReplyTo);
    }
    for (auto it = message.references.crbegin(); it != message.references.crend() && ids.size() < MaxReferences; ++it) {
        if (!it->isEmpty() && !ids.contains(*it)) {
            ids.append(*it);
        }
    }
    if (!ids.isEmpty()) {
        const QHash<QString, qint64> known = conversationsOfMessageIds(ids);
        if (const qint64 id = known.value(message.inReplyTo)) {
            return { id, tr("threaded by In-Reply-To") };
        }
        for (const QString &reference : std::as_const(ids)) {
            if (const qint64 id = known.value(reference)) {
                return { id, tr("threaded by References") };
            }
        }
    }
    if (const QString root = threadIndexRoot(message.threadIndex); !root.isEmpty()) {
        SqlQuery &q
            = m_database.prepared(QStringLiteral("SELECT conversation_id FROM thread_indexes WHERE thread_root = ?"));
        if (const qint64 id = firstId(q.bind(root))) {
            return { id, tr("threaded by Thread-Index") };
        }
    }
    if (customerId == 0 || newCustomer) {
        return {}; // a customer met just now has no conversations to continue
    }
    if (const QString &subject = threadSubject; !subject.isEmpty()) {
        SqlQuery &q = m_database.prepared(
            QStringLiteral("SELECT id FROM conversations WHERE customer_id = ? AND thread_subject = ? "
                           "AND last_activity >= ? ORDER BY last_activity DESC LIMIT 1"));
        if (const qint64 id = firstId(q.bind(customerId).bind(subject).bind(now - m_subjectWindow))) {
            return { id, tr("threaded by subject and customer") };
        }
    }
    if (orderId != 0) {
        SqlQuery &q
            = m_database.prepared(QStringLiteral("SELECT id FROM conversations WHERE customer_id = ? AND order_id = ? "
                                                 "AND status <> 'closed' ORDER BY last_activity DESC LIMIT 1"));
        if (const qint64 id = firstId(q.bind(customerId).bind(orderId))) {
            return { id, tr("threaded by order number") };
        }
    }
    return {};
}

void Threader::remember(const domain::IncomingMessage &message, qint64 conversationId, qint64 messageRow) const
{
    if (!message.messageId.isEmpty()) {
        rememberSent(message.messageId, conversationId, messageRow);
    }
    if (const QString root = threadIndexRoot(message.threadIndex); !root.isEmpty()) {
        SqlQuery &q = m_database.prepared(QStringLiteral(
            "INSERT INTO thread_indexes (thread_root, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
        q.bind(root).bind(conversationId).exec();
    }
}

void Threader::rememberSent(const QString &messageId, qint64 conversationId, qint64 messageRow) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO message_ids (message_id, conversation_id, message_row) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bind(messageId).bind(conversationId).bindOptional(messageRow).exec();
}

} // namespace waybill::channels::email
