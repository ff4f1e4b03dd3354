// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The migrator: every migration applies on a fresh database, re-opening changes nothing, scripts split on "--;"
// lines with trigger bodies kept whole, failed migrations roll back, and a newer schema is refused untouched.
#include "TestWorkspace.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/Migrator.h"
#include "storage/OutboxRepository.h"
#include "storage/SearchIndex.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::storage::Database;
using waybill::storage::Migrator;
using waybill::storage::SqlQuery;
using waybill::storage::StorageError;
using waybill::storage::Workspace;
using waybill::testing::TestWorkspace;

namespace {

qint64 scalar(const Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

} // namespace

TEST(MigratorTest, AppliesEveryMigrationInMemory)
{
    TestWorkspace workspace;
    const Database &db = workspace.db();
    const int latest = Migrator(db).latestVersion();
    ASSERT_GE(latest, 1);
    EXPECT_EQ(db.schemaVersion(), latest);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT max(version) FROM schema_version")), latest);

    const QStringList tables = { QStringLiteral("teams"), QStringLiteral("agents"), QStringLiteral("customers"),
        QStringLiteral("identities"), QStringLiteral("orders"), QStringLiteral("order_lines"),
        QStringLiteral("shipments"), QStringLiteral("tracking_events"), QStringLiteral("returns"),
        QStringLiteral("return_events"), QStringLiteral("claims"), QStringLiteral("claim_events"),
        QStringLiteral("conversations"), QStringLiteral("messages"), QStringLiteral("attachments"),
        QStringLiteral("tags"), QStringLiteral("conversation_tags"), QStringLiteral("templates"),
        QStringLiteral("audit_log"), QStringLiteral("outbox"), QStringLiteral("sync_state"),
        QStringLiteral("view_counters"), QStringLiteral("message_fts"), QStringLiteral("customer_fts"),
        QStringLiteral("message_locations"), QStringLiteral("mail_actions") };
    for (const QString &table : tables) {
        SqlQuery q(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.bind(table).exec();
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.int64(0), 1) << table.toStdString();
    }
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")), 3);
    // The pragmas of Database::open are in force.
    EXPECT_EQ(scalar(db, QStringLiteral("PRAGMA foreign_keys")), 1);
}

TEST(MigratorTest, AmazonOutboxRowsCarryTheirMessageTypeAndOlderRowsNone)
{
    TestWorkspace workspace;
    const Database &db = workspace.db();
    const qint64 conversation = waybill::storage::ConversationRepository(db).insert({});
    waybill::domain::Message message;
    message.conversationId = conversation;
    message.direction = waybill::domain::Message::Direction::Outbound;
    const qint64 first = waybill::storage::MessageRepository(db).insert(message);
    const qint64 second = waybill::storage::MessageRepository(db).insert(message);
    // A row written as before 0019 (no type: the rules' unexpectedProblem) and one an agent chose the type of.
    SqlQuery old(db,
        QStringLiteral("INSERT INTO outbox (message_id, channel, account, state, next_attempt_at, created_at) "
                       "VALUES (?, 'amazon', 'amazon:ATVPDKIKX0DER', 'pending', 0, 0)"));
    old.bind(first).exec();
    const waybill::storage::OutboxRepository outbox(db);
    outbox.enqueue(second, QStringLiteral("amazon"), QStringLiteral("amazon:ATVPDKIKX0DER"), 0,
        QStringLiteral("confirmDeliveryDetails"));
    EXPECT_EQ(outbox.forMessage(first)->messageType, QString());
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE message_type IS NULL")), 1);
    EXPECT_EQ(outbox.forMessage(second)->messageType, QStringLiteral("confirmDeliveryDetails"));
}

TEST(MigratorTest, ReopeningIsIdempotent)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Workspace workspace(dir.path());
    int latest = 0;
    {
        auto db = workspace.openDatabase(QStringLiteral("migrator-first"));
        latest = db->schemaVersion();
        db->execute(QStringLiteral("INSERT INTO teams (name) VALUES ('Tier 1')"));
    }
    for (int round = 0; round < 2; ++round) {
        auto db = workspace.openDatabase(QStringLiteral("migrator-again"));
        EXPECT_EQ(db->schemaVersion(), latest);
        EXPECT_EQ(Migrator(*db).migrate(), latest);
        // One row per migration file, each applied once (numbers may have gaps reserved for other work).
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM schema_version")),
            QDir(QStringLiteral(":/migrations/sqlite")).entryList(QDir::Files).size());
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT max(version) FROM schema_version")), latest);
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM teams WHERE name = 'Tier 1'")), 1);
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")), 3);
    }
}

