// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Round trips through every repository, the joined conversation detail, and the content-addressed attachment store.
#include "TestWorkspace.h"
#include "storage/AgentRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "storage/SyncStateRepository.h"
#include "storage/TagRepository.h"
#include "storage/WorkflowRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using domain::TrackingStatus;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;

class RepositoriesTest : public ::testing::Test {
protected:
    const storage::Database &db() { return workspace.db(); }

    qint64 customer(const QString &name, const QString &email)
    {
        return storage::CustomerRepository(db()).insert(
            { 0, name, name.section(u' ', 0, 0), Now - 100 * Day, { { 0, QStringLiteral("email"), email } } });
    }

    qint64 order(const QString &number, qint64 customerId, qint64 placedAt)
    {
        domain::Order o { 0, QStringLiteral("shopify"), number, customerId, placedAt, QStringLiteral("USD"), 2000, 599,
            160, 2759, QStringLiteral("paid"), {} };
        o.lines = { { 0, QStringLiteral("WB-1001"), QStringLiteral("Rain umbrella"), 2, 1000 } };
        return storage::OrderRepository(db()).insert(o);
    }

    qint64 conversation(qint64 customerId, qint64 orderId)
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Where is my order?");
        c.customerId = customerId;
        c.customerName = QStringLiteral("Olivia Harper");
        c.orderId = orderId;
        c.createdAt = Now - Day;
        c.lastActivity = Now - 3600;
        c.linkReason = QStringLiteral("order number in the subject");
        return storage::ConversationRepository(db()).insert(c);
    }

    waybill::testing::TestWorkspace workspace;
};

} // namespace

TEST_F(RepositoriesTest, CustomersWithIdentities)
{
    const storage::CustomerRepository customers(db());
    const domain::Customer olivia { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now,
        { { 0, QStringLiteral("email"), QStringLiteral("olivia@example.net") },
            { 0, QStringLiteral("phone"), QStringLiteral("+15550123456") },
            { 0, QStringLiteral("amazon"), QStringLiteral("A1B2C3D4E5F6G7") } } };
    const qint64 id = customers.insert(olivia);
    const auto found = customers.find(id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->name, olivia.name);
    EXPECT_EQ(found->firstName, olivia.firstName);
    EXPECT_EQ(found->createdAt, Now);
    ASSERT_EQ(found->identities.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_GT(found->identities.at(i).id, 0);
        EXPECT_EQ(found->identities.at(i).kind, olivia.identities.at(i).kind);
        EXPECT_EQ(found->identities.at(i).value, olivia.identities.at(i).value);
    }
    const auto byPhone = customers.findByIdentity(QStringLiteral("phone"), QStringLiteral("+15550123456"));
    ASSERT_TRUE(byPhone.has_value());
    EXPECT_EQ(byPhone->customerId, id);
    EXPECT_EQ(byPhone->name, olivia.name);
    EXPECT_EQ(customers.findByIdentity(QStringLiteral("amazon"), QStringLiteral("A1B2C3D4E5F6G7"))->customerId, id);
    EXPECT_FALSE(customers.findByIdentity(QStringLiteral("email"), QStringLiteral("+15550123456")).has_value());
    EXPECT_FALSE(customers.findByIdentity(QStringLiteral("email"), QStringLiteral("nobody@example.net")));
    EXPECT_FALSE(customers.find(id + 100).has_value());
}

