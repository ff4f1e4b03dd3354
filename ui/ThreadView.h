// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SafeTextBrowser.h"
#include "domain/Message.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace waybill::models {
class TimelineModel;
struct TimelineEntry;
} // namespace waybill::models

namespace waybill::ui {

/// Shows a conversation's timeline (models::TimelineModel): inbound and outbound messages as cards, internal notes
/// in yellow, and the order's events (placed, shipped, tracking scans, return and claim steps, audit entries) as
/// compact lines between them. Inbound e-mail shows how it was threaded; automatic replies are marked. Outbound
/// messages show their delivery state: Queued, Sent, or Failed with the error.
///
/// HTML bodies pass through text::HtmlSanitizer (no scripts, visible link targets). Remote images are blocked;
/// a message that had some offers "Load images (N)", which re-renders that message alone with its remote
/// images, fetched asynchronously over http(s) only (nothing else is ever loaded from the network). Attachments
/// are listed with a "Save…" link (saveAttachmentRequested()); program files carry a warning. The context menu
/// of a message offers "Split into new conversation" (splitRequested()).
/// Re-renders whenever the model resets or changes; it does not own the model. Image permissions last until
/// another conversation is shown.
class ThreadView final : public SafeTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadView)

public:
    explicit ThreadView(QWidget *parent = nullptr);

    void setModel(models::TimelineModel *model);
    /// Shows a line of text instead of a thread ("Select a conversation").
    void showPlaceholder(const QString &text);
    /// Re-renders message `messageId` with its remote images (what its "Load images" link does).
    void loadImages(qint64 messageId);
    /// The message under `position` (viewport coordinates), or 0.
    qint64 messageAt(const QPoint &position) const;

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void splitRequested(qint64 messageId);
    void saveAttachmentRequested(const waybill::domain::Attachment &attachment);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void render();
    void onModelReset();
    void onLinkActivated(const QUrl &url);
    void fetchImage(const QUrl &url);
    QString messageHtml(const models::TimelineEntry &entry);
    static QString eventHtml(const models::TimelineEntry &entry);

    QPointer<models::TimelineModel> m_model;
    QSet<qint64> m_imagesAllowed; ///< messages whose remote images the agent asked for
    QSet<QUrl> m_allowedImages; ///< remote image URLs of those messages
    QHash<QUrl, QByteArray> m_images; ///< fetched (empty while in flight or after a failure)
    QNetworkAccessManager *m_network = nullptr; ///< created on the first "Load images"
};

} // namespace waybill::ui
