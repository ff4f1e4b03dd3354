// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowGraph.h"

#include <QCoreApplication>

namespace waybill::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkflowGraph", text);
}

} // namespace

WorkflowGraph::WorkflowGraph(QHash<QString, QStringList> next)
    : m_next(std::move(next))
{
}

bool WorkflowGraph::reaches(const QString &from, const QString &to) const
{
    QStringList pending = m_next.value(from);
    QStringList seen;
    while (!pending.isEmpty()) {
        const QString state = pending.takeLast();
        if (state == to) {
            return true;
        }
        if (!seen.contains(state)) {
            seen << state;
            pending << m_next.value(state);
        }
    }
    return false;
}

bool WorkflowGraph::isSkip(const QString &from, const QString &to) const
{
    return !m_next.value(from).contains(to) && reaches(from, to);
}

QString WorkflowGraph::refusal(const QString &from, const QString &to, const QString &note) const
{
    if (!isKnown(to)) {
        return tr("“%1” is not a step of this workflow.").arg(to);
    }
    if (m_next.value(from).contains(to)) {
        return {};
    }
    if (m_next.value(from).isEmpty()) {
        return tr("It is already finished; nothing follows “%1”.").arg(from);
    }
    if (!reaches(from, to)) {
        return tr("“%1” cannot follow “%2”: steps only go forward.").arg(to, from);
    }
    if (note.trimmed().isEmpty()) {
        return tr("“%1” skips steps after “%2”; say why in the note.").arg(to, from);
    }
    return {};
}

} // namespace waybill::engine