TEST_F(RepositoriesTest, OrdersWithLinesShipmentsAndLookup)
{
    const storage::OrderRepository orders(db());
    const qint64 olivia = customer(QStringLiteral("Olivia Harper"), QStringLiteral("olivia@example.net"));
    const qint64 noah = customer(QStringLiteral("Noah Green"), QStringLiteral("noah@example.org"));
    domain::Order amazon { 0, QStringLiteral("amazon"), QStringLiteral("123-1234567-1234567"), olivia, Now - 3 * Day,
        QStringLiteral("USD"), 4500, 0, 360, 4860, QStringLiteral("fulfilled"), {} };
    amazon.lines = { { 0, QStringLiteral("WB-1"), QStringLiteral("Teapot"), 1, 2500 },
        { 0, QStringLiteral("WB-2"), QString::fromUtf8("湯呑み"), 2, 1000 } };
    const qint64 amazonId = orders.insert(amazon);
    const qint64 older = order(QStringLiteral("#1001"), olivia, Now - 30 * Day);
    const qint64 other = order(QStringLiteral("#1002"), noah, Now - 2 * Day);

    const auto found = orders.find(amazonId);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->source, QStringLiteral("amazon"));
    EXPECT_EQ(found->number, amazon.number);
    EXPECT_EQ(found->customerId, olivia);
    EXPECT_EQ(found->totalCents, 4860);
    EXPECT_EQ(found->status, QStringLiteral("fulfilled"));
    ASSERT_EQ(found->lines.size(), 2);
    EXPECT_EQ(found->lines.at(1).title, QString::fromUtf8("湯呑み"));
    EXPECT_EQ(found->lines.at(1).quantity, 2);
    EXPECT_EQ(found->lines.at(1).unitPriceCents, 1000);

    const auto oliviaOrders = orders.forCustomer(olivia);
    ASSERT_EQ(oliviaOrders.size(), 2);
    EXPECT_EQ(oliviaOrders.at(0).id, amazonId); // newest first
    EXPECT_EQ(oliviaOrders.at(1).id, older);
    EXPECT_TRUE(oliviaOrders.at(0).lines.isEmpty());

    auto ids = [](const QList<domain::Order> &list) {
        QList<qint64> result;
        for (const auto &o : list) {
            result << o.id;
        }
        return result;
    };
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("123-12"), 10)), QList<qint64> { amazonId });
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("#100"), 10)), (QList<qint64> { other, older }));
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("1002"), 10)), QList<qint64> { other });
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("noah@exa"), 10)), QList<qint64> { other });
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("Olivia"), 10)), (QList<qint64> { amazonId, older }));
    EXPECT_EQ(ids(orders.lookup(QStringLiteral("olivia harp"), 1)), QList<qint64> { amazonId });
    EXPECT_TRUE(orders.lookup(QStringLiteral("   "), 10).isEmpty());
    EXPECT_NO_THROW(orders.lookup(QStringLiteral("\"*NEAR("), 10));

    domain::Shipment shipment;
    shipment.orderId = amazonId;
    shipment.carrier = QStringLiteral("ups");
    shipment.service = QStringLiteral("Ground");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.status = TrackingStatus::Exception;
    shipment.shippedAt = Now - 2 * Day;
    shipment.expectedAt = Now + Day;
    shipment.events = { { 0, Now - 2 * Day, TrackingStatus::PreTransit, QStringLiteral("Louisville, KY, US"),
                            QStringLiteral("Label created") },
        { 0, Now - Day, TrackingStatus::Exception, QStringLiteral("Memphis, TN, US"),
            QStringLiteral("Address could not be verified") } };
    const qint64 shipmentId = orders.insertShipment(shipment);
    const auto shipments = orders.shipments(amazonId);
    ASSERT_EQ(shipments.size(), 1);
    const auto &s = shipments.first();
    EXPECT_EQ(s.id, shipmentId);
    EXPECT_EQ(s.carrier, QStringLiteral("ups"));
    EXPECT_EQ(s.service, QStringLiteral("Ground"));
    EXPECT_EQ(s.trackingNumber, shipment.trackingNumber);
    EXPECT_EQ(s.status, TrackingStatus::Exception);
    EXPECT_EQ(s.expectedAt, Now + Day);
    EXPECT_EQ(s.deliveredAt, 0);
    ASSERT_EQ(s.events.size(), 2);
    EXPECT_EQ(s.events.at(0).status, TrackingStatus::PreTransit);
    EXPECT_EQ(s.events.at(1).location, QStringLiteral("Memphis, TN, US"));
    EXPECT_EQ(s.events.at(1).message, QStringLiteral("Address could not be verified"));
    EXPECT_TRUE(orders.shipments(other).isEmpty());
}

