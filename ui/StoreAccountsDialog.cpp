// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreAccountsDialog.h"

#include "DialogService.h"
#include "ResultLine.h"
#include "StoreAccountForm.h"
#include "StoreConnectionTester.h"
#include "channels/chat/ChatAccountRules.h"
#include "security/CredentialJob.h"
#include "security/CredentialStore.h"
#include "storage/AccountRepository.h"
#include "storage/StorageError.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace waybill::ui {

using Kind = StoreAccountDraft::Kind;

namespace {

constexpr int AccountIdRole = Qt::UserRole + 1;

/// A filled circle in `colour`: the sync state beside each store.
QIcon statusDot(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(1, 1, 10, 10);
    painter.end();
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected); // the state's colour, not a tint of it, on the selected row
    return icon;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Shopify:
        return StoreAccountsDialog::tr("Shopify");
    case Kind::WooCommerce:
        return StoreAccountsDialog::tr("WooCommerce");
    case Kind::Amazon:
        return StoreAccountsDialog::tr("Amazon");
    case Kind::Tracking:
        return StoreAccountsDialog::tr("Tracking");
    case Kind::Twilio:
        return StoreAccountsDialog::tr("SMS");
    case Kind::Chat:
        return StoreAccountsDialog::tr("Live chat");
    case Kind::Ebay:
        return StoreAccountsDialog::tr("eBay");
    }
    return {};
}

/// What saving `draft` starts, for the line under the form.
QString savedText(const StoreAccountDraft &draft)
{
    switch (draft.kind) {
    case Kind::Tracking:
        return StoreAccountsDialog::tr("Moving shipments are asked about through %1 from now on.").arg(draft.name());
    case Kind::Twilio:
        return StoreAccountsDialog::tr("Texts to %1 arrive in the inbox, and SMS replies leave from it, from now on.")
            .arg(draft.twilio.fromNumber);
    case Kind::Chat:
        return StoreAccountsDialog::tr("The chat starts now: put <script src=\"%1/chat/widget.js\" async></script> on "
                                       "the shop's pages.")
            .arg(channels::chat::ChatAccountRules::widgetBase(draft.chat));
    case Kind::Ebay:
        return StoreAccountsDialog::tr("Buyers' messages to %1 on eBay arrive in the inbox, and replies go back "
                                       "through eBay, from now on.")
            .arg(draft.ebay.sellerUserId);
    default:
        return StoreAccountsDialog::tr("Orders from %1 are synced from now on.").arg(draft.name());
    }
}

} // namespace

