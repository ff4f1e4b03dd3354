// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderPanelWidget.h"

#include "SafeTextBrowser.h"
#include "StatusPalette.h"
#include "commerce/CarrierDirectory.h"
#include "domain/Channel.h"
#include "domain/WorkflowStates.h"
#include "engine/ClaimWorkflow.h"
#include "engine/ReturnWorkflow.h"
#include "models/Formatting.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QUrlQuery>

namespace waybill::ui {

using models::Formatting;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString heading(const QString &text)
{
    return QStringLiteral("<p style=\"margin-top:14px; margin-bottom:4px; color:#8a919c; font-size:small; "
                          "font-weight:700\">%1</p>")
        .arg(esc(text.toUpper()));
}

QString chip(const QString &text, const StatusPalette::Colors &colors)
{
    return QStringLiteral("<span style=\"color:%2; background-color:%3; font-weight:600\">&nbsp;%1&nbsp;</span>")
        .arg(esc(text), colors.foreground.name(), colors.background.name());
}

/// `text` linking to `url`, and a "Copy link" that puts the address on the clipboard.
QString linkWithCopy(const QString &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a> &nbsp;<a href=\"waybill:copy-link?url=%3\">%4</a>")
        .arg(esc(url), esc(text), esc(QString::fromLatin1(QUrl::toPercentEncoding(url))),
            esc(OrderPanelWidget::tr("Copy link")));
}

QString gray(const QString &text)
{
    return QStringLiteral("<span style=\"color:#6b7280\">%1</span>").arg(esc(text));
}

QString identityLabel(const QString &kind)
{
    if (kind == QLatin1String("email")) {
        return OrderPanelWidget::tr("E-mail");
    }
    if (kind == QLatin1String("phone")) {
        return OrderPanelWidget::tr("Phone");
    }
    if (kind == QLatin1String("amazon")) {
        return OrderPanelWidget::tr("Amazon buyer");
    }
    if (kind == QLatin1String("ebay")) {
        return OrderPanelWidget::tr("eBay user");
    }
    if (kind == QLatin1String("chat")) {
        return OrderPanelWidget::tr("Chat visitor");
    }
    return kind;
}

QString history(const QList<domain::WorkflowStep> &steps, QString (*name)(const QString &))
{
    QString html;
    for (const domain::WorkflowStep &step : steps) {
        html += QStringLiteral("<br>%1 &nbsp;%2").arg(gray(Formatting::date(step.occurredAt)), esc(name(step.state)));
        if (!step.note.isEmpty()) {
            html += QStringLiteral(" — ") + gray(step.note);
        }
    }
    return html;
}

} // namespace

OrderPanelWidget::OrderPanelWidget(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(tr("Customer and order"), this))
    , m_linkButton(new QPushButton(tr("Link order…"), this))
    , m_unlinkButton(new QPushButton(tr("Unlink"), this))
    , m_preferences(new QWidget(this))
    , m_smsConsent(new QCheckBox(tr("Agreed to SMS"), m_preferences))
    , m_channel(new QComboBox(m_preferences))
    , m_browser(new SafeTextBrowser(this))
{
    setObjectName(QStringLiteral("orderPanel"));
    m_linkButton->setObjectName(QStringLiteral("linkOrderButton"));
    m_unlinkButton->setObjectName(QStringLiteral("unlinkOrderButton"));
    m_browser->setObjectName(QStringLiteral("orderPanelBrowser"));
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(12);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 8, 8, 6);
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_linkButton);
    header->addWidget(m_unlinkButton);

    m_preferences->setObjectName(QStringLiteral("contactPreferences"));
    m_smsConsent->setObjectName(QStringLiteral("smsConsentCheck"));
    m_smsConsent->setToolTip(tr("Whether the customer agreed to receive text messages; rules send SMS only then"));
    m_channel->setObjectName(QStringLiteral("preferredChannelCombo"));
    m_channel->setToolTip(tr("Where proactive messages go first"));
    m_channel->addItem(tr("Last used channel"), QString());
    for (const domain::Channel channel : domain::AllChannels) {
        m_channel->addItem(domain::channelDisplayName(channel), domain::channelKey(channel));
    }
    auto *preferences = new QHBoxLayout(m_preferences);
    preferences->setContentsMargins(12, 0, 8, 6);
    auto *prefers = new QLabel(tr("Prefers:"), m_preferences);
    prefers->setBuddy(m_channel);
    preferences->addWidget(m_smsConsent);
    preferences->addSpacing(12);
    preferences->addWidget(prefers);
    preferences->addWidget(m_channel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_preferences);
    layout->addWidget(m_browser, 1);

    connect(m_linkButton, &QPushButton::clicked, this, &OrderPanelWidget::linkRequested);
    connect(m_unlinkButton, &QPushButton::clicked, this, &OrderPanelWidget::unlinkRequested);
    connect(m_browser, &SafeTextBrowser::linkActivated, this, &OrderPanelWidget::onLink);
    connect(m_smsConsent, &QCheckBox::toggled, this, &OrderPanelWidget::requestPreferences);
    connect(m_channel, &QComboBox::activated, this, &OrderPanelWidget::requestPreferences);
    clear();
}

