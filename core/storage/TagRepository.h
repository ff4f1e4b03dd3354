// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Template.h"

#include <QList>
#include <QStringList>

namespace waybill::storage {

class Database;

/// Tags on conversations, and reply templates.
class TagRepository final {
public:
    explicit TagRepository(const Database &database);

    QStringList allTags() const;
    QStringList tagsOf(qint64 conversationId) const;
    /// Adds the tag (creating it if new); returns false if the conversation already had it.
    bool addTag(qint64 conversationId, const QString &tag) const;
    /// Returns false if the conversation did not have it.
    bool removeTag(qint64 conversationId, const QString &tag) const;

    QList<domain::Template> templates() const;
    qint64 insertTemplate(const domain::Template &value) const;

private:
    qint64 tagId(const QString &tag, bool create) const;

    const Database &m_database;
};

} // namespace waybill::storage
