// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialWait.h"

#include "security/CredentialJob.h"

#include <QEventLoop>

namespace waybill::ctl {

std::optional<QString> waitForCredential(security::CredentialJob *job, QString *error)
{
    std::optional<QString> result;
    QEventLoop loop;
    QObject::connect(job, &security::CredentialJob::succeeded, &loop, [&](const QString &secret) {
        result = secret;
        loop.quit();
    });
    QObject::connect(job, &security::CredentialJob::failed, &loop, [&](const QString &message) {
        if (error) {
            *error = message;
        }
        loop.quit();
    });
    if (!job->isFinished()) {
        loop.exec();
    }
    delete job;
    return result;
}

} // namespace waybill::ctl
