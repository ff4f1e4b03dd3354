// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MimeComposer.h"

#include "AttachmentNames.h"
#include "BodyEncoder.h"
#include "HeaderEncoder.h"
#include "HtmlToText.h"
#include "TextToHtml.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <array>

namespace waybill::channels::email {

namespace {

using Attachment = OutgoingMail::Attachment;
using Parameter = HeaderEncoder::Parameter;

constexpr qsizetype MaxLine = 998;
const QString FallbackDomain = QStringLiteral("waybill.invalid");

/// A MIME entity: its header fields (each ending with CRLF) and its encoded body.
struct Entity {
    QByteArray headers;
    QByteArray body;

    QByteArray bytes() const { return headers + "\r\n" + body + (body.endsWith("\r\n") ? "" : "\r\n"); }
};

/// 24 random hex digits.
QByteArray randomHex()
{
    std::array<quint32, 3> words {};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    QByteArray out;
    for (const quint32 word : words) {
        out += QByteArray::number(word, 16).rightJustified(8, '0');
    }
    return out;
}

/// A multipart entity; its boundary ("=_" never occurs in quoted-printable or base64) is checked against the
/// parts, which matters only for 8-bit text.
Entity multipart(const QByteArray &subtype, const QList<Entity> &parts, const QList<Parameter> &extra = {})
{
    QList<QByteArray> rendered;
    for (const Entity &part : parts) {
        rendered.append(part.bytes());
    }
    QByteArray boundary;
    do {
        boundary = "=_wb_" + randomHex();
    } while (std::any_of(rendered.cbegin(), rendered.cend(),
        [&boundary](const QByteArray &part) { return part.contains(QByteArray("--" + boundary)); }));
    QList<Parameter> parameters = extra;
    parameters.append({ QByteArrayLiteral("boundary"), QString::fromLatin1(boundary) });
    Entity entity;
    entity.headers = HeaderEncoder::withParameters("Content-Type", "multipart/" + subtype, parameters);
    for (const QByteArray &part : rendered) {
        // The CRLF ending each part belongs to the delimiter that follows it (RFC 2046 §5.1.1).
        entity.body += "--" + boundary + "\r\n" + part;
    }
    entity.body += "--" + boundary + "--\r\n";
    return entity;
}

Entity textEntity(const QByteArray &type, const QString &text, bool allow8bit)
{
    const BodyEncoder::Encoded encoded = BodyEncoder::text(text, allow8bit);
    Entity entity;
    entity.headers = HeaderEncoder::withParameters(
                         "Content-Type", type, { { QByteArrayLiteral("charset"), QStringLiteral("UTF-8") } })
        + "Content-Transfer-Encoding: " + encoded.encoding + "\r\n";
    entity.body = encoded.body;
    return entity;
}

QByteArray mimeTypeOf(const Attachment &attachment)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$"));
    const QString type = attachment.mimeType.trimmed().toLower();
    if (!valid.match(type).hasMatch() || type.startsWith(QLatin1String("multipart/"))) {
        return QByteArrayLiteral("application/octet-stream");
    }
    return type.toLatin1();
}

/// A message/rfc822 attachment must not be base64 (RFC 2046 §5.2.1): only a 7-bit, CRLF, short-lined one
/// keeps its type.
bool isSevenBitMessage(const QByteArray &content)
{
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const char c = content.at(i);
        if ((c & 0x80) != 0 || c == '\0' || (c == '\r' && (i + 1 == content.size() || content.at(i + 1) != '\n'))
            || (c == '\n' && (i == 0 || content.at(i - 1) != '\r'))) {
            return false;
        }
        if (c == '\n') {
            if (i - 1 - lineStart > MaxLine) {
                return false;
            }
            lineStart = i + 1;
        }
    }
    return content.size() - lineStart <= MaxLine;
}

