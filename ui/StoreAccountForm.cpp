// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreAccountForm.h"

#include "channels/chat/ChatAccountRules.h"
#include "channels/sms/PhoneNumber.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/TrackingProviderApi.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace waybill::ui {

using Kind = StoreAccountDraft::Kind;

namespace {

QString withoutTrailingSlashes(QString url)
{
    url = url.trimmed();
    while (url.endsWith(u'/')) {
        url.chop(1);
    }
    return url;
}

} // namespace

StoreAccountForm::StoreAccountForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *common = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("Shopify"), static_cast<int>(Kind::Shopify));
    m_kind->addItem(tr("WooCommerce"), static_cast<int>(Kind::WooCommerce));
    m_kind->addItem(tr("Amazon (Selling Partner API)"), static_cast<int>(Kind::Amazon));
    m_kind->addItem(tr("Tracking provider"), static_cast<int>(Kind::Tracking));
    m_kind->addItem(tr("SMS number (Twilio)"), static_cast<int>(Kind::Twilio));
    m_kind->addItem(tr("Live chat"), static_cast<int>(Kind::Chat));
    m_kind->addItem(tr("eBay (buyer messages)"), static_cast<int>(Kind::Ebay));
    common->addRow(tr("&Type:"), m_kind);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("storeNameEdit"));
    m_name->setPlaceholderText(tr("For people (default: the store's address or the provider)"));
    common->addRow(tr("&Name:"), m_name);
    layout->addLayout(common);

    m_pages = { buildShopifyPage(), buildWooCommercePage(), buildAmazonPage(), buildTrackingPage(), buildTwilioPage(),
        buildChatPage(), buildEbayPage() };
    for (QWidget *page : std::as_const(m_pages)) {
        layout->addWidget(page);
    }
    m_secretNote = new QLabel(this);
    m_secretNote->setObjectName(QStringLiteral("secretNote"));
    m_secretNote->setWordWrap(true);
    m_secretNote->setStyleSheet(QStringLiteral("color:#6b7280"));
    layout->addWidget(m_secretNote);

    // One label column for the common rows and every page, so that the fields line up whichever page shows.
    int labelWidth = 0;
    const QList<QFormLayout *> forms = findChildren<QFormLayout *>();
    for (const QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (const QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget()) {
                labelWidth = std::max(labelWidth, label->widget()->sizeHint().width());
            }
        }
    }
    for (const QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (const QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole); label && label->widget()) {
                label->widget()->setMinimumWidth(labelWidth);
            }
        }
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        showPage(index);
        Q_EMIT kindChanged(kind());
    });
    startNew(Kind::Shopify);
    showPage(0);
}

StoreAccountForm::~StoreAccountForm() = default;

void StoreAccountForm::showPage(int index)
{
    // Only the page shown takes room (hidden widgets take none): a short page leaves no gap under its fields.
    for (int page = 0; page < m_pages.size(); ++page) {
        m_pages.at(page)->setVisible(page == index);
    }
    // A chat has no secret to keep.
    m_secretNote->setVisible(static_cast<Kind>(m_kind->itemData(index).toInt()) != Kind::Chat);
}

QLineEdit *StoreAccountForm::addLine(QWidget *page, const char *objectName, const QString &placeholder, bool secret)
{
    auto *edit = new QLineEdit(page);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
    }
    return edit;
}

QWidget *StoreAccountForm::buildShopifyPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_shop = addLine(page, "shopEdit", tr("name.myshopify.com"));
    m_shopifyToken = addLine(page, "shopifyTokenEdit", tr("shpat_… (Admin API access token)"), true);
    m_apiVersion = addLine(page, "apiVersionEdit", QString::fromLatin1(domain::ShopifyAccount::DefaultApiVersion));
    m_shopifyBaseUrl = addLine(page, "shopifyBaseUrlEdit", tr("Optional: a proxy in front of the store"));
    form->addRow(tr("&Shop:"), m_shop);
    form->addRow(tr("Access &token:"), m_shopifyToken);
    form->addRow(tr("API &version:"), m_apiVersion);
    form->addRow(tr("&Base URL:"), m_shopifyBaseUrl);
    return page;
}

