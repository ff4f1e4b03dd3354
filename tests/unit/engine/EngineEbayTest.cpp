// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// An eBay seller account in the engine, against eBay's own recorded answers (tests/data/third_party/codyfauser-ebay):
// the buyer's question that GetMemberMessages returns arrives as an eBay conversation with the buyer (their eBay user
// id and the e-mail address eBay showed as one customer), and the agent's reply goes back with AddMemberMessageRTQ
// to that question; the next reply, the question being answered, goes as AddMemberMessageAAQToPartner. eBay's
// failure answers and a server that hangs up mid-answer are named on the account and lose nothing. ReplayHttpServer
// stands in for eBay's token endpoint and Trading API (one path for every call: answers are served in turn).
#include "EbayRecorded.h"
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "channels/Channel.h"
#include "domain/Customer.h"
#include "domain/EbayAccount.h"
#include "domain/Order.h"
#include "engine/ConversationActions.h"
#include "engine/Engine.h"
#include "engine/SlaClock.h"
#include "storage/AccountRepository.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>

#include <algorithm>
#include <gtest/gtest.h>

namespace domain = waybill::domain;
namespace engine = waybill::engine;
namespace storage = waybill::storage;
using waybill::testing::EbayRecorded;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

const QString Trading = QStringLiteral("/ws/api.dll");
const QString Token = QStringLiteral("/identity/v1/oauth2/token");

class EngineEbayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ebay.route("POST", Token, EbayRecorded::token("v^1.1#i^1#engine"));
        seller.id = domain::EbayAccount::idFor(QStringLiteral("massapparel"));
        seller.name = QStringLiteral("Mass Apparel");
        seller.sellerUserId = QStringLiteral("massapparel");
        seller.appId = QStringLiteral("MassAppa-Waybill-PRD-0123456789-abcdef01");
        seller.tradingUrl = ebay.baseUrl().toString() + Trading;
        seller.tokenUrl = ebay.baseUrl().toString() + Token;
        seller.syncSince = QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate);
        storage::AccountRepository(workspace.db()).saveEbayAccount(seller, QDateTime::currentSecsSinceEpoch());
    }

    std::unique_ptr<engine::Engine> startEngine()
    {
        auto credentials = std::make_unique<FakeCredentialStore>();
        credentials->setSecret(seller.id, QStringLiteral("v^1.1#i^1#r^1#refresh"));
        credentials->setSecret(domain::EbayAccount::certIdKey(seller.id), QStringLiteral("PRD-cert-id"));
        auto started = std::make_unique<engine::Engine>(workspace.directory(), std::move(credentials));
        started->start();
        return started;
    }

    QList<ReplayHttpServer::Request> callsOf(const QByteArray &callName) const
    {
        QList<ReplayHttpServer::Request> calls;
        for (const ReplayHttpServer::Request &request : ebay.requestsFor(Trading)) {
            if (request.headers.value("x-ebay-api-call-name") == callName) {
                calls.append(request);
            }
        }
        return calls;
    }

    /// Waits for the first pass to store the recorded question, then answers it as an agent and pokes the outbox.
    void answerTheQuestion(engine::Engine &running)
    {
        ASSERT_TRUE(waitUntil([&] { return running.isIdle() && !callsOf("GetMemberMessages").isEmpty(); }, 20000));
        const auto conversation = storage::ConversationRepository(workspace.db())
                                      .find(scalar(QStringLiteral("SELECT id FROM conversations")));
        ASSERT_TRUE(conversation);
        engine::SlaClock sla;
        engine::ConversationActions actions(workspace.db(), sla, 0, [] { return QDateTime::currentSecsSinceEpoch(); });
        actions.reply(conversation->id, conversation->version, QStringLiteral("Yes, still available."));
        running.pokeOutbox();
    }

    qint64 scalar(const QString &sql)
    {
        storage::SqlQuery q(workspace.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    TestWorkspace workspace { TestWorkspace::Kind::OnDisk };
    ReplayHttpServer ebay;
    domain::EbayAccount seller;
};

} // namespace

