// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace waybill::engine {

/// The steps of a workflow (returns, delivery claims): for each state the steps that regularly follow it. A regular
/// step is always allowed; a step further ahead that regular steps would reach ("skipping") only with a note saying
/// why; anything else (back, to the same state, to a sibling outcome such as approved ↔ rejected, or out of a final
/// state) never. A value; pure.
class WorkflowGraph final {
public:
    /// `next`: every state (final ones with an empty list) and the steps that regularly follow it.
    explicit WorkflowGraph(QHash<QString, QStringList> next);

    /// The steps that regularly follow `from`, in the order agents are offered them.
    QStringList next(const QString &from) const { return m_next.value(from); }
    bool isKnown(const QString &state) const { return m_next.contains(state); }
    /// Empty when the step is allowed (with a note for a skip); otherwise why not, for people.
    QString refusal(const QString &from, const QString &to, const QString &note) const;
    /// The step jumps ahead over regular steps (allowed only with a note).
    bool isSkip(const QString &from, const QString &to) const;

private:
    /// Every state regular steps lead to from `from`, not counting `from` itself.
    bool reaches(const QString &from, const QString &to) const;

    QHash<QString, QStringList> m_next;
};

} // namespace waybill::engine
