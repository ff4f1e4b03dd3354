// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

TagRepository::TagRepository(const Database &database)
    : m_database(database)
{
}

QStringList TagRepository::allTags() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT name FROM tags ORDER BY name"));
    q.exec();
    QStringList tags;
    while (q.next()) {
        tags << q.text(0);
    }
    return tags;
}

QStringList TagRepository::tagsOf(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id "
                       "WHERE ct.conversation_id = ? ORDER BY t.name"));
    q.bind(conversationId).exec();
    QStringList tags;
    while (q.next()) {
        tags << q.text(0);
    }
    return tags;
}

qint64 TagRepository::tagId(const QString &tag, bool create) const
{
    if (create) {
        SqlQuery &insert
            = m_database.prepared(QStringLiteral("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING"));
        insert.bind(tag).exec();
    }
    SqlQuery q(m_database, QStringLiteral("SELECT id FROM tags WHERE name = ?"));
    q.bind(tag).exec();
    return q.next() ? q.int64(0) : 0;
}

bool TagRepository::addTag(qint64 conversationId, const QString &tag) const
{
    const qint64 id = tagId(tag.trimmed(), true);
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?) "
                                             "ON CONFLICT DO NOTHING"));
    q.bind(conversationId).bind(id).exec();
    return q.rowsAffected() > 0;
}

bool TagRepository::removeTag(qint64 conversationId, const QString &tag) const
{
    const qint64 id = tagId(tag.trimmed(), false);
    if (id == 0) {
        return false;
    }
    SqlQuery q(m_database, QStringLiteral("DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?"));
    q.bind(conversationId).bind(id).exec();
    return q.rowsAffected() > 0;
}

QList<domain::Template> TagRepository::templates() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, name, body FROM templates ORDER BY name"));
    q.exec();
    QList<domain::Template> templates;
    while (q.next()) {
        templates.append({ q.int64(0), q.text(1), q.text(2) });
    }
    return templates;
}

qint64 TagRepository::insertTemplate(const domain::Template &value) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("INSERT INTO templates (name, body) VALUES (?, ?)"));
    q.bind(value.name).bind(value.body).exec();
    return q.lastInsertId();
}

} // namespace waybill::storage
