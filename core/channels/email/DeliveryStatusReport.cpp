// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryStatusReport.h"

#include "CharsetDecoder.h"
#include "MessageIds.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace waybill::channels::email {

DeliveryStatusReport DeliveryStatusReport::parse(const QByteArray &body)
{
    // Unfold into logical "Name: value" fields; blank lines separate the per-message and per-recipient groups.
    QList<QByteArray> fields;
    for (QByteArray line : body.split('\n')) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t') && !fields.isEmpty()) {
            fields.back().append(' ').append(line.trimmed());
        } else if (!line.trimmed().isEmpty()) {
            fields.append(line);
        }
    }
    DeliveryStatusReport report;
    QStringList diagnostics;
    QString lastStatus;
    for (const QByteArray &field : std::as_const(fields)) {
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = field.left(colon).trimmed().toLower();
        const QByteArray value = field.mid(colon + 1).trimmed();
        if (name == "diagnostic-code") {
            // "smtp; 550 5.1.1 …": drop the diagnostic type.
            const qsizetype semicolon = value.indexOf(';');
            const QByteArray text = semicolon >= 0 && semicolon < 16 ? value.mid(semicolon + 1).trimmed() : value;
            const QString diagnostic = CharsetDecoder::decode(text, QByteArray()).simplified();
            if (!diagnostic.isEmpty() && !diagnostics.contains(diagnostic)) {
                diagnostics.append(diagnostic);
            }
        } else if (name == "action") {
            const QByteArray action = value.toLower();
            report.failed = report.failed || action.startsWith("failed");
            report.delayed = report.delayed || action.startsWith("delayed");
        } else if (name == "status") {
            lastStatus = QString::fromLatin1(value.left(32));
        } else if (name == "original-message-id" || name == "x-original-message-id") {
            if (report.originalMessageId.isEmpty()) {
                report.originalMessageId = MessageIds::parseOne(value);
            }
        }
    }
    if (diagnostics.isEmpty() && !lastStatus.isEmpty()) {
        diagnostics.append(QLatin1String("Status ") + lastStatus);
    }
    report.diagnostic = diagnostics.join(QLatin1Char('\n'));
    return report;
}

bool DeliveryStatusReport::looksLikeBounce(const QString &fromAddress, const QString &subject)
{
    static const QRegularExpression subjects(
        QStringLiteral("undeliver|delivery status notification|failure notice|returned mail|delivery failure|"
                       "mail delivery failed|delivery has failed|could not be delivered"),
        QRegularExpression::CaseInsensitiveOption);
    const QString local = fromAddress.section(QLatin1Char('@'), 0, 0);
    const bool daemon = local == QLatin1String("mailer-daemon") || local == QLatin1String("postmaster")
        || local == QLatin1String("mail-daemon");
    return daemon && subjects.match(subject).hasMatch();
}

QString DeliveryStatusReport::diagnosticFromText(const QString &text)
{
    static const QRegularExpression code(QStringLiteral(R"([45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}[^\n]*)"));
    const QRegularExpressionMatch match = code.match(text);
    return match.hasMatch() ? match.captured().trimmed() : QString();
}

} // namespace waybill::channels::email
