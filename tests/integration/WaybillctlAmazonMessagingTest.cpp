// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl amazon actions|message` as a seller runs them, with the LWA secrets in a real keychain (GNOME Keyring
// in a private D-Bus session) and ReplayHttpServer answering at the Selling Partner API's real paths with the
// sandbox examples of Amazon's Messaging model (tests/data/third_party/amazon-sp-api-messaging): the allowed types
// are asked for first, only a listed type is sent, and the rest is refused with a reason — before any request when
// the text breaks Amazon's rules or the type cannot carry text.
#include "KeyringShell.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::testing::ReplayHttpServer;

namespace {

const QString Model = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/messaging-api-model/messaging.json");
const QString ActionsOperation = QStringLiteral("/messaging/v1/orders/{amazonOrderId}");
const QString DeliveryOperation
    = QStringLiteral("/messaging/v1/orders/{amazonOrderId}/messages/confirmDeliveryDetails");
const QString Order = QStringLiteral("123-1234567-1234567");
const QString OtherOrder = QStringLiteral("114-3941689-8772232");
const QString Query = QStringLiteral("?marketplaceIds=ATVPDKIKX0DER");

class WaybillctlAmazonMessagingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
        amazon.route("POST", QStringLiteral("/auth/o2/token"),
            ReplayHttpServer::json(R"({"access_token":"Atza|ctl","token_type":"bearer","expires_in":3600})"));
        const QByteArray actions = sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"));
        amazon.route("GET", QStringLiteral("/messaging/v1/orders/") + Order + Query, ReplayHttpServer::json(actions));
        amazon.route("POST",
            QStringLiteral("/messaging/v1/orders/") + Order + QStringLiteral("/messages/confirmDeliveryDetails")
                + Query,
            ReplayHttpServer::json(
                sandbox.response(DeliveryOperation, QStringLiteral("post"), QStringLiteral("201")), 201));
        // The same list for another order, without confirmDeliveryDetails: Amazon does not offer it there now.
        QJsonObject body
            = QJsonDocument::fromJson(QByteArray(actions).replace(Order.toLatin1(), OtherOrder.toLatin1())).object();
        QJsonObject links = body.value(QStringLiteral("_links")).toObject();
        QJsonArray kept;
        for (const QJsonValue &action : links.value(QStringLiteral("actions")).toArray()) {
            if (action.toObject().value(QStringLiteral("name")).toString() != QLatin1String("confirmDeliveryDetails")) {
                kept.append(action);
            }
        }
        links.insert(QStringLiteral("actions"), kept);
        body.insert(QStringLiteral("_links"), links);
        amazon.route("GET", QStringLiteral("/messaging/v1/orders/") + OtherOrder + Query,
            ReplayHttpServer::json(QJsonDocument(body).toJson()));
    }

    waybill::testing::KeyringShell::Run session(const QString &commands)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("AMZ"), amazon.baseUrl().toString());
        env.insert(QStringLiteral("LWA_REFRESH"), QStringLiteral("Atzr|ctl_refresh"));
        env.insert(QStringLiteral("LWA_SECRET"), QStringLiteral("amzn1.oa2-cs.v1.ctl_secret"));
        return shell.run(QStringLiteral("\"$W\" demo --workspace \"$WS\" --conversations 1 >/dev/null; "
                                        "\"$W\" account add amazon --workspace \"$WS\" --base-url \"$AMZ\" "
                                        "--lwa-url \"$AMZ/auth/o2/token\" --client-id amzn1.application-oa2-client.ctl "
                                        "--marketplace ATVPDKIKX0DER --refresh-token-env LWA_REFRESH "
                                        "--client-secret-env LWA_SECRET >/dev/null; ")
                + commands,
            env, true);
    }

    QString messagePath(const QString &order) const
    {
        return QStringLiteral("/messaging/v1/orders/") + order + QStringLiteral("/messages/confirmDeliveryDetails");
    }

    waybill::testing::KeyringShell shell;
    waybill::testing::SwaggerSandbox sandbox { Model };
    QTemporaryDir workspace;
    ReplayHttpServer amazon;
};

} // namespace

TEST_F(WaybillctlAmazonMessagingTest, ListsTheAllowedTypesThenSendsOnlyAListedOne)
{
    const auto run = session(QStringLiteral(
        "\"$W\" amazon actions 123-1234567-1234567 --workspace \"$WS\"; echo \"actions=$?\"; "
        "\"$W\" amazon message 123-1234567-1234567 --type confirmDeliveryDetails --text 'My Message' "
        "--workspace \"$WS\"; echo \"sent=$?\"; "
        "\"$W\" amazon message 114-3941689-8772232 --type confirmDeliveryDetails --text 'Your parcel is on its way' "
        "--workspace \"$WS\"; echo \"unlisted=$?\""));
    const std::string output = run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Amazon allows for order 123-1234567-1234567: "
                                                   "confirmCustomizationDetails, confirmDeliveryDetails")))
        << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("actions=0"))) << output;
    EXPECT_TRUE(
        run.output.contains(QStringLiteral("Sent confirmDeliveryDetails to the buyer of order 123-1234567-1234567")))
        << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("sent=0"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("not sent: Amazon does not offer confirmDeliveryDetails for order "
                                                   "114-3941689-8772232")))
        << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("unlisted=1"))) << output;

    const auto posts = amazon.requestsFor(messagePath(Order));
    ASSERT_EQ(posts.size(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(posts.at(0).body).object(),
        sandbox
            .requestParameter(DeliveryOperation, QStringLiteral("post"), QStringLiteral("201"), QStringLiteral("body"))
            .toObject());
    EXPECT_EQ(posts.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|ctl"));
    EXPECT_TRUE(amazon.requestsFor(messagePath(OtherOrder)).isEmpty());
}

TEST_F(WaybillctlAmazonMessagingTest, TextThatBreaksAmazonsRulesOrATypeWithoutTextIsRefusedBeforeAnyRequest)
{
    const auto run = session(QStringLiteral(
        "\"$W\" amazon message 123-1234567-1234567 --type confirmDeliveryDetails "
        "--text 'Track it at https://tracking.example/1Z999AA10123456784' --workspace \"$WS\"; echo \"link=$?\"; "
        "\"$W\" amazon message 123-1234567-1234567 --type invoice --text 'Invoice' --workspace \"$WS\"; "
        "echo \"invoice=$?\""));
    const std::string output = run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("not sent: Amazon does not allow links to sites outside Amazon")))
        << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("link=1"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("cannot be sent as text"))) << output;
    EXPECT_TRUE(run.output.contains(QStringLiteral("invoice=2"))) << output;
    EXPECT_TRUE(amazon.requestsFor(QStringLiteral("/messaging/v1/orders/") + Order).isEmpty());
    EXPECT_TRUE(amazon.requestsFor(messagePath(Order)).isEmpty());
}