QWidget *StoreAccountForm::buildWooCommercePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_wooUrl = addLine(page, "wooUrlEdit", tr("https://shop.example"));
    m_wooKey = addLine(page, "consumerKeyEdit", tr("ck_…"), true);
    m_wooSecret = addLine(page, "consumerSecretEdit", tr("cs_…"), true);
    form->addRow(tr("&Site:"), m_wooUrl);
    form->addRow(tr("Consumer &key:"), m_wooKey);
    form->addRow(tr("Consumer s&ecret:"), m_wooSecret);
    auto *hint = new QLabel(tr("WooCommerce → Settings → Advanced → REST API: add a key with read access."), page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color:#6b7280"));
    form->addRow(hint);
    return page;
}

QWidget *StoreAccountForm::buildAmazonPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_amazonRegion = new QComboBox(page);
    m_amazonRegion->setObjectName(QStringLiteral("amazonEndpointCombo"));
    m_amazonRegion->setEditable(true); // a proxy or another endpoint may be typed
    m_amazonRegion->addItem(QStringLiteral("https://sellingpartnerapi-na.amazon.com"));
    m_amazonRegion->addItem(QStringLiteral("https://sellingpartnerapi-eu.amazon.com"));
    m_amazonRegion->addItem(QStringLiteral("https://sellingpartnerapi-fe.amazon.com"));
    m_lwaUrl = addLine(page, "lwaUrlEdit", QString::fromLatin1(domain::AmazonAccount::DefaultLwaUrl));
    m_clientId = addLine(page, "clientIdEdit", tr("amzn1.application-oa2-client.…"));
    m_marketplaces = addLine(page, "marketplaceEdit", tr("ATVPDKIKX0DER (several: comma-separated)"));
    m_since = new QDateEdit(page);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_refreshToken = addLine(page, "refreshTokenEdit", tr("Atzr|… (LWA refresh token)"), true);
    m_clientSecret = addLine(page, "clientSecretEdit", tr("LWA client secret"), true);
    form->addRow(tr("&Endpoint:"), m_amazonRegion);
    form->addRow(tr("&LWA token URL:"), m_lwaUrl);
    form->addRow(tr("&Client id:"), m_clientId);
    form->addRow(tr("&Marketplaces:"), m_marketplaces);
    form->addRow(tr("Orders &since:"), m_since);
    form->addRow(tr("&Refresh token:"), m_refreshToken);
    form->addRow(tr("Client s&ecret:"), m_clientSecret);
    return page;
}

