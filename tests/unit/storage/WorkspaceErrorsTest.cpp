// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input for the workspace: a corrupted database file, a read-only folder and a full disk each give the user a
// clear message, and nothing already stored is lost.
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "domain/ConversationSummary.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/InboxQuery.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace waybill;
using storage::Database;
using storage::SqlQuery;
using storage::StorageError;
using storage::Workspace;

namespace {

constexpr uid_t Nobody = 65534;
constexpr qint64 Now = 1772000000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray garbage(qsizetype size, unsigned seed)
{
    std::mt19937 engine(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes) {
        byte = char(engine() & 0xff);
    }
    return bytes;
}

qint64 scalar(const Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

domain::ConversationSummary conversation(const QString &subject)
{
    domain::ConversationSummary c;
    c.channel = domain::Channel::Email;
    c.subject = subject;
    c.preview = subject;
    c.createdAt = Now;
    c.lastActivity = Now;
    return c;
}

/// Runs as the unprivileged user "nobody" while alive when the tests run as root, where permission bits do not
/// apply; restores root afterwards even when an assertion returns early.
class UnprivilegedScope {
public:
    UnprivilegedScope()
    {
        if (geteuid() == 0) {
            m_active = setegid(Nobody) == 0 && seteuid(Nobody) == 0;
        }
    }
    ~UnprivilegedScope()
    {
        if (m_active) {
            [[maybe_unused]] const int restoredUser = seteuid(0);
            [[maybe_unused]] const int restoredGroup = setegid(0);
        }
    }
    UnprivilegedScope(const UnprivilegedScope &) = delete;
    UnprivilegedScope &operator=(const UnprivilegedScope &) = delete;

    /// False when running as root and dropping privileges failed.
    bool ok() const { return m_active || geteuid() != 0; }

private:
    bool m_active = false;
};

} // namespace

TEST(WorkspaceErrorsTest, GarbageFileIsReportedAsDamagedAndLeftUnchanged)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Workspace workspace(dir.path());
    const QByteArray bytes = garbage(64 * 1024, 7);
    {
        QFile file(workspace.databasePath());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_EQ(file.write(bytes), bytes.size());
    }
    try {
        workspace.openDatabase(QStringLiteral("garbage"));
        FAIL() << "a file of random bytes was opened as a workspace";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::Corrupt) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("damaged"))) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("not changed"))
            || error.userMessage().contains(QStringLiteral("has not changed")))
            << error.what();
    }
    EXPECT_EQ(readAll(workspace.databasePath()), bytes);
}

TEST(WorkspaceErrorsTest, OverwrittenPagesAreReportedAsDamagedNotACrash)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Workspace workspace(dir.path());
    qint64 pageSize = 0;
    {
        auto db = workspace.openDatabase(QStringLiteral("overwritten-setup"));
        demo::DemoGenerator(*db, { 300, 3, Now, {} }).run();
        pageSize = scalar(*db, QStringLiteral("PRAGMA page_size"));
    }
    const QString path = workspace.databasePath();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        ASSERT_GT(size, 4 * pageSize);
        // Page 1 (the header and the schema) survives; every page after it is noise.
        ASSERT_TRUE(file.seek(pageSize));
        const QByteArray noise = garbage(size - pageSize, 11);
        ASSERT_EQ(file.write(noise), noise.size());
    }
    const QByteArray damaged = readAll(path);

    bool reported = false;
    try {
        auto db = workspace.openDatabase(QStringLiteral("overwritten"));
        const storage::ConversationRepository conversations(*db);
        const storage::InboxQuery query(
            { domain::InboxView::Kind::AllOpen, {} }, domain::InboxSort::LastActivity, 0, Now);
        for (const QString &table :
            { QStringLiteral("conversations"), QStringLiteral("messages"), QStringLiteral("customers") }) {
            scalar(*db, QStringLiteral("SELECT count(*) FROM ") + table);
        }
        conversations.page(query, nullptr, 1000);
    } catch (const StorageError &error) {
        reported = true;
        EXPECT_EQ(error.kind(), StorageError::Kind::Corrupt) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("damaged"))) << error.what();
    }
    EXPECT_TRUE(reported) << "reading overwritten pages raised no error";
    EXPECT_EQ(readAll(path), damaged);
}

