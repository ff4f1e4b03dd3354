// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Stores, tracking and SMS: Shopify, WooCommerce, Amazon, tracking provider, Twilio and live chat accounts
// added, edited and removed from the desktop, their secrets in the keychain only, "Test connection" making one real
// request to a loopback server that replays the service's answers (and naming wrong credentials, TLS failures,
// unreachable hosts and timeouts), and the engine's last sync state shown per account.
#include "EbayRecorded.h"
#include "FakeCredentialStore.h"
#include "FakeDialogService.h"
#include "ReplayHttpServer.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "storage/AccountRepository.h"
#include "storage/SqlQuery.h"
#include "ui/StoreAccountsDialog.h"
#include "ui/StoreConnectionTester.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1772000000;
const QByteArray ShopJson = R"({"shop":{"id":1,"name":"Harbour Tea","myshopify_domain":"harbour-tea.myshopify.com"}})";

class StoreAccountsDialogTest : public ::testing::Test {
protected:
    void SetUp() override { open(); }

    void open()
    {
        dialog = std::make_unique<ui::StoreAccountsDialog>(
            ui::StoreAccountsDialog::Context { workspace.db(), credentials, network, dialogs, [] { return Now; } });
        dialog->resize(900, 560);
        dialog->show();
    }

    template <typename T> T *find(const char *name) const
    {
        T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    void chooseKind(int index) { find<QComboBox>("kindCombo")->setCurrentIndex(index); }
    void type(const char *name, const QString &text) { find<QLineEdit>(name)->setText(text); }
    void click(const char *name) { QTest::mouseClick(find<QPushButton>(name), Qt::LeftButton); }
    QString result() const { return find<QLabel>("resultLabel")->text(); }

    /// Clicks "Test connection" and waits for its answer.
    QString testConnection()
    {
        QSignalSpy done(dialog->tester(), &ui::StoreConnectionTester::finished);
        click("testButton");
        EXPECT_TRUE(waitUntil([&] { return done.count() == 1; }, 10'000)) << qPrintable(result());
        return result();
    }

    void fillShopify(const QString &baseUrl, const QString &token)
    {
        chooseKind(0);
        type("shopEdit", QStringLiteral("harbour-tea.myshopify.com"));
        type("shopifyTokenEdit", token);
        type("shopifyBaseUrlEdit", baseUrl);
    }

    void save()
    {
        QSignalSpy changed(dialog.get(), &ui::StoreAccountsDialog::accountsChanged);
        click("saveButton");
        ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; })) << qPrintable(result());
    }

    qint64 rowsContaining(const QString &text)
    {
        storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM accounts WHERE config LIKE ?"));
        q.bind(QString(u'%' + text + u'%')).exec();
        return q.next() ? q.int64(0) : -1;
    }

    waybill::testing::TestWorkspace workspace;
    waybill::testing::FakeCredentialStore credentials;
    waybill::testing::FakeDialogService dialogs;
    QNetworkAccessManager network;
    ReplayHttpServer server;
    std::unique_ptr<ui::StoreAccountsDialog> dialog;
};

TEST_F(StoreAccountsDialogTest, WithoutStoresItSaysWhatTheyAreFor)
{
    EXPECT_TRUE(find<QLabel>("emptyLabel")->isVisible());
    EXPECT_FALSE(find<QListWidget>("storeList")->isVisible());
    EXPECT_FALSE(find<QPushButton>("removeButton")->isEnabled());
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-empty"));
}

