// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace waybill::testing {

/// The tags ImapClient uses (A1, A2, …), so transcripts read `tag.next() + " LOGIN …"` / `tag.last() + " OK"`.
/// Make a new one for every connection.
class TagGenerator final {
public:
    QByteArray next();
    QByteArray last() const;

private:
    int m_number = 0;
};

} // namespace waybill::testing
