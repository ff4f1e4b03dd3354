// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailAccountsDialog.h"

#include "ui_EmailAccountsDialog.h"

#include "ConnectionTester.h"
#include "DialogService.h"
#include "OAuthSignInController.h"
#include "ResultLine.h"
#include "channels/ServerAddress.h"
#include "channels/email/EmailProviderPreset.h"
#include "security/CredentialJob.h"
#include "security/CredentialStore.h"
#include "security/OAuthTokens.h"
#include "storage/AccountRepository.h"
#include "storage/StorageError.h"

#include <QColor>
#include <QPushButton>
#include <QRadioButton>

#include <tuple>

namespace waybill::ui {

using channels::email::EmailProviderPreset;
using domain::EmailAccount;
using security::OAuthProvider;

namespace {

constexpr int AccountIdRole = Qt::UserRole + 1;

} // namespace

EmailAccountsDialog::EmailAccountsDialog(Context context, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EmailAccountsDialog>())
    , m_context(std::move(context))
    , m_tester(new ConnectionTester(m_context.transports, this))
    , m_signIn(new OAuthSignInController(m_context.credentials, this))
    , m_oauthProviders([](EmailAccount::Auth auth) { return OAuthProvider::forAuth(auth); })
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("emailAccountsDialog"));
    m_ui->providerCombo->addItem(tr("Other (enter the servers)"), QString());
    for (const EmailProviderPreset &preset : EmailProviderPreset::all()) {
        m_ui->providerCombo->addItem(preset.name, preset.key);
    }
    m_ui->passwordEdit->setClearButtonEnabled(true);
    m_ui->noteLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->resultLabel->setMinimumHeight(48);
    m_ui->resultLabel->setContentsMargins(8, 4, 8, 4);
    m_ui->noteLabel->setStyleSheet(
        QStringLiteral("QLabel { color:#374151; background:#f3f4f6; border-radius:4px; padding:6px; }"));

    connect(m_ui->providerCombo, &QComboBox::activated, this, &EmailAccountsDialog::applyPreset);
    connect(m_ui->addressEdit, &QLineEdit::textEdited, this, [this](const QString &address) {
        // The sign-in name is usually the address; follow it until someone types another one.
        if (m_editingId.isEmpty()
            && (m_ui->userEdit->text().isEmpty() || address.startsWith(m_ui->userEdit->text())
                || m_ui->userEdit->text().startsWith(address))) {
            m_ui->userEdit->setText(address.trimmed());
        }
        if (m_editingId.isEmpty() && m_ui->providerCombo->currentIndex() == 0) {
            if (const EmailProviderPreset *preset = EmailProviderPreset::forAddress(address)) {
                const int index = m_ui->providerCombo->findData(preset->key);
                m_ui->providerCombo->setCurrentIndex(index);
                applyPreset(index);
            }
        }
    });
    connect(m_ui->saveToSentCheck, &QCheckBox::toggled, m_ui->sentFolderEdit, &QWidget::setEnabled);
    connect(m_ui->accountList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item) {
            return;
        }
        try {
            if (const auto account
                = storage::AccountRepository(m_context.database).emailAccount(item->data(AccountIdRole).toString())) {
                showAccount(*account);
            }
        } catch (const storage::StorageError &error) {
            showResult(ResultLine::failed(tr("Could not read the account:"), error.userMessage()));
        }
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, &EmailAccountsDialog::startNewAccount);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &EmailAccountsDialog::removeAccount);
    connect(m_ui->testButton, &QPushButton::clicked, this, &EmailAccountsDialog::testConnection);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &EmailAccountsDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tester, &ConnectionTester::imapChecked, this, [this](bool ok, const QString &message) {
        m_imapResult = ok ? ResultLine::ok(tr("Incoming:"), message) : ResultLine::failed(tr("Incoming:"), message);
        showResult(m_imapResult + m_smtpResult);
    });
    connect(m_tester, &ConnectionTester::smtpChecked, this, [this](bool ok, const QString &message) {
        m_smtpResult = ok ? ResultLine::ok(tr("Outgoing:"), message) : ResultLine::failed(tr("Outgoing:"), message);
        showResult(m_imapResult + m_smtpResult);
    });
    connect(m_tester, &ConnectionTester::finished, this, [this] { setBusy(false); });

    connect(m_ui->oauthRadio, &QRadioButton::toggled, this, &EmailAccountsDialog::updateSignInMode);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &EmailAccountsDialog::signIn);
    connect(m_ui->cancelSignInButton, &QPushButton::clicked, this, &EmailAccountsDialog::cancelSignIn);
    connect(m_ui->signInStatus, &QLabel::linkActivated, this,
        [this](const QString &link) { m_signIn->openBrowser(QUrl(link)); });
    connect(m_signIn, &OAuthSignInController::waitingForBrowser, this, [this](const QUrl &url) {
        showSignInStatus(tr("Waiting for you to finish in the browser…")
            + QStringLiteral(" <a href=\"%1\">%2</a>")
                  .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("Open the page again")));
    });
    connect(m_signIn, &OAuthSignInController::storing, this, [this] {
        m_ui->cancelSignInButton->hide();
        showSignInStatus(tr("Keeping the sign-in in the system keychain…"));
    });
    connect(m_signIn, &OAuthSignInController::succeeded, this,
        [this](const QString &accountId, const security::OAuthTokens &tokens) {
            m_accessTokenAccount = accountId;
            m_accessToken = tokens.accessToken;
            const EmailAccount account = m_signingIn;
            setBusy(false);
            showSignInStatus({});
            if (writeAccount(account)) {
                showResult(ResultLine::ok(tr("Signed in with %1 and saved.").arg(m_oauthProviders(account.auth).name),
                    tr("%1 will be fetched and answered from now on.").arg(account.address)));
            }
        });
    connect(m_signIn, &OAuthSignInController::failed, this, [this](const QString &message) {
        setBusy(false);
        showSignInStatus({});
        showResult(ResultLine::failed(tr("Not signed in, nothing was saved:"), message));
    });

    reloadList({});
    if (m_ui->accountList->count() == 0) {
        startNewAccount();
    }
}

