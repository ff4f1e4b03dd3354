// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace waybill::ctl {

/// The value of the environment variable named by option `option`, trimmed; empty when either is not set. Secrets
/// come to waybillctl this way, never as arguments (which other users of the computer can read).
QString secretFromEnvironment(const QCommandLineParser &parser, const QString &option);

/// Writes `secret` to the system keychain under `key`; says why not on `err`, after `command`, when it cannot.
bool keepSecret(const QString &key, const QString &secret, const char *command, QTextStream &err);

} // namespace waybill::ctl
