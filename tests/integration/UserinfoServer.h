// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

namespace waybill::testing {

/// A tiny OAuth2 userinfo endpoint on 127.0.0.1 for dovecot's oauth2 passdb: `GET /userinfo` with
/// `Authorization: Bearer <validToken>` answers `{"email": …}`; any other token gets 401.
class UserinfoServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserinfoServer)

public:
    UserinfoServer(QByteArray validToken, QByteArray email, QObject *parent = nullptr);
    ~UserinfoServer() override = default;

    QString url() const;
    int requests() const { return m_requests; }

private:
    void accept();

    QTcpServer m_server;
    QByteArray m_validToken;
    QByteArray m_email;
    int m_requests = 0;
};

} // namespace waybill::testing
