// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SwaggerSandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace waybill::testing {

SwaggerSandbox::SwaggerSandbox(const QString &modelPath)
{
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << modelPath.toStdString();
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        ADD_FAILURE() << modelPath.toStdString() << " is not a JSON model: " << error.errorString().toStdString();
        return;
    }
    m_model = document.object();
}

QJsonObject SwaggerSandbox::example(const QString &path, const QString &method, const QString &code, int index) const
{
    const QJsonArray examples = m_model.value(QStringLiteral("paths"))
                                    .toObject()
                                    .value(path)
                                    .toObject()
                                    .value(method)
                                    .toObject()
                                    .value(QStringLiteral("responses"))
                                    .toObject()
                                    .value(code)
                                    .toObject()
                                    .value(QStringLiteral("x-amzn-api-sandbox"))
                                    .toObject()
                                    .value(QStringLiteral("static"))
                                    .toArray();
    if (index >= examples.size()) {
        ADD_FAILURE() << "no sandbox example " << index << " for " << method.toStdString() << ' ' << path.toStdString()
                      << ' ' << code.toStdString();
        return {};
    }
    return examples.at(index).toObject();
}

QByteArray SwaggerSandbox::response(const QString &path, const QString &method, const QString &code, int index) const
{
    return QJsonDocument(example(path, method, code, index).value(QStringLiteral("response")).toObject())
        .toJson(QJsonDocument::Compact);
}

QJsonValue SwaggerSandbox::requestParameter(
    const QString &path, const QString &method, const QString &code, const QString &name, int index) const
{
    return example(path, method, code, index)
        .value(QStringLiteral("request"))
        .toObject()
        .value(QStringLiteral("parameters"))
        .toObject()
        .value(name)
        .toObject()
        .value(QStringLiteral("value"));
}

} // namespace waybill::testing