EmailAccountsDialog::~EmailAccountsDialog() = default;

void EmailAccountsDialog::setOpenBrowser(OpenBrowser openBrowser)
{
    m_signIn->setOpenBrowser(std::move(openBrowser));
}

void EmailAccountsDialog::setOAuthProviders(OAuthProviders providers)
{
    m_oauthProviders = std::move(providers);
    presetNote(m_ui->providerCombo->currentData().toString());
    updateSignInMode();
}

void EmailAccountsDialog::reloadList(const QString &selectId)
{
    const QSignalBlocker blocker(m_ui->accountList);
    m_ui->accountList->clear();
    QList<EmailAccount> accounts;
    try {
        accounts = storage::AccountRepository(m_context.database).emailAccounts();
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Could not read the accounts:"), error.userMessage()));
    }
    for (const EmailAccount &account : accounts) {
        auto *item = new QListWidgetItem(account.name.isEmpty() ? account.address : account.name, m_ui->accountList);
        item->setData(AccountIdRole, account.id);
        item->setToolTip(account.address);
        if (!account.enabled) {
            item->setText(tr("%1 (off)").arg(item->text()));
            item->setForeground(QColor(0x8a, 0x91, 0x9c));
        }
        if (account.id == selectId || (selectId.isEmpty() && m_ui->accountList->count() == 1)) {
            m_ui->accountList->setCurrentItem(item);
            showAccount(account);
        }
    }
    m_ui->removeButton->setEnabled(m_ui->accountList->count() > 0);
}

void EmailAccountsDialog::startNewAccount()
{
    {
        const QSignalBlocker blocker(m_ui->accountList);
        m_ui->accountList->clearSelection();
        m_ui->accountList->setCurrentItem(nullptr);
    }
    EmailAccount blank;
    blank.folders = { QStringLiteral("INBOX") };
    showAccount(blank);
    m_ui->addressEdit->setFocus();
}