TEST_F(StoreAccountsDialogTest, ShopifyTokenGoesToTheKeychainAndNeverToTheDatabase)
{
    fillShopify(server.baseUrl().toString(), QStringLiteral("shpat_s3cret"));
    find<QLineEdit>("storeNameEdit")->setText(QStringLiteral("Harbour Tea"));
    save();

    const QString id = QStringLiteral("shopify:harbour-tea.myshopify.com");
    EXPECT_EQ(credentials.secret(id), QStringLiteral("shpat_s3cret"));
    const auto stored = storage::AccountRepository(workspace.db()).shopifyAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.constFirst().id, id);
    EXPECT_EQ(stored.constFirst().name, QStringLiteral("Harbour Tea"));
    EXPECT_EQ(stored.constFirst().baseUrl, server.baseUrl().toString());
    EXPECT_EQ(rowsContaining(QStringLiteral("s3cret")), 0) << "the token must not be in the database";
    EXPECT_TRUE(find<QLineEdit>("shopifyTokenEdit")->text().isEmpty());
    EXPECT_EQ(find<QListWidget>("storeList")->count(), 1);
}

TEST_F(StoreAccountsDialogTest, ANewAccountWithoutItsSecretIsNotSaved)
{
    fillShopify({}, {});
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("access token"))) << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).shopifyAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
}

TEST_F(StoreAccountsDialogTest, AKeychainFailureIsShownAndNothingIsSaved)
{
    credentials.setFailing(true);
    fillShopify({}, QStringLiteral("shpat_x"));
    click("saveButton");
    ASSERT_TRUE(waitUntil([&] { return result().contains(QStringLiteral("keychain refused")); }))
        << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).shopifyAccounts().isEmpty());
}

TEST_F(StoreAccountsDialogTest, TestConnectionAsksShopifyForTheShopWithTheToken)
{
    server.route("GET", QStringLiteral("/admin/api/2024-01/shop.json"), ReplayHttpServer::json(ShopJson));
    fillShopify(server.baseUrl().toString(), QStringLiteral("shpat_good"));
    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Harbour Tea"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Connected"))) << qPrintable(text);
    const auto requests = server.requestsFor(QStringLiteral("/admin/api/2024-01/shop.json"));
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.constFirst().headers.value("x-shopify-access-token"), QByteArray("shpat_good"));
    EXPECT_EQ(credentials.writes(), 0) << "testing stores nothing";
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-shopify-connected"));
}

TEST_F(StoreAccountsDialogTest, TestConnectionNamesRefusedCredentials)
{
    server.route("GET", QStringLiteral("/admin/api/2024-01/shop.json"),
        ReplayHttpServer::status(401, R"({"errors":"[API] Invalid API key or access token"})"));
    fillShopify(server.baseUrl().toString(), QStringLiteral("shpat_wrong"));
    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Wrong credentials"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("401"))) << qPrintable(text);
    EXPECT_EQ(server.requestsFor(QStringLiteral("/admin/api/2024-01/shop.json")).size(), 1) << "no retries";
}

TEST_F(StoreAccountsDialogTest, TestConnectionNamesATlsFailure)
{
    // https:// to a server that answers in plain HTTP: the handshake fails, and verification is not relaxed.
    QTcpServer plain;
    ASSERT_TRUE(plain.listen(QHostAddress::LocalHost));
    QObject::connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        QTcpSocket *socket = plain.nextPendingConnection();
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
    dialog->tester()->setTimeoutMs(5000);
    fillShopify(QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort()), QStringLiteral("shpat_good"));
    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("(TLS)"))) << qPrintable(text);
}

TEST_F(StoreAccountsDialogTest, TestConnectionNamesAnUnreachableServerAndATimeout)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    chooseKind(1);
    type("wooUrlEdit", QStringLiteral("http://127.0.0.1:%1").arg(port));
    type("consumerKeyEdit", QStringLiteral("ck_1"));
    type("consumerSecretEdit", QStringLiteral("cs_1"));
    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("cannot be reached"))) << qPrintable(text);

    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&] { held << silent.nextPendingConnection(); });
    dialog->tester()->setTimeoutMs(400);
    type("wooUrlEdit", QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("did not answer in time"))) << qPrintable(text);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-timeout"));
}