TEST_F(EngineEbayTest, ABuyersQuestionIsAnsweredOnEbay)
{
    ebay.route("POST", Trading,
        EbayRecorded::answer(EbayRecorded::file(QStringLiteral("notifications/ask_seller_question.xml"))));
    ebay.route("POST", Trading,
        EbayRecorded::answer(
            EbayRecorded::asAnswerTo(QStringLiteral("responses/official_time_success.xml"), "AddMemberMessageRTQ")));
    auto running = startEngine();
    ASSERT_TRUE(waitUntil([&] { return running->isIdle() && !callsOf("GetMemberMessages").isEmpty(); }, 20000));

    // The question is an eBay conversation with the buyer, about the listing.
    ASSERT_EQ(scalar(QStringLiteral("SELECT count(*) FROM conversations")), 1);
    const auto found
        = storage::ConversationRepository(workspace.db()).find(scalar(QStringLiteral("SELECT id FROM conversations")));
    ASSERT_TRUE(found);
    const domain::ConversationSummary conversation = *found;
    EXPECT_EQ(conversation.channel, domain::Channel::Ebay);
    EXPECT_EQ(conversation.subject, QStringLiteral("Question for item #110001567511 - Cowboy Boots"));
    EXPECT_EQ(conversation.marketDueAt,
        QDateTime::fromString(QStringLiteral("2006-07-17T01:41:13Z"), Qt::ISODate).toSecsSinceEpoch() + 24 * 3600)
        << "eBay's 24 hours from the buyer's message";
    {
        storage::SqlQuery body(workspace.db(), QStringLiteral("SELECT body_text, account FROM messages"));
        body.exec();
        ASSERT_TRUE(body.next());
        EXPECT_EQ(body.text(0), QStringLiteral("Hey, cool boots!"));
        EXPECT_EQ(body.text(1), seller.id);
    } // no read left open: later reads see what the engine writes
    // The buyer is one customer known by their eBay user id and the address eBay showed.
    const storage::CustomerRepository customers(workspace.db());
    const auto byUser = customers.findByIdentity(QStringLiteral("ebay"), QStringLiteral("fguser2"));
    const auto byMail = customers.findByIdentity(QStringLiteral("email"), QStringLiteral("unitednerdsco@hotmail.com"));
    ASSERT_TRUE(byUser && byMail);
    EXPECT_EQ(byUser->customerId, byMail->customerId);
    EXPECT_EQ(byUser->customerId, conversation.customerId);
    // The conversation screen shows the listing the buyer wrote about.
    const auto detail = storage::ConversationDetailReader(workspace.db()).load(conversation.id);
    ASSERT_TRUE(detail && detail->listing);
    EXPECT_EQ(detail->listing->itemId, QStringLiteral("110001567511"));
    EXPECT_EQ(detail->listing->title, QStringLiteral("UNC North Carolina Tarheels Fleece Jacket- Large L NWT"));
    // The request asked for the window since the account's start, with the seller's OAuth token.
    const ReplayHttpServer::Request list = callsOf("GetMemberMessages").at(0);
    EXPECT_EQ(list.headers.value("x-ebay-api-iaf-token"), QByteArray("v^1.1#i^1#engine"));
    EXPECT_EQ(list.headers.value("x-ebay-api-siteid"), QByteArray("0"));
    EXPECT_TRUE(list.body.contains("<StartCreationTime>")) << list.body.constData();

    // The agent answers: AddMemberMessageRTQ to the question, and the reply is sent.
    engine::SlaClock sla;
    engine::ConversationActions actions(workspace.db(), sla, 0, [] { return QDateTime::currentSecsSinceEpoch(); });
    actions.reply(conversation.id, conversation.version, QStringLiteral("Thanks! They ship today & arrive by Friday."));
    running->pokeOutbox();
    ASSERT_TRUE(waitUntil([&] { return callsOf("AddMemberMessageRTQ").size() == 1 && running->isIdle(); }, 10000));
    const QByteArray rtq = callsOf("AddMemberMessageRTQ").at(0).body;
    EXPECT_TRUE(rtq.contains("<ParentMessageID>148860</ParentMessageID>")) << rtq.constData();
    EXPECT_TRUE(rtq.contains("<ItemID>110001567511</ItemID>")) << rtq.constData();
    EXPECT_TRUE(rtq.contains("<RecipientID>fguser2</RecipientID>")) << rtq.constData();
    EXPECT_TRUE(rtq.contains("Thanks! They ship today &amp; arrive by Friday.")) << rtq.constData();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'out' AND delivery = 'sent'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT answered FROM ebay_messages")), 1);

    // The next reply goes to the buyer as the listing's trading partner.
    ebay.clearRoutes();
    ebay.route("POST", Token, EbayRecorded::token("v^1.1#i^1#engine"));
    ebay.route("POST", Trading,
        EbayRecorded::answer(EbayRecorded::asAnswerTo(
            QStringLiteral("responses/official_time_success.xml"), "AddMemberMessageAAQToPartner")));
    const auto again = storage::ConversationRepository(workspace.db()).find(conversation.id);
    actions.reply(conversation.id, again->version, QStringLiteral("Tracking: 1Z999AA10123456784"));
    running->pokeOutbox();
    ASSERT_TRUE(
        waitUntil([&] { return callsOf("AddMemberMessageAAQToPartner").size() == 1 && running->isIdle(); }, 10000));
    const QByteArray aaq = callsOf("AddMemberMessageAAQToPartner").at(0).body;
    EXPECT_TRUE(aaq.contains("<RecipientID>fguser2</RecipientID>")) << aaq.constData();
    EXPECT_TRUE(aaq.contains("<ItemID>110001567511</ItemID>")) << aaq.constData();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'out' AND delivery = 'sent'")), 2);

    // The account is one of the engine's channels, connected, without links.
    const QList<const waybill::channels::Channel *> channels = running->channels();
    const auto channel = std::find_if(channels.cbegin(), channels.cend(),
        [&](const waybill::channels::Channel *c) { return c->accountId() == seller.id; });
    ASSERT_NE(channel, channels.cend());
    EXPECT_TRUE((*channel)->health().isConnected()) << (*channel)->health().reason.toStdString();
    EXPECT_FALSE((*channel)->capabilities().links);
    EXPECT_EQ((*channel)->capabilities().maxLength, 2000);
    running->stop();
}