void EmailAccountsDialog::showAccount(const EmailAccount &account)
{
    m_tester->abort();
    m_signIn->cancel();
    setBusy(false);
    showSignInStatus({});
    m_editingId = account.id;
    m_editingAuth = account.auth;
    m_ui->addressEdit->setText(account.address);
    m_ui->nameEdit->setText(account.name);
    m_ui->displayNameEdit->setText(account.displayName);
    m_ui->userEdit->setText(account.username);
    m_ui->passwordEdit->clear();
    m_ui->passwordEdit->setPlaceholderText(
        account.id.isEmpty() ? tr("Stored in the system keychain") : tr("Unchanged (stored in the system keychain)"));
    m_ui->imapEdit->setText(account.imapUrl);
    m_ui->smtpEdit->setText(account.smtpUrl);
    m_ui->foldersEdit->setText(account.folders.join(QStringLiteral(", ")));
    m_ui->saveToSentCheck->setChecked(account.saveToSent);
    m_ui->sentFolderEdit->setText(account.sentFolder);
    m_ui->sentFolderEdit->setEnabled(account.saveToSent);
    m_ui->signatureEdit->setPlainText(account.signature);
    m_ui->enabledCheck->setChecked(account.enabled);
    int preset = 0;
    for (int i = 1; i < m_ui->providerCombo->count(); ++i) {
        const EmailProviderPreset *candidate = EmailProviderPreset::byKey(m_ui->providerCombo->itemData(i).toString());
        if (candidate && candidate->imapUrl == account.imapUrl && candidate->smtpUrl == account.smtpUrl) {
            preset = i;
        }
    }
    m_ui->providerCombo->setCurrentIndex(preset);
    presetNote(m_ui->providerCombo->itemData(preset).toString());
    const EmailAccount::Auth offered = offeredOAuth();
    const bool oauth = account.id.isEmpty()
        ? (offered != EmailAccount::Auth::Password && m_oauthProviders(offered).isConfigured())
        : OAuthProvider::isOAuth(account.auth);
    (oauth ? m_ui->oauthRadio : m_ui->passwordRadio)->setChecked(true);
    updateSignInMode();
    m_imapResult.clear();
    m_smtpResult.clear();
    showResult(account.id.isEmpty() ? QString() : tr("Editing %1.").arg(account.id.toHtmlEscaped()));
}

void EmailAccountsDialog::applyPreset(int index)
{
    const QString key = m_ui->providerCombo->itemData(index).toString();
    if (const EmailProviderPreset *preset = EmailProviderPreset::byKey(key)) {
        m_ui->imapEdit->setText(preset->imapUrl);
        m_ui->smtpEdit->setText(preset->smtpUrl);
    }
    presetNote(key);
    const EmailAccount::Auth offered = offeredOAuth();
    if (m_editingId.isEmpty() && offered != EmailAccount::Auth::Password) {
        // A new account signs in in the browser where this installation can.
        (m_oauthProviders(offered).isConfigured() ? m_ui->oauthRadio : m_ui->passwordRadio)->setChecked(true);
    }
    updateSignInMode();
}

void EmailAccountsDialog::presetNote(const QString &key)
{
    const EmailProviderPreset *preset = EmailProviderPreset::byKey(key);
    if (!preset) {
        m_ui->noteLabel->setText(tr("Enter the servers your provider gives: imaps://host:993 or imap://host:143 "
                                    "(STARTTLS) for incoming mail, smtps://host:465 or smtp://host:587 for outgoing."));
        return;
    }
    QString note;
    if (OAuthProvider::isOAuth(preset->auth) && !m_oauthProviders(preset->auth).isConfigured()) {
        const OAuthProvider provider = m_oauthProviders(preset->auth);
        m_ui->noteLabel->setText(
            tr("<b>Sign-in with %1 is not set up on this computer</b>: it needs an OAuth client id in %2 (see the "
               "user guide). Until then use an app password: %3")
                .arg(provider.name, provider.clientIdVariable(),
                    preset->auth == EmailAccount::Auth::OAuthGmail
                        ? tr("turn on 2-Step Verification and create one in your Google Account (Security → App "
                             "passwords).")
                        : tr("create one under Microsoft account → Security → Advanced security options.")));
        return;
    }
    switch (preset->auth) {
    case EmailAccount::Auth::OAuthGmail:
        note = tr("<b>Sign in with Google</b> in your browser: Waybill never sees your password and keeps only "
                  "the sign-in, in the system keychain. Or choose <i>App password</i> and create one in your "
                  "Google Account (Security → App passwords).");
        break;
    case EmailAccount::Auth::OAuthMicrosoft:
        note = tr("<b>Sign in with Microsoft</b> in your browser: Waybill never sees your password and keeps only "
                  "the sign-in, in the system keychain. Work accounts need their administrator to allow IMAP and "
                  "SMTP for them. Or choose <i>App password</i> (Microsoft account → Security → Advanced security "
                  "options).");
        break;
    case EmailAccount::Auth::Password:
        note = preset->note.toHtmlEscaped();
        break;
    }
    m_ui->noteLabel->setText(note);
}