QWidget *StoreAccountForm::buildEbayPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_ebayUser = addLine(page, "ebayUserEdit", tr("The seller's eBay user id, as buyers see it"));
    m_ebayAppId = addLine(page, "ebayAppIdEdit", tr("App ID (client id) of your eBay application"));
    m_ebayCertId = addLine(page, "ebayCertIdEdit", tr("Cert ID (client secret)"), true);
    m_ebayRefreshToken = addLine(page, "ebayRefreshTokenEdit", tr("v^1.1#… (the seller's OAuth refresh token)"), true);
    m_ebaySite = new QComboBox(page);
    m_ebaySite->setObjectName(QStringLiteral("ebaySiteCombo"));
    const std::pair<const char *, QString> sites[] = { { "0", tr("eBay US") }, { "2", tr("eBay Canada") },
        { "3", tr("eBay UK") }, { "15", tr("eBay Australia") }, { "71", tr("eBay France") },
        { "77", tr("eBay Germany") }, { "101", tr("eBay Italy") }, { "186", tr("eBay Spain") } };
    for (const auto &[id, label] : sites) {
        m_ebaySite->addItem(tr("%1 (site %2)").arg(label, QString::fromLatin1(id)), QString::fromLatin1(id));
    }
    m_ebayTradingUrl = addLine(page, "ebayTradingUrlEdit", QString::fromLatin1(domain::EbayAccount::DefaultTradingUrl));
    m_ebayTokenUrl = addLine(page, "ebayTokenUrlEdit", QString::fromLatin1(domain::EbayAccount::DefaultTokenUrl));
    m_ebaySince = new QDateEdit(page);
    m_ebaySince->setObjectName(QStringLiteral("ebaySinceEdit"));
    m_ebaySince->setCalendarPopup(true);
    m_ebaySince->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    form->addRow(tr("eBay &user id:"), m_ebayUser);
    form->addRow(tr("&App ID:"), m_ebayAppId);
    form->addRow(tr("&Cert ID:"), m_ebayCertId);
    form->addRow(tr("&Refresh token:"), m_ebayRefreshToken);
    form->addRow(tr("&Site:"), m_ebaySite);
    form->addRow(tr("&Trading API URL:"), m_ebayTradingUrl);
    form->addRow(tr("T&oken URL:"), m_ebayTokenUrl);
    form->addRow(tr("Messages &since:"), m_ebaySince);
    auto *hint
        = new QLabel(tr("Buyers' questions and messages are read every few minutes and answered through eBay, "
                        "within eBay's limit of 75 calls a minute. Leave the URLs empty for eBay itself; for its "
                        "sandbox give https://api.sandbox.ebay.com/ws/api.dll and "
                        "https://api.sandbox.ebay.com/identity/v1/oauth2/token."),
            page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color:#6b7280"));
    form->addRow(hint);
    return page;
}

QWidget *StoreAccountForm::buildTrackingPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_trackingProvider = new QComboBox(page);
    m_trackingProvider->setObjectName(QStringLiteral("trackingProviderCombo"));
    for (const char *provider : { "easypost", "aftership", "shippo" }) {
        const QString key = QString::fromLatin1(provider);
        m_trackingProvider->addItem(commerce::TrackingProviderApi::displayName(key), key);
    }
    m_trackingKey = addLine(page, "trackingKeyEdit", tr("API key"), true);
    m_trackingBaseUrl = addLine(page, "trackingBaseUrlEdit", tr("Optional: a proxy in front of the provider"));
    form->addRow(tr("&Provider:"), m_trackingProvider);
    form->addRow(tr("API &key:"), m_trackingKey);
    form->addRow(tr("&Base URL:"), m_trackingBaseUrl);
    auto *hint = new QLabel(tr("Moving shipments are asked about more often near their expected delivery, within the "
                               "provider's request limits; delivered ones are not asked again."),
        page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color:#6b7280"));
    form->addRow(hint);
    return page;
}

QWidget *StoreAccountForm::buildTwilioPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_twilioNumber = addLine(page, "twilioNumberEdit", tr("+1 501 712 2661 (the shop's Twilio number)"));
    m_accountSid = addLine(page, "accountSidEdit", tr("AC… (Twilio console → Account info)"));
    m_authToken = addLine(page, "authTokenEdit", tr("Auth token"), true);
    m_helpReply = addLine(page, "helpReplyEdit", tr("Optional: the answer to HELP, if Twilio does not send one"));
    m_twilioBaseUrl = addLine(page, "twilioBaseUrlEdit", tr("Optional: a proxy in front of api.twilio.com"));
    form->addRow(tr("&Number:"), m_twilioNumber);
    form->addRow(tr("Account &SID:"), m_accountSid);
    form->addRow(tr("Auth &token:"), m_authToken);
    form->addRow(tr("&HELP reply:"), m_helpReply);
    form->addRow(tr("&Base URL:"), m_twilioBaseUrl);
    auto *hint = new QLabel(tr("Customers' texts to this number become SMS conversations; replies are sent from it. "
                               "STOP and START are honoured."),
        page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color:#6b7280"));
    form->addRow(hint);
    return page;
}