TEST_F(StoreAccountsDialogTest, WooCommerceTestReadsOneOrderWithTheKeyPair)
{
    server.route("GET", QStringLiteral("/wp-json/wc/v3/orders?per_page=1"), ReplayHttpServer::json("[]"));
    chooseKind(1);
    type("wooUrlEdit", server.baseUrl().toString() + u'/');
    type("consumerKeyEdit", QStringLiteral("ck_abc"));
    type("consumerSecretEdit", QStringLiteral("cs_def"));
    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("may read orders"))) << qPrintable(text);
    const auto requests = server.requestsFor(QStringLiteral("/wp-json/wc/v3/orders"));
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.constFirst().headers.value("authorization"), "Basic " + QByteArray("ck_abc:cs_def").toBase64());

    save();
    const auto stored = storage::AccountRepository(workspace.db()).wooCommerceAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(credentials.secret(stored.constFirst().id), QStringLiteral("ck_abc:cs_def"));
    EXPECT_EQ(rowsContaining(QStringLiteral("cs_def")), 0);
}

TEST_F(StoreAccountsDialogTest, AmazonTestRefreshesTheLwaTokenAndNamesARevokedGrant)
{
    server.route("POST", QStringLiteral("/auth/o2/token"),
        ReplayHttpServer::json(R"({"access_token":"Atza|x","token_type":"bearer","expires_in":3600})"));
    chooseKind(2);
    find<QComboBox>("amazonEndpointCombo")->setEditText(server.baseUrl().toString());
    type("lwaUrlEdit", server.baseUrl().toString() + QStringLiteral("/auth/o2/token"));
    type("clientIdEdit", QStringLiteral("amzn1.application-oa2-client.1"));
    type("marketplaceEdit", QStringLiteral("ATVPDKIKX0DER"));
    type("refreshTokenEdit", QStringLiteral("Atzr|a+b&c"));
    type("clientSecretEdit", QStringLiteral("secret=1"));
    // Then the orders of the last day, as every sync asks for them, with that token: the sandbox's getOrders
    // example (tests/data/third_party/amazon-sp-api-orders) on the Selling Partner API's real path.
    dialog->tester()->setClock([] { return QDateTime(QDate(2026, 2, 3), QTime(9, 0), QTimeZone::utc()); });
    const QString ordersQuery = QStringLiteral(
        "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-02-02T09%3A00%3A00Z&MaxResultsPerPage=1");
    QFile orders(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-orders/getOrders.200.json"));
    ASSERT_TRUE(orders.open(QIODevice::ReadOnly));
    server.route("GET", ordersQuery, ReplayHttpServer::json(orders.readAll()));
    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Signed in with Login with Amazon, and the Selling Partner API")))
        << qPrintable(text);
    const auto requests = server.requestsFor(QStringLiteral("/auth/o2/token"));
    ASSERT_EQ(requests.size(), 1);
    const auto listed = server.requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.constFirst().headers.value("x-amz-access-token"), QByteArray("Atza|x"));

    // A token the Selling Partner API refuses (the application lacks the role): said as such, not as bad credentials.
    server.clearRoutes();
    server.route("POST", QStringLiteral("/auth/o2/token"),
        ReplayHttpServer::json(R"({"access_token":"Atza|x","token_type":"bearer","expires_in":3600})"));
    server.route("GET", ordersQuery,
        ReplayHttpServer::json(
            R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]})",
            403));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Orders role"))) << qPrintable(text);
    EXPECT_FALSE(text.contains(QStringLiteral("Wrong credentials"))) << qPrintable(text);
    const QUrlQuery form(QString::fromUtf8(requests.constFirst().body));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded), QStringLiteral("Atzr|a+b&c"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded), QStringLiteral("secret=1"));

    server.clearRoutes();
    server.route("POST", QStringLiteral("/auth/o2/token"),
        ReplayHttpServer::json(
            R"({"error":"invalid_grant","error_description":"The request has an invalid grant parameter"})", 400));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Wrong credentials"))) << qPrintable(text);

    save();
    const auto stored = storage::AccountRepository(workspace.db()).amazonAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(credentials.secret(stored.constFirst().id), QStringLiteral("Atzr|a+b&c"));
    EXPECT_EQ(
        credentials.secret(domain::AmazonAccount::clientSecretKey(stored.constFirst().id)), QStringLiteral("secret=1"));
    EXPECT_EQ(stored.constFirst().marketplaceIds, QStringList { QStringLiteral("ATVPDKIKX0DER") });
}

