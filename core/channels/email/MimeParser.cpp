// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// GMime's headers use `signals` as an identifier: Qt's keywords must be off before any Qt header. This is the only
// file of the project that includes GMime.
#define QT_NO_KEYWORDS

#include "MimeParser.h"

#include "AttachmentNames.h"
#include "AutoReplyDetector.h"
#include "CharsetDecoder.h"
#include "DeliveryStatusReport.h"
#include "EncodedWordDecoder.h"
#include "FlowedText.h"
#include "HtmlToText.h"
#include "MarketplaceRelay.h"
#include "MessageIds.h"
#include "MimePreflight.h"
#include "security/Sha256.h"

#include <QRegularExpression>

#include <gmime/gmime.h>
#include <memory>
#include <mutex>
#include <utility>

namespace waybill::channels::email {

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;
using domain::IncomingAttachment;
using Failure = MimeParseResult::Failure;

constexpr qsizetype ForwardedSummaryChars = 2000;

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
    void operator()(gpointer memory) const { g_free(memory); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        g_mime_init();
        GMimeParserOptions *created = g_mime_parser_options_new();
        g_mime_parser_options_set_rfc2047_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_allow_addresses_without_domain(created, TRUE);
        const char *fallback[] = { "UTF-8", "windows-1252", nullptr };
        g_mime_parser_options_set_fallback_charsets(created, fallback);
        // glibc loads a conversion module when the first converter for a charset opens and unloads it when the last
        // one closes; GMime opens and closes one per encoded header, so every Japanese subject loaded and unloaded
        // ISO-2022-JP again. One converter per common mail charset, kept open for the life of the process, keeps
        // the modules loaded.
        for (const char *charset :
            { "ISO-2022-JP", "SHIFT_JIS", "EUC-JP", "GB18030", "GBK", "GB2312", "BIG5", "EUC-KR", "KOI8-R",
                "ISO-8859-1", "ISO-8859-2", "ISO-8859-15", "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252" }) {
            static_cast<void>(g_iconv_open("UTF-8", charset));
        }
        return created;
    }();
    return options;
}

QString fromUtf8(const char *text)
{
    return text == nullptr ? QString() : QString::fromUtf8(text);
}

Headers headersOf(GMimeObject *object, qsizetype *bytes)
{
    Headers headers;
    *bytes = 0;
    GMimeHeaderList *list = g_mime_object_get_header_list(object);
    const int count = list == nullptr ? 0 : g_mime_header_list_get_count(list);
    headers.reserve(count);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        const char *name = g_mime_header_get_name(header);
        const char *value = g_mime_header_get_raw_value(header);
        headers.append({ QByteArray(name != nullptr ? name : ""), QByteArray(value != nullptr ? value : "") });
        *bytes += headers.back().first.size() + headers.back().second.size() + 2;
    }
    return headers;
}

QByteArray rawHeader(const Headers &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArray partBytes(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (content == nullptr) {
        return {};
    }
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
}

QByteArray objectBytes(GMimeObject *object)
{
    GCharPtr text(g_mime_object_to_string(object, nullptr));
    return QByteArray(text.get());
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (type == nullptr) {
        return QStringLiteral("application/octet-stream");
    }
    GCharPtr text(g_mime_content_type_get_mime_type(type));
    return fromUtf8(text.get()).toLower();
}

struct Mailbox {
    QString address;
    QString name;
};

void collectMailboxes(InternetAddressList *list, QList<Mailbox> &out, int depth = 0)
{
    const int count = list == nullptr ? 0 : internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            if (depth < 4) {
                collectMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out, depth + 1);
            }
            continue;
        }
        if (!INTERNET_ADDRESS_IS_MAILBOX(address)) {
            continue;
        }
        Mailbox mailbox;
        mailbox.address
            = fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))).trimmed().toLower();
        mailbox.name = fromUtf8(internet_address_get_name(address)).trimmed();
        if (mailbox.name.contains(QLatin1String("=?"))) {
            mailbox.name = EncodedWordDecoder::decode(mailbox.name.toUtf8());
        }
        if (mailbox.name.size() >= 2 && mailbox.name.startsWith(QLatin1Char('"'))
            && mailbox.name.endsWith(QLatin1Char('"'))) {
            mailbox.name = mailbox.name.mid(1, mailbox.name.size() - 2).trimmed();
        }
        if (!mailbox.address.isEmpty()) {
            out.append(mailbox);
        }
    }
}

