// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialJob.h"

namespace waybill::security {

CredentialJob::CredentialJob(QObject *parent)
    : QObject(parent)
{
}

void CredentialJob::succeed(const QString &secret)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT succeeded(secret);
}

void CredentialJob::fail(const QString &message)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT failed(message);
}

} // namespace waybill::security
