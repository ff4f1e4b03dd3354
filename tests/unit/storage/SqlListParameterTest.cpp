// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A list bound as one JSON value: every text comes back exactly, whatever it holds, through one prepared statement.
#include "TestWorkspace.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QSet>

#include <gtest/gtest.h>

using waybill::storage::SqlQuery;

namespace {

QSet<QString> found(const waybill::storage::Database &db, const QStringList &wanted)
{
    SqlQuery &q
        = db.prepared(QStringLiteral("SELECT value FROM list_test WHERE value IN ") + SqlQuery::listParameter());
    q.bindList(wanted).exec();
    QSet<QString> out;
    while (q.next()) {
        out.insert(q.text(0));
    }
    q.finish();
    return out;
}

} // namespace

TEST(SqlListParameterTest, EscapesWhatJsonNeedsEscaped)
{
    EXPECT_EQ(SqlQuery::jsonArray({}), QStringLiteral("[]"));
    EXPECT_EQ(SqlQuery::jsonArray({ QStringLiteral("#1001"), QStringLiteral("a\"b\\c\nd") }),
        QStringLiteral("[\"#1001\",\"a\\\"b\\\\c\\u000ad\"]"));
}

TEST(SqlListParameterTest, FindsEveryListedValueAndNothingElse)
{
    waybill::testing::TestWorkspace workspace;
    const auto &db = workspace.db();
    db.execute(QStringLiteral("CREATE TABLE list_test (value TEXT NOT NULL UNIQUE)"));
    const QStringList stored = { QStringLiteral("#1001"), QStringLiteral("113-4567890-1234567"),
        QStringLiteral("<a\"quoted\\id@example.net>"), QString::fromUtf8("注文＃1042"), QStringLiteral("tab\there"),
        QStringLiteral("x") };
    for (const QString &value : stored) {
        SqlQuery insert(db, QStringLiteral("INSERT INTO list_test (value) VALUES (?)"));
        insert.bind(value).exec();
    }
    EXPECT_EQ(found(db, stored), QSet<QString>(stored.begin(), stored.end()));
    EXPECT_EQ(found(db, { QStringLiteral("#1001"), QStringLiteral("#1002"), QString::fromUtf8("注文＃1042") }),
        (QSet<QString> { QStringLiteral("#1001"), QString::fromUtf8("注文＃1042") }));
    EXPECT_TRUE(found(db, { QStringLiteral("X"), QStringLiteral("#100") }).isEmpty());
    EXPECT_TRUE(found(db, {}).isEmpty());
}