/// Addresses of a header; garbage that GMime cannot read still yields any address-like token in it.
QList<Mailbox> mailboxes(const QByteArray &rawValue)
{
    QList<Mailbox> out;
    const QByteArray value = EncodedWordDecoder::repair8bit(rawValue);
    if (value.isEmpty()) {
        return out;
    }
    GObjectPtr<InternetAddressList> list(internet_address_list_parse(parserOptions(), value.constData()));
    collectMailboxes(list.get(), out);
    if (out.isEmpty()) {
        static const QRegularExpression loose(QStringLiteral(R"([^\s<>"',;:()\[\]]+@[^\s<>"',;:()\[\]]+)"));
        const QString text = EncodedWordDecoder::decode(rawValue);
        const QRegularExpressionMatch match = loose.match(text);
        if (match.hasMatch()) {
            QString name = text;
            name.remove(match.capturedStart(), match.capturedLength());
            name.remove(QLatin1Char('<')).remove(QLatin1Char('>')).remove(QLatin1Char('"'));
            out.append({ match.captured().toLower(), name.simplified() });
        }
    }
    return out;
}

QStringList addressesOf(const QByteArray &rawValue)
{
    QStringList out;
    for (const Mailbox &mailbox : mailboxes(rawValue)) {
        if (!out.contains(mailbox.address)) {
            out.append(mailbox.address);
        }
    }
    return out;
}

qint64 dateOf(const QByteArray &rawValue)
{
    const QByteArray value = EncodedWordDecoder::unfold(rawValue);
    if (value.isEmpty()) {
        return 0;
    }
    GDateTime *date = g_mime_utils_header_decode_date(value.constData());
    if (date == nullptr) {
        return 0;
    }
    const qint64 seconds = g_date_time_to_unix(date);
    const int year = g_date_time_get_year(date);
    g_date_time_unref(date);
    return (year < 1971 || year > 9999 || seconds <= 0) ? 0 : seconds;
}

/// Walks a MIME tree once, collecting bodies, attachments and bounce details within the limits.
class Walker final {
public:
    explicit Walker(const MimeLimits &limits)
        : m_limits(limits)
    {
    }

    Failure failure = Failure::None;
    QString failureReason;
    QStringList texts;
    QString html;
    QList<IncomingAttachment> attachments;
    QStringList forwardedSummaries;
    bool sawDeliveryStatus = false;
    bool sawDisposition = false;
    QString bouncedMessageId;
    QString diagnostic;

    void walk(GMimeObject *object, int depth, bool inReport) { visit(object, depth, inReport, this); }

private:
    const MimeLimits &m_limits;
    int m_parts = 0;
    int m_madeUpNames = 0;

    bool withinLimits(GMimeObject *object, int depth)
    {
        if (failure != Failure::None) {
            return false;
        }
        if (depth > m_limits.maxDepth) {
            failure = Failure::TooDeep;
            failureReason = QStringLiteral("MIME nesting deeper than %1 levels").arg(m_limits.maxDepth);
            return false;
        }
        if (++m_parts > m_limits.maxParts) {
            failure = Failure::TooManyParts;
            failureReason = QStringLiteral("The message has more than %1 MIME parts").arg(m_limits.maxParts);
            return false;
        }
        qsizetype headerBytes = 0;
        headersOf(object, &headerBytes);
        if (headerBytes > m_limits.maxHeaderBytes) {
            failure = Failure::HeadersTooLarge;
            failureReason = QStringLiteral("A MIME part header has %1 bytes, more than the limit of %2")
                                .arg(headerBytes)
                                .arg(m_limits.maxHeaderBytes);
            return false;
        }
        return true;
    }

