// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace waybill::storage {

class Database;
class StorageError;

/// A prepared statement with positional `?` bindings that throws StorageError instead of returning false.
/// Forward-only: rows are read once, in order.
class SqlQuery final {
public:
    SqlQuery(const Database &database, const QString &sql);

    /// Binds the next positional value. A null QVariant (QVariant(QMetaType)) binds SQL NULL; a QVariant holding a null
    /// QString binds '' (text columns are never NULL).
    SqlQuery &bind(const QVariant &value);
    /// Binds 0 as SQL NULL (ids and times where 0 means "none").
    SqlQuery &bindOptional(qint64 value);
    void exec();
    bool next() { return m_query.next(); }
    /// Releases the rows of the last exec() without reading them (a cached SELECT must not hold its cursor open).
    void finish() { m_query.finish(); }
    QVariant value(int column) const { return m_query.value(column); }
    qint64 int64(int column) const { return m_query.value(column).toLongLong(); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

    /// Binds text as its UTF-8 bytes, for a `CAST(? AS TEXT)` placeholder: SQLite stores the bytes as text as they
    /// are, where a bound QString is converted from UTF-16 by SQLite, several times slower (long bodies). Never NULL.
    SqlQuery &bindUtf8Text(const QString &text);
    /// Binds a list of texts for a listParameter(), as one JSON array.
    SqlQuery &bindList(const QStringList &values);

    /// "?, ?, ?": the placeholders of an IN list of `count` (≥ 1) values.
    static QString placeholders(qsizetype count);
    /// "(SELECT value FROM json_each(?))", for `column IN` + this: a list of any length bound as one value with
    /// bindList(), so that one prepared statement serves every length and the list costs one binding, not one each.
    /// SQLite still looks each value up through the column's index.
    static QString listParameter();
    /// The texts as a JSON array, escaped as JSON requires.
    static QString jsonArray(const QStringList &values);
    /// Maps a driver error to a StorageError a person can act on (disk full, damaged file, read-only, busy).
    static StorageError classify(const QSqlError &error, const QString &context);

private:
    QSqlQuery m_query;
    QString m_sql;
};

} // namespace waybill::storage