Entity attachmentEntity(const Attachment &attachment, bool inlined, int number)
{
    QByteArray type = mimeTypeOf(attachment);
    const bool message = type.startsWith("message/");
    const bool verbatim = type == "message/rfc822" && isSevenBitMessage(attachment.content);
    if (message && !verbatim) {
        type = QByteArrayLiteral("application/octet-stream");
    }
    QString filename = AttachmentNames::sanitize(attachment.filename);
    if (filename.isEmpty()) {
        filename = AttachmentNames::madeUp(QString::fromLatin1(type), number);
    }
    Entity entity;
    entity.headers
        = HeaderEncoder::withParameters("Content-Type", type, { { QByteArrayLiteral("name"), filename, true } })
        + HeaderEncoder::withParameters(
            "Content-Disposition", inlined ? "inline" : "attachment", { { QByteArrayLiteral("filename"), filename } });
    QString contentId = attachment.contentId;
    contentId.remove(QRegularExpression(QStringLiteral(R"([\s<>\x00-\x1f\x7f])")));
    if (!contentId.isEmpty()) {
        entity.headers += HeaderEncoder::messageIds("Content-ID", { contentId });
    }
    if (verbatim) {
        entity.headers += "Content-Transfer-Encoding: 7bit\r\n";
        entity.body = attachment.content;
    } else {
        entity.headers += "Content-Transfer-Encoding: base64\r\n";
        entity.body = BodyEncoder::base64(attachment.content);
    }
    return entity;
}

QString attribution(const OutgoingMail &mail)
{
    if (!mail.quote.attribution.isEmpty()) {
        return mail.quote.attribution;
    }
    const QString author = mail.quote.author.simplified();
    QString when;
    if (mail.quote.date > 0) {
        const QDateTime local
            = QDateTime::fromSecsSinceEpoch(mail.quote.date + qint64(mail.utcOffsetMinutes) * 60, QTimeZone::utc());
        when = QLocale::c().toString(local, QStringLiteral("ddd, d MMM yyyy HH:mm"));
    }
    if (when.isEmpty()) {
        return author.isEmpty() ? QString() : author + QLatin1String(" wrote:");
    }
    return QLatin1String("On ") + when + (author.isEmpty() ? QString() : QLatin1String(", ") + author)
        + QLatin1String(" wrote:");
}

QString withoutTrailingSpace(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace()) {
        --end;
    }
    return text.left(end);
}

QString plainBody(const OutgoingMail &mail)
{
    if (!mail.bodyText.trimmed().isEmpty() || mail.bodyHtml.isEmpty()) {
        return mail.bodyText;
    }
    return HtmlToText::convert(mail.bodyHtml);
}

QString cleanId(const QString &id)
{
    QString out = id;
    out.remove(QRegularExpression(QStringLiteral(R"([\s<>])")));
    return out;
}

} // namespace

QString MimeComposer::fullText(const OutgoingMail &mail)
{
    QString text = withoutTrailingSpace(plainBody(mail));
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QString signature = withoutTrailingSpace(mail.signature);
    if (!signature.trimmed().isEmpty()) {
        text += QLatin1String("\n\n-- \n") + signature;
    }
    if (!mail.quote.text.trimmed().isEmpty()) {
        const QString header = attribution(mail);
        text += QLatin1String("\n\n") + (header.isEmpty() ? QString() : header + QLatin1Char('\n'));
        QString quoted = withoutTrailingSpace(mail.quote.text);
        quoted.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
        const QStringList lines = quoted.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString trimmed = withoutTrailingSpace(line);
            text += (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('>')) ? QLatin1String(">")
                                                                               : QLatin1String("> "))
                + trimmed + QLatin1Char('\n');
        }
    }
    return withoutTrailingSpace(text) + QLatin1Char('\n');
}

QString MimeComposer::fullHtml(const OutgoingMail &mail)
{
    if (mail.plainTextOnly) {
        return {};
    }
    const bool ownHtml = !mail.bodyHtml.trimmed().isEmpty();
    QString extra;
    const QString signatureHtml = ownHtml && !mail.signatureHtml.trimmed().isEmpty()
        ? mail.signatureHtml
        : TextToHtml::convert(withoutTrailingSpace(mail.signature));
    if (!signatureHtml.trimmed().isEmpty()) {
        extra += QLatin1String("<div class=\"signature\">-- <br>\n") + signatureHtml + QLatin1String("</div>\n");
    }
    if (!mail.quote.text.trimmed().isEmpty()) {
        const QString header = attribution(mail);
        extra += QLatin1String("<div class=\"quote\">\n");
        if (!header.isEmpty()) {
            extra += QLatin1String("<p>") + TextToHtml::escape(header) + QLatin1String("</p>\n");
        }
        extra += QLatin1String("<blockquote type=\"cite\" style=\"margin:0 0 0 0.8ex;border-left:1px solid "
                               "#ccc;padding-left:1ex\">\n")
            + TextToHtml::convert(withoutTrailingSpace(mail.quote.text)) + QLatin1String("</blockquote>\n</div>\n");
    }
    if (ownHtml) {
        static const QRegularExpression bodyEnd(
            QStringLiteral("</body\\s*>"), QRegularExpression::CaseInsensitiveOption);
        QString html = mail.bodyHtml;
        qsizetype end = -1;
        QRegularExpressionMatchIterator matches = bodyEnd.globalMatch(html);
        while (matches.hasNext()) {
            end = matches.next().capturedStart();
        }
        if (end >= 0) {
            return html.insert(end, extra);
        }
        extra.prepend(QLatin1String("<div>\n") + html + QLatin1String("\n</div>\n"));
    } else {
        extra.prepend(TextToHtml::convert(withoutTrailingSpace(plainBody(mail))));
    }
    return QLatin1String("<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
                         "charset=UTF-8\">\n</head>\n<body>\n")
        + extra + QLatin1String("</body>\n</html>\n");
}

