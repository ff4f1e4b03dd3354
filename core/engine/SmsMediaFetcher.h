// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/TwilioAccount.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace waybill::storage {
class AttachmentStore;
class Database;
} // namespace waybill::storage

namespace waybill::engine {

/// Downloads the pictures and files of one Twilio account's incoming MMS (the sms_media rows SmsGateway records)
/// into the AttachmentStore and makes them attachments of their message, one at a time. Requests to Twilio carry
/// Basic auth; a redirect to another host (Twilio's media CDN) is followed without it. A 4xx marks the media
/// failed with the reason; network trouble and 5xx leave it pending for the next look (at most MaxAttempts).
/// Rows survive a restart, so a stop between storing an MMS and fetching its media loses nothing. Lives on the
/// engine thread; stop() (or destroying it) ends the work.
class SmsMediaFetcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmsMediaFetcher)

public:
    SmsMediaFetcher(const storage::Database &database, const storage::AttachmentStore &attachments,
        QNetworkAccessManager &network, domain::TwilioAccount account, const QString &authToken,
        QObject *parent = nullptr);
    ~SmsMediaFetcher() override;

    void start(int pollMs = 5000);
    void stop();
    /// Looks for pending media now (an MMS just arrived).
    void poke();
    /// Nothing is being downloaded and nothing is pending.
    bool isIdle() const;

    static constexpr int MaxAttempts = 5;
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024; ///< Twilio accepts 5 MB per MMS
    /// The content type of an sms_media row whose url is a polled MMS's media list (Twilio's Media.json) rather
    /// than one picture: fetching it records a row per media it names, then marks itself done.
    static constexpr char MediaListType[] = "application/vnd.waybill.twilio-media-list";

Q_SIGNALS:
    /// Messages that got an attachment.
    void conversationsChanged(const QList<qint64> &conversationIds);
    void problem(const QString &message);

private:
    struct Current {
        qint64 id = 0;
        qint64 messageId = 0;
        QString contentType;
        int attempts = 0;
    };

    void fetchNext();
    void request(const QUrl &url, int redirects);
    void onFinished(QNetworkReply *reply, int redirects);
    void store(const QByteArray &bytes, const QString &contentType);
    /// Records the media a Media.json answer lists as pending rows of the same message (and its next page, if any).
    void storeList(const QByteArray &json);
    void markFailed(const QString &reason);
    void retryLater(const QString &reason);

    const storage::Database &m_database;
    const storage::AttachmentStore &m_attachments;
    QNetworkAccessManager &m_network;
    domain::TwilioAccount m_account;
    QByteArray m_authorization;
    std::optional<Current> m_current;
    QPointer<QNetworkReply> m_reply;
    QTimer m_poll;
    bool m_running = false;
};

} // namespace waybill::engine