TEST(WorkspaceErrorsTest, ReadOnlyFolderIsRefusedAndItsDatabaseKept)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_EQ(chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString folder = dir.filePath(QStringLiteral("workspace"));
    {
        auto db = Workspace(folder).openDatabase(QStringLiteral("read-only-setup"));
        db->execute(QStringLiteral("INSERT INTO teams (name) VALUES ('Returns & Claims')"));
    }
    const QString databasePath = folder + QStringLiteral("/waybill.sqlite");
    const QByteArray before = readAll(databasePath);
    ASSERT_FALSE(before.isEmpty());
    ASSERT_EQ(chmod(QFile::encodeName(folder).constData(), 0555), 0);

    {
        UnprivilegedScope nobody;
        ASSERT_TRUE(nobody.ok()) << "could not drop root privileges";
        try {
            Workspace workspace(folder);
            FAIL() << "a read-only folder was accepted as a workspace";
        } catch (const StorageError &error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::ReadOnly) << error.what();
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("read-only"))) << error.what();
            EXPECT_TRUE(error.userMessage().contains(QDir::cleanPath(folder))) << error.what();
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("Nothing in it was changed"))) << error.what();
        }
    }
    ASSERT_EQ(chmod(QFile::encodeName(folder).constData(), 0755), 0);
    EXPECT_EQ(readAll(databasePath), before);
    EXPECT_TRUE(QDir(folder).entryList({ QStringLiteral(".write-test-*") }, QDir::Hidden | QDir::Files).isEmpty());
    auto db = Workspace(folder).openDatabase(QStringLiteral("read-only-after"));
    EXPECT_EQ(scalar(*db, QStringLiteral("SELECT count(*) FROM teams WHERE name = 'Returns & Claims'")), 1);
}

TEST(WorkspaceErrorsTest, FullDiskRollsBackTheBatchAndKeepsEarlierRows)
{
    waybill::testing::TestWorkspace workspace(waybill::testing::TestWorkspace::Kind::OnDisk);
    const Database &db = workspace.db();
    const storage::ConversationRepository conversations(db);
    {
        storage::TransactionGuard transaction(db);
        for (int i = 0; i < 40; ++i) {
            conversations.insert(conversation(QStringLiteral("kept %1").arg(i)));
        }
        transaction.commit();
    }
    const qint64 pages = scalar(db, QStringLiteral("PRAGMA page_count"));
    db.execute(QStringLiteral("PRAGMA max_page_count = ") + QString::number(pages + 2));

    const QString filler(600, u'x');
    try {
        storage::TransactionGuard transaction(db);
        for (int i = 0; i < 2000; ++i) {
            conversations.insert(conversation(QStringLiteral("lost %1 ").arg(i) + filler));
        }
        transaction.commit();
        FAIL() << "the batch did not hit the page limit";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::DiskFull) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("not saved"))) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("intact"))) << error.what();
    }

    db.execute(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM conversations WHERE subject LIKE 'kept %'")), 40);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM conversations WHERE subject LIKE 'lost %'")), 0);
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT n FROM view_counters WHERE key = 'status:open'")), 40);
    // The workspace keeps working once there is room again.
    {
        storage::TransactionGuard transaction(db);
        conversations.insert(conversation(QStringLiteral("after")));
        transaction.commit();
    }
    EXPECT_EQ(scalar(db, QStringLiteral("SELECT count(*) FROM conversations")), 41);
}

TEST(WorkspaceErrorsTest, AttachmentIntoAnUnwritableFolderGivesAClearError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // A file where the attachments folder should be: no permission bits involved, so this holds for root too.
    const QString blocked = dir.filePath(QStringLiteral("attachments"));
    {
        QFile file(blocked);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    try {
        storage::AttachmentStore(blocked).put(QByteArrayLiteral("photo of a damaged parcel"));
        FAIL() << "an attachment was stored under a regular file";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::ReadOnly) << error.what();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("could not be saved"))) << error.what();
        EXPECT_TRUE(error.userMessage().contains(blocked)) << error.what();
    }

    // A read-only folder, checked as an unprivileged user.
    ASSERT_EQ(chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString readOnly = dir.filePath(QStringLiteral("read-only"));
    ASSERT_TRUE(QDir().mkpath(readOnly));
    ASSERT_EQ(chmod(QFile::encodeName(readOnly).constData(), 0555), 0);
    {
        UnprivilegedScope nobody;
        ASSERT_TRUE(nobody.ok()) << "could not drop root privileges";
        try {
            storage::AttachmentStore(readOnly).put(QByteArrayLiteral("invoice.pdf"));
            ADD_FAILURE() << "an attachment was stored in a read-only folder";
        } catch (const StorageError &error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::ReadOnly) << error.what();
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("could not be saved"))) << error.what();
        }
    }
    EXPECT_TRUE(QDir(readOnly).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}