QByteArray MimeComposer::compose(const OutgoingMail &mail)
{
    QList<Attachment> inlined;
    QList<Attachment> files;
    for (const Attachment &attachment : mail.attachments) {
        (!mail.plainTextOnly && !attachment.contentId.trimmed().isEmpty() ? inlined : files).append(attachment);
    }

    int number = 0;
    Entity body = textEntity("text/plain", fullText(mail), mail.allow8bit);
    if (!mail.plainTextOnly) {
        Entity html = textEntity("text/html", fullHtml(mail), mail.allow8bit);
        if (!inlined.isEmpty()) {
            QList<Entity> related { html };
            for (const Attachment &attachment : std::as_const(inlined)) {
                related.append(attachmentEntity(attachment, true, ++number));
            }
            html = multipart("related", related, { { QByteArrayLiteral("type"), QStringLiteral("text/html") } });
        }
        body = multipart("alternative", { body, html });
    }
    if (!files.isEmpty()) {
        QList<Entity> mixed { body };
        for (const Attachment &attachment : std::as_const(files)) {
            mixed.append(attachmentEntity(attachment, false, ++number));
        }
        body = multipart("mixed", mixed);
    }

    const qint64 date = mail.date > 0 ? mail.date : QDateTime::currentSecsSinceEpoch();
    QByteArray headers = "Date: " + HeaderEncoder::date(date, mail.utcOffsetMinutes) + "\r\n";
    headers += HeaderEncoder::addresses("From", { mail.from });
    headers += HeaderEncoder::addresses("Reply-To", { mail.replyTo });
    headers += HeaderEncoder::addresses("To", mail.to);
    headers += HeaderEncoder::addresses("Cc", mail.cc);
    headers += HeaderEncoder::unstructured("Subject", mail.subject);
    headers += HeaderEncoder::messageIds("Message-ID", { mail.messageId });
    headers += HeaderEncoder::messageIds("In-Reply-To", { mail.inReplyTo });
    headers += HeaderEncoder::messageIds("References", mail.references);
    headers += "MIME-Version: 1.0\r\n";
    return headers + body.bytes();
}

QString MimeComposer::newMessageId(const QString &domain)
{
    QString host = QString::fromLatin1(QUrl::toAce(domain.trimmed().toLower()));
    static const QRegularExpression hostName(QStringLiteral(R"(^[a-z0-9-]+(\.[a-z0-9-]+)*$)"));
    if (!hostName.match(host).hasMatch()) {
        host = FallbackDomain;
    }
    const QString time = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    return time + QLatin1Char('.') + QString::fromLatin1(randomHex()) + QLatin1Char('@') + host;
}

QStringList MimeComposer::replyReferences(
    const QString &parentMessageId, const QStringList &parentReferences, const QString &parentInReplyTo, int maxIds)
{
    QStringList chain = parentReferences;
    if (chain.isEmpty() && !parentInReplyTo.isEmpty()) {
        chain.append(parentInReplyTo);
    }
    const QString parent = cleanId(parentMessageId);
    QStringList ids;
    for (const QString &id : std::as_const(chain)) {
        const QString cleaned = cleanId(id);
        if (!cleaned.isEmpty() && cleaned != parent && !ids.contains(cleaned)) {
            ids.append(cleaned);
        }
    }
    if (!parent.isEmpty()) {
        ids.append(parent);
    }
    const qsizetype keep = std::max(maxIds, 2);
    if (ids.size() > keep) {
        ids = QStringList { ids.constFirst() } + ids.mid(ids.size() - keep + 1);
    }
    return ids;
}

QStringList MimeComposer::replyReferences(const domain::IncomingMessage &parent, int maxIds)
{
    return replyReferences(parent.messageId, parent.references, parent.inReplyTo, maxIds);
}

} // namespace waybill::channels::email
