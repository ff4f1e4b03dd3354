// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::storage {

class Database;

/// One message that could not be parsed: its raw bytes are kept in the attachment store under `rawSha256`.
struct QuarantinedMessage {
    qint64 id = 0;
    QString account;
    qint64 receivedAt = 0;
    QString reason;
    QString rawSha256;
    qint64 sizeBytes = 0;
};

/// Messages that could not be parsed, kept with their raw bytes and the reason, so that nothing is lost and an
/// agent can see them; the sync goes on past them.
class QuarantineRepository final {
public:
    explicit QuarantineRepository(const Database &database);

    qint64 insert(const QuarantinedMessage &message) const;
    /// Unresolved entries, newest first.
    QList<QuarantinedMessage> open(int limit = 200) const;
    void resolve(qint64 id) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
