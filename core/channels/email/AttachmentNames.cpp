// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachmentNames.h"

#include <QHash>
#include <QMimeDatabase>
#include <QMimeType>

namespace waybill::channels::email {

namespace {

constexpr qsizetype MaxNameLength = 200;

QString extensionFor(const QString &mimeType)
{
    static const QHash<QString, QString> common = {
        { QStringLiteral("image/png"), QStringLiteral("png") },
        { QStringLiteral("image/jpeg"), QStringLiteral("jpg") },
        { QStringLiteral("image/jpg"), QStringLiteral("jpg") },
        { QStringLiteral("image/gif"), QStringLiteral("gif") },
        { QStringLiteral("image/webp"), QStringLiteral("webp") },
        { QStringLiteral("application/pdf"), QStringLiteral("pdf") },
        { QStringLiteral("text/plain"), QStringLiteral("txt") },
        { QStringLiteral("text/html"), QStringLiteral("html") },
        { QStringLiteral("text/calendar"), QStringLiteral("ics") },
        { QStringLiteral("text/rfc822-headers"), QStringLiteral("txt") },
        { QStringLiteral("message/rfc822"), QStringLiteral("eml") },
        { QStringLiteral("message/delivery-status"), QStringLiteral("txt") },
        { QStringLiteral("application/zip"), QStringLiteral("zip") },
        { QStringLiteral("application/octet-stream"), QStringLiteral("bin") },
    };
    if (const auto it = common.constFind(mimeType); it != common.constEnd()) {
        return it.value();
    }
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    const QString suffix = type.isValid() ? type.preferredSuffix() : QString();
    return suffix.isEmpty() ? QStringLiteral("bin") : suffix;
}

} // namespace

QString AttachmentNames::sanitize(const QString &name)
{
    QString base = name;
    const qsizetype slash = qMax(base.lastIndexOf(QLatin1Char('/')), base.lastIndexOf(QLatin1Char('\\')));
    if (slash >= 0) {
        base = base.mid(slash + 1);
    }
    QString clean;
    clean.reserve(base.size());
    for (const QChar ch : std::as_const(base)) {
        if (ch.unicode() >= 0x20 && ch.unicode() != 0x7F && ch.category() != QChar::Other_Format) {
            clean.append(ch);
        }
    }
    clean = clean.trimmed();
    while (clean.startsWith(QLatin1Char('.'))) {
        clean.remove(0, 1);
    }
    if (clean.size() > MaxNameLength) {
        clean = clean.right(MaxNameLength);
    }
    return clean;
}

QString AttachmentNames::madeUp(const QString &mimeType, int number)
{
    if (mimeType == QLatin1String("message/rfc822")) {
        return QStringLiteral("message-%1.eml").arg(number);
    }
    return QStringLiteral("attachment-%1.%2").arg(number).arg(extensionFor(mimeType));
}

QString AttachmentNames::forMessage(const QString &subject, int number)
{
    QString name = subject;
    name.replace(QLatin1Char('/'), QLatin1Char('-')).replace(QLatin1Char('\\'), QLatin1Char('-'));
    name.replace(QLatin1Char(':'), QLatin1Char(' '));
    name = sanitize(name.simplified()).left(80).trimmed();
    return name.isEmpty() ? madeUp(QStringLiteral("message/rfc822"), number) : name + QLatin1String(".eml");
}

} // namespace waybill::channels::email