TEST_F(RepositoriesTest, ReturnsAndClaimsWithHistory)
{
    const storage::WorkflowRepository workflows(db());
    const qint64 orderId = order(QStringLiteral("#2001"), 0, Now - 10 * Day);
    const domain::ReturnRequest request { 0, orderId, QStringLiteral("approved"), QStringLiteral("Wrong size"), 2000,
        {}, Now - 5 * Day,
        { { Now - 5 * Day, QStringLiteral("requested"), QStringLiteral("by e-mail") },
            { Now - 4 * Day, QStringLiteral("approved"), {} } },
        0, 0, {} };
    const qint64 returnId = workflows.insertReturn(request);
    workflows.addReturnStep(returnId, { Now - 3 * Day, QStringLiteral("label_sent"), QStringLiteral("UPS label") });
    const auto returns = workflows.returnsForOrder(orderId);
    ASSERT_EQ(returns.size(), 1);
    EXPECT_EQ(returns.first().state, QStringLiteral("label_sent"));
    EXPECT_EQ(returns.first().reason, QStringLiteral("Wrong size"));
    EXPECT_EQ(returns.first().amountCents, 2000);
    ASSERT_EQ(returns.first().history.size(), 3);
    EXPECT_EQ(returns.first().history.at(0).note, QStringLiteral("by e-mail"));
    EXPECT_EQ(returns.first().history.at(2).state, QStringLiteral("label_sent"));

    const domain::Claim claim { 0, orderId, 0, QStringLiteral("lost"), QStringLiteral("opened"), {}, 2759,
        Now + 60 * Day, Now - Day, { { Now - Day, QStringLiteral("opened"), {} } }, {}, 0, {} };
    const qint64 claimId = workflows.insertClaim(claim);
    workflows.addClaimStep(claimId, { Now, QStringLiteral("filed"), QStringLiteral("CLM-00000001") });
    const auto claims = workflows.claimsForOrder(orderId);
    ASSERT_EQ(claims.size(), 1);
    EXPECT_EQ(claims.first().kind, QStringLiteral("lost"));
    EXPECT_EQ(claims.first().state, QStringLiteral("filed"));
    EXPECT_EQ(claims.first().shipmentId, 0);
    EXPECT_EQ(claims.first().filingDeadline, Now + 60 * Day);
    ASSERT_EQ(claims.first().history.size(), 2);
    EXPECT_EQ(claims.first().history.at(1).note, QStringLiteral("CLM-00000001"));
    EXPECT_TRUE(workflows.returnsForOrder(orderId + 1).isEmpty());
}

TEST_F(RepositoriesTest, AgentsTeamsTagsAndTemplates)
{
    const storage::AgentRepository agents(db());
    const qint64 team = agents.insertTeam(QStringLiteral("Tier 1"));
    const qint64 mia
        = agents.insertAgent({ 0, QStringLiteral("Mia Chen"), QStringLiteral("Mia.Chen@Example.com"), team });
    const qint64 jonas
        = agents.insertAgent({ 0, QStringLiteral("Jonas Weber"), QStringLiteral("jonas@example.com"), 0 });
    ASSERT_EQ(agents.agents().size(), 2);
    EXPECT_EQ(agents.agents().first().id, jonas); // by name
    EXPECT_EQ(agents.find(mia)->teamId, team);
    EXPECT_EQ(agents.find(jonas)->teamId, 0);
    EXPECT_EQ(agents.findByEmail(QStringLiteral("MIA.CHEN@example.com"))->id, mia);
    EXPECT_FALSE(agents.find(mia + 99).has_value());
    ASSERT_EQ(agents.teams().size(), 1);
    EXPECT_EQ(agents.teams().first().name, QStringLiteral("Tier 1"));

    const storage::TagRepository tags(db());
    const qint64 id = conversation(0, 0);
    EXPECT_TRUE(tags.addTag(id, QStringLiteral("vip")));
    EXPECT_FALSE(tags.addTag(id, QStringLiteral("vip")));
    EXPECT_TRUE(tags.addTag(id, QStringLiteral(" fragile ")));
    EXPECT_EQ(tags.tagsOf(id), (QStringList { QStringLiteral("fragile"), QStringLiteral("vip") }));
    EXPECT_TRUE(tags.removeTag(id, QStringLiteral("vip")));
    EXPECT_FALSE(tags.removeTag(id, QStringLiteral("vip")));
    EXPECT_FALSE(tags.removeTag(id, QStringLiteral("never-created")));
    EXPECT_EQ(tags.tagsOf(id), QStringList { QStringLiteral("fragile") });
    EXPECT_EQ(tags.allTags(), (QStringList { QStringLiteral("fragile"), QStringLiteral("vip") }));

    // A new workspace comes with a template for each customer-facing return and claim step; these add to them.
    const qsizetype defaults = tags.templates().size();
    tags.insertTemplate({ 0, QStringLiteral("Thanks"), QStringLiteral("Thank you {{customer.first_name}}!") });
    tags.insertTemplate({ 0, QStringLiteral("Delay apology"), QStringLiteral("Sorry about {{order.number}}.") });
    const auto templates = tags.templates();
    ASSERT_EQ(templates.size(), defaults + 2);
    EXPECT_EQ(templates.first().name, QStringLiteral("Claim opened"));
    EXPECT_EQ(templates.last().body, QStringLiteral("Thank you {{customer.first_name}}!"));
}