void OrderPanelWidget::clear()
{
    m_linkButton->setEnabled(false);
    m_unlinkButton->setEnabled(false);
    showPreferences(std::nullopt);
    m_browser->setHtml(
        QStringLiteral("<p style=\"color:#8a919c\">%1</p>").arg(esc(tr("The customer and their order show here."))));
}

void OrderPanelWidget::showPreferences(const std::optional<domain::Customer> &customer)
{
    const QSignalBlocker blockConsent(m_smsConsent);
    const QSignalBlocker blockChannel(m_channel);
    m_preferences->setVisible(customer.has_value());
    m_smsConsent->setChecked(customer && customer->smsConsent);
    const int index = customer ? m_channel->findData(customer->preferredChannel) : 0;
    if (index < 0) {
        // A channel this version does not know: shown as is rather than silently changed.
        m_channel->addItem(customer->preferredChannel, customer->preferredChannel);
        m_channel->setCurrentIndex(m_channel->count() - 1);
    } else {
        m_channel->setCurrentIndex(index);
    }
}

void OrderPanelWidget::requestPreferences()
{
    Q_EMIT contactPreferencesRequested(m_smsConsent->isChecked(), m_channel->currentData().toString());
}

void OrderPanelWidget::onLink(const QUrl &url)
{
    const QString what = url.path();
    const qint64 id = QUrlQuery(url).queryItemValue(QStringLiteral("id")).toLongLong();
    if (what == QLatin1String("return-step") && id > 0) {
        Q_EMIT returnStepRequested(id);
    } else if (what == QLatin1String("claim-step") && id > 0) {
        Q_EMIT claimStepRequested(id);
    } else if (what == QLatin1String("new-return")) {
        Q_EMIT newReturnRequested();
    } else if (what == QLatin1String("new-claim")) {
        Q_EMIT newClaimRequested();
    } else if (what == QLatin1String("order-action")) {
        const QString kind = QUrlQuery(url).queryItemValue(QStringLiteral("kind"));
        Q_EMIT orderActionRequested(domain::OrderAction::kindFromName(kind));
    } else if (what == QLatin1String("amazon-message")) {
        Q_EMIT amazonMessageRequested();
    } else if (what == QLatin1String("refresh-tracking") && id > 0) {
        Q_EMIT trackingRefreshRequested(id);
    } else if (what == QLatin1String("copy-link")) {
        const QString link = QUrlQuery(url).queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
        QGuiApplication::clipboard()->setText(link);
        Q_EMIT linkCopied(link);
    }
}

QString OrderPanelWidget::plainText() const
{
    return m_browser->toPlainText();
}

