// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsMediaFetcher.h"

#include "commerce/HttpJsonClient.h"
#include "storage/AttachmentStore.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace waybill::engine {

namespace {

constexpr int MaxRedirects = 3;
constexpr int TimeoutMs = 60 * 1000;

QString extensionFor(const QString &contentType)
{
    static const std::pair<const char *, const char *> known[] = { { "image/jpeg", "jpg" }, { "image/png", "png" },
        { "image/gif", "gif" }, { "image/webp", "webp" }, { "video/mp4", "mp4" }, { "video/3gpp", "3gp" },
        { "audio/amr", "amr" }, { "audio/mpeg", "mp3" }, { "application/pdf", "pdf" }, { "text/vcard", "vcf" },
        { "text/x-vcard", "vcf" }, { "text/plain", "txt" } };
    for (const auto &[type, extension] : known) {
        if (contentType == QLatin1String(type)) {
            return QString::fromLatin1(extension);
        }
    }
    return QStringLiteral("bin");
}

} // namespace

SmsMediaFetcher::SmsMediaFetcher(const storage::Database &database, const storage::AttachmentStore &attachments,
    QNetworkAccessManager &network, domain::TwilioAccount account, const QString &authToken, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_attachments(attachments)
    , m_network(network)
    , m_account(std::move(account))
{
    const QByteArray credentials = m_account.accountSid.toUtf8() + ':' + authToken.toUtf8();
    m_authorization = "Basic " + credentials.toBase64();
    connect(&m_poll, &QTimer::timeout, this, &SmsMediaFetcher::fetchNext);
}

SmsMediaFetcher::~SmsMediaFetcher()
{
    stop();
}

void SmsMediaFetcher::start(int pollMs)
{
    m_running = true;
    m_poll.start(pollMs);
    poke();
}

void SmsMediaFetcher::stop()
{
    m_running = false;
    m_poll.stop();
    if (m_reply) {
        m_reply->abort();
    }
    m_current.reset();
}

void SmsMediaFetcher::poke()
{
    QTimer::singleShot(0, this, &SmsMediaFetcher::fetchNext);
}

bool SmsMediaFetcher::isIdle() const
{
    if (m_current) {
        return false;
    }
    try {
        storage::SqlQuery q(
            m_database, QStringLiteral("SELECT 1 FROM sms_media WHERE account = ? AND state = 'pending' LIMIT 1"));
        q.bind(m_account.id).exec();
        return !q.next();
    } catch (const storage::StorageError &) {
        return true;
    }
}

void SmsMediaFetcher::fetchNext()
{
    if (!m_running || m_current) {
        return;
    }
    QUrl url;
    try {
        storage::SqlQuery q(m_database,
            QStringLiteral("SELECT id, message_id, url, content_type, attempts FROM sms_media WHERE account = ? AND "
                           "state = 'pending' ORDER BY id LIMIT 1"));
        q.bind(m_account.id).exec();
        if (!q.next()) {
            return;
        }
        m_current = Current { q.int64(0), q.int64(1), q.text(3), int(q.int64(4)) };
        url = QUrl(q.text(2));
    } catch (const storage::StorageError &error) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    if (const QString problem = commerce::HttpJsonClient::urlProblem(url); !problem.isEmpty()) {
        markFailed(QStringLiteral("the MMS media address %1 %2").arg(url.toString(), problem));
        return;
    }
    request(url, 0);
}

void SmsMediaFetcher::request(const QUrl &url, int redirects)
{
    QNetworkRequest request(url);
    // Only to the account's own API host: a CDN the media redirects to gets no credentials.
    if (url.host() == m_account.apiBase().host() && url.port() == m_account.apiBase().port()) {
        request.setRawHeader("Authorization", m_authorization);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > MaxBytes) {
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, redirects] { onFinished(reply, redirects); });
}

void SmsMediaFetcher::onFinished(QNetworkReply *reply, int redirects)
{
    reply->deleteLater();
    if (reply != m_reply || !m_current) {
        return;
    }
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        const QUrl target = reply->url().resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
        if (redirects >= MaxRedirects || !target.isValid() || !commerce::HttpJsonClient::urlProblem(target).isEmpty()) {
            markFailed(QStringLiteral("Twilio's media redirected to %1").arg(target.toString()));
            return;
        }
        request(target, redirects + 1);
        return;
    }
    if (status >= 400 && status < 500) {
        markFailed(QStringLiteral("Twilio answered %1 for the MMS media %2").arg(status).arg(reply->url().toString()));
        return;
    }
    if (status == 0 || status >= 500 || reply->error() != QNetworkReply::NoError) {
        retryLater(reply->error() == QNetworkReply::OperationCanceledError
                ? QStringLiteral("the MMS media is larger than %1 MB or did not arrive in time").arg(MaxBytes >> 20)
                : reply->errorString());
        return;
    }
    if (m_current->contentType == QLatin1String(MediaListType)) {
        storeList(reply->readAll());
        return;
    }
    QString contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().section(u';', 0, 0).trimmed();
    store(reply->readAll(), m_current->contentType.isEmpty() ? contentType.toLower() : m_current->contentType);
}