QWidget *StoreAccountForm::buildChatPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_origins = addLine(page, "originsEdit", tr("https://shop.example (several: comma-separated)"));
    m_listen = addLine(page, "listenEdit", QStringLiteral("127.0.0.1:8090"));
    m_chatPublicUrl = addLine(page, "chatPublicUrlEdit", tr("Optional: https://chat.shop.example behind a proxy"));
    m_certificateFile = addLine(page, "certificateFileEdit", tr("Optional: PEM certificate for HTTPS"));
    m_keyFile = addLine(page, "keyFileEdit", tr("Optional: its PEM private key"));
    m_fallbackAccount = new QComboBox(page);
    m_fallbackAccount->setObjectName(QStringLiteral("fallbackAccountCombo"));
    m_fallbackAfter = new QSpinBox(page);
    m_fallbackAfter->setObjectName(QStringLiteral("fallbackAfterSpin"));
    m_fallbackAfter->setRange(30, 24 * 3600);
    m_fallbackAfter->setSuffix(tr(" s"));
    form->addRow(tr("Shop &pages:"), m_origins);
    form->addRow(tr("&Listen on:"), m_listen);
    form->addRow(tr("&Public URL:"), m_chatPublicUrl);
    form->addRow(tr("&Certificate:"), m_certificateFile);
    form->addRow(tr("&Key:"), m_keyFile);
    form->addRow(tr("Continue by &e-mail from:"), m_fallbackAccount);
    form->addRow(tr("&After the visitor left:"), m_fallbackAfter);
    auto *hint = new QLabel(tr("The Name above is the chat's title for visitors. Only the shop's pages may open a "
                               "chat; replies to a visitor who left go by e-mail to the address they gave."),
        page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color:#6b7280"));
    form->addRow(hint);
    return page;
}

void StoreAccountForm::setEmailAccounts(const QStringList &accountIds)
{
    const QString current = m_fallbackAccount->currentData().toString();
    m_fallbackAccount->clear();
    m_fallbackAccount->addItem(tr("No one: replies wait for the visitor"), QString());
    for (const QString &id : accountIds) {
        m_fallbackAccount->addItem(id, id);
    }
    m_fallbackAccount->setCurrentIndex(std::max(0, m_fallbackAccount->findData(current)));
}

Kind StoreAccountForm::kind() const
{
    return static_cast<Kind>(m_kind->currentData().toInt());
}

void StoreAccountForm::startNew(Kind kind)
{
    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        if (edit->parent() != m_amazonRegion) {
            edit->clear();
        }
    }
    m_apiVersion->setText(QString::fromLatin1(domain::ShopifyAccount::DefaultApiVersion));
    m_lwaUrl->setText(QString::fromLatin1(domain::AmazonAccount::DefaultLwaUrl));
    m_amazonRegion->setCurrentIndex(0);
    m_trackingProvider->setCurrentIndex(0);
    m_listen->setText(QStringLiteral("127.0.0.1:8090"));
    m_fallbackAccount->setCurrentIndex(0);
    m_fallbackAfter->setValue(120);
    m_since->setDate(QDate::currentDate().addDays(-30));
    m_ebaySince->setDate(QDate::currentDate().addDays(-30));
    m_ebaySite->setCurrentIndex(0);
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
    m_editingId.clear();
    setEditing(false);
}