void OrderPanelWidget::setDetail(const domain::ConversationDetail &detail, qint64 now)
{
    m_linkButton->setEnabled(true);
    m_linkButton->setText(detail.order ? tr("Change order…") : tr("Link order…"));
    m_unlinkButton->setEnabled(detail.order.has_value());
    showPreferences(detail.customer);
    QString html = QStringLiteral("<html><body>") + customerHtml(detail) + listingHtml(detail)
        + orderHtml(detail, m_orderActionsAllowed);
    for (const domain::Shipment &shipment : detail.shipments) {
        html += shipmentHtml(shipment, now);
    }
    html += workflowHtml(detail) + otherOrdersHtml(detail) + QStringLiteral("</body></html>");
    m_browser->setHtml(html);
}

QString OrderPanelWidget::customerHtml(const domain::ConversationDetail &detail)
{
    QString html = heading(tr("Customer"));
    if (!detail.customer) {
        return html + gray(tr("Unknown customer"));
    }
    const domain::Customer &customer = *detail.customer;
    html += QStringLiteral("<p style=\"margin:0\"><b style=\"font-size:large\">%1</b>").arg(esc(customer.name));
    for (const domain::Identity &identity : customer.identities) {
        html += QStringLiteral("<br>%1 &nbsp;%2").arg(gray(identityLabel(identity.kind)), esc(identity.value));
    }
    if (customer.createdAt > 0) {
        html += QStringLiteral("<br>") + gray(tr("Customer since %1").arg(Formatting::date(customer.createdAt)));
    }
    return html + QStringLiteral("</p>");
}

QString OrderPanelWidget::listingHtml(const domain::ConversationDetail &detail)
{
    if (!detail.listing) {
        return {};
    }
    const domain::MarketplaceListing &listing = *detail.listing;
    return heading(tr("eBay listing"))
        + QStringLiteral("<p style=\"margin:0\">%1<br>%2 %3</p>")
              .arg(esc(listing.title), gray(tr("Item")), linkWithCopy(listing.url().toString(), listing.itemId));
}

QString OrderPanelWidget::orderHtml(const domain::ConversationDetail &detail, bool actionsAllowed)
{
    if (!detail.order) {
        return heading(tr("Order")) + gray(tr("No order linked. Use “Link order…” to find one."));
    }
    const domain::Order &order = *detail.order;
    QString html = heading(tr("Order %1").arg(order.number));
    html += QStringLiteral("<p style=\"margin:0\">%1 · %2 · <b>%3</b>")
                .arg(esc(order.source.isEmpty() ? QString() : order.source.at(0).toUpper() + order.source.mid(1)),
                    esc(Formatting::dateTime(order.placedAt)), esc(order.status));
    if (!detail.conversation.linkReason.isEmpty()) {
        html += QStringLiteral("<br>") + gray(tr("Linked: %1").arg(detail.conversation.linkReason));
    }
    html += QStringLiteral("</p><table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" style=\"margin-top:6px\">");
    for (const domain::OrderLine &line : order.lines) {
        html += QStringLiteral("<tr><td width=\"28\">%1&times;</td><td>%2<br>%3</td><td align=\"right\">%4</td></tr>")
                    .arg(QString::number(line.quantity), esc(line.title), gray(line.sku),
                        esc(Formatting::money(line.unitPriceCents * line.quantity, order.currency)));
    }
    const auto totalRow = [&order](const QString &label, qint64 cents, bool bold) {
        const QString amount = esc(Formatting::money(cents, order.currency));
        return QStringLiteral("<tr><td></td><td>%1</td><td align=\"right\">%2</td></tr>")
            .arg(bold ? QStringLiteral("<b>%1</b>").arg(esc(label)) : gray(label),
                bold ? QStringLiteral("<b>%1</b>").arg(amount) : amount);
    };
    html += totalRow(tr("Subtotal"), order.subtotalCents, false);
    html += totalRow(tr("Shipping"), order.shippingCents, false);
    html += totalRow(tr("Tax"), order.taxCents, false);
    html += totalRow(tr("Total"), order.totalCents, true);
    if (order.refundedCents > 0) {
        html += QStringLiteral("<tr><td></td><td>%1</td><td align=\"right\">&minus;%2</td></tr>")
                    .arg(gray(tr("Refunded")), esc(Formatting::money(order.refundedCents, order.currency)));
    }
    return html + QStringLiteral("</table>") + orderActionsHtml(order, actionsAllowed);
}