TEST_F(EngineEbayTest, EbaysRefusalFailsTheReplyWithItsWords)
{
    // eBay's recorded RequestError (code 37) as AddMemberMessageRTQ's answer, without the usage-limit wording it was
    // recorded with (taken out here, in memory).
    QByteArray refusal = EbayRecorded::asAnswerTo(
        QStringLiteral("responses/verify_add_item_request_limit_exceeded_failure.xml"), "AddMemberMessageRTQ");
    refusal.replace(refusal.mid(refusal.indexOf("<ShortMessage>"),
                        refusal.indexOf("<ErrorCode>") - refusal.indexOf("<ShortMessage>")),
        QByteArray());
    ebay.route("POST", Trading, EbayRecorded::answer(EbayRecorded::file("notifications/ask_seller_question.xml")));
    ebay.route("POST", Trading, EbayRecorded::answer(refusal));
    auto running = startEngine();
    answerTheQuestion(*running);
    ASSERT_TRUE(waitUntil([&] { return callsOf("AddMemberMessageRTQ").size() == 1 && running->isIdle(); }, 10000));
    {
        storage::SqlQuery failed(
            workspace.db(), QStringLiteral("SELECT delivery, error FROM messages WHERE direction = 'out'"));
        failed.exec();
        ASSERT_TRUE(failed.next());
        EXPECT_EQ(failed.text(0), QStringLiteral("failed"));
        EXPECT_TRUE(failed.text(1).startsWith(QStringLiteral("eBay refused the reply:")))
            << failed.text(1).toStdString();
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT answered FROM ebay_messages")), 0);
    running->stop();
}

TEST_F(EngineEbayTest, EbaysOwnTroubleKeepsTheReplyForLater)
{
    // eBay's recorded SystemError answer, as AddMemberMessageRTQ's: not a refusal of the reply.
    ebay.route("POST", Trading, EbayRecorded::answer(EbayRecorded::file("notifications/ask_seller_question.xml")));
    ebay.route("POST", Trading,
        EbayRecorded::answer(
            EbayRecorded::asAnswerTo(QStringLiteral("responses/official_time_failure.xml"), "AddMemberMessageRTQ")));
    auto running = startEngine();
    answerTheQuestion(*running);
    ASSERT_TRUE(waitUntil([&] { return callsOf("AddMemberMessageRTQ").size() == 1 && running->isIdle(); }, 10000));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 1);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'out' AND delivery = 'queued'")), 1);
    running->stop();
}