    /// `sink` receives bodies: this walker for the message itself, a nested one for a forwarded message.
    void visit(GMimeObject *object, int depth, bool inReport, Walker *sink)
    {
        if (object == nullptr || !withinLimits(object, depth)) {
            return;
        }
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const QString type = mimeTypeOf(object);
            const bool report = type == QLatin1String("multipart/report");
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count && failure == Failure::None; ++i) {
                visit(g_mime_multipart_get_part(multipart, i), depth + 1, inReport || report, sink);
            }
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            visitMessagePart(object, depth, inReport, sink);
            return;
        }
        if (GMIME_IS_PART(object)) {
            visitLeaf(GMIME_PART(object), inReport, sink);
        }
    }

    void visitMessagePart(GMimeObject *object, int depth, bool inReport, Walker *sink)
    {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner == nullptr) {
            return;
        }
        qsizetype ignored = 0;
        const Headers headers = headersOf(GMIME_OBJECT(inner), &ignored);
        const QString subject = EncodedWordDecoder::decode(rawHeader(headers, "Subject"));
        IncomingAttachment attachment;
        attachment.mimeType = QStringLiteral("message/rfc822");
        attachment.content = objectBytes(GMIME_OBJECT(inner));
        attachment.filename = AttachmentNames::forMessage(subject, ++m_madeUpNames);
        sink->attachments.append(attachment);

        Walker nested(m_limits);
        nested.m_parts = m_parts;
        nested.m_madeUpNames = m_madeUpNames;
        nested.walk(g_mime_message_get_mime_part(inner), depth + 1, false);
        m_parts = nested.m_parts;
        if (nested.failure != Failure::None) {
            failure = nested.failure;
            failureReason = nested.failureReason;
            return;
        }
        if (inReport) {
            if (sink->bouncedMessageId.isEmpty()) {
                sink->bouncedMessageId = MessageIds::parseOne(rawHeader(headers, "Message-ID"));
            }
            return;
        }
        sink->forwardedSummaries.append(summary(headers, subject, nested));
    }

    static QString summary(const Headers &headers, const QString &subject, const Walker &nested)
    {
        QString text = nested.texts.join(QLatin1String("\n\n"));
        if (text.trimmed().isEmpty() && !nested.html.isEmpty()) {
            text = HtmlToText::convert(nested.html);
        }
        if (text.size() > ForwardedSummaryChars) {
            text = text.left(ForwardedSummaryChars) + QChar(0x2026);
        }
        QString out = QStringLiteral("---------- Forwarded message ----------\n");
        const QList<Mailbox> from = mailboxes(rawHeader(headers, "From"));
        if (!from.isEmpty()) {
            out += QLatin1String("From: ")
                + (from.first().name.isEmpty()
                        ? from.first().address
                        : from.first().name + QLatin1String(" <") + from.first().address + QLatin1Char('>'))
                + QLatin1Char('\n');
        }
        const QString date = EncodedWordDecoder::decode(rawHeader(headers, "Date"));
        if (!date.isEmpty()) {
            out += QLatin1String("Date: ") + date + QLatin1Char('\n');
        }
        out += QLatin1String("Subject: ") + subject + QLatin1Char('\n');
        QStringList names;
        for (const IncomingAttachment &attachment : nested.attachments) {
            names.append(attachment.filename);
        }
        if (!names.isEmpty()) {
            out += QLatin1String("Attachments: ") + names.join(QLatin1String(", ")) + QLatin1Char('\n');
        }
        return out + QLatin1Char('\n') + text.trimmed();
    }

    void visitLeaf(GMimePart *part, bool inReport, Walker *sink)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        const QString type = mimeTypeOf(object);
        const QString disposition = fromUtf8(g_mime_object_get_disposition(object)).toLower();
        QString filename = fromUtf8(g_mime_part_get_filename(part));
        if (filename.contains(QLatin1String("=?"))) {
            filename = EncodedWordDecoder::decode(filename.toUtf8());
        }
        filename = AttachmentNames::sanitize(filename);
        const bool attachmentDisposition = disposition == QLatin1String("attachment");
        const bool isText = type == QLatin1String("text/plain") || type == QLatin1String("text/html");
        if (isText && !attachmentDisposition && (filename.isEmpty() || disposition == QLatin1String("inline"))) {
            const QByteArray charset(g_mime_object_get_content_type_parameter(object, "charset"));
            QString text = CharsetDecoder::decode(partBytes(part), charset);
            if (type == QLatin1String("text/plain")) {
                const QByteArray format(g_mime_object_get_content_type_parameter(object, "format"));
                if (format.trimmed().compare("flowed", Qt::CaseInsensitive) == 0) {
                    const QByteArray delSp(g_mime_object_get_content_type_parameter(object, "delsp"));
                    text = FlowedText::decode(text, delSp.trimmed().compare("yes", Qt::CaseInsensitive) == 0);
                }
                sink->texts.append(text);
            } else if (sink->html.isEmpty()) {
                sink->html = text;
            } else {
                sink->html += text;
            }
            return;
        }
        if (type == QLatin1String("message/delivery-status")
            || type == QLatin1String("message/global-delivery-status")) {
            const DeliveryStatusReport report = DeliveryStatusReport::parse(partBytes(part));
            sink->sawDeliveryStatus = true;
            if (sink->diagnostic.isEmpty()) {
                sink->diagnostic = report.diagnostic;
            }
            if (!report.originalMessageId.isEmpty()) {
                sink->bouncedMessageId = report.originalMessageId;
            }
        } else if (type == QLatin1String("message/disposition-notification")) {
            sink->sawDisposition = true;
        } else if (inReport && type == QLatin1String("text/rfc822-headers") && sink->bouncedMessageId.isEmpty()) {
            sink->bouncedMessageId = MessageIds::fromHeaderBlock(partBytes(part));
        } else if (type == QLatin1String("application/pgp-signature")
            || type == QLatin1String("application/pkcs7-signature")
            || type == QLatin1String("application/x-pkcs7-signature")) {
            return;
        }
        IncomingAttachment attachment;
        attachment.mimeType = type;
        attachment.content = partBytes(part);
        attachment.contentId = fromUtf8(g_mime_object_get_content_id(object)).trimmed();
        attachment.isInline
            = disposition == QLatin1String("inline") || (disposition.isEmpty() && !attachment.contentId.isEmpty());
        attachment.filename = filename.isEmpty() ? AttachmentNames::madeUp(type, ++m_madeUpNames) : filename;
        sink->attachments.append(attachment);
    }
};

} // namespace

