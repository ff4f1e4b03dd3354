// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpTask.h"

namespace waybill::channels::email {

/// AUTH PLAIN (initial response inline), AUTH LOGIN (username and password as two challenges) or AUTH XOAUTH2
/// (RFC 4954). A XOAUTH2 rejection (a 334 carrying a base64 JSON error) is answered with an empty line and its
/// status is kept in the error message. Emits finished() on 235 or failed() with Kind::Authentication and the
/// server's code (535 permanent, 454 temporary), or Kind::Unsupported when the server does not offer the mechanism.
class SmtpAuthenticateTask final : public SmtpTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpAuthenticateTask)

public:
    enum class Mechanism {
        Plain,
        Login,
        XOAuth2,
    };

    /// `secret` is the password for Plain and Login and the OAuth2 access token for XOAuth2.
    SmtpAuthenticateTask(
        SmtpClient &client, Mechanism mechanism, QString username, QString secret, QObject *parent = nullptr);
    ~SmtpAuthenticateTask() override = default;

    static QByteArray mechanismName(Mechanism mechanism);

Q_SIGNALS:
    void finished();

protected:
    void perform() override;
    void handleReply(const SmtpReply &reply) override;

private:
    void answerChallenge(const SmtpReply &reply);

    Mechanism m_mechanism;
    QString m_username;
    QString m_secret;
    int m_challenges = 0;
    QString m_serverDetail;
};

} // namespace waybill::channels::email