TEST_F(StoreAccountsDialogTest, EditingKeepsTheStoredSecretsAndTestsWithThem)
{
    fillShopify(server.baseUrl().toString(), QStringLiteral("shpat_stored"));
    save();
    dialog.reset();
    open();
    auto *list = find<QListWidget>("storeList");
    ASSERT_EQ(list->count(), 1);
    list->setCurrentRow(0);
    EXPECT_EQ(find<QLineEdit>("shopEdit")->text(), QStringLiteral("harbour-tea.myshopify.com"));
    EXPECT_TRUE(find<QLineEdit>("shopEdit")->isReadOnly());
    EXPECT_FALSE(find<QComboBox>("kindCombo")->isEnabled());

    server.route("GET", QStringLiteral("/admin/api/2023-10/shop.json"), ReplayHttpServer::json(ShopJson));
    type("apiVersionEdit", QStringLiteral("2023-10"));
    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Harbour Tea"))) << qPrintable(text);
    const auto requests = server.requestsFor(QStringLiteral("/admin/api/2023-10/shop.json"));
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.constFirst().headers.value("x-shopify-access-token"), QByteArray("shpat_stored"));

    const int writes = credentials.writes();
    save();
    EXPECT_EQ(credentials.writes(), writes) << "an empty token field keeps the stored one";
    EXPECT_EQ(storage::AccountRepository(workspace.db()).shopifyAccounts().constFirst().apiVersion,
        QStringLiteral("2023-10"));
}

TEST_F(StoreAccountsDialogTest, TheLastSyncStateIsShownPerAccount)
{
    domain::WooCommerceAccount woo;
    woo.baseUrl = QStringLiteral("https://shop.harbourtea.example");
    woo.id = domain::WooCommerceAccount::idForUrl(QUrl(woo.baseUrl));
    woo.name = QStringLiteral("Harbour Tea (WordPress)");
    storage::AccountRepository(workspace.db()).saveWooCommerceAccount(woo, Now);
    dialog.reset();
    open();
    fillShopify({}, QStringLiteral("shpat_x"));
    find<QLineEdit>("storeNameEdit")->setText(QStringLiteral("Harbour Tea (Shopify)"));
    save();
    dialog->setAccountStatus(woo.id, QStringLiteral("connected"), {});
    const QString id = QStringLiteral("shopify:harbour-tea.myshopify.com");
    auto *list = find<QListWidget>("storeList");
    ASSERT_EQ(list->count(), 2);
    EXPECT_TRUE(list->item(1)->text().contains(QStringLiteral("Connected"))) << qPrintable(list->item(1)->text());
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("No sync reported yet")))
        << qPrintable(list->item(0)->text());
    dialog->setAccountStatus(id, QStringLiteral("failed"), QStringLiteral("Shopify refused the access token (401)"));
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("Failed: Shopify refused the access token (401)")));
    EXPECT_TRUE(find<QLabel>("syncStatusLabel")->text().contains(QStringLiteral("refused the access token")));
    const auto dotColour = [&](QIcon::Mode mode) {
        return list->item(0)->icon().pixmap(QSize(12, 12), mode).toImage().pixelColor(6, 6).name();
    };
    EXPECT_EQ(dotColour(QIcon::Normal), QStringLiteral("#b91c1c")) << "a red dot for a failed store";
    EXPECT_EQ(dotColour(QIcon::Selected), QStringLiteral("#b91c1c"));
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-failed"));
    dialog->setAccountStatus(id, QStringLiteral("connected"), {});
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("Connected"))) << qPrintable(list->item(0)->text());
}