QString OrderPanelWidget::orderActionsHtml(const domain::Order &order, bool actionsAllowed)
{
    // Amazon delivers proactive messages about the orders of a connected seller account (Messaging API).
    if (order.source == QLatin1String("amazon") && !order.account.isEmpty() && !order.externalId.isEmpty()) {
        return QStringLiteral("<p style=\"margin-top:8px\"><a href=\"waybill:amazon-message\">%1</a></p>")
            .arg(esc(tr("Message through Amazon…")));
    }
    // Only orders synchronised from a Shopify store can be changed there.
    if (order.source != QLatin1String("shopify") || order.account.isEmpty() || order.externalId.isEmpty()) {
        return {};
    }
    if (!actionsAllowed) {
        return QStringLiteral("<p style=\"margin-top:8px\">%1</p>")
            .arg(gray(tr("Refunds, cancellations and resends: supervisors and admins only.")));
    }
    const auto link = [](const QString &kind, const QString &text) {
        return QStringLiteral("<a href=\"waybill:order-action?kind=%1\">%2</a>").arg(kind, esc(text));
    };
    QStringList links;
    if (order.totalCents - order.refundedCents > 0) {
        links << link(QStringLiteral("refund"), tr("Refund…"));
    }
    if (order.status != QLatin1String("cancelled")) {
        links << link(QStringLiteral("cancel"), tr("Cancel order…"));
    }
    links << link(QStringLiteral("resend"), tr("Resend…"));
    return QStringLiteral("<p style=\"margin-top:8px\">%1</p>").arg(links.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

QString OrderPanelWidget::shipmentHtml(const domain::Shipment &shipment, qint64 now)
{
    const QString carrier = commerce::CarrierDirectory::displayName(shipment.carrier);
    const bool late = shipment.isLate(now);
    QString status = domain::trackingStatusDisplayName(shipment.status);
    QString html = heading(tr("Shipment · %1").arg(carrier));
    html += QStringLiteral("<p style=\"margin:0\">%1")
                .arg(chip(status, StatusPalette::tracking(domain::trackingStatusKey(shipment.status), false)));
    if (late) {
        html += QStringLiteral(" ") + chip(tr("Late"), StatusPalette::tracking(QString(), true));
    }
    const QString url = commerce::CarrierDirectory::trackingUrl(shipment.carrier, shipment.trackingNumber);
    html += QStringLiteral("<br>%1 ").arg(gray(shipment.service.isEmpty() ? carrier : shipment.service));
    html += url.isEmpty() ? esc(shipment.trackingNumber) : linkWithCopy(url, shipment.trackingNumber);
    if (!domain::isFinal(shipment.status) && shipment.id > 0 && !shipment.trackingNumber.isEmpty()) {
        html += QStringLiteral("&nbsp; <a href=\"waybill:refresh-tracking?id=%1\">%2</a>")
                    .arg(shipment.id)
                    .arg(esc(tr("Refresh tracking")).replace(u' ', QStringLiteral("&nbsp;"))); // wraps as one
    }
    if (shipment.deliveredAt > 0) {
        html += QStringLiteral("<br>") + gray(tr("Delivered %1").arg(Formatting::dateTime(shipment.deliveredAt)));
    } else if (shipment.expectedAt > 0) {
        html += QStringLiteral("<br>") + gray(tr("Expected %1").arg(Formatting::date(shipment.expectedAt)));
    }
    html += QStringLiteral("</p><table cellspacing=\"0\" cellpadding=\"1\" style=\"margin-top:4px\">");
    for (auto it = shipment.events.crbegin(); it != shipment.events.crend(); ++it) {
        const domain::TrackingEvent &event = *it;
        const auto colors = StatusPalette::tracking(domain::trackingStatusKey(event.status), false);
        html += QStringLiteral("<tr><td valign=\"top\" style=\"color:%1\">&#9679;&nbsp;</td><td>%2 %3<br>%4</td></tr>")
                    .arg(colors.foreground.name(), esc(domain::trackingStatusDisplayName(event.status)),
                        gray(Formatting::dateTime(event.occurredAt)),
                        gray(QStringList({ event.message, event.location }).join(QStringLiteral(" · "))));
    }
    return html + QStringLiteral("</table>");
}

QString OrderPanelWidget::workflowHtml(const domain::ConversationDetail &detail)
{
    QString html;
    for (const domain::ReturnRequest &request : detail.returns) {
        html += heading(tr("Return"));
        html += QStringLiteral("<p style=\"margin:0\">%1 %2")
                    .arg(chip(domain::ReturnState::displayName(request.state),
                             StatusPalette::returnState(request.state)),
                        esc(Formatting::money(request.amountCents, detail.order ? detail.order->currency : QString())));
        if (!request.reason.isEmpty()) {
            html += QStringLiteral("<br>") + gray(tr("Reason: %1").arg(request.reason));
        }
        if (!request.returnTracking.isEmpty()) {
            html += QStringLiteral("<br>") + gray(tr("Return tracking: %1").arg(request.returnTracking));
        }
        html += history(request.history, &domain::ReturnState::displayName);
        if (!engine::ReturnWorkflow::graph().next(request.state).isEmpty()) {
            html += QStringLiteral("<br><a href=\"waybill:return-step?id=%1\">%2</a>")
                        .arg(QString::number(request.id), esc(tr("Next step…")));
        }
        html += QStringLiteral("</p>");
    }
    for (const domain::Claim &claim : detail.claims) {
        html += heading(tr("Claim · %1").arg(claim.kind));
        html += QStringLiteral("<p style=\"margin:0\">%1 %2")
                    .arg(chip(domain::ClaimState::displayName(claim.state), StatusPalette::claimState(claim.state)),
                        esc(claim.claimNumber));
        html += QStringLiteral("<br>")
            + gray(tr("Amount %1")
                       .arg(Formatting::money(claim.amountCents, detail.order ? detail.order->currency : QString())));
        if (claim.filingDeadline > 0) {
            html += gray(tr(" · file by %1").arg(Formatting::date(claim.filingDeadline)));
        }
        html += history(claim.history, &domain::ClaimState::displayName);
        if (!engine::ClaimWorkflow::graph().next(claim.state).isEmpty()) {
            html += QStringLiteral("<br><a href=\"waybill:claim-step?id=%1\">%2</a>")
                        .arg(QString::number(claim.id), esc(tr("Next step…")));
        }
        html += QStringLiteral("</p>");
    }
    if (detail.order) {
        html += QStringLiteral("<p style=\"margin-top:8px\"><a href=\"waybill:new-return\">%1</a> &nbsp;·&nbsp; "
                               "<a href=\"waybill:new-claim\">%2</a></p>")
                    .arg(esc(tr("New return…")), esc(tr("Open a delivery claim…")));
    }
    return html;
}

QString OrderPanelWidget::otherOrdersHtml(const domain::ConversationDetail &detail)
{
    if (detail.customerOrders.isEmpty()) {
        return {};
    }
    QString html = heading(tr("Orders of this customer (%1)").arg(detail.customerOrders.size()));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    for (const domain::Order &order : detail.customerOrders) {
        const bool linked = detail.order && detail.order->id == order.id;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td></tr>")
                    .arg(linked ? QStringLiteral("<b>%1</b>").arg(esc(order.number)) : esc(order.number),
                        gray(Formatting::date(order.placedAt)),
                        esc(Formatting::money(order.totalCents, order.currency)));
    }
    return html + QStringLiteral("</table>");
}

} // namespace waybill::ui