TEST(MigratorTest, StatementsSplitOnSeparatorLinesAndKeepTriggerBodiesWhole)
{
    const QString script = QStringLiteral("-- A header comment\n"
                                          "CREATE TABLE a (x INTEGER);\n"
                                          "--;\n"
                                          "-- the trigger below has semicolons inside\n"
                                          "CREATE TRIGGER t AFTER INSERT ON a\n"
                                          "BEGIN\n"
                                          "    INSERT INTO b VALUES (NEW.x);\n"
                                          "    UPDATE b SET y = y + 1;\n"
                                          "END;\n"
                                          "--;   \n"
                                          "-- only a comment here\n"
                                          "--;\n"
                                          "\n"
                                          "CREATE INDEX a_x ON a(x); -- trailing words are not a separator\n"
                                          "  --; indented text is not a separator either\n");
    const QStringList statements = Migrator::statements(script);
    ASSERT_EQ(statements.size(), 3) << statements.join(QStringLiteral("\n||\n")).toStdString();
    EXPECT_EQ(statements.at(0), QStringLiteral("CREATE TABLE a (x INTEGER);"));
    EXPECT_TRUE(statements.at(1).startsWith(QStringLiteral("CREATE TRIGGER t")));
    EXPECT_TRUE(statements.at(1).contains(QStringLiteral("INSERT INTO b VALUES (NEW.x);")));
    EXPECT_TRUE(statements.at(1).contains(QStringLiteral("UPDATE b SET y = y + 1;")));
    EXPECT_TRUE(statements.at(1).endsWith(QStringLiteral("END;")));
    EXPECT_FALSE(statements.at(1).contains(QStringLiteral("semicolons inside")));
    EXPECT_TRUE(statements.at(2).startsWith(QStringLiteral("CREATE INDEX a_x")));

    EXPECT_TRUE(Migrator::statements(QString()).isEmpty());
    EXPECT_TRUE(Migrator::statements(QStringLiteral("--;\n-- nothing\n--;\n")).isEmpty());
}

TEST(MigratorTest, InitialScriptKeepsEveryTriggerWhole)
{
    QFile file(QStringLiteral(":/migrations/sqlite/0001_initial.sql"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList statements = Migrator::statements(QString::fromUtf8(file.readAll()));
    int triggers = 0;
    for (const QString &statement : statements) {
        if (statement.startsWith(QStringLiteral("CREATE TRIGGER"))) {
            ++triggers;
            EXPECT_TRUE(statement.endsWith(QStringLiteral("END;"))) << statement.toStdString();
            EXPECT_TRUE(statement.contains(QStringLiteral("view_counters"))) << statement.toStdString();
        }
        EXPECT_FALSE(statement.contains(QStringLiteral("\n--;"))) << statement.toStdString();
    }
    EXPECT_EQ(triggers, 3);
}

TEST(MigratorTest, LaterMigrationsApplyInOrderAndAFailingOneRollsBack)
{
    QTemporaryDir scripts;
    ASSERT_TRUE(scripts.isValid());
    TestWorkspace workspace;
    const Database &db = workspace.db();
    // The workspace is at the build's latest version; these scripts come after it.
    const int base = Migrator(db).latestVersion();
    auto name = [&](int offset, const char *suffix) {
        return scripts.filePath(
            QStringLiteral("%1_%2.sql").arg(base + offset, 4, 10, QLatin1Char('0')).arg(QLatin1String(suffix)));
    };
    writeFile(scripts.filePath(QStringLiteral("0001_initial.sql")), "CREATE TABLE never_run (x INTEGER);\n");
    writeFile(name(1, "notes"),
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n--;\n"
        "INSERT INTO notes (body) VALUES ('one; two');\n");
    EXPECT_EQ(Migrator(db, scripts.path()).latestVersion(), base + 1);
    EXPECT_EQ(Migrator(db, scripts.path()).migrate(), base + 1);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM notes")), 1);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'never_run'")), 0);

    // A broken migration leaves neither its first statement nor a version bump behind.
    writeFile(name(2, "broken"), "CREATE TABLE half_done (x INTEGER);\n--;\nTHIS IS NOT SQL;\n");
    EXPECT_THROW(Migrator(db, scripts.path()).migrate(), StorageError);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT max(version) FROM schema_version")), base + 1);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")), 0);
}