TEST_F(StoreAccountsDialogTest, RemovingAnAmazonAccountForgetsBothSecrets)
{
    const QString id = domain::AmazonAccount::idFor({ QStringLiteral("A1PA6795UKMFR9") });
    domain::AmazonAccount account;
    account.id = id;
    account.name = QStringLiteral("Amazon.de");
    account.baseUrl = QStringLiteral("https://sellingpartnerapi-eu.amazon.com");
    account.clientId = QStringLiteral("amzn1.application-oa2-client.2");
    account.marketplaceIds = { QStringLiteral("A1PA6795UKMFR9") };
    account.syncSince = QStringLiteral("2026-01-01T00:00:00Z");
    storage::AccountRepository(workspace.db()).saveAmazonAccount(account, Now);
    credentials.setSecret(id, QStringLiteral("Atzr|r"));
    credentials.setSecret(domain::AmazonAccount::clientSecretKey(id), QStringLiteral("cs"));
    dialog.reset();
    open();
    find<QListWidget>("storeList")->setCurrentRow(0);
    dialogs.confirmAnswer = false;
    click("removeButton");
    EXPECT_EQ(storage::AccountRepository(workspace.db()).amazonAccounts().size(), 1) << "the agent said no";

    dialogs.confirmAnswer = true;
    save(); // nothing typed: the stored secrets stay
    EXPECT_EQ(credentials.secret(id), QStringLiteral("Atzr|r"));
    find<QListWidget>("storeList")->setCurrentRow(0);
    QSignalSpy changed(dialog.get(), &ui::StoreAccountsDialog::accountsChanged);
    click("removeButton");
    ASSERT_EQ(changed.count(), 1);
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).amazonAccounts().isEmpty());
    ASSERT_TRUE(waitUntil([&] {
        return credentials.secret(id).isEmpty()
            && credentials.secret(domain::AmazonAccount::clientSecretKey(id)).isEmpty();
    }));
}

TEST_F(StoreAccountsDialogTest, ATrackingProviderIsTestedWithItsKeyAndSavedWithTheKeyInTheKeychain)
{
    // EasyPost's recorded answer to GET /v2/trackers: the list a valid key may read.
    server.route("GET", QStringLiteral("/v2/trackers?page_size=1"),
        ReplayHttpServer::file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/easypost-examples/official/docs/"
                                                                    "responses/trackers/trackers-list.json")));
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("Tracking provider")));
    find<QComboBox>("trackingProviderCombo")->setCurrentIndex(0); // EasyPost
    type("trackingKeyEdit", QStringLiteral("EZAK_s3cret"));
    type("trackingBaseUrlEdit", server.baseUrl().toString());

    const QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Connected to EasyPost"))) << qPrintable(text);
    const auto requests = server.requestsFor(QStringLiteral("/v2/trackers"));
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.constFirst().headers.value("authorization"),
        "Basic " + QByteArray("EZAK_s3cret:").toBase64()); // the key as the user name, as the refresh sends it
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-tracking-connected"));

    save();
    const auto stored = storage::AccountRepository(workspace.db()).trackingAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.constFirst().id, QStringLiteral("tracking:easypost"));
    EXPECT_EQ(stored.constFirst().provider, QStringLiteral("easypost"));
    EXPECT_EQ(stored.constFirst().baseUrl, server.baseUrl().toString());
    EXPECT_EQ(credentials.secret(QStringLiteral("tracking:easypost")), QStringLiteral("EZAK_s3cret"));
    EXPECT_EQ(rowsContaining(QStringLiteral("s3cret")), 0) << "the key must not be in the database";
    EXPECT_TRUE(result().contains(QStringLiteral("Moving shipments are asked about"))) << qPrintable(result());
    ASSERT_EQ(find<QListWidget>("storeList")->count(), 1);
    EXPECT_TRUE(find<QListWidget>("storeList")->item(0)->text().contains(QStringLiteral("Tracking")));
}

