// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"
#include "domain/OrderAction.h"

#include <QUrl>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace waybill::ui {

class SafeTextBrowser;

/// The customer and order beside a conversation: the customer with every identity, their orders, the linked
/// order's lines and totals, each shipment (carrier, tracking number linking to the carrier's page, status,
/// events, expected delivery), and returns and claims with their history. Under the title, the customer's SMS
/// consent and preferred channel can be changed. "Link order…", "Unlink" and those changes are only requests
/// (linkRequested(), unlinkRequested(), contactPreferencesRequested()); the owner performs them and shows the
/// detail again. A Shopify order offers "Refund…", "Cancel order…" and "Resend…" (orderActionRequested()) to agents
/// whose role allows order actions, and says who may to the others. An order synchronised from Amazon offers
/// "Message through Amazon…" (amazonMessageRequested()) to every agent. Shows what it is given: no storage.
class OrderPanelWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderPanelWidget)

public:
    explicit OrderPanelWidget(QWidget *parent = nullptr);

    /// `now` decides whether a shipment is late.
    void setDetail(const domain::ConversationDetail &detail, qint64 now);
    void clear();
    /// Whether the agent may refund, cancel or resend orders (their role); applies from the next setDetail().
    void setOrderActionsAllowed(bool allowed) { m_orderActionsAllowed = allowed; }
    /// The panel as plain text (what the agent reads), for tests and accessibility.
    QString plainText() const;

Q_SIGNALS:
    void linkRequested();
    void unlinkRequested();
    void newReturnRequested();
    void newClaimRequested();
    void returnStepRequested(qint64 returnId);
    void claimStepRequested(qint64 claimId);
    /// The agent changed the customer's SMS consent or preferred channel (a channel key, "" for the channel they
    /// last wrote on).
    void contactPreferencesRequested(bool smsConsent, const QString &preferredChannel);
    /// A shipment's tracking link was copied to the clipboard.
    void linkCopied(const QString &url);
    /// The agent asked for news about a shipment that is still moving ("Refresh tracking"); the owner asks the
    /// tracking provider and shows the detail again when it answers.
    void trackingRefreshRequested(qint64 shipmentId);
    /// The agent chose "Refund…", "Cancel order…" or "Resend…" for the linked order; the owner confirms and sends it.
    void orderActionRequested(waybill::domain::OrderAction::Kind kind);
    /// The agent chose "Message through Amazon…" for the linked Amazon order; the owner opens the message dialog.
    void amazonMessageRequested();

private:
    void onLink(const QUrl &url);
    void showPreferences(const std::optional<domain::Customer> &customer);
    void requestPreferences();
    static QString customerHtml(const domain::ConversationDetail &detail);
    static QString orderHtml(const domain::ConversationDetail &detail, bool actionsAllowed);
    /// The marketplace listing the buyer wrote about (eBay), when there is one.
    static QString listingHtml(const domain::ConversationDetail &detail);
    static QString orderActionsHtml(const domain::Order &order, bool actionsAllowed);
    static QString shipmentHtml(const domain::Shipment &shipment, qint64 now);
    static QString workflowHtml(const domain::ConversationDetail &detail);
    static QString otherOrdersHtml(const domain::ConversationDetail &detail);

    QLabel *m_titleLabel;
    QPushButton *m_linkButton;
    QPushButton *m_unlinkButton;
    QWidget *m_preferences;
    QCheckBox *m_smsConsent;
    QComboBox *m_channel;
    SafeTextBrowser *m_browser;
    bool m_orderActionsAllowed = false;
};

} // namespace waybill::ui
