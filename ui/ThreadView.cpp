// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThreadView.h"

#include "models/Formatting.h"
#include "models/TimelineModel.h"
#include "text/HtmlSanitizer.h"

#include <QScrollBar>
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

} // namespace

ThreadView::ThreadView(QWidget *parent)
    : SafeTextBrowser(parent)
{
    setObjectName(QStringLiteral("threadView"));
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(14);
}

void ThreadView::setModel(models::TimelineModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &ThreadView::render);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ThreadView::render);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ThreadView::render);
    }
    render();
}

void ThreadView::showPlaceholder(const QString &text)
{
    setHtml(QStringLiteral("<p align=\"center\" style=\"color:#8a919c; margin-top:80px\">%1</p>").arg(escaped(text)));
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

    const QString body = entry.html.isEmpty() ? text::HtmlSanitizer::fromPlainText(entry.text)
                                              : text::HtmlSanitizer::sanitize(entry.html).html;
    QString attachments;
    for (const domain::Attachment &attachment : entry.attachments) {
        attachments += QStringLiteral("<br><span style=\"color:#4b5563\">&#128206; %1 "
                                      "<span style=\"color:#8a919c\">(%2)</span></span>")
                           .arg(escaped(attachment.filename), models::Formatting::fileSize(attachment.sizeBytes));
    }

    const QString author = entry.author.isEmpty() ? tr("Customer") : entry.author;
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"9\" bgcolor=\"%1\" border=\"1\" "
                          "style=\"border-style:solid; border-color:%2; border-collapse:collapse; margin-top:10px\">"
                          "<tr><td>"
                          "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr>"
                          "<td><b>%3</b>&nbsp;&nbsp;%4</td>"
                          "<td align=\"right\" style=\"color:#8a919c\">%5</td></tr></table>"
                          "<div style=\"margin-top:6px\">%6</div>%7"
                          "</td></tr></table>")
        .arg(background, border, escaped(author), status, models::Formatting::dateTime(entry.at), body, attachments);
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
                          "<td width=\"14\" valign=\"top\" style=\"color:%1\">&#9679;</td>"
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
