// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapTask.h"

namespace waybill::channels::email {

/// AUTHENTICATE PLAIN or XOAUTH2, with the initial response inline when the server has SASL-IR. A XOAUTH2
/// rejection (a `+` carrying a base64 JSON error) is answered with an empty line and its status is kept in the
/// error message. Ends with finished()/failed(); NO fails with Kind::Authentication (Temporary for [UNAVAILABLE]).
class ImapAuthenticateTask final : public ImapTask {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapAuthenticateTask)

public:
    enum class Mechanism {
        Plain,
        XOAuth2,
    };

    /// `secret` is the password for Plain and the OAuth2 access token for XOAuth2.
    ImapAuthenticateTask(
        ImapClient &client, Mechanism mechanism, QString username, QString secret, QObject *parent = nullptr);
    ~ImapAuthenticateTask() override = default;

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;
    void handleContinuation(const ImapResponse &response) override;

private:
    /// The SASL initial response, base64-encoded (SaslResponse).
    QByteArray initialResponse() const;

    Mechanism m_mechanism;
    QString m_username;
    QString m_secret;
    bool m_sentResponse = false;
    QString m_serverDetail;
};

} // namespace waybill::channels::email