EmailAccount::Auth EmailAccountsDialog::offeredOAuth() const
{
    const EmailProviderPreset *preset = EmailProviderPreset::byKey(m_ui->providerCombo->currentData().toString());
    if (preset && OAuthProvider::isOAuth(preset->auth)) {
        return preset->auth;
    }
    if (!preset && OAuthProvider::isOAuth(m_editingAuth)) {
        return m_editingAuth; // an OAuth account on its own servers (self-hosted, tests)
    }
    return EmailAccount::Auth::Password;
}

bool EmailAccountsDialog::isOAuthMode() const
{
    return offeredOAuth() != EmailAccount::Auth::Password && m_ui->oauthRadio->isChecked();
}

void EmailAccountsDialog::updateSignInMode()
{
    const EmailAccount::Auth offered = offeredOAuth();
    const bool choice = offered != EmailAccount::Auth::Password;
    const bool oauth = isOAuthMode();
    m_ui->form->setRowVisible(m_ui->signInChoiceRow, choice);
    m_ui->form->setRowVisible(m_ui->passwordEdit, !oauth);
    m_ui->form->setRowVisible(m_ui->oauthRow, oauth);
    m_ui->form->setRowVisible(m_ui->signInStatus, oauth && !m_ui->signInStatus->text().isEmpty());
    m_ui->cancelSignInButton->setVisible(m_signIn->isRunning());
    if (!choice) {
        return;
    }
    const OAuthProvider provider = m_oauthProviders(offered);
    m_ui->oauthRadio->setText(tr("Sign in with %1").arg(provider.name));
    m_ui->signInButton->setText(!m_editingId.isEmpty() && m_editingAuth == offered
            ? tr("Sign in with %1 again…").arg(provider.name)
            : tr("Sign in with %1…").arg(provider.name));
    m_ui->signInButton->setEnabled(provider.isConfigured() && !m_signIn->isRunning() && m_ui->saveButton->isEnabled());
    if (!m_signIn->isRunning()) {
        showSignInStatus(provider.isConfigured() ? QString()
                                                 : tr("Not set up on this computer: it needs an OAuth client id in %1.")
                                                       .arg(provider.clientIdVariable())
                                                       .toHtmlEscaped());
    }
}

void EmailAccountsDialog::signIn()
{
    const EmailAccount account = accountFromForm();
    QString problem;
    if (!validate(account, &problem)) {
        showResult(ResultLine::failed(tr("Cannot sign in yet:"), problem));
        return;
    }
    const OAuthProvider provider = m_oauthProviders(account.auth);
    m_signingIn = account;
    m_tester->abort();
    setBusy(true);
    m_ui->cancelSignInButton->show();
    m_ui->cancelSignInButton->setFocus();
    showSignInStatus(tr("Opening the %1 sign-in page…").arg(provider.name).toHtmlEscaped());
    showResult({});
    m_signIn->start(provider, account.id);
}

void EmailAccountsDialog::cancelSignIn()
{
    m_signIn->cancel();
    setBusy(false);
    showResult(tr("Sign-in cancelled; nothing was saved.").toHtmlEscaped());
}