void SmsMediaFetcher::storeList(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue list = document.object().value(QStringLiteral("media_list"));
    if (parseError.error != QJsonParseError::NoError || !list.isArray()) {
        markFailed(QStringLiteral("Twilio's media list of an MMS could not be read (%1)")
                       .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                         : QStringLiteral("no \"media_list\"")));
        return;
    }
    const Current current = *m_current;
    const QUrl api = m_account.apiBase();
    try {
        storage::TransactionGuard transaction(m_database);
        const auto record = [&](const QString &url, const QString &contentType) {
            storage::SqlQuery q(m_database,
                QStringLiteral("INSERT INTO sms_media (message_id, account, url, content_type) VALUES (?, ?, ?, ?)"));
            q.bind(current.messageId).bind(m_account.id).bind(url).bind(contentType).exec();
        };
        for (const QJsonValue &value : list.toArray()) {
            QString uri = value.toObject().value(QStringLiteral("uri")).toString();
            if (!uri.startsWith(u'/') || uri.startsWith(QLatin1String("//"))) {
                continue; // only Twilio's own paths, asked with the account's credentials
            }
            if (uri.endsWith(QLatin1String(".json"))) {
                uri.chop(5); // the resource without .json is the file itself
            }
            record(
                api.resolved(QUrl(uri)).toString(), value.toObject().value(QStringLiteral("content_type")).toString());
        }
        const QString next = document.object().value(QStringLiteral("next_page_uri")).toString();
        if (next.startsWith(u'/') && !next.startsWith(QLatin1String("//"))) {
            record(api.resolved(QUrl(next)).toString(), QString::fromLatin1(MediaListType));
        }
        storage::SqlQuery done(
            m_database, QStringLiteral("UPDATE sms_media SET state = 'done', error = '' WHERE id = ?"));
        done.bind(current.id).exec();
        transaction.commit();
    } catch (const storage::StorageError &error) {
        m_current.reset();
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    m_current.reset();
    poke();
}

void SmsMediaFetcher::store(const QByteArray &bytes, const QString &contentType)
{
    const Current current = *m_current;
    try {
        const QString sha256 = m_attachments.put(bytes);
        storage::TransactionGuard transaction(m_database);
        storage::SqlQuery a(m_database,
            QStringLiteral("INSERT INTO attachments (message_id, filename, mime_type, size_bytes, sha256) VALUES (?, "
                           "?, ?, ?, ?)"));
        a.bind(current.messageId)
            .bind(QStringLiteral("mms-%1.%2").arg(current.id).arg(extensionFor(contentType)))
            .bind(contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType)
            .bind(qint64(bytes.size()))
            .bind(sha256)
            .exec();
        storage::SqlQuery done(
            m_database, QStringLiteral("UPDATE sms_media SET state = 'done', error = '' WHERE id = ?"));
        done.bind(current.id).exec();
        storage::SqlQuery conversation(m_database, QStringLiteral("SELECT conversation_id FROM messages WHERE id = ?"));
        conversation.bind(current.messageId).exec();
        const qint64 conversationId = conversation.next() ? conversation.int64(0) : 0;
        transaction.commit();
        m_current.reset();
        if (conversationId != 0) {
            Q_EMIT conversationsChanged({ conversationId });
        }
    } catch (const storage::StorageError &error) {
        m_current.reset();
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    poke();
}

void SmsMediaFetcher::markFailed(const QString &reason)
{
    const qint64 id = m_current->id;
    m_current.reset();
    try {
        storage::SqlQuery q(
            m_database, QStringLiteral("UPDATE sms_media SET state = 'failed', error = ? WHERE id = ?"));
        q.bind(reason).bind(id).exec();
    } catch (const storage::StorageError &error) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    Q_EMIT problem(m_account.name + QStringLiteral(": ") + reason);
    poke();
}

void SmsMediaFetcher::retryLater(const QString &reason)
{
    const Current current = *m_current;
    if (current.attempts + 1 >= MaxAttempts) {
        markFailed(reason);
        return;
    }
    m_current.reset();
    try {
        storage::SqlQuery q(
            m_database, QStringLiteral("UPDATE sms_media SET attempts = attempts + 1, error = ? WHERE id = ?"));
        q.bind(reason).bind(current.id).exec();
    } catch (const storage::StorageError &error) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    Q_EMIT problem(m_account.name + QStringLiteral(": ") + reason); // tried again at the next look
}

} // namespace waybill::engine