StoreAccountsDialog::StoreAccountsDialog(Context context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_form(new StoreAccountForm(this))
    , m_tester(new StoreConnectionTester(m_context.network, this))
{
    setObjectName(QStringLiteral("storeAccountsDialog"));
    setWindowTitle(tr("Stores, tracking and SMS"));
    resize(860, 540);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("storeList"));
    m_list->setMinimumWidth(280);
    m_list->setWordWrap(true);
    m_emptyLabel
        = new QLabel(tr("No accounts yet. Add a Shopify, WooCommerce or Amazon account to see each "
                        "conversation's orders, an EasyPost, AfterShip or Shippo account to follow their "
                        "parcels, a Twilio number to text with customers, and an eBay seller account to answer buyers' "
                        "messages."),
            this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setStyleSheet(QStringLiteral("color:#6b7280"));
    m_emptyLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *addButton = new QPushButton(tr("&Add account"), this);
    addButton->setObjectName(QStringLiteral("addButton"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    left->addWidget(m_list, 1);
    left->addWidget(m_emptyLabel, 1);
    left->addLayout(listButtons);

    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("syncStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::RichText);
    right->addWidget(m_statusLabel);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("resultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_resultLabel);
    right->addStretch();
    auto *formButtons = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    formButtons->addStretch();
    formButtons->addWidget(m_testButton);
    formButtons->addWidget(m_saveButton);
    right->addLayout(formButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addButton, &QPushButton::clicked, this, &StoreAccountsDialog::startNewAccount);
    connect(m_removeButton, &QPushButton::clicked, this, &StoreAccountsDialog::removeAccount);
    connect(m_testButton, &QPushButton::clicked, this, &StoreAccountsDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &StoreAccountsDialog::save);
    connect(m_list, &QListWidget::currentRowChanged, this, &StoreAccountsDialog::showSelected);
    connect(m_form, &StoreAccountForm::kindChanged, this, [this] { showResult({}); });
    connect(m_tester, &StoreConnectionTester::finished, this, [this](bool ok, const QString &message) {
        setBusy(false);
        showResult(
            ok ? ResultLine::ok(tr("Connected."), message) : ResultLine::failed(tr("Connection failed:"), message));
    });

    try {
        QStringList emailAccounts;
        for (const domain::EmailAccount &account : storage::AccountRepository(m_context.database).emailAccounts()) {
            emailAccounts << account.id;
        }
        m_form->setEmailAccounts(emailAccounts);
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Could not read the e-mail accounts:"), error.userMessage()));
    }
    reloadList({});
    if (m_list->count() == 0) {
        startNewAccount();
    }
}

StoreAccountsDialog::~StoreAccountsDialog() = default;

void StoreAccountsDialog::reloadList(const QString &selectId)
{
    m_accounts.clear();
    try {
        const storage::AccountRepository repository(m_context.database);
        // Each kind's accounts as drafts of that kind (`member` is where the draft keeps it).
        const auto add = [this](Kind kind, const auto &accounts, auto member) {
            for (const auto &account : accounts) {
                StoreAccountDraft draft;
                draft.kind = kind;
                draft.*member = account;
                m_accounts.insert(account.id, draft);
            }
        };
        add(Kind::Shopify, repository.shopifyAccounts(), &StoreAccountDraft::shopify);
        add(Kind::WooCommerce, repository.wooCommerceAccounts(), &StoreAccountDraft::wooCommerce);
        add(Kind::Amazon, repository.amazonAccounts(), &StoreAccountDraft::amazon);
        add(Kind::Chat, repository.chatAccounts(), &StoreAccountDraft::chat);
        add(Kind::Ebay, repository.ebayAccounts(), &StoreAccountDraft::ebay);
        add(Kind::Twilio, repository.twilioAccounts(), &StoreAccountDraft::twilio);
        add(Kind::Tracking, repository.trackingAccounts(), &StoreAccountDraft::tracking);
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Could not read the accounts:"), error.userMessage()));
    }
    QStringList ids = m_accounts.keys();
    ids.sort();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &id : ids) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(AccountIdRole, id);
        decorate(item);
        item->setToolTip(id);
        if (id == selectId) {
            m_list->setCurrentItem(item);
        }
    }
    m_list->setVisible(m_list->count() > 0);
    m_emptyLabel->setVisible(m_list->count() == 0);
    m_removeButton->setEnabled(m_list->currentItem() != nullptr);
    showStatus();
}

void StoreAccountsDialog::decorate(QListWidgetItem *item) const
{
    const QString id = item->data(AccountIdRole).toString();
    item->setText(tr("%1 · %2\n%3").arg(kindName(m_accounts[id].kind), m_accounts[id].name(), statusText(id)));
    const QString state = m_statuses.value(id).state;
    const QColor colour = state == QLatin1String("failed") ? QColor(0xb9, 0x1c, 0x1c)
        : state == QLatin1String("connected")              ? QColor(0x16, 0x65, 0x34)
                                                           : QColor(0x9c, 0xa3, 0xaf);
    item->setIcon(statusDot(colour));
}

QString StoreAccountsDialog::statusText(const QString &accountId) const
{
    const bool store = isStore(accountId);
    const auto it = m_statuses.constFind(accountId);
    if (it == m_statuses.cend()) {
        return store ? tr("No sync reported yet") : tr("No status reported yet");
    }
    if (it->state == QLatin1String("connected")) {
        return store ? tr("Connected: orders are in sync") : tr("Connected");
    }
    if (it->state == QLatin1String("failed")) {
        return tr("Failed: %1").arg(it->message);
    }
    if (it->state == QLatin1String("syncing")) {
        return it->message.isEmpty() ? tr("Syncing…") : tr("Syncing: %1").arg(it->message);
    }
    if (it->state == QLatin1String("retrying") && !it->message.isEmpty()) {
        return tr("Retrying: %1").arg(it->message);
    }
    return tr("Connecting…");
}

bool StoreAccountsDialog::isStore(const QString &accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    return it == m_accounts.cend() || it->kind == Kind::Shopify || it->kind == Kind::WooCommerce
        || it->kind == Kind::Amazon;
}

void StoreAccountsDialog::setAccountStatus(const QString &accountId, const QString &state, const QString &message)
{
    m_statuses.insert(accountId, { state, message });
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (item->data(AccountIdRole).toString() == accountId) {
            decorate(item);
        }
    }
    showStatus();
}

void StoreAccountsDialog::showStatus()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_form->isEditing()) {
        m_statusLabel->clear();
        return;
    }
    const QString id = item->data(AccountIdRole).toString();
    const QString state = m_statuses.value(id).state;
    const QString colour = state == QLatin1String("failed") ? QStringLiteral("#991b1b")
        : state == QLatin1String("connected")               ? QStringLiteral("#166534")
                                                            : QStringLiteral("#6b7280");
    m_statusLabel->setText(QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                               .arg(colour, (isStore(id) ? tr("Last sync:") : tr("Status:")).toHtmlEscaped(),
                                   statusText(id).toHtmlEscaped()));
}

