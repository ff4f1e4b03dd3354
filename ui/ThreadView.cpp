// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThreadView.h"

#include "AttachmentSaver.h"
#include "models/Formatting.h"
#include "models/TimelineModel.h"
#include "text/HtmlSanitizer.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

namespace waybill::ui {

using models::TimelineEntry;
using Kind = models::TimelineEntry::Kind;

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString badge(const QString &text, const QString &foreground, const QString &background)
{
    return QStringLiteral("<span style=\"color:%2; background-color:%3; font-size:small; font-weight:600\">"
                          "&nbsp;%1&nbsp;</span>")
        .arg(escaped(text), foreground, background);
}

constexpr qint64 MaxImageBytes = 5 * 1024 * 1024;
const QString MessageAnchor = QStringLiteral("message-");
const QString EventAnchor = QStringLiteral("event");

} // namespace

ThreadView::ThreadView(QWidget *parent)
    : SafeTextBrowser(parent)
{
    setObjectName(QStringLiteral("threadView"));
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(14);
    connect(this, &SafeTextBrowser::linkActivated, this, &ThreadView::onLinkActivated);
}

void ThreadView::setModel(models::TimelineModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &ThreadView::onModelReset);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ThreadView::render);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ThreadView::render);
    }
    render();
}

void ThreadView::showPlaceholder(const QString &text)
{
    setHtml(QStringLiteral("<p align=\"center\" style=\"color:#8a919c; margin-top:80px\">%1</p>").arg(escaped(text)));
}

void ThreadView::onModelReset()
{
    // Image permissions belong to the conversation shown; a reload of the same one keeps them.
    bool sameConversation = false;
    if (m_model) {
        for (const TimelineEntry &entry : m_model->entries()) {
            sameConversation = sameConversation || m_imagesAllowed.contains(entry.messageId);
        }
    }
    if (!sameConversation) {
        m_imagesAllowed.clear();
        m_allowedImages.clear();
    }
    render();
}

void ThreadView::loadImages(qint64 messageId)
{
    m_imagesAllowed.insert(messageId);
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void ThreadView::onLinkActivated(const QUrl &url)
{
    if (url.scheme() != QLatin1String("waybill") || !m_model) {
        return;
    }
    const QStringList parts = url.path().split(u'/');
    const qint64 messageId = parts.value(1).toLongLong();
    if (parts.value(0) == QLatin1String("load-images")) {
        loadImages(messageId);
        return;
    }
    if (parts.value(0) == QLatin1String("attachment")) {
        const int index = parts.value(2).toInt();
        for (const TimelineEntry &entry : m_model->entries()) {
            if (entry.messageId == messageId && index >= 0 && index < entry.attachments.size()) {
                Q_EMIT saveAttachmentRequested(entry.attachments.at(index));
            }
        }
    }
}

QVariant ThreadView::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource && m_allowedImages.contains(name)) {
        const auto found = m_images.constFind(name);
        if (found == m_images.constEnd()) {
            fetchImage(name);
            return {};
        }
        return found->isEmpty() ? QVariant() : QVariant(*found);
    }
    return SafeTextBrowser::loadResource(type, name);
}

void ThreadView::fetchImage(const QUrl &url)
{
    m_images.insert(url, {});
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(20'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxImageBytes) {
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            return;
        }
        m_images.insert(url, reply->readAll());
        document()->addResource(QTextDocument::ImageResource, url, m_images.value(url));
        const int scroll = verticalScrollBar()->value();
        render();
        verticalScrollBar()->setValue(scroll);
    });
}

qint64 ThreadView::messageAt(const QPoint &position) const
{
    const QTextCursor cursor = cursorForPosition(position);
    // Walk back to the nearest anchor: every message card starts with one, and so does every event line.
    for (QTextBlock block = cursor.block(); block.isValid(); block = block.previous()) {
        QString found;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (block == cursor.block() && fragment.position() > cursor.position()) {
                break;
            }
            for (const QString &name : fragment.charFormat().anchorNames()) {
                if (name.startsWith(MessageAnchor) || name == EventAnchor) {
                    found = name;
                }
            }
        }
        if (!found.isEmpty()) {
            return found.startsWith(MessageAnchor) ? found.mid(MessageAnchor.size()).toLongLong() : 0;
        }
    }
    return 0;
}

