// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"

#include <optional>

namespace waybill::storage {

class Database;

/// Loads a whole conversation for the conversation screen or `waybillctl show` in one read transaction.
class ConversationDetailReader final {
public:
    explicit ConversationDetailReader(const Database &database);

    std::optional<domain::ConversationDetail> load(qint64 conversationId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