TEST_F(StoreAccountsDialogTest, ATrackingProvidersRefusalItsListAndAForeignAnswerAreTold)
{
    // AfterShip's recorded answer to a wrong key, and its recorded list for the right one.
    QFile refusal(
        QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/pyaftership/tests/fixtures/error_invalid_api_key.json"));
    ASSERT_TRUE(refusal.open(QIODevice::ReadOnly));
    server.route("GET", QStringLiteral("/v4/trackings?limit=1"), ReplayHttpServer::status(401, refusal.readAll()));
    server.route("GET", QStringLiteral("/v4/trackings?limit=1"),
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/pyaftership/tests/fixtures/get_trackings.json")));
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("Tracking provider")));
    find<QComboBox>("trackingProviderCombo")->setCurrentIndex(1); // AfterShip
    type("trackingKeyEdit", QStringLiteral("wrong"));
    type("trackingBaseUrlEdit", server.baseUrl().toString());
    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Wrong credentials"))) << qPrintable(text);
    ASSERT_EQ(server.requestsFor(QStringLiteral("/v4/trackings")).size(), 1);
    EXPECT_EQ(server.requestsFor(QStringLiteral("/v4/trackings")).constFirst().headers.value("aftership-api-key"),
        QByteArray("wrong"));
    type("trackingKeyEdit", QStringLiteral("right"));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Connected to AfterShip"))) << qPrintable(text);

    // Something else at that address (a shop's page, another API) is not taken for the provider.
    server.route("GET", QStringLiteral("/carrier_accounts?results=1"), ReplayHttpServer::json(R"({"ok":true})"));
    find<QComboBox>("trackingProviderCombo")->setCurrentIndex(2); // Shippo
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Shippo answered, but not with what"))) << qPrintable(text);
}

TEST_F(StoreAccountsDialogTest, ATrackingAccountNeedsItsKeyWhenNew)
{
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("Tracking provider")));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("API key"))) << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).trackingAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
}

TEST_F(StoreAccountsDialogTest, ATwilioNumberIsTestedWithItsTokenAndSavedWithTheTokenInTheKeychain)
{
    const QString accountPath = QStringLiteral("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    server.route("GET", accountPath, ReplayHttpServer::status(401, R"({"code": 20003, "status": 401})"));
    // Twilio's recorded account resource (its OpenAPI description's example) for the right token.
    server.route("GET", accountPath,
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/twilio-oai/extracted-from-spec/"
                                                 "twilio_api_v2010_2010_04_01_Accounts_Sid_json_get_200_fetch.json")));
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("SMS number (Twilio)")));
    type("twilioNumberEdit", QStringLiteral("+1 (501) 712-2661"));
    type("accountSidEdit", QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    type("authTokenEdit", QStringLiteral("wrong"));
    type("twilioBaseUrlEdit", server.baseUrl().toString());

    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("failed"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("+15017122661"))) << qPrintable(text); // names the number
    type("authTokenEdit", QStringLiteral("tw_s3cret"));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Twilio account “friendly_name” (active)"))) << qPrintable(text);
    const auto requests = server.requestsFor(accountPath);
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests.at(1).headers.value("authorization"),
        "Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:tw_s3cret").toBase64());
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-twilio-connected"));

    type("helpReplyEdit", QStringLiteral("Harbor Tea: reply here. STOP to opt out."));
    save();
    const auto stored = storage::AccountRepository(workspace.db()).twilioAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.constFirst().id, QStringLiteral("sms:+15017122661"));
    EXPECT_EQ(stored.constFirst().fromNumber, QStringLiteral("+15017122661"));
    EXPECT_EQ(stored.constFirst().helpReply, QStringLiteral("Harbor Tea: reply here. STOP to opt out."));
    EXPECT_EQ(credentials.secret(QStringLiteral("sms:+15017122661")), QStringLiteral("tw_s3cret"));
    EXPECT_EQ(rowsContaining(QStringLiteral("s3cret")), 0) << "the token must not be in the database";
    EXPECT_TRUE(find<QLineEdit>("twilioNumberEdit")->isReadOnly()) << "another number is another account";
}