TEST_F(RepositoriesTest, AuditOutboxAndSyncState)
{
    const qint64 agent = storage::AgentRepository(db()).insertAgent(
        { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@example.com"), 0 });
    const qint64 id = conversation(0, 0);
    const storage::AuditLogRepository audit(db());
    audit.record({ 0, Now + 10, agent, {}, id, QStringLiteral("status"), QStringLiteral("status: Closed") });
    audit.record({ 0, Now, 0, {}, id, QStringLiteral("assign"), QStringLiteral("unassigned") });
    const auto entries = audit.forConversation(id);
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(0).action, QStringLiteral("assign")); // oldest first
    EXPECT_EQ(entries.at(0).agentName, QString());
    EXPECT_EQ(entries.at(1).agentName, QStringLiteral("Mia Chen"));
    EXPECT_EQ(entries.at(1).detail, QStringLiteral("status: Closed"));

    const storage::MessageRepository messages(db());
    const storage::OutboxRepository outbox(db());
    domain::Message reply;
    reply.conversationId = id;
    reply.direction = domain::Message::Direction::Outbound;
    reply.bodyText = QStringLiteral("On its way");
    reply.createdAt = Now;
    reply.delivery = domain::Message::Delivery::Queued;
    const qint64 first = messages.insert(reply);
    const qint64 second = messages.insert(reply);
    outbox.enqueue(second, QStringLiteral("sms"), QString(), Now + 60);
    outbox.enqueue(first, QStringLiteral("email"), QString(), Now);
    EXPECT_EQ(outbox.pendingCount(), 2);
    const auto item = outbox.forMessage(first);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->channel, QStringLiteral("email"));
    EXPECT_EQ(item->state, QStringLiteral("pending"));
    EXPECT_EQ(item->attempts, 0);
    EXPECT_EQ(outbox.due(Now, 10).size(), 1);
    const auto due = outbox.due(Now + 60, 10);
    ASSERT_EQ(due.size(), 2);
    EXPECT_EQ(due.first().messageId, first);
    EXPECT_EQ(outbox.due(Now + 60, 1).size(), 1);
    EXPECT_FALSE(outbox.forMessage(first + 100).has_value());

    const storage::SyncStateRepository sync(db());
    EXPECT_EQ(sync.value(QStringLiteral("imap:shop"), QStringLiteral("uid"), QStringLiteral("0")), QStringLiteral("0"));
    sync.setValue(QStringLiteral("imap:shop"), QStringLiteral("uid"), QStringLiteral("41"));
    sync.setValue(QStringLiteral("imap:shop"), QStringLiteral("uid"), QStringLiteral("42"));
    sync.setValue(QStringLiteral("imap:other"), QStringLiteral("uid"), QStringLiteral("7"));
    EXPECT_EQ(sync.value(QStringLiteral("imap:shop"), QStringLiteral("uid")), QStringLiteral("42"));
    EXPECT_EQ(sync.value(QStringLiteral("imap:other"), QStringLiteral("uid")), QStringLiteral("7"));
}