void ThreadView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    menu->setObjectName(QStringLiteral("threadContextMenu"));
    const qint64 messageId = messageAt(event->pos());
    if (messageId != 0) {
        menu->addSeparator();
        QAction *split = menu->addAction(tr("Split into new conversation"));
        split->setObjectName(QStringLiteral("splitMessageAction"));
        connect(split, &QAction::triggered, this, [this, messageId] { Q_EMIT splitRequested(messageId); });
    }
    menu->exec(event->globalPos());
    delete menu;
}

QString ThreadView::messageHtml(const TimelineEntry &entry)
{
    QString background = QStringLiteral("#ffffff");
    QString border = QStringLiteral("#e3e6ea");
    QString label;
    switch (entry.kind) {
    case Kind::OutboundMessage:
        background = QStringLiteral("#f0f6ff");
        border = QStringLiteral("#cfe0fb");
        label = tr("Reply");
        break;
    case Kind::Note:
        background = QStringLiteral("#fff8d6");
        border = QStringLiteral("#f3e2a0");
        label = tr("Internal note");
        break;
    default:
        break;
    }

    QString status;
    if (entry.kind == Kind::OutboundMessage) {
        const QString delivery = models::TimelineModel::deliveryLabel(entry);
        switch (entry.delivery) {
        case domain::Message::Delivery::Queued:
            status = badge(delivery, QStringLiteral("#92400e"), QStringLiteral("#fef3c7"));
            break;
        case domain::Message::Delivery::Sent:
        case domain::Message::Delivery::Delivered:
            status = badge(delivery, QStringLiteral("#166534"), QStringLiteral("#dcfce7"));
            break;
        case domain::Message::Delivery::Failed:
            status = badge(delivery, QStringLiteral("#991b1b"), QStringLiteral("#fee2e2"));
            break;
        case domain::Message::Delivery::Received:
            break;
        }
    } else if (entry.kind == Kind::Note) {
        status = badge(label, QStringLiteral("#854d0e"), QStringLiteral("#fde68a"));
    }
    if (entry.isAutoReply) {
        status
            += QStringLiteral("&nbsp;") + badge(tr("Auto-reply"), QStringLiteral("#4b5563"), QStringLiteral("#e5e7eb"));
    }

    QString body;
    QString imagesLink;
    if (entry.html.isEmpty()) {
        body = text::HtmlSanitizer::fromPlainText(entry.text);
    } else {
        const bool allowed = m_imagesAllowed.contains(entry.messageId);
        const text::HtmlSanitizer::Result sanitized = text::HtmlSanitizer::sanitize(entry.html, allowed);
        body = sanitized.html;
        if (allowed) {
            static const QRegularExpression remoteImage(
                QStringLiteral("<img[^>]*\\ssrc=\"(https?://[^\"]+)\""), QRegularExpression::CaseInsensitiveOption);
            for (auto it = remoteImage.globalMatch(body); it.hasNext();) {
                m_allowedImages.insert(QUrl(it.next().captured(1).replace(QLatin1String("&amp;"), QLatin1String("&"))));
            }
        } else if (sanitized.blockedImages > 0) {
            imagesLink = QStringLiteral("<div style=\"margin-top:6px; font-size:small\">"
                                        "<span style=\"color:#8a919c\">%1</span> "
                                        "<a href=\"waybill:load-images/%2\">%3</a></div>")
                             .arg(escaped(tr("Remote images were blocked.")), QString::number(entry.messageId),
                                 escaped(tr("Load images (%1)").arg(sanitized.blockedImages)));
        }
    }
    QString attachments;
    for (int i = 0; i < entry.attachments.size(); ++i) {
        const domain::Attachment &attachment = entry.attachments.at(i);
        const QString warning = AttachmentSaver::isExecutable(attachment.filename) ? QStringLiteral(" ")
                + badge(
                    tr("program — do not open unless expected"), QStringLiteral("#991b1b"), QStringLiteral("#fee2e2"))
                                                                                   : QString();
        attachments += QStringLiteral("<br><span style=\"color:#4b5563\">&#128206; %1 "
                                      "<span style=\"color:#8a919c\">(%2)</span>%3 "
                                      "<a href=\"waybill:attachment/%4/%5\">%6</a></span>")
                           .arg(escaped(attachment.filename), models::Formatting::fileSize(attachment.sizeBytes),
                               warning, QString::number(entry.messageId), QString::number(i), escaped(tr("Save…")));
    }
    QString reason;
    if (entry.kind == Kind::InboundMessage && !entry.threadReason.isEmpty()) {
        reason
            = QStringLiteral("<div style=\"color:#9ca3af; font-size:small\">%1</div>").arg(escaped(entry.threadReason));
    }

    const QString author = entry.author.isEmpty() ? tr("Customer") : entry.author;
    const QString heading = QStringLiteral("<a name=\"%1%2\"><b>%3</b></a>&nbsp;&nbsp;%4")
                                .arg(MessageAnchor, QString::number(entry.messageId), escaped(author), status);
    const QString content = reason + QStringLiteral("<div style=\"margin-top:6px\">") + body + QStringLiteral("</div>")
        + imagesLink + attachments;
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"9\" bgcolor=\"%1\" border=\"1\" "
                          "style=\"border-style:solid; border-color:%2; border-collapse:collapse; margin-top:10px\">"
                          "<tr><td>"
                          "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr>"
                          "<td>%3</td>"
                          "<td align=\"right\" style=\"color:#8a919c\">%4</td></tr></table>%5"
                          "</td></tr></table>")
        .arg(background, border, heading, models::Formatting::dateTime(entry.at), content);
}

