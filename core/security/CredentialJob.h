// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace waybill::security {

/// One keychain operation in flight. Emits exactly one of succeeded() (with the secret for reads, empty
/// otherwise) or failed() (a message for people), always asynchronously, then is done. Owned by whoever asked
/// for it (it is created with that parent).
class CredentialJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialJob)

public:
    explicit CredentialJob(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }

    /// For stores: finish the job. Later calls are ignored.
    void succeed(const QString &secret = {});
    void fail(const QString &message);

Q_SIGNALS:
    void succeeded(const QString &secret);
    void failed(const QString &message);

private:
    bool m_finished = false;
};

} // namespace waybill::security