void StoreAccountForm::showAccount(const StoreAccountDraft &account)
{
    startNew(account.kind);
    m_editingId = account.id();
    m_name->setText(account.name());
    switch (account.kind) {
    case Kind::Shopify:
        m_shop->setText(account.shopify.shop);
        m_apiVersion->setText(account.shopify.apiVersion);
        m_shopifyBaseUrl->setText(account.shopify.baseUrl);
        break;
    case Kind::WooCommerce:
        m_wooUrl->setText(account.wooCommerce.baseUrl);
        break;
    case Kind::Amazon:
        m_amazonRegion->setEditText(account.amazon.baseUrl);
        m_lwaUrl->setText(account.amazon.lwaUrl);
        m_clientId->setText(account.amazon.clientId);
        m_marketplaces->setText(account.amazon.marketplaceIds.join(u','));
        m_since->setDate(QDateTime::fromString(account.amazon.syncSince, Qt::ISODate).toUTC().date());
        break;
    case Kind::Ebay:
        m_ebayUser->setText(account.ebay.sellerUserId);
        m_ebayAppId->setText(account.ebay.appId);
        if (m_ebaySite->findData(account.ebay.siteId) < 0) {
            m_ebaySite->addItem(tr("Site %1").arg(account.ebay.siteId), account.ebay.siteId);
        }
        m_ebaySite->setCurrentIndex(m_ebaySite->findData(account.ebay.siteId));
        m_ebayTradingUrl->setText(account.ebay.tradingUrl);
        m_ebayTokenUrl->setText(account.ebay.tokenUrl);
        m_ebaySince->setDate(QDateTime::fromString(account.ebay.syncSince, Qt::ISODate).toUTC().date());
        break;
    case Kind::Chat:
        m_origins->setText(account.chat.allowedOrigins.join(QStringLiteral(", ")));
        m_listen->setText(account.chat.listen);
        m_chatPublicUrl->setText(account.chat.publicUrl);
        m_certificateFile->setText(account.chat.certificateFile);
        m_keyFile->setText(account.chat.keyFile);
        m_fallbackAccount->setCurrentIndex(std::max(0, m_fallbackAccount->findData(account.chat.fallbackEmailAccount)));
        m_fallbackAfter->setValue(account.chat.fallbackAfterSeconds);
        break;
    case Kind::Twilio:
        m_twilioNumber->setText(account.twilio.fromNumber);
        m_accountSid->setText(account.twilio.accountSid);
        m_helpReply->setText(account.twilio.helpReply);
        m_twilioBaseUrl->setText(account.twilio.baseUrl);
        break;
    case Kind::Tracking:
        m_trackingProvider->setCurrentIndex(m_trackingProvider->findData(account.tracking.provider));
        m_trackingBaseUrl->setText(account.tracking.baseUrl
                    == commerce::TrackingProviderApi::defaultBaseUrl(account.tracking.provider).toString()
                ? QString()
                : account.tracking.baseUrl);
        break;
    }
    setEditing(true);
}

void StoreAccountForm::setEditing(bool editing)
{
    m_editing = editing;
    m_kind->setEnabled(!editing);
    // The id comes from these: another shop, site or marketplace is another account.
    m_shop->setReadOnly(editing);
    m_wooUrl->setReadOnly(editing);
    m_marketplaces->setReadOnly(editing);
    m_trackingProvider->setEnabled(!editing);
    m_twilioNumber->setReadOnly(editing);
    m_ebayUser->setReadOnly(editing);
    m_name->setReadOnly(editing && kind() == Kind::Chat); // the chat's id comes from its name
    m_secretNote->setText(editing
            ? tr("Secrets are kept in the system keychain. Leave them empty to keep the stored ones.")
            : tr("Secrets are kept in the system keychain, never in the workspace."));
}

void StoreAccountForm::clearSecrets()
{
    for (QLineEdit *edit : { m_shopifyToken, m_wooKey, m_wooSecret, m_refreshToken, m_clientSecret, m_trackingKey,
             m_authToken, m_ebayCertId, m_ebayRefreshToken }) {
        edit->clear();
    }
}

