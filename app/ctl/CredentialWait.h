// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::security {
class CredentialJob;
}

namespace waybill::ctl {

/// Runs the event loop until a keychain job finishes (command-line use: nothing else is running). Returns the
/// secret, or std::nullopt with `error` set. Takes ownership of the job.
std::optional<QString> waitForCredential(security::CredentialJob *job, QString *error);

} // namespace waybill::ctl