TEST_F(RepositoriesTest, MessagesWithAttachmentsAndDelivery)
{
    const qint64 id = conversation(0, 0);
    const storage::MessageRepository messages(db());
    domain::Message inbound;
    inbound.conversationId = id;
    inbound.author = QStringLiteral("Olivia Harper");
    inbound.bodyText = QString::fromUtf8("Photo attached — 写真を添付しました 📦");
    inbound.bodyHtml = QStringLiteral("<p>Photo attached</p>");
    inbound.createdAt = Now - 100;
    inbound.attachments = { { 0, QStringLiteral("parcel.png"), QStringLiteral("image/png"), 68, QString(64, u'a') },
        { 0, QStringLiteral("label.pdf"), QStringLiteral("application/pdf"), 1024, QString(64, u'b') } };
    const qint64 first = messages.insert(inbound);
    domain::Message note;
    note.conversationId = id;
    note.direction = domain::Message::Direction::Note;
    note.bodyText = QStringLiteral("Check with UPS");
    note.createdAt = Now - 200; // older: listed first
    const qint64 second = messages.insert(note);

    const auto thread = messages.forConversation(id);
    ASSERT_EQ(thread.size(), 2);
    EXPECT_EQ(thread.at(0).id, second);
    EXPECT_EQ(thread.at(0).direction, domain::Message::Direction::Note);
    EXPECT_TRUE(thread.at(0).attachments.isEmpty());
    EXPECT_EQ(thread.at(1).bodyText, inbound.bodyText);
    EXPECT_EQ(thread.at(1).bodyHtml, inbound.bodyHtml);
    EXPECT_TRUE(thread.at(0).bodyHtml.isEmpty());
    // Bodies are stored as text (bound as UTF-8 bytes and cast), and an empty one as '', never NULL or a blob.
    storage::SqlQuery types(db(),
        QStringLiteral("SELECT typeof(body_text), typeof(body_html), length(body_text) FROM messages WHERE id = ?"));
    types.bind(first).exec();
    ASSERT_TRUE(types.next());
    EXPECT_EQ(types.text(0), QStringLiteral("text"));
    EXPECT_EQ(types.text(1), QStringLiteral("text"));
    EXPECT_EQ(types.int64(2), inbound.bodyText.toUcs4().size()); // characters, not bytes
    storage::SqlQuery empty(
        db(), QStringLiteral("SELECT typeof(body_html), body_html = '' FROM messages WHERE id = ?"));
    empty.bind(second).exec();
    ASSERT_TRUE(empty.next());
    EXPECT_EQ(empty.text(0), QStringLiteral("text"));
    EXPECT_EQ(empty.int64(1), 1);
    ASSERT_EQ(thread.at(1).attachments.size(), 2);
    EXPECT_EQ(thread.at(1).attachments.at(1).filename, QStringLiteral("label.pdf"));
    EXPECT_EQ(thread.at(1).attachments.at(1).sizeBytes, 1024);
    EXPECT_EQ(thread.at(1).attachments.at(0).sha256, QString(64, u'a'));

    messages.setDelivery(first, domain::Message::Delivery::Failed, QStringLiteral("550 mailbox unavailable"));
    const auto failed = messages.find(first);
    ASSERT_TRUE(failed.has_value());
    EXPECT_EQ(failed->delivery, domain::Message::Delivery::Failed);
    EXPECT_EQ(failed->error, QStringLiteral("550 mailbox unavailable"));
    EXPECT_FALSE(messages.find(first + 100).has_value());
}