TEST_F(StoreAccountsDialogTest, ATwilioNumberNeedsAValidNumberSidAndToken)
{
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("SMS number (Twilio)")));
    type("twilioNumberEdit", QStringLiteral("not a number"));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("country code"))) << qPrintable(result());
    type("twilioNumberEdit", QStringLiteral("+15017122661"));
    type("accountSidEdit", QStringLiteral("AC123"));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("32 hexadecimal digits"))) << qPrintable(result());
    type("accountSidEdit", QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("auth token"))) << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).twilioAccounts().isEmpty());
    EXPECT_EQ(credentials.writes(), 0);
}

TEST_F(StoreAccountsDialogTest, ALiveChatIsSavedWithItsOriginsAndTestedAgainstItsRunningWidget)
{
    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("Live chat")));
    find<QLineEdit>("storeNameEdit")->setText(QStringLiteral("Corner Shop"));
    type("originsEdit", QStringLiteral("https://shop.example/path"));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("is not an origin"))) << qPrintable(result());
    EXPECT_TRUE(storage::AccountRepository(workspace.db()).chatAccounts().isEmpty());

    // Nothing listens at the address yet: the test says the chat starts once saved.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 freePort = probe.serverPort();
    probe.close();
    type("originsEdit", QStringLiteral("https://shop.example, https://www.shop.example"));
    type("listenEdit", QStringLiteral("127.0.0.1:%1").arg(freePort));
    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Nothing answers at http://127.0.0.1:%1 yet").arg(freePort)))
        << qPrintable(text);

    save();
    const auto stored = storage::AccountRepository(workspace.db()).chatAccounts();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.constFirst().id, QStringLiteral("chat:corner shop"));
    EXPECT_EQ(stored.constFirst().allowedOrigins,
        QStringList({ QStringLiteral("https://shop.example"), QStringLiteral("https://www.shop.example") }));
    EXPECT_EQ(stored.constFirst().listen, QStringLiteral("127.0.0.1:%1").arg(freePort));
    EXPECT_TRUE(stored.constFirst().fallbackEmailAccount.isEmpty());
    EXPECT_TRUE(result().contains(QStringLiteral("/chat/widget.js"))) << qPrintable(result());
    EXPECT_TRUE(find<QLineEdit>("storeNameEdit")->isReadOnly()) << "the chat's id comes from its name";
    dialog->setAccountStatus(QStringLiteral("chat:corner shop"), QStringLiteral("connected"), {});
    EXPECT_TRUE(find<QLabel>("syncStatusLabel")->text().contains(QStringLiteral("Status:")));
    EXPECT_TRUE(find<QListWidget>("storeList")->item(0)->text().contains(QStringLiteral("Connected")));
    EXPECT_FALSE(find<QListWidget>("storeList")->item(0)->text().contains(QStringLiteral("orders")))
        << "a chat has no orders to sync";

    // Where the widget is served (here the file as the gateway serves it), the test finds it.
    QFile widget(QStringLiteral(WAYBILL_SOURCE_DIR "/resources/chat/widget.js"));
    ASSERT_TRUE(widget.open(QIODevice::ReadOnly));
    ReplayHttpServer::Answer script;
    script.body = widget.readAll();
    script.header("Content-Type", "application/javascript; charset=utf-8");
    server.route("GET", QStringLiteral("/chat/widget.js"), script);
    type("listenEdit", QStringLiteral("127.0.0.1:%1").arg(server.baseUrl().port()));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("The chat is live"))) << qPrintable(text);
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-chat"));
}

} // namespace