void EmailAccountsDialog::showSignInStatus(const QString &html)
{
    m_ui->signInStatus->setText(html);
    m_ui->form->setRowVisible(m_ui->signInStatus, isOAuthMode() && !html.isEmpty());
}

EmailAccount EmailAccountsDialog::accountFromForm() const
{
    EmailAccount account;
    account.address = m_ui->addressEdit->text().trimmed().toLower();
    account.id = m_editingId.isEmpty() ? QStringLiteral("email:") + account.address : m_editingId;
    account.name = m_ui->nameEdit->text().trimmed().isEmpty() ? account.address : m_ui->nameEdit->text().trimmed();
    account.displayName = m_ui->displayNameEdit->text().trimmed();
    account.username = m_ui->userEdit->text().trimmed().isEmpty() ? account.address : m_ui->userEdit->text().trimmed();
    account.imapUrl = m_ui->imapEdit->text().trimmed();
    account.smtpUrl = m_ui->smtpEdit->text().trimmed();
    account.auth = isOAuthMode() ? offeredOAuth() : EmailAccount::Auth::Password;
    account.folders.clear();
    for (const QString &folder : m_ui->foldersEdit->text().split(u',', Qt::SkipEmptyParts)) {
        if (!folder.trimmed().isEmpty()) {
            account.folders << folder.trimmed();
        }
    }
    if (account.folders.isEmpty()) {
        account.folders << QStringLiteral("INBOX");
    }
    account.signature = m_ui->signatureEdit->toPlainText();
    account.saveToSent = m_ui->saveToSentCheck->isChecked();
    account.sentFolder = m_ui->sentFolderEdit->text().trimmed().isEmpty() ? QStringLiteral("Sent")
                                                                          : m_ui->sentFolderEdit->text().trimmed();
    account.enabled = m_ui->enabledCheck->isChecked();
    return account;
}

bool EmailAccountsDialog::validate(const EmailAccount &account, QString *problem) const
{
    if (!account.address.contains(u'@') || account.address.startsWith(u'@') || account.address.endsWith(u'@')) {
        *problem = tr("Enter the address replies are sent from, e.g. support@shop.example.");
        return false;
    }
    for (const auto &[url, protocol, label] :
        { std::tuple { account.imapUrl, QStringLiteral("imap"), tr("Incoming (IMAP) server") },
            std::tuple { account.smtpUrl, QStringLiteral("smtp"), tr("Outgoing (SMTP) server") } }) {
        QString error;
        if (url.isEmpty()) {
            *problem = tr("%1: enter the server, or choose a provider.").arg(label);
            return false;
        }
        if (channels::ServerAddress::parse(url, protocol, &error).host.isEmpty()) {
            *problem = tr("%1: %2").arg(label, error);
            return false;
        }
    }
    return true;
}

void EmailAccountsDialog::testConnection()
{
    const EmailAccount account = accountFromForm();
    QString problem;
    if (!validate(account, &problem)) {
        showResult(ResultLine::failed(tr("Cannot test yet:"), problem));
        return;
    }
    if (isOAuthMode()) {
        if (m_accessTokenAccount == account.id && !m_accessToken.isEmpty()) {
            runTest(account, m_accessToken);
        } else {
            showResult(ResultLine::failed(tr("Cannot test yet:"),
                tr("sign in with %1 first; the test uses that sign-in.").arg(m_oauthProviders(account.auth).name)));
        }
        return;
    }
    const QString password = m_ui->passwordEdit->text();
    if (!password.isEmpty() || m_editingId.isEmpty() || m_editingAuth != EmailAccount::Auth::Password) {
        if (password.isEmpty()) {
            showResult(ResultLine::failed(tr("Cannot test yet:"), tr("Enter the password.")));
            return;
        }
        runTest(account, password);
        return;
    }
    // Editing with the password left unchanged: test with the one in the keychain.
    setBusy(true);
    showResult(tr("Reading the password from the system keychain…"));
    security::CredentialJob *job = m_context.credentials.read(account.id, this);
    m_job = job;
    connect(job, &security::CredentialJob::succeeded, this,
        [this, account](const QString &secret) { runTest(account, secret); });
    connect(job, &security::CredentialJob::failed, this, [this](const QString &message) {
        setBusy(false);
        showResult(ResultLine::failed(tr("Could not read the password:"), message));
    });
}