void StoreAccountsDialog::startNewAccount()
{
    m_tester->abort();
    setBusy(false);
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    m_removeButton->setEnabled(false);
    m_form->startNew(m_form->kind());
    showStatus();
    showResult({});
}

void StoreAccountsDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_removeButton->setEnabled(item != nullptr);
    if (!item) {
        return;
    }
    m_tester->abort();
    setBusy(false);
    m_form->showAccount(m_accounts.value(item->data(AccountIdRole).toString()));
    showStatus();
    showResult({});
}

void StoreAccountsDialog::testConnection()
{
    QString problem;
    const std::optional<StoreAccountDraft> draft = m_form->draft(&problem);
    if (!draft) {
        showResult(ResultLine::failed(tr("Cannot test yet:"), problem));
        return;
    }
    QHash<QString, QString> typed;
    for (const auto &[key, secret] : draft->secrets) {
        typed.insert(key, secret);
    }
    QStringList missing;
    for (const QString &key : draft->secretKeys()) {
        if (!typed.contains(key)) {
            missing << key;
        }
    }
    setBusy(true);
    if (missing.isEmpty()) {
        runTest(*draft, typed);
        return;
    }
    // Editing with secrets left empty: test with the ones in the keychain.
    showResult(tr("Reading the stored secrets from the system keychain…").toHtmlEscaped());
    readSecrets(missing, typed,
        [this, account = *draft](const QHash<QString, QString> &secrets) { runTest(account, secrets); });
}

void StoreAccountsDialog::readSecrets(
    const QStringList &keys, QHash<QString, QString> read, std::function<void(const QHash<QString, QString> &)> then)
{
    if (keys.isEmpty()) {
        then(read);
        return;
    }
    security::CredentialJob *job = m_context.credentials.read(keys.constFirst(), this);
    m_job = job;
    connect(job, &security::CredentialJob::succeeded, this, [this, keys, read, then](const QString &secret) mutable {
        read.insert(keys.constFirst(), secret);
        readSecrets(keys.mid(1), read, then);
    });
    connect(job, &security::CredentialJob::failed, this, [this](const QString &message) {
        setBusy(false);
        showResult(ResultLine::failed(tr("Could not read the stored secrets:"), message));
    });
}

void StoreAccountsDialog::runTest(const StoreAccountDraft &draft, const QHash<QString, QString> &secrets)
{
    setBusy(true);
    showResult(tr("Connecting…").toHtmlEscaped());
    switch (draft.kind) {
    case Kind::Shopify:
        m_tester->testShopify(draft.shopify, secrets.value(draft.id()));
        break;
    case Kind::WooCommerce: {
        const QString pair = secrets.value(draft.id());
        m_tester->testWooCommerce(draft.wooCommerce, pair.section(u':', 0, 0), pair.section(u':', 1));
        break;
    }
    case Kind::Amazon:
        m_tester->testAmazon(
            draft.amazon, secrets.value(draft.id()), secrets.value(domain::AmazonAccount::clientSecretKey(draft.id())));
        break;
    case Kind::Tracking:
        m_tester->testTracking(draft.tracking, secrets.value(draft.id()));
        break;
    case Kind::Twilio:
        m_tester->testTwilio(draft.twilio, secrets.value(draft.id()));
        break;
    case Kind::Chat:
        m_tester->testChat(draft.chat);
        break;
    case Kind::Ebay:
        m_tester->testEbay(
            draft.ebay, secrets.value(draft.id()), secrets.value(domain::EbayAccount::certIdKey(draft.id())));
        break;
    }
}