TEST_F(StoreAccountsDialogTest, AnEbaySellerIsTestedThroughTheTradingApiAndSavedWithItsSecretsInTheKeychain)
{
    const QString token = QStringLiteral("/identity/v1/oauth2/token");
    const QString trading = QStringLiteral("/ws/api.dll");
    server.route("POST", token,
        ReplayHttpServer::json(R"({"error":"invalid_grant","error_description":"the provided authorization refresh )"
                               R"(token is invalid or was issued to another client"})",
            400));
    server.route("POST", token,
        ReplayHttpServer::json(
            R"({"access_token":"v^1.1#i^1#ui","expires_in":7200,"token_type":"User Access Token"})"));
    // eBay's recorded answer to GeteBayOfficialTime.
    QFile time(
        QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/codyfauser-ebay/responses/official_time_success.xml"));
    ASSERT_TRUE(time.open(QIODevice::ReadOnly));
    server.route("POST", trading, ReplayHttpServer::Answer { 200, time.readAll(), { { "Content-Type", "text/xml" } } });

    chooseKind(find<QComboBox>("kindCombo")->findText(QStringLiteral("eBay (buyer messages)")));
    type("storeNameEdit", QStringLiteral("Mass Apparel"));
    type("ebayUserEdit", QStringLiteral("mass apparel"));
    click("saveButton");
    EXPECT_TRUE(result().contains(QStringLiteral("eBay user id"))) << qPrintable(result());
    type("ebayUserEdit", QStringLiteral("massapparel"));
    type("ebayAppIdEdit", QStringLiteral("MassAppa-Waybill-PRD-0a1b2c3d"));
    type("ebayCertIdEdit", QStringLiteral("PRD-cert-secret"));
    type("ebayRefreshTokenEdit", QStringLiteral("v^1.1#i^1#r^1#wrong"));
    type("ebayTradingUrlEdit", server.baseUrl().toString() + trading);
    type("ebayTokenUrlEdit", server.baseUrl().toString() + token);

    QString text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("eBay Mass Apparel"))) << qPrintable(text); // names the account
    EXPECT_TRUE(server.requestsFor(trading).isEmpty()) << "no call without a token";
    type("ebayRefreshTokenEdit", QStringLiteral("v^1.1#i^1#r^1#right"));
    text = testConnection();
    EXPECT_TRUE(text.contains(QStringLiteral("Signed in to eBay"))) << qPrintable(text);
    ASSERT_EQ(server.requestsFor(trading).size(), 1);
    EXPECT_EQ(
        server.requestsFor(trading).at(0).headers.value("x-ebay-api-call-name"), QByteArray("GeteBayOfficialTime"));
    EXPECT_EQ(server.requestsFor(token).at(1).headers.value("authorization"),
        "Basic " + QByteArray("MassAppa-Waybill-PRD-0a1b2c3d:PRD-cert-secret").toBase64());
    waybill::testing::saveScreenshot(dialog.get(), QStringLiteral("store-accounts-ebay-connected"));

    save();
    const auto sellers = storage::AccountRepository(workspace.db()).ebayAccounts();
    ASSERT_EQ(sellers.size(), 1);
    EXPECT_EQ(sellers.at(0).id, QStringLiteral("ebay:massapparel"));
    EXPECT_EQ(sellers.at(0).appId, QStringLiteral("MassAppa-Waybill-PRD-0a1b2c3d"));
    EXPECT_EQ(credentials.secret(QStringLiteral("ebay:massapparel")), QStringLiteral("v^1.1#i^1#r^1#right"));
    EXPECT_EQ(credentials.secret(QStringLiteral("ebay:massapparel#cert-id")), QStringLiteral("PRD-cert-secret"));
    EXPECT_EQ(rowsContaining(QStringLiteral("PRD-cert-secret")), 0);
    EXPECT_EQ(rowsContaining(QStringLiteral("#right")), 0);
    EXPECT_TRUE(result().contains(QStringLiteral("massapparel on eBay"))) << qPrintable(result());
}
