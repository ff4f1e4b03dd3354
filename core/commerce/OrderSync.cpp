// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderSync.h"

#include "HttpJsonTask.h"

#include <QTimer>

namespace waybill::commerce {

OrderSync::OrderSync(QObject *parent)
    : QObject(parent)
{
}

OrderSync::~OrderSync() = default;

void OrderSync::abort()
{
    if (m_task) {
        m_task->abort();
    }
    m_task.reset();
}

void OrderSync::finish(const QString &error)
{
    m_task.reset();
    if (error.isEmpty()) {
        Q_EMIT finished(m_stored);
    } else {
        Q_EMIT failed(error);
    }
}

void OrderSync::failSoon(const QString &message)
{
    QTimer::singleShot(0, this, [this, message] { finish(label() + u": " + message); });
}

} // namespace waybill::commerce