TEST_F(RepositoriesTest, ConversationDetailJoinsEverything)
{
    const qint64 olivia = customer(QStringLiteral("Olivia Harper"), QStringLiteral("olivia@example.net"));
    const qint64 linked = order(QStringLiteral("#3001"), olivia, Now - 4 * Day);
    order(QStringLiteral("#3000"), olivia, Now - 40 * Day);
    domain::Shipment shipment;
    shipment.orderId = linked;
    shipment.carrier = QStringLiteral("usps");
    shipment.trackingNumber = QStringLiteral("9400111899223197428490");
    shipment.status = TrackingStatus::InTransit;
    shipment.events = { { 0, Now - Day, TrackingStatus::InTransit, {}, QStringLiteral("Arrived at facility") } };
    storage::OrderRepository(db()).insertShipment(shipment);
    storage::WorkflowRepository(db()).insertReturn({ 0, linked, QStringLiteral("requested"), {}, 0, {}, Now,
        { { Now, QStringLiteral("requested"), {} } }, 0, 0, {} });
    storage::WorkflowRepository(db()).insertClaim(
        { 0, linked, 0, QStringLiteral("damaged"), QStringLiteral("opened"), {}, 0, 0, Now, {}, {}, 0, {} });
    const qint64 id = conversation(olivia, linked);
    storage::TagRepository(db()).addTag(id, QStringLiteral("vip"));
    domain::Message m;
    m.conversationId = id;
    m.bodyText = QStringLiteral("Where is it?");
    m.createdAt = Now - 3600;
    storage::MessageRepository(db()).insert(m);
    storage::AuditLogRepository(db()).record(
        { 0, Now, 0, {}, id, QStringLiteral("tag"), QStringLiteral("tagged vip") });

    const storage::ConversationDetailReader reader(db());
    const auto detail = reader.load(id);
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->conversation.id, id);
    EXPECT_EQ(detail->conversation.linkReason, QStringLiteral("order number in the subject"));
    EXPECT_EQ(detail->conversation.tags, QStringList { QStringLiteral("vip") });
    ASSERT_EQ(detail->messages.size(), 1);
    EXPECT_EQ(detail->messages.first().bodyText, QStringLiteral("Where is it?"));
    ASSERT_TRUE(detail->customer.has_value());
    EXPECT_EQ(detail->customer->identities.size(), 1);
    ASSERT_TRUE(detail->order.has_value());
    EXPECT_EQ(detail->order->number, QStringLiteral("#3001"));
    EXPECT_EQ(detail->order->lines.size(), 1);
    ASSERT_EQ(detail->shipments.size(), 1);
    EXPECT_EQ(detail->shipments.first().events.size(), 1);
    EXPECT_EQ(detail->returns.size(), 1);
    EXPECT_EQ(detail->claims.size(), 1);
    ASSERT_EQ(detail->customerOrders.size(), 2);
    EXPECT_EQ(detail->customerOrders.first().number, QStringLiteral("#3001"));
    ASSERT_EQ(detail->audit.size(), 1);
    EXPECT_EQ(detail->audit.first().detail, QStringLiteral("tagged vip"));

    EXPECT_FALSE(reader.load(id + 100).has_value());
    // The read transaction is closed again: a write transaction can start.
    EXPECT_NO_THROW(db().execute(QStringLiteral("BEGIN IMMEDIATE")));
    db().execute(QStringLiteral("COMMIT"));

    const auto bare = reader.load(conversation(0, 0));
    ASSERT_TRUE(bare.has_value());
    EXPECT_FALSE(bare->customer.has_value());
    EXPECT_FALSE(bare->order.has_value());
    EXPECT_TRUE(bare->shipments.isEmpty());
}

TEST(AttachmentStoreTest, SameBytesSameHashOneFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const storage::AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
    const QByteArray bytes("\x89PNG\r\n\x1a\n a damaged parcel", 26);
    const QString sha = store.put(bytes);
    EXPECT_EQ(sha, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(store.put(bytes), sha);
    const QString path = store.pathOf(sha);
    EXPECT_EQ(path, dir.filePath(QStringLiteral("attachments/")) + sha.left(2) + u'/' + sha);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), bytes);
    EXPECT_EQ(QDir(dir.filePath(QStringLiteral("attachments/")) + sha.left(2)).entryList(QDir::Files).size(), 1);
    EXPECT_NE(store.put(QByteArrayLiteral("other bytes")), sha);
    EXPECT_TRUE(store.pathOf(QString(64, u'0')).isEmpty());
    EXPECT_FALSE(store.put(QByteArray()).isEmpty());
}