QString ThreadView::eventHtml(const TimelineEntry &entry)
{
    QString dot = QStringLiteral("#9ca3af");
    switch (entry.kind) {
    case Kind::OrderPlaced:
        dot = QStringLiteral("#2563eb");
        break;
    case Kind::Shipped:
    case Kind::TrackingUpdate:
        dot = QStringLiteral("#0d9488");
        break;
    case Kind::ReturnStep:
        dot = QStringLiteral("#7c3aed");
        break;
    case Kind::ClaimStep:
        dot = QStringLiteral("#ea580c");
        break;
    default:
        break;
    }
    QString detail;
    if (!entry.text.isEmpty()) {
        detail = QStringLiteral(" <span style=\"color:#6b7280\">· %1</span>").arg(escaped(entry.text));
    }
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\" style=\"margin-top:5px\"><tr>"
                          "<td width=\"14\" valign=\"top\" style=\"color:%1\"><a name=\"event\">&#9679;</a></td>"
                          "<td style=\"color:#374151\">%2%3</td>"
                          "<td width=\"96\" align=\"right\" valign=\"top\" style=\"color:#9ca3af\">%4</td>"
                          "</tr></table>")
        .arg(dot, escaped(entry.title), detail, models::Formatting::dateTime(entry.at));
}

void ThreadView::render()
{
    if (!m_model || m_model->rowCount() == 0) {
        showPlaceholder(tr("Select a conversation to read it."));
        return;
    }
    QString html = QStringLiteral("<html><body>");
    for (const TimelineEntry &entry : m_model->entries()) {
        html += entry.isMessage() ? messageHtml(entry) : eventHtml(entry);
    }
    html += QStringLiteral("<p></p></body></html>");
    setHtml(html);
    // The newest item is what the agent answers: start at the bottom once the document is laid out.
    QTimer::singleShot(0, this, [this] { verticalScrollBar()->setValue(verticalScrollBar()->maximum()); });
}

} // namespace waybill::ui