std::optional<StoreAccountDraft> StoreAccountForm::draft(QString *problem) const
{
    switch (kind()) {
    case Kind::Shopify:
        return shopifyDraft(problem);
    case Kind::WooCommerce:
        return wooCommerceDraft(problem);
    case Kind::Amazon:
        return amazonDraft(problem);
    case Kind::Tracking:
        return trackingDraft(problem);
    case Kind::Twilio:
        return twilioDraft(problem);
    case Kind::Chat:
        return chatDraft(problem);
    case Kind::Ebay:
        return ebayDraft(problem);
    }
    return std::nullopt;
}

std::optional<StoreAccountDraft> StoreAccountForm::shopifyDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Shopify;
    domain::ShopifyAccount &account = draft.shopify;
    account.shop = withoutTrailingSlashes(m_shop->text()).toLower();
    if (account.shop.startsWith(QLatin1String("https://"))) {
        account.shop = account.shop.mid(8);
    }
    if (!domain::ShopifyAccount::isValidShop(account.shop)) {
        *problem = tr("Enter the store's NAME.myshopify.com address (not its own domain).");
        return std::nullopt;
    }
    account.id = domain::ShopifyAccount::idForShop(account.shop);
    account.name = m_name->text().trimmed().isEmpty() ? account.shop : m_name->text().trimmed();
    static const QRegularExpression version(QStringLiteral("^\\d{4}-\\d{2}$|^unstable$"));
    account.apiVersion = m_apiVersion->text().trimmed();
    if (!version.match(account.apiVersion).hasMatch()) {
        *problem = tr("The API version is a release such as 2024-01.");
        return std::nullopt;
    }
    account.baseUrl = withoutTrailingSlashes(m_shopifyBaseUrl->text());
    if (!account.baseUrl.isEmpty()) {
        if (const QString urlProblem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl));
            !urlProblem.isEmpty()) {
            *problem = tr("Base URL: %1.").arg(urlProblem);
            return std::nullopt;
        }
    }
    const QString token = m_shopifyToken->text().trimmed();
    if (!token.isEmpty()) {
        draft.secrets.append({ account.id, token });
    } else if (!m_editing) {
        *problem = tr("Enter the Admin API access token (Shopify admin → Apps → Develop apps).");
        return std::nullopt;
    }
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::wooCommerceDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::WooCommerce;
    domain::WooCommerceAccount &account = draft.wooCommerce;
    account.baseUrl = withoutTrailingSlashes(m_wooUrl->text());
    const QUrl url(account.baseUrl);
    if (account.baseUrl.isEmpty()) {
        *problem = tr("Enter the store's site, such as https://shop.example.");
        return std::nullopt;
    }
    if (const QString urlProblem = commerce::HttpJsonClient::urlProblem(url); !urlProblem.isEmpty()) {
        *problem = tr("Site: %1.").arg(urlProblem);
        return std::nullopt;
    }
    account.id = domain::WooCommerceAccount::idForUrl(url);
    account.name = m_name->text().trimmed().isEmpty() ? url.host() : m_name->text().trimmed();
    const QString key = m_wooKey->text().trimmed();
    const QString secret = m_wooSecret->text().trimmed();
    if (key.isEmpty() && secret.isEmpty() && m_editing) {
        return draft; // the stored pair stays
    }
    if (key.isEmpty() || secret.isEmpty() || key.contains(u':')) {
        *problem = tr("Enter both the consumer key and the consumer secret of a REST API key with read access.");
        return std::nullopt;
    }
    draft.secrets.append({ account.id, key + u':' + secret });
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::amazonDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Amazon;
    domain::AmazonAccount &account = draft.amazon;
    account.baseUrl = withoutTrailingSlashes(m_amazonRegion->currentText());
    account.lwaUrl = m_lwaUrl->text().trimmed();
    for (const auto &[value, label] :
        { std::pair { account.baseUrl, tr("Endpoint") }, std::pair { account.lwaUrl, tr("LWA token URL") } }) {
        const QString urlProblem
            = value.isEmpty() ? tr("enter a web address") : commerce::HttpJsonClient::urlProblem(QUrl(value));
        if (!urlProblem.isEmpty()) {
            *problem = tr("%1: %2.").arg(label, urlProblem);
            return std::nullopt;
        }
    }
    account.clientId = m_clientId->text().trimmed();
    if (account.clientId.isEmpty()) {
        *problem = tr("Enter your SP-API application's LWA client id.");
        return std::nullopt;
    }
    for (const QString &id : m_marketplaces->text().split(u',', Qt::SkipEmptyParts)) {
        account.marketplaceIds << id.trimmed();
    }
    if (account.marketplaceIds.isEmpty()
        || !std::all_of(account.marketplaceIds.cbegin(), account.marketplaceIds.cend(),
            &domain::AmazonAccount::isValidMarketplaceId)) {
        *problem = tr("Enter the marketplace id, such as ATVPDKIKX0DER for amazon.com (several: comma-separated).");
        return std::nullopt;
    }
    account.syncSince = QDateTime(m_since->date(), QTime(0, 0), QTimeZone::utc()).toString(Qt::ISODate);
    account.id = domain::AmazonAccount::idFor(account.marketplaceIds);
    account.name = m_name->text().trimmed().isEmpty() ? account.marketplaceIds.join(u',') : m_name->text().trimmed();
    const QString refreshToken = m_refreshToken->text().trimmed();
    const QString clientSecret = m_clientSecret->text().trimmed();
    if (!m_editing && (refreshToken.isEmpty() || clientSecret.isEmpty())) {
        *problem = tr("Enter the LWA refresh token and the client secret of your SP-API application.");
        return std::nullopt;
    }
    if (!refreshToken.isEmpty()) {
        draft.secrets.append({ account.id, refreshToken });
    }
    if (!clientSecret.isEmpty()) {
        draft.secrets.append({ domain::AmazonAccount::clientSecretKey(account.id), clientSecret });
    }
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::ebayDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Ebay;
    domain::EbayAccount &account = draft.ebay;
    account.sellerUserId = m_ebayUser->text().trimmed();
    if (!domain::EbayAccount::isValidUserId(account.sellerUserId)) {
        *problem = tr("Enter the seller's eBay user id, as buyers see it (no spaces).");
        return std::nullopt;
    }
    account.appId = m_ebayAppId->text().trimmed();
    if (account.appId.isEmpty()) {
        *problem = tr("Enter the App ID of your eBay application (developer.ebay.com, Application Keys).");
        return std::nullopt;
    }
    account.siteId = m_ebaySite->currentData().toString();
    account.tradingUrl = m_ebayTradingUrl->text().trimmed();
    account.tokenUrl = m_ebayTokenUrl->text().trimmed();
    for (const auto &[url, label] : { std::pair { account.tradingEndpoint(), tr("Trading API URL") },
             std::pair { account.tokenEndpoint(), tr("Token URL") } }) {
        if (const QString urlProblem = commerce::HttpJsonClient::urlProblem(url); !urlProblem.isEmpty()) {
            *problem = tr("%1: %2.").arg(label, urlProblem);
            return std::nullopt;
        }
    }
    account.syncSince = QDateTime(m_ebaySince->date(), QTime(0, 0), QTimeZone::utc()).toString(Qt::ISODate);
    account.id = domain::EbayAccount::idFor(account.sellerUserId);
    account.name = m_name->text().trimmed().isEmpty() ? account.sellerUserId : m_name->text().trimmed();
    const QString certId = m_ebayCertId->text().trimmed();
    const QString refreshToken = m_ebayRefreshToken->text().trimmed();
    if (!m_editing && (certId.isEmpty() || refreshToken.isEmpty())) {
        *problem = tr("Enter your application's Cert ID and the seller's refresh token.");
        return std::nullopt;
    }
    if (!refreshToken.isEmpty()) {
        draft.secrets.append({ account.id, refreshToken });
    }
    if (!certId.isEmpty()) {
        draft.secrets.append({ domain::EbayAccount::certIdKey(account.id), certId });
    }
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::trackingDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Tracking;
    domain::TrackingAccount &account = draft.tracking;
    account.provider = m_trackingProvider->currentData().toString();
    account.id = domain::TrackingAccount::idForProvider(account.provider);
    account.name = m_name->text().trimmed().isEmpty() ? m_trackingProvider->currentText() : m_name->text().trimmed();
    account.baseUrl = withoutTrailingSlashes(m_trackingBaseUrl->text());
    if (account.baseUrl.isEmpty()) {
        account.baseUrl = commerce::TrackingProviderApi::defaultBaseUrl(account.provider).toString();
    } else if (const QString urlProblem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl));
               !urlProblem.isEmpty()) {
        *problem = tr("Base URL: %1.").arg(urlProblem);
        return std::nullopt;
    }
    const QString key = m_trackingKey->text().trimmed();
    if (!key.isEmpty()) {
        draft.secrets.append({ account.id, key });
    } else if (!m_editing) {
        *problem
            = tr("Enter the %1 API key (the provider's dashboard → API keys).").arg(m_trackingProvider->currentText());
        return std::nullopt;
    }
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::twilioDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Twilio;
    domain::TwilioAccount &account = draft.twilio;
    const std::optional<QString> number = channels::sms::PhoneNumber::toE164(m_twilioNumber->text());
    if (!number) {
        *problem = tr("Enter the shop's Twilio number with its country code, such as +1 501 712 2661.");
        return std::nullopt;
    }
    account.fromNumber = *number;
    account.id = domain::TwilioAccount::idForNumber(account.fromNumber);
    account.name = m_name->text().trimmed().isEmpty() ? account.fromNumber : m_name->text().trimmed();
    account.accountSid = m_accountSid->text().trimmed();
    if (!domain::TwilioAccount::isValidAccountSid(account.accountSid)) {
        *problem = tr("The account SID is AC followed by 32 hexadecimal digits (Twilio console → Account info).");
        return std::nullopt;
    }
    account.helpReply = m_helpReply->text().trimmed();
    account.baseUrl = withoutTrailingSlashes(m_twilioBaseUrl->text());
    if (!account.baseUrl.isEmpty()) {
        if (const QString urlProblem = commerce::HttpJsonClient::urlProblem(QUrl(account.baseUrl));
            !urlProblem.isEmpty()) {
            *problem = tr("Base URL: %1.").arg(urlProblem);
            return std::nullopt;
        }
    }
    const QString token = m_authToken->text().trimmed();
    if (!token.isEmpty()) {
        draft.secrets.append({ account.id, token });
    } else if (!m_editing) {
        *problem = tr("Enter the account's auth token (Twilio console → Account info).");
        return std::nullopt;
    }
    return draft;
}

std::optional<StoreAccountDraft> StoreAccountForm::chatDraft(QString *problem) const
{
    StoreAccountDraft draft;
    draft.kind = Kind::Chat;
    domain::ChatAccount &account = draft.chat;
    account.name = m_name->text().trimmed();
    account.id = domain::ChatAccount::idForName(account.name);
    for (const QString &origin : m_origins->text().split(u',', Qt::SkipEmptyParts)) {
        account.allowedOrigins << origin.trimmed();
    }
    account.listen = m_listen->text().trimmed();
    account.publicUrl = withoutTrailingSlashes(m_chatPublicUrl->text());
    account.certificateFile = m_certificateFile->text().trimmed();
    account.keyFile = m_keyFile->text().trimmed();
    account.fallbackEmailAccount = m_fallbackAccount->currentData().toString();
    account.fallbackAfterSeconds = m_fallbackAfter->value();
    if (const QString why = channels::chat::ChatAccountRules::problem(account); !why.isEmpty()) {
        *problem = why.at(0).toUpper() + why.mid(1) + u'.';
        return std::nullopt;
    }
    return draft;
}

} // namespace waybill::ui
