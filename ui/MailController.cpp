// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailController.h"

#include "AttachmentSaver.h"
#include "DialogService.h"
#include "EmailAccountsDialog.h"
#include "QuarantineDialog.h"
#include "StoreAccountsDialog.h"
#include "channels/SslTransportFactory.h"
#include "security/KeychainCredentialStore.h"
#include "storage/ConversationRepository.h"
#include "storage/QuarantineRepository.h"
#include "storage/StorageError.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QToolButton>

namespace waybill::ui {

MailController::MailController(Context context, QMainWindow *window)
    : QObject(window)
    , m_context(std::move(context))
    , m_window(window)
{
    setObjectName(QStringLiteral("mailController"));
    if (!m_context.credentials) {
        m_ownCredentials = std::make_unique<security::KeychainCredentialStore>();
        m_context.credentials = m_ownCredentials.get();
    }
    if (!m_context.transports) {
        m_ownTransports = std::make_unique<channels::SslTransportFactory>();
        m_context.transports = m_ownTransports.get();
    }
    if (!m_context.network) {
        m_context.network = new QNetworkAccessManager(this);
    }

    QMenu *conversationMenu = window->menuBar()->addMenu(tr("&Conversation"));
    conversationMenu->setObjectName(QStringLiteral("conversationMenu"));
    m_mergeAction = conversationMenu->addAction(tr("&Merge into…"), this, &MailController::mergeCurrent);
    m_mergeAction->setObjectName(QStringLiteral("mergeAction"));
    m_mergeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_mergeAction->setToolTip(tr("Move all messages of this conversation into another one"));

    QMenu *mailMenu = window->menuBar()->addMenu(tr("&Mail"));
    mailMenu->setObjectName(QStringLiteral("mailMenu"));
    m_quarantineAction = mailMenu->addAction(tr("Quarantine"), this, &MailController::openQuarantine);
    m_quarantineAction->setObjectName(QStringLiteral("quarantineAction"));

    QMenu *settingsMenu = window->menuBar()->addMenu(tr("&Settings"));
    settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    m_accountsAction = settingsMenu->addAction(tr("&E-mail accounts…"), this, &MailController::openAccounts);
    m_accountsAction->setObjectName(QStringLiteral("emailAccountsAction"));
    m_storesAction = settingsMenu->addAction(tr("&Stores, tracking and SMS…"), this, &MailController::openStores);
    m_storesAction->setObjectName(QStringLiteral("storeAccountsAction"));
    m_storesAction->setToolTip(
        tr("Shopify, WooCommerce and Amazon accounts whose orders are synced, the tracking providers asked about "
           "their parcels, and Twilio SMS numbers"));

    m_quarantineButton = new QToolButton(window);
    m_quarantineButton->setObjectName(QStringLiteral("quarantineButton"));
    m_quarantineButton->setAutoRaise(true);
    m_quarantineButton->setStyleSheet(QStringLiteral("QToolButton { color:#92400e; }"));
    connect(m_quarantineButton, &QToolButton::clicked, this, &MailController::openQuarantine);
    m_accountLabel = new QLabel(window);
    m_accountLabel->setObjectName(QStringLiteral("accountStatusLabel"));
    m_accountLabel->setTextFormat(Qt::RichText);
    window->statusBar()->addPermanentWidget(m_quarantineButton);
    window->statusBar()->addPermanentWidget(m_accountLabel);
    refreshQuarantineCount();
    updateAccountLabel();
}

MailController::~MailController() = default;

void MailController::refreshQuarantineCount()
{
    try {
        m_quarantineCount = static_cast<int>(storage::QuarantineRepository(m_context.database).open().size());
    } catch (const storage::StorageError &error) {
        m_window->statusBar()->showMessage(error.userMessage(), 10'000);
        return;
    }
    m_quarantineAction->setText(tr("&Quarantine (%1)…").arg(m_quarantineCount));
    m_quarantineButton->setText(tr("Quarantine (%1)").arg(m_quarantineCount));
    m_quarantineButton->setToolTip(tr("Messages that arrived but could not be read"));
    m_quarantineButton->setVisible(m_quarantineCount > 0);
}

void MailController::showAccountStatus(const QString &accountId, const QString &state, const QString &message)
{
    m_accounts.insert(accountId, { state, message });
    if (m_storesDialog) {
        m_storesDialog->setAccountStatus(accountId, state, message);
    }
    const QString name = accountId.section(u':', 1).isEmpty() ? accountId : accountId.section(u':', 1);
    if (state == QLatin1String("syncing")) {
        // A store's order sync says what it waits for (Shopify's rate limit); mail accounts say nothing.
        m_window->statusBar()->showMessage(message.isEmpty() ? tr("%1: fetching mail…").arg(name) : message, 5'000);
    } else if (state == QLatin1String("failed") || state == QLatin1String("retrying")) {
        m_window->statusBar()->showMessage(tr("%1: %2").arg(name, message), 10'000);
    }
    updateAccountLabel();
}

void MailController::updateAccountLabel()
{
    QStringList failing;
    QStringList retrying;
    int connected = 0;
    QString tooltip;
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it) {
        const QString name = it.key().section(u':', 1).isEmpty() ? it.key() : it.key().section(u':', 1);
        const QString line = it.value().message.isEmpty() ? name : tr("%1: %2").arg(name, it.value().message);
        tooltip += (tooltip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("%1 — %2").arg(it.value().state, line);
        if (it.value().state == QLatin1String("failed")) {
            failing << line;
        } else if (it.value().state == QLatin1String("retrying")) {
            retrying << line;
        } else {
            ++connected;
        }
    }
    QString text;
    if (!failing.isEmpty()) {
        text = QStringLiteral("<span style=\"color:#b91c1c\">&#9888; %1</span>")
                   .arg(failing.constFirst().toHtmlEscaped());
        if (failing.size() > 1) {
            text += tr(" (+%1 more)").arg(failing.size() - 1);
        }
    } else if (!retrying.isEmpty()) {
        text = QStringLiteral("<span style=\"color:#b45309\">%1</span>")
                   .arg(tr("Reconnecting: %1").arg(retrying.constFirst()).toHtmlEscaped());
    } else if (connected > 0) {
        text = QStringLiteral("<span style=\"color:#6b7280\">%1</span>")
                   .arg(tr("E-mail: %n account(s) connected", nullptr, connected).toHtmlEscaped());
    }
    m_accountLabel->setText(text);
    m_accountLabel->setToolTip(tooltip);
    m_accountLabel->setVisible(!text.isEmpty());
}

void MailController::openAccounts()
{
    EmailAccountsDialog dialog(
        { m_context.database, *m_context.credentials, *m_context.transports, m_context.dialogs, m_context.now },
        m_window);
    connect(&dialog, &EmailAccountsDialog::accountsChanged, this, &MailController::accountsChanged);
    dialog.exec();
}

void MailController::openStores()
{
    StoreAccountsDialog dialog(
        { m_context.database, *m_context.credentials, *m_context.network, m_context.dialogs, m_context.now }, m_window);
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it) {
        dialog.setAccountStatus(it.key(), it.value().state, it.value().message);
    }
    connect(&dialog, &StoreAccountsDialog::accountsChanged, this, &MailController::accountsChanged);
    m_storesDialog = &dialog;
    dialog.exec();
}

void MailController::openQuarantine()
{
    QuarantineDialog dialog(m_context.database, m_context.attachmentsDirectory, m_context.dialogs, m_window);
    connect(&dialog, &QuarantineDialog::changed, this, &MailController::refreshQuarantineCount);
    dialog.exec();
    refreshQuarantineCount();
}

void MailController::splitMessage(qint64 messageId)
{
    const ConversationActionController::Target target = m_context.currentTarget();
    if (target.id == 0 || messageId == 0) {
        return;
    }
    if (const qint64 splitId = m_context.actions.splitMessage(target, messageId)) {
        Q_EMIT conversationMoved(splitId);
    }
}

void MailController::mergeCurrent()
{
    const ConversationActionController::Target source = m_context.currentTarget();
    if (source.id == 0) {
        return;
    }
    const auto targetId = m_context.dialogs.chooseConversation(m_window, m_context.database, source.id, QString());
    if (!targetId) {
        return;
    }
    std::optional<domain::ConversationSummary> target;
    try {
        target = storage::ConversationRepository(m_context.database).find(*targetId);
    } catch (const storage::StorageError &error) {
        m_context.dialogs.showError(m_window, tr("Could not merge the conversations"), error.userMessage());
        return;
    }
    if (!target) {
        return;
    }
    if (m_context.actions.merge({ target->id, target->version }, source)) {
        Q_EMIT conversationMoved(target->id);
    }
}

void MailController::saveAttachment(const domain::Attachment &attachment)
{
    AttachmentSaver(m_context.dialogs, m_context.attachmentsDirectory).save(m_window, attachment);
}

} // namespace waybill::ui
