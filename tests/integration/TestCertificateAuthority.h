// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace waybill::testing {

/// A certificate authority made with openssl for one test, and a server certificate it signed for 127.0.0.1
/// (subject "mail.waybill.test", issuer "Waybill Test Authority"), in a temporary folder that the loopback server
/// fixtures (DovecotServer, SmtpServer) can read even after dropping privileges. Nothing on the machine trusts
/// it: a client trusts it only through trustingConfiguration(), so TLS verification stays on everywhere. Plain
/// value holder on the test's thread; the files go when it is destroyed.
class TestCertificateAuthority final {
public:
    static QString authorityName() { return QStringLiteral("Waybill Test Authority"); }
    static QString serverName() { return QStringLiteral("mail.waybill.test"); }
    /// Empty when openssl can be run; otherwise why not (for GTEST_SKIP).
    static QString whyUnavailable();

    TestCertificateAuthority();

    /// Makes the authority and the server certificate; false (with errorString()) when openssl fails.
    bool create();
    QString errorString() const { return m_error; }
    QString certificateFile() const; ///< the server's certificate (PEM)
    QString keyFile() const; ///< the server's private key (PEM, no passphrase)
    QString authorityFile() const; ///< the authority's certificate (PEM)
    /// The system's trust plus this authority: what a company adding its own CA would do.
    QSslConfiguration trustingConfiguration() const;

private:
    bool openssl(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace waybill::testing
