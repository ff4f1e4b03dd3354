// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace waybill::testing {

/// Reads the `x-amzn-api-sandbox` examples that Amazon's Selling Partner API models (Swagger 2.0 files) carry for
/// each operation's responses, so that tests serve Amazon's own recorded shapes rather than invented ones.
class SwaggerSandbox final {
public:
    /// Loads the model; a file that cannot be read or parsed fails the current test (ADD_FAILURE) and leaves
    /// every example empty.
    explicit SwaggerSandbox(const QString &modelPath);

    /// `static[index]` of the operation at `path` ("/solicitations/v1/orders/{amazonOrderId}"), `method` ("get")
    /// and response `code` ("200"): an object with "request" and "response"; empty (and a test failure) when
    /// there is none.
    QJsonObject example(const QString &path, const QString &method, const QString &code, int index = 0) const;
    /// The example's "response" body as compact JSON.
    QByteArray response(const QString &path, const QString &method, const QString &code, int index = 0) const;
    /// The example's request parameter `name` ("amazonOrderId", "body"), as its "value".
    QJsonValue requestParameter(
        const QString &path, const QString &method, const QString &code, const QString &name, int index = 0) const;

private:
    QJsonObject m_model;
};

} // namespace waybill::testing