void StoreAccountsDialog::save()
{
    QString problem;
    const std::optional<StoreAccountDraft> draft = m_form->draft(&problem);
    if (!draft) {
        showResult(ResultLine::failed(tr("Not saved:"), problem));
        return;
    }
    if (!m_form->isEditing() && m_accounts.contains(draft->id())) {
        showResult(ResultLine::failed(
            tr("Not saved:"), tr("%1 is already in the list; select it to change it.").arg(draft->id())));
        return;
    }
    m_tester->abort();
    setBusy(true);
    // The keychain first: an account without its secrets would only fail later.
    showResult(tr("Storing the secrets in the system keychain…").toHtmlEscaped());
    writeSecrets(*draft, 0);
}

void StoreAccountsDialog::writeSecrets(const StoreAccountDraft &draft, int index)
{
    if (index >= draft.secrets.size()) {
        setBusy(false);
        m_form->clearSecrets();
        writeAccount(draft);
        return;
    }
    const auto &[key, secret] = draft.secrets.at(index);
    security::CredentialJob *job = m_context.credentials.write(key, secret, this);
    m_job = job;
    connect(job, &security::CredentialJob::succeeded, this, [this, draft, index] { writeSecrets(draft, index + 1); });
    connect(job, &security::CredentialJob::failed, this, [this](const QString &message) {
        setBusy(false);
        showResult(ResultLine::failed(tr("Not saved: the system keychain refused the secret:"), message));
    });
}

void StoreAccountsDialog::writeAccount(const StoreAccountDraft &draft)
{
    try {
        const storage::AccountRepository repository(m_context.database);
        switch (draft.kind) {
        case Kind::Shopify:
            repository.saveShopifyAccount(draft.shopify, m_context.now());
            break;
        case Kind::WooCommerce:
            repository.saveWooCommerceAccount(draft.wooCommerce, m_context.now());
            break;
        case Kind::Amazon:
            repository.saveAmazonAccount(draft.amazon, m_context.now());
            break;
        case Kind::Tracking:
            repository.saveTrackingAccount(draft.tracking, m_context.now());
            break;
        case Kind::Twilio:
            repository.saveTwilioAccount(draft.twilio, m_context.now());
            break;
        case Kind::Chat:
            repository.saveChatAccount(draft.chat, m_context.now());
            break;
        case Kind::Ebay:
            repository.saveEbayAccount(draft.ebay, m_context.now());
            break;
        }
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Not saved:"), error.userMessage()));
        return;
    }
    reloadList(draft.id());
    showSelected();
    showResult(ResultLine::ok(tr("Saved."), savedText(draft)));
    Q_EMIT accountsChanged();
}

void StoreAccountsDialog::removeAccount()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        return;
    }
    const QString id = item->data(AccountIdRole).toString();
    const StoreAccountDraft account = m_accounts.value(id);
    if (!m_context.dialogs.confirm(this, tr("Remove store"),
            tr("Stop syncing orders from %1 and forget its secrets? Orders already synced stay.")
                .arg(account.name()))) {
        return;
    }
    try {
        storage::AccountRepository(m_context.database).remove(id);
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Not removed:"), error.userMessage()));
        return;
    }
    // The keychain entries go too; a failure there leaves only an unused secret behind.
    for (const QString &key : account.secretKeys()) {
        m_context.credentials.remove(key, this);
    }
    m_statuses.remove(id);
    reloadList({});
    startNewAccount();
    showResult(ResultLine::ok(tr("Removed."), account.name()));
    Q_EMIT accountsChanged();
}

void StoreAccountsDialog::setBusy(bool busy)
{
    m_testButton->setEnabled(!busy);
    m_saveButton->setEnabled(!busy);
}

void StoreAccountsDialog::showResult(const QString &html)
{
    m_resultLabel->setText(html);
}

} // namespace waybill::ui