MimeParseResult MimeParser::parse(const QByteArray &raw, const MimeLimits &limits)
{
    MimeParseResult result;
    result.sha256 = security::Sha256::hex(raw);
    result.failure = MimePreflight::check(raw, limits, &result.failureReason);
    if (result.failure != Failure::None) {
        return result;
    }

    GMimeParserOptions *options = parserOptions();
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message) {
        result.failure = Failure::Unparseable;
        result.failureReason = QStringLiteral("GMime could not read a message from these bytes");
        return result;
    }

    qsizetype headerBytes = 0;
    const Headers headers = headersOf(GMIME_OBJECT(message.get()), &headerBytes);
    GMimeObject *body = g_mime_message_get_mime_part(message.get());
    if (headers.isEmpty() && body == nullptr) {
        result.failure = Failure::Empty;
        result.failureReason = QStringLiteral("The message has neither header fields nor content");
        return result;
    }

    Walker walker(limits);
    const bool report
        = body != nullptr && GMIME_IS_MULTIPART(body) && mimeTypeOf(body) == QLatin1String("multipart/report");
    walker.walk(body, 1, false);
    if (walker.failure != Failure::None) {
        result.failure = walker.failure;
        result.failureReason = walker.failureReason;
        return result;
    }

    domain::IncomingMessage out;
    out.messageId = MessageIds::parseOne(rawHeader(headers, "Message-ID"));
    out.externalId = out.messageId.isEmpty() ? QLatin1String("sha256:") + result.sha256 : out.messageId;
    out.inReplyTo = MessageIds::parseOne(rawHeader(headers, "In-Reply-To"));
    out.references = MessageIds::parseList(rawHeader(headers, "References"));
    QByteArray threadIndex = EncodedWordDecoder::unfold(rawHeader(headers, "Thread-Index"));
    threadIndex.replace(' ', QByteArray()).replace('\t', QByteArray());
    out.threadIndex = QString::fromLatin1(threadIndex);
    out.subject = EncodedWordDecoder::decode(rawHeader(headers, "Subject"));

    QList<Mailbox> from = mailboxes(rawHeader(headers, "From"));
    if (from.isEmpty()) {
        from = mailboxes(rawHeader(headers, "Sender"));
    }
    if (!from.isEmpty()) {
        out.fromAddress = from.first().address;
        out.fromName = from.size() == 1 ? EncodedWordDecoder::displayName(rawHeader(headers, "From"), from.first().name)
                                        : from.first().name;
    }
    const QStringList replyTo = addressesOf(rawHeader(headers, "Reply-To"));
    out.replyTo = replyTo.isEmpty() ? QString() : replyTo.first();
    out.to = addressesOf(rawHeader(headers, "To"));
    out.cc = addressesOf(rawHeader(headers, "Cc"));
    out.sentAt = dateOf(rawHeader(headers, "Date"));

    out.bodyHtml = walker.html;
    QString text = walker.texts.join(QLatin1String("\n\n"));
    if (text.trimmed().isEmpty() && !walker.html.isEmpty()) {
        text = HtmlToText::convert(walker.html);
    }
    for (const QString &summary : std::as_const(walker.forwardedSummaries)) {
        text += (text.isEmpty() ? QString() : QStringLiteral("\n\n")) + summary;
    }
    out.bodyText = text;
    out.attachments = walker.attachments;

    out.isBounce = walker.sawDeliveryStatus || DeliveryStatusReport::looksLikeBounce(out.fromAddress, out.subject);
    if (out.isBounce) {
        out.bouncedMessageId = walker.bouncedMessageId;
        if (out.bouncedMessageId.isEmpty()) {
            out.bouncedMessageId = MessageIds::fromHeaderBlock(out.bodyText.toUtf8());
        }
        out.bounceDiagnostic
            = walker.diagnostic.isEmpty() ? DeliveryStatusReport::diagnosticFromText(out.bodyText) : walker.diagnostic;
    }
    out.isAutoReply = AutoReplyDetector::isAutoReply(headers) || (report && walker.sawDisposition);

    if (const std::optional<MarketplaceRelay::Match> relay = MarketplaceRelay::recognise(out)) {
        out.channel = relay->channel;
    }
    result.message = std::move(out);
    return result;
}

} // namespace waybill::channels::email