void EmailAccountsDialog::runTest(const EmailAccount &account, const QString &secret)
{
    setBusy(true);
    m_imapResult = QStringLiteral("<div>%1</div>").arg(tr("Incoming: connecting…").toHtmlEscaped());
    m_smtpResult = QStringLiteral("<div>%1</div>").arg(tr("Outgoing: connecting…").toHtmlEscaped());
    showResult(m_imapResult + m_smtpResult);
    m_tester->start(account, secret);
}

void EmailAccountsDialog::save()
{
    const EmailAccount account = accountFromForm();
    QString problem;
    if (!validate(account, &problem)) {
        showResult(ResultLine::failed(tr("Not saved:"), problem));
        return;
    }
    if (isOAuthMode()) {
        if (m_editingId.isEmpty() || m_editingAuth != account.auth) {
            showResult(ResultLine::failed(tr("Not saved:"),
                tr("sign in with %1 first; the account is saved when the sign-in succeeds.")
                    .arg(m_oauthProviders(account.auth).name)));
            return;
        }
        writeAccount(account); // the stored sign-in stays
        return;
    }
    const QString password = m_ui->passwordEdit->text();
    if (password.isEmpty()) {
        if (m_editingId.isEmpty() || m_editingAuth != EmailAccount::Auth::Password) {
            showResult(
                ResultLine::failed(tr("Not saved:"), tr("Enter the password (it is kept in the system keychain).")));
            return;
        }
        writeAccount(account);
        return;
    }
    // The keychain first: an account without its password would only fail later.
    setBusy(true);
    showResult(tr("Storing the password in the system keychain…"));
    security::CredentialJob *job = m_context.credentials.write(account.id, password, this);
    m_job = job;
    connect(job, &security::CredentialJob::succeeded, this, [this, account] {
        setBusy(false);
        m_ui->passwordEdit->clear();
        writeAccount(account);
    });
    connect(job, &security::CredentialJob::failed, this, [this](const QString &message) {
        setBusy(false);
        showResult(ResultLine::failed(tr("Not saved: the system keychain refused the password:"), message));
    });
}

bool EmailAccountsDialog::writeAccount(const EmailAccount &account)
{
    try {
        storage::AccountRepository(m_context.database).saveEmailAccount(account, m_context.now());
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Not saved:"), error.userMessage()));
        return false;
    }
    reloadList(account.id);
    showResult(ResultLine::ok(tr("Saved."), tr("%1 will be fetched and answered from now on.").arg(account.address)));
    Q_EMIT accountSaved(account.id);
    Q_EMIT accountsChanged();
    return true;
}

void EmailAccountsDialog::removeAccount()
{
    const QListWidgetItem *item = m_ui->accountList->currentItem();
    if (!item) {
        return;
    }
    const QString id = item->data(AccountIdRole).toString();
    if (!m_context.dialogs.confirm(this, tr("Remove account"),
            tr("Stop fetching and sending mail with %1 and forget its password? Its conversations stay.")
                .arg(item->toolTip()))) {
        return;
    }
    try {
        storage::AccountRepository(m_context.database).remove(id);
    } catch (const storage::StorageError &error) {
        showResult(ResultLine::failed(tr("Not removed:"), error.userMessage()));
        return;
    }
    // The keychain entry goes too; a failure there leaves only an unused secret behind.
    m_context.credentials.remove(id, this);
    reloadList({});
    if (m_ui->accountList->count() == 0) {
        startNewAccount();
    }
    showResult(ResultLine::ok(tr("Removed."), id));
    Q_EMIT accountsChanged();
}

void EmailAccountsDialog::setBusy(bool busy)
{
    m_ui->testButton->setEnabled(!busy);
    m_ui->saveButton->setEnabled(!busy);
    updateSignInMode();
}

void EmailAccountsDialog::showResult(const QString &html)
{
    m_ui->resultLabel->setText(html);
}

} // namespace waybill::ui