TEST(MigratorTest, AMissingMigrationBelowTheNewestIsApplied)
{
    QTemporaryDir scripts;
    ASSERT_TRUE(scripts.isValid());
    TestWorkspace workspace;
    const Database &db = workspace.db();
    const int base = Migrator(db).latestVersion();
    auto name = [&](int offset, const char *suffix) {
        return scripts.filePath(
            QStringLiteral("%1_%2.sql").arg(base + offset, 4, 10, QLatin1Char('0')).arg(QLatin1String(suffix)));
    };
    writeFile(name(2, "later"), "CREATE TABLE later_work (x INTEGER);\n");
    EXPECT_EQ(Migrator(db, scripts.path()).migrate(), base + 2);
    // A branch merged afterwards brings base + 1: it is applied, once, and the newest stays base + 2.
    writeFile(name(1, "merged"), "CREATE TABLE merged_work (x INTEGER);\n");
    EXPECT_EQ(Migrator(db, scripts.path()).migrate(), base + 2);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'merged_work'")), 1);
    EXPECT_EQ(Migrator(db, scripts.path()).migrate(), base + 2);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM schema_version WHERE version = %1").arg(base + 1)), 1);
}

TEST(MigratorTest, NewerSchemaInMemoryIsRefused)
{
    TestWorkspace workspace;
    const Database &db = workspace.db();
    const int latest = Migrator(db).latestVersion();
    SqlQuery bump(db, QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
    bump.bind(latest + 5).exec();
    try {
        Migrator(db).migrate();
        FAIL() << "a newer schema was accepted";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::NewerSchema);
    }
}

TEST(MigratorTest, NewerSchemaFileIsRefusedAndLeftByteForByteUnchanged)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Workspace workspace(dir.path());
    int latest = 0;
    {
        auto db = workspace.openDatabase(QStringLiteral("migrator-newer-setup"));
        latest = db->schemaVersion();
        db->execute(QStringLiteral("INSERT INTO teams (name) VALUES ('Keep me')"));
        SqlQuery bump(*db, QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        bump.bind(latest + 1).exec();
    }
    const QString path = workspace.databasePath();
    const QByteArray before = readAll(path);
    ASSERT_FALSE(before.isEmpty());

    try {
        workspace.openDatabase(QStringLiteral("migrator-newer"));
        FAIL() << "a database with a newer schema was opened";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::NewerSchema);
        const QString message = error.userMessage();
        EXPECT_TRUE(message.contains(QString::number(latest + 1))) << message.toStdString();
        EXPECT_TRUE(message.contains(QString::number(latest))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("newer version of Waybill"))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("not changed"))) << message.toStdString();
    }
    EXPECT_EQ(readAll(path), before);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")) && !readAll(path + QStringLiteral("-wal")).isEmpty());
}

TEST(MigratorTest, ASearchIndexRebuildLeftByAMigrationRunsOnceAtOpen)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Workspace workspace(dir.path());
    {
        auto db = workspace.openDatabase(QStringLiteral("rebuild-first"));
        EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM maintenance")), 0);
        const qint64 customer = waybill::storage::CustomerRepository(*db).insert({ 0, QString::fromUtf8("田中 愛子"),
            QString::fromUtf8("愛子"), 1, { { 0, QStringLiteral("email"), QStringLiteral("aiko@example.jp") } } });
        waybill::domain::ConversationSummary c;
        c.customerId = customer;
        c.subject = QStringLiteral("Question");
        const qint64 conversation = waybill::storage::ConversationRepository(*db).insert(c);
        waybill::domain::Message m;
        m.conversationId = conversation;
        m.bodyText = QString::fromUtf8("配送状況を教えてください。The umbrella is late.");
        waybill::storage::MessageRepository(*db).insert(m);
        // As a workspace from before the tokenizer changed: its indexes emptied, the rebuild left to do.
        db->execute(QStringLiteral("INSERT INTO message_fts (message_fts) VALUES ('delete-all')"));
        db->execute(QStringLiteral("INSERT INTO customer_fts (customer_fts) VALUES ('delete-all')"));
        db->execute(QStringLiteral("INSERT INTO maintenance (task) VALUES ('rebuild_search_index')"));
        EXPECT_TRUE(waybill::storage::SearchIndex(*db).search(QString::fromUtf8("配送"), 10).isEmpty());
    }
    auto db = workspace.openDatabase(QStringLiteral("rebuild-again"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM maintenance")), 0);
    const waybill::storage::SearchIndex index(*db);
    EXPECT_EQ(index.search(QString::fromUtf8("配送"), 10).size(), 1);
    EXPECT_EQ(index.search(QStringLiteral("umbrella"), 10).size(), 1);
    EXPECT_EQ(index.search(QString::fromUtf8("愛子"), 10).size(), 1); // the customer's name
    EXPECT_EQ(index.search(QStringLiteral("aiko"), 10).size(), 1); // and e-mail address
}
