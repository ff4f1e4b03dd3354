// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlQuery.h"

#include "Database.h"
#include "StorageError.h"

#include <QCoreApplication>
#include <QSqlError>

namespace waybill::storage {

namespace {

// SQLite primary result codes (the low byte of an extended code).
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADb = 26;

QString tr(const char *text)
{
    return QCoreApplication::translate("Storage", text);
}

} // namespace

SqlQuery::SqlQuery(const Database &database, const QString &sql)
    : m_query(database.connection())
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql)) {
        throw classify(m_query.lastError(), sql);
    }
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    // A null QString would bind SQL NULL; text columns hold '' for "none".
    if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull()) {
        m_query.addBindValue(QStringLiteral(""));
        return *this;
    }
    m_query.addBindValue(value);
    return *this;
}

SqlQuery &SqlQuery::bindOptional(qint64 value)
{
    m_query.addBindValue(value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value));
    return *this;
}

void SqlQuery::exec()
{
    if (!m_query.exec()) {
        throw classify(m_query.lastError(), m_sql);
    }
}

SqlQuery &SqlQuery::bindUtf8Text(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.isNull()) {
        bytes = QByteArray(""); // an empty value, not NULL
    }
    m_query.addBindValue(bytes);
    return *this;
}

SqlQuery &SqlQuery::bindList(const QStringList &values)
{
    m_query.addBindValue(jsonArray(values));
    return *this;
}

QString SqlQuery::listParameter()
{
    return QStringLiteral("(SELECT value FROM json_each(?))");
}

QString SqlQuery::jsonArray(const QStringList &values)
{
    QString json;
    json.reserve(2 + values.size() * 24);
    json += u'[';
    for (const QString &value : values) {
        if (json.size() > 1) {
            json += u',';
        }
        json += u'"';
        for (const QChar ch : value) {
            switch (ch.unicode()) {
            case u'"':
                json += QLatin1String("\\\"");
                break;
            case u'\\':
                json += QLatin1String("\\\\");
                break;
            default:
                if (ch.unicode() < 0x20) {
                    json += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
                } else {
                    json += ch;
                }
            }
        }
        json += u'"';
    }
    json += u']';
    return json;
}

QString SqlQuery::placeholders(qsizetype count)
{
    QString list = QStringLiteral("?");
    list += QStringLiteral(", ?").repeated(count - 1);
    return list;
}

StorageError SqlQuery::classify(const QSqlError &error, const QString &context)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.text() + QStringLiteral(" — ") + context.left(200);
    switch (code) {
    case SqliteFull:
        return StorageError(StorageError::Kind::DiskFull,
            tr("The disk is full, so the change was not saved. Everything saved before is "
               "intact; free some space and try again."),
            detail);
    case SqliteCorrupt:
    case SqliteNotADb:
        return StorageError(StorageError::Kind::Corrupt,
            tr("The workspace database is damaged or is not a Waybill database. Waybill has not "
               "changed it; restore it from a backup or open another workspace."),
            detail);
    case SqliteReadOnly:
    case SqliteCantOpen:
        return StorageError(StorageError::Kind::ReadOnly,
            tr("The workspace cannot be written. Check that its folder and database file are "
               "writable, or choose another workspace."),
            detail);
    case SqliteIoErr:
        return StorageError(StorageError::Kind::Other,
            tr("The disk reported an error while reading or writing the workspace. Nothing was "
               "changed; check the disk and try again."),
            detail);
    case SqliteBusy:
    case SqliteLocked:
        return StorageError(StorageError::Kind::Busy,
            tr("The workspace is busy: another Waybill process is writing to it. Try again in a "
               "moment."),
            detail);
    default:
        return StorageError(StorageError::Kind::Other, tr("The workspace database reported an error."), detail);
    }
}

} // namespace waybill::storage
