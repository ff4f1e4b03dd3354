// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretOptions.h"

#include "CredentialWait.h"
#include "security/KeychainCredentialStore.h"

namespace waybill::ctl {

QString secretFromEnvironment(const QCommandLineParser &parser, const QString &option)
{
    const QString variable = parser.value(option);
    if (variable.isEmpty()) {
        return {};
    }
    return qEnvironmentVariable(variable.toLocal8Bit().constData()).trimmed();
}

bool keepSecret(const QString &key, const QString &secret, const char *command, QTextStream &err)
{
    security::KeychainCredentialStore keychain;
    QString error;
    if (!waitForCredential(keychain.write(key, secret, nullptr), &error)) {
        err << command << ": " << error << Qt::endl;
        return false;
    }
    return true;
}

} // namespace waybill::ctl