TEST_F(EngineEbayTest, AnAnswerCutShortIsNamedAndTheNextPassReadsTheWindowAgain)
{
    const QByteArray question = EbayRecorded::file(QStringLiteral("notifications/ask_seller_question.xml"));
    ebay.route("POST", Trading, ReplayHttpServer::truncated(question, question.size() / 2));
    auto running = startEngine();
    QSignalSpy status(running.get(), &engine::Engine::accountStatus);
    ASSERT_TRUE(waitUntil(
        [&] {
            return std::any_of(status.cbegin(), status.cend(), [&](const QList<QVariant> &args) {
                return args.at(0).toString() == seller.id && args.at(1).toString() == QLatin1String("retrying");
            });
        },
        20000));
    const auto retrying = std::find_if(status.cbegin(), status.cend(),
        [&](const QList<QVariant> &args) { return args.at(1).toString() == QLatin1String("retrying"); });
    EXPECT_TRUE(retrying->at(2).toString().startsWith(QStringLiteral("eBay Mass Apparel: ")))
        << retrying->at(2).toString().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sync_state WHERE key = 'ebay_messages_until'")), 0);
    running->stop();

    // Restarted with eBay answering in full: the message arrives once, however often it is read.
    ebay.clearRoutes();
    ebay.route("POST", Token, EbayRecorded::token("v^1.1#i^1#engine"));
    ebay.route("POST", Trading, EbayRecorded::answer(question));
    for (int run = 0; run < 2; ++run) {
        const qsizetype before = callsOf("GetMemberMessages").size();
        auto restarted = startEngine();
        ASSERT_TRUE(
            waitUntil([&] { return restarted->isIdle() && callsOf("GetMemberMessages").size() > before; }, 20000));
        restarted->stop();
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM conversations")), 1);
}

TEST_F(EngineEbayTest, TheQuestionLinksToTheBuyersOrderOfThatListing)
{
    // The eBay orders report brought the buyer (by user id and address) and their order of the listing, and an
    // older order of something else.
    domain::Customer buyer;
    buyer.name = QStringLiteral("Frank Guser");
    buyer.identities = { { 0, QStringLiteral("email"), QStringLiteral("unitednerdsco@hotmail.com") },
        { 0, QStringLiteral("ebay"), QStringLiteral("fguser2") } };
    const qint64 customerId = storage::CustomerRepository(workspace.db()).insert(buyer);
    const storage::OrderRepository orders(workspace.db());
    const auto order = [&](const QString &number, qint64 placedAt, const QString &itemId) {
        domain::Order o;
        o.source = QStringLiteral("ebay");
        o.number = number;
        o.customerId = customerId;
        o.placedAt = placedAt;
        o.currency = QStringLiteral("USD");
        o.lines = { { 0, QString(), QStringLiteral("listing %1").arg(itemId), 1, 1299, itemId } };
        return orders.insert(o);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 boots = order(QStringLiteral("12-34567-89012"), now - 40 * 24 * 3600, QStringLiteral("110001567511"));
    order(QStringLiteral("12-34567-89013"), now - 24 * 3600, QStringLiteral("140001153277"));

    ebay.route("POST", Trading,
        EbayRecorded::answer(EbayRecorded::file(QStringLiteral("notifications/ask_seller_question.xml"))));
    auto running = startEngine();
    ASSERT_TRUE(waitUntil([&] { return running->isIdle() && !callsOf("GetMemberMessages").isEmpty(); }, 20000));
    const auto conversation
        = storage::ConversationRepository(workspace.db()).find(scalar(QStringLiteral("SELECT id FROM conversations")));
    ASSERT_TRUE(conversation);
    EXPECT_EQ(conversation->customerId, customerId);
    EXPECT_EQ(conversation->orderId, boots);
    EXPECT_EQ(conversation->orderNumber, QStringLiteral("12-34567-89012"));
    EXPECT_TRUE(conversation->linkReason.contains(QStringLiteral("110001567511")))
        << conversation->linkReason.toStdString();
    running->stop();
}

TEST_F(EngineEbayTest, AnExchangeWithoutItsMessageIdIsNamedOnTheAccount)
{
    // The recorded question with its MessageID taken out (changed here, in memory): eBay's answer is stored as far as
    // it can be, and what it left out is said on the account.
    QByteArray broken = EbayRecorded::file("notifications/ask_seller_question.xml");
    broken.replace("<MessageID>148860</MessageID>", "");
    ebay.route("POST", Trading, EbayRecorded::answer(broken));
    auto running = startEngine();
    QSignalSpy status(running.get(), &engine::Engine::accountStatus);
    ASSERT_TRUE(waitUntil([&] { return running->isIdle() && !callsOf("GetMemberMessages").isEmpty(); }, 20000));
    const auto said = std::find_if(status.cbegin(), status.cend(), [&](const QList<QVariant> &args) {
        return args.at(0).toString() == seller.id && args.at(1).toString() == QLatin1String("retrying");
    });
    ASSERT_NE(said, status.cend());
    EXPECT_TRUE(said->at(2).toString().contains(QStringLiteral("could not be stored")))
        << said->at(2).toString().toStdString();
    EXPECT_TRUE(said->at(2).toString().contains(QStringLiteral("MessageID"))) << said->at(2).toString().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
    running->stop();
}

TEST_F(EngineEbayTest, AReplyWhoseAnswerNeverComesIsPostedOnceAndTriedAgainLater)
{
    ebay.route("POST", Trading, EbayRecorded::answer(EbayRecorded::file("notifications/ask_seller_question.xml")));
    const QByteArray taken
        = EbayRecorded::asAnswerTo(QStringLiteral("responses/official_time_success.xml"), "AddMemberMessageRTQ");
    ebay.route("POST", Trading, ReplayHttpServer::truncated(taken, 40)); // eBay may have taken it: the answer is cut
    auto running = startEngine();
    answerTheQuestion(*running);
    ASSERT_TRUE(waitUntil([&] { return callsOf("AddMemberMessageRTQ").size() == 1 && running->isIdle(); }, 10000));
    // Not posted again at once (eBay has no idempotency key): the outbox tries again minutes later.
    EXPECT_FALSE(waitUntil([&] { return callsOf("AddMemberMessageRTQ").size() > 1; }, 1500));
    {
        storage::SqlQuery row(workspace.db(), QStringLiteral("SELECT state, next_attempt_at, last_error FROM outbox"));
        row.exec();
        ASSERT_TRUE(row.next());
        EXPECT_EQ(row.text(0), QStringLiteral("pending"));
        EXPECT_GT(row.int64(1), QDateTime::currentSecsSinceEpoch());
        EXPECT_FALSE(row.text(2).isEmpty());
    }
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'out' AND delivery = 'queued'")), 1);
    running->stop();
}

TEST_F(EngineEbayTest, AQuestionAnsweredOnEbaysSiteIsAnsweredByAFollowUpNotAnotherAnswer)
{
    ebay.route("POST", Trading, EbayRecorded::answer(EbayRecorded::file("notifications/ask_seller_question.xml")));
    auto running = startEngine();
    ASSERT_TRUE(waitUntil([&] { return running->isIdle() && !callsOf("GetMemberMessages").isEmpty(); }, 20000));
    running->stop();
    EXPECT_EQ(scalar(QStringLiteral("SELECT answered FROM ebay_messages")), 0);

    // The seller answered on eBay's site: the next read (the recorded exchange with its status changed here, in
    // memory) says so, and the stored question is marked answered without being stored twice.
    QByteArray answered = EbayRecorded::file("notifications/ask_seller_question.xml");
    answered.replace("<MessageStatus>Unanswered</MessageStatus>", "<MessageStatus>Answered</MessageStatus>");
    ebay.clearRoutes();
    ebay.route("POST", Token, EbayRecorded::token("v^1.1#i^1#engine"));
    ebay.route("POST", Trading, EbayRecorded::answer(answered));
    const qsizetype before = callsOf("GetMemberMessages").size();
    auto again = startEngine();
    ASSERT_TRUE(waitUntil([&] { return again->isIdle() && callsOf("GetMemberMessages").size() > before; }, 20000));
    EXPECT_EQ(scalar(QStringLiteral("SELECT answered FROM ebay_messages")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 1);
    again->stop();
}
