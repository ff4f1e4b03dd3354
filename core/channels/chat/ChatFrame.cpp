// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatFrame.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace waybill::channels::chat {

namespace {

ChatFrame refused(ChatFrame::Error error, const QString &message)
{
    ChatFrame frame;
    frame.error = error;
    frame.errorMessage = message;
    return frame;
}

/// Nesting depth of a JSON text, counted on its brackets outside strings (before QJsonDocument builds it).
int depthOf(const QByteArray &json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

bool isOptionalString(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isUndefined() || value.isNull() || value.isString();
}

} // namespace

QString ChatFrame::errorCode(Error error)
{
    switch (error) {
    case Error::BadJson:
        return QStringLiteral("bad_json");
    case Error::BadFrame:
        return QStringLiteral("bad_frame");
    case Error::TooLong:
        return QStringLiteral("too_long");
    case Error::None:
        break;
    }
    return {};
}

ChatFrame ChatFrame::parse(const QByteArray &utf8Json)
{
    if (depthOf(utf8Json) > MaxDepth) {
        return refused(Error::BadFrame, QStringLiteral("The frame is nested too deeply."));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8Json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return refused(Error::BadJson, QStringLiteral("The frame is not JSON: %1.").arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return refused(Error::BadFrame, QStringLiteral("The frame is not a JSON object."));
    }
    const QJsonObject object = document.object();
    // A refused message still names itself, so that the widget can tell the visitor which one was refused.
    const QString clientId = object.value(QLatin1String("id")).toString().left(MaxFieldLength);
    for (const char *key : { "type", "session", "page", "id", "text", "name", "email", "phone", "order" }) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString()
            && value.toString().size() > (qstrcmp(key, "text") == 0 ? MaxTextLength : MaxFieldLength)) {
            ChatFrame frame = refused(qstrcmp(key, "text") == 0 ? Error::TooLong : Error::BadFrame,
                QStringLiteral("\"%1\" is longer than %2 characters.")
                    .arg(QLatin1String(key))
                    .arg(qstrcmp(key, "text") == 0 ? MaxTextLength : MaxFieldLength));
            frame.clientId = clientId;
            return frame;
        }
    }
    const QString type = object.value(QLatin1String("type")).toString();
    ChatFrame frame;
    if (type == QLatin1String("hello")) {
        static const QRegularExpression sessionPattern(QStringLiteral("^[A-Za-z0-9_-]{16,64}$"));
        frame.session = object.value(QLatin1String("session")).toString();
        if (!sessionPattern.match(frame.session).hasMatch()) {
            return refused(Error::BadFrame, QStringLiteral("The session id must be 16 to 64 letters, digits, _ or -."));
        }
        if (!isOptionalString(object, "page")) {
            return refused(Error::BadFrame, QStringLiteral("\"page\" must be a string."));
        }
        frame.lastSeen = object.value(QLatin1String("lastSeen")).toInteger(0);
        frame.page = object.value(QLatin1String("page")).toString();
        frame.type = Type::Hello;
        return frame;
    }
    if (type == QLatin1String("message")) {
        const QJsonValue id = object.value(QLatin1String("id"));
        const QJsonValue text = object.value(QLatin1String("text"));
        if (!id.isString() || id.toString().isEmpty() || !text.isString()) {
            return refused(Error::BadFrame, QStringLiteral("A message needs a string \"id\" and a string \"text\"."));
        }
        for (const char *key : { "name", "email", "phone", "order" }) {
            if (!isOptionalString(object, key)) {
                return refused(Error::BadFrame, QStringLiteral("\"%1\" must be a string.").arg(QLatin1String(key)));
            }
        }
        frame.clientId = id.toString();
        frame.text = text.toString().trimmed();
        if (frame.text.isEmpty()) {
            return refused(Error::BadFrame, QStringLiteral("The message is empty."));
        }
        frame.name = object.value(QLatin1String("name")).toString().simplified();
        frame.email = object.value(QLatin1String("email")).toString().trimmed().toLower();
        static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!frame.email.isEmpty() && !emailPattern.match(frame.email).hasMatch()) {
            return refused(Error::BadFrame, QStringLiteral("\"%1\" is not an e-mail address.").arg(frame.email));
        }
        frame.phone = object.value(QLatin1String("phone")).toString().trimmed();
        frame.orderNumber = object.value(QLatin1String("order")).toString().trimmed();
        frame.type = Type::Message;
        return frame;
    }
    if (type == QLatin1String("typing")) {
        frame.typing = object.value(QLatin1String("on")).toBool();
        frame.type = Type::Typing;
        return frame;
    }
    if (type == QLatin1String("seen")) {
        frame.lastSeen = object.value(QLatin1String("id")).toInteger(0);
        frame.type = Type::Seen;
        return frame;
    }
    return refused(Error::BadFrame, QStringLiteral("Unknown frame type \"%1\".").arg(type.left(MaxFieldLength)));
}

} // namespace waybill::channels::chat
