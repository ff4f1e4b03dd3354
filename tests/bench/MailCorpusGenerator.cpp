// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailCorpusGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>

#include <cmath>
#include <cstdio>
#include <iconv.h>

namespace waybill::bench {

namespace {

constexpr qint64 CorpusStart = 1748736000; // 2025-06-01 00:00 UTC
const QString ShopAddress = QStringLiteral("support@shop.example");

const char *const GivenNames[] = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leon", "Sofia", "Jonas",
    "Chloe", "Hugo", "Grace", "Mateo", "Ella", "Oscar", "Nora", "Felix", "Ida", "Jack" };
const char *const FamilyNames[] = { "Smith", "Müller", "Martin", "García", "Rossi", "Jansen", "Nowak", "Brown",
    "Dubois", "Andersson", "Wilson", "Fischer", "Moreau", "López", "Taylor", "Weber" };
const char *const JapaneseNames[]
    = { "佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健太", "伊藤 さくら", "渡辺 翔", "山本 陽菜", "中村 大輔" };
const char *const ChineseNames[] = { "王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄强" };
const char *const Domains[]
    = { "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "web.de", "orange.fr", "gmx.net", "hotmail.co.uk" };
const char *const JapaneseDomains[] = { "yahoo.co.jp", "docomo.ne.jp", "gmail.com", "ezweb.ne.jp" };
const char *const ChineseDomains[] = { "qq.com", "163.com", "126.com", "sina.com" };
const char *const Products[] = { "ceramic mug", "linen apron", "walnut cutting board", "wool blanket", "espresso cups",
    "leather wallet", "rain jacket", "desk lamp", "tea set", "canvas tote" };

const char *const EnglishSubjects[] = { "Where is my order %1?", "Order %1 arrived damaged", "Return request for %1",
    "Wrong size in order %1", "Question about %1", "Refund for order %1 not received yet",
    "Tracking has not moved - %1", "Can I change the address for %1?", "Missing item in %1", "Cancel order %1" };
const char *const JapaneseSubjects[] = { "注文%1の配送状況について", "注文番号%1 商品が破損していました",
    "返品のお願い（%1）", "%1 のサイズ交換について", "注文%1をキャンセルしたい" };
const char *const ChineseSubjects[]
    = { "订单%1什么时候发货？", "订单%1的商品有损坏", "关于订单%1的退货", "订单%1 尺码不对", "请取消订单%1" };

const char *const EnglishSentences[] = { "I ordered the %2 on the 3rd and it still has not arrived.",
    "The tracking page has said in transit for %3 days now.",
    "When I opened the parcel the %2 was broken in two places, photos attached.",
    "Could you please send a replacement or refund the order %1?", "I would like to return the %2, it is too small.",
    "My new address is 12 Harbour Street, Leeds LS1 4AB, please update the delivery.",
    "Thank you for the quick answer, that works for me.",
    "I have been a customer for years and this never happened before.",
    "The box was left outside in the rain and everything is wet.",
    "Can you tell me which carrier you used and the tracking number?",
    "I paid for express shipping but it took %3 days.", "Please let me know what I should do next.",
    "The colour is very different from the picture on your website.",
    "I received someone else's order instead of mine, order %1.", "Is there a restocking fee for returns?" };
const char *const JapaneseSentences[]
    = { "先日注文した%2がまだ届いていません。", "追跡番号を確認しましたが、%3日間ステータスが変わっていません。",
          "届いた商品が破損していました。写真を添付します。", "交換または返金をお願いできますでしょうか。",
          "サイズが合わなかったので返品したいです。", "お忙しいところ恐れ入りますが、ご確認をお願いいたします。",
          "迅速なご対応ありがとうございます。", "配送先の住所を変更したいのですが、可能でしょうか。",
          "注文番号は%1です。よろしくお願いいたします。", "色が写真と大きく異なっていました。" };
const char *const ChineseSentences[]
    = { "我上周订购的%2到现在还没有收到。", "物流信息已经%3天没有更新了。", "收到的商品有破损，附上照片。",
          "请问可以换货或者退款吗？", "尺码太小了，我想退货。", "谢谢你们的快速回复。", "我想修改收货地址，可以吗？",
          "我的订单号是%1，麻烦帮我查一下。", "颜色和网站上的图片差别很大。", "请告诉我下一步应该怎么做。" };
const char *const ShopSentences[] = { "Thank you for getting in touch and sorry for the trouble.",
    "I have checked with the carrier and your parcel is on its way.",
    "We have sent a replacement today; you will receive a new tracking number by e-mail.",
    "Your refund for order %1 has been issued and should appear within 5 business days.",
    "Please use the prepaid return label attached to this message.",
    "Could you send us a photo of the damage so that we can file a claim with the carrier?",
    "Best regards,\nThe Shop Example team" };

QByteArray convert(const QString &text, const char *charset)
{
    const QByteArray utf8 = text.toUtf8();
    iconv_t cd = iconv_open(charset, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return utf8;
    }
    QByteArray out(utf8.size() * 2 + 16, '\0');
    char *in = const_cast<char *>(utf8.constData());
    size_t inLeft = size_t(utf8.size());
    char *dst = out.data();
    size_t outLeft = size_t(out.size());
    iconv(cd, &in, &inLeft, &dst, &outLeft);
    iconv(cd, nullptr, nullptr, &dst, &outLeft); // the final shift back to ASCII (ISO-2022-JP)
    iconv_close(cd);
    out.truncate(out.size() - qsizetype(outLeft));
    return out;
}

QByteArray wrapBase64(const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        out += encoded.mid(i, 76);
        out += '\n';
    }
    return out;
}

} // namespace

MailCorpusGenerator::MailCorpusGenerator(quint64 seed)
    : m_random(seed)
    , m_clock(CorpusStart)
{
}

QString MailCorpusGenerator::orderNumber()
{
    const quint32 kind = below(10);
    if (kind < 5) { // Shopify
        return u'#' + QString::number(1001 + below(90000));
    }
    if (kind < 8) { // Amazon
        return QStringLiteral("%1-%2-%3")
            .arg(below(900) + 100)
            .arg(below(9000000) + 1000000)
            .arg(below(9000000) + 1000000);
    }
    return QStringLiteral("%1-%2-%3").arg(below(90) + 10).arg(below(90000) + 10000).arg(below(90000) + 10000); // eBay
}

QString MailCorpusGenerator::sentence(Language language)
{
    QString s;
    switch (language) {
    case Language::English:
        s = QString::fromUtf8(EnglishSentences[below(std::size(EnglishSentences))]);
        break;
    case Language::Japanese:
        s = QString::fromUtf8(JapaneseSentences[below(std::size(JapaneseSentences))]);
        break;
    case Language::Chinese:
        s = QString::fromUtf8(ChineseSentences[below(std::size(ChineseSentences))]);
        break;
    }
    return s.replace(QLatin1String("%1"), orderNumber())
        .replace(QLatin1String("%2"), QString::fromUtf8(Products[below(std::size(Products))]))
        .replace(QLatin1String("%3"), QString::number(3 + below(20)));
}

QString MailCorpusGenerator::bodyOf(Language language, qsizetype targetChars, const QString &quote)
{
    const bool cjk = language != Language::English;
    const int width = cjk ? 36 : 74;
    QString body;
    QString line;
    int inParagraph = 0;
    while (body.size() + line.size() < targetChars) {
        QString s = sentence(language);
        if (!cjk && !line.isEmpty()) {
            s.prepend(u' ');
        }
        if (line.size() + s.size() > width && !line.isEmpty()) {
            body += line + u'\n';
            line = cjk ? QString() : s.mid(1);
        } else {
            line += s;
        }
        if (++inParagraph >= 4 + int(below(3))) {
            body += line + QStringLiteral("\n\n");
            line.clear();
            inParagraph = 0;
        }
    }
    body += line;
    if (!quote.isEmpty()) {
        body += QStringLiteral("\n\nOn an earlier day, someone wrote:\n");
        for (const QString &quoted : quote.left(800).split(u'\n')) {
            body += QStringLiteral("> ") + quoted + u'\n';
        }
    }
    return body;
}

MailCorpusGenerator::Thread MailCorpusGenerator::startThread()
{
    Thread thread;
    // Customers write several times: a pool of a quarter of the messages, drawn with repetition.
    const int index = int(below(quint32(m_customerPool)));
    while (m_customers.size() <= index) {
        const int n = int(m_customers.size());
        Customer c;
        const quint32 language = below(100);
        if (language < 15) {
            c.name = QString::fromUtf8(JapaneseNames[below(std::size(JapaneseNames))]);
            c.address = QStringLiteral("jp.customer%1@%2")
                            .arg(n)
                            .arg(QLatin1String(JapaneseDomains[below(std::size(JapaneseDomains))]));
        } else if (language < 20) {
            c.name = QString::fromUtf8(ChineseNames[below(std::size(ChineseNames))]);
            c.address
                = QStringLiteral("cn%1@%2").arg(n).arg(QLatin1String(ChineseDomains[below(std::size(ChineseDomains))]));
        } else {
            const QString given = QString::fromUtf8(GivenNames[below(std::size(GivenNames))]);
            const QString family = QString::fromUtf8(FamilyNames[below(std::size(FamilyNames))]);
            c.name = given + u' ' + family;
            c.address
                = QStringLiteral("%1.%2@%3")
                      .arg(given.toLower(), QString::number(n), QLatin1String(Domains[below(std::size(Domains))]));
        }
        c.outlook = below(100) < 10;
        m_customers.append(c);
    }
    thread.customer = index;
    const QString &name = m_customers.at(index).name;
    // The customer's name tells the language they write in.
    if (name.at(0).unicode() >= 0x3000) {
        const bool japanese = name.contains(u' ');
        thread.language = japanese ? Language::Japanese : Language::Chinese;
    } else {
        thread.language = Language::English;
    }
    switch (thread.language) {
    case Language::English:
        thread.charset = Charset::Utf8;
        thread.subject = QString::fromUtf8(EnglishSubjects[below(std::size(EnglishSubjects))]);
        break;
    case Language::Japanese:
        thread.charset = chance(50) ? Charset::Iso2022Jp : Charset::Utf8;
        thread.subject = QString::fromUtf8(JapaneseSubjects[below(std::size(JapaneseSubjects))]);
        break;
    case Language::Chinese:
        thread.charset = chance(50) ? Charset::Gb18030 : Charset::Utf8;
        thread.subject = QString::fromUtf8(ChineseSubjects[below(std::size(ChineseSubjects))]);
        break;
    }
    thread.subject.replace(QLatin1String("%1"), orderNumber());
    if (m_customers.at(index).outlook) {
        thread.threadIndex.resize(22);
        for (char &byte : thread.threadIndex) {
            byte = char(below(256));
        }
    }
    return thread;
}

QByteArray MailCorpusGenerator::nextMessage()
{
    ++m_sequence;
    m_clock += 5 + below(55);
    const double logMin = std::log(2048.0);
    const double logMax = std::log(20480.0);
    const auto targetBytes = qsizetype(std::exp(logMin + (logMax - logMin) * (double(below(1000000)) / 1000000.0)));

    Thread *thread = nullptr;
    const bool reply = !m_open.isEmpty() && chance(50);
    if (reply) {
        // Replies come to recent threads.
        const int window = std::min<int>(int(m_open.size()), 300);
        thread = &m_open[m_open.size() - 1 - int(below(quint32(window)))];
    } else {
        m_open.append(startThread());
        if (m_open.size() > 2000) {
            m_open.remove(0, 1000);
        }
        thread = &m_open.last();
    }
    const Customer &customer = m_customers.at(thread->customer);
    const bool fromShop = reply && chance(30);
    const QString messageId = QStringLiteral("%1.%2@%3")
                                  .arg(m_sequence)
                                  .arg(m_random() % 0xffffffffu, 8, 16, QLatin1Char('0'))
                                  .arg(fromShop ? QStringLiteral("shop.example") : customer.address.section(u'@', 1));
    QString inReplyTo;
    QStringList references;
    QByteArray threadIndex;
    if (reply) {
        if (fromShop) {
            inReplyTo = thread->lastMessageId;
            references = thread->references;
        } else if (customer.outlook && !thread->threadIndex.isEmpty()) {
            threadIndex = thread->threadIndex;
            for (int i = 0; i <= thread->replies; ++i) {
                threadIndex += QByteArray(5, char(below(256)));
            }
        } else {
            const quint32 how = below(100);
            if (how < 75) {
                inReplyTo = thread->lastMessageId;
                references = thread->references;
            } else if (how < 90) {
                inReplyTo = thread->lastMessageId; // a client that drops References
            } // else: nothing but "Re:" in the subject
        }
    } else if (!thread->threadIndex.isEmpty()) {
        threadIndex = thread->threadIndex;
    }
    const Language language = thread->language; // the shop answers in the customer's language
    const bool attachment = chance(8);
    const bool html = chance(40);
    qsizetype budget = targetBytes - 900 - (attachment ? targetBytes / 3 : 0);
    if (html) {
        budget /= 2;
    }
    const double bytesPerChar = language == Language::English ? 1.0 : thread->charset == Charset::Utf8 ? 3.0 : 2.7;
    // Sizes stay within 2–20 KB: a body that renders too small or too large is made again, scaled.
    qsizetype chars = std::max<qsizetype>(100, qsizetype(double(budget) / bytesPerChar) - 300);
    QString body;
    QByteArray bytes;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (fromShop && language == Language::English) {
            QStringList lines;
            while (lines.join(u' ').size() < chars) {
                lines << QString::fromUtf8(ShopSentences[below(std::size(ShopSentences))])
                             .replace(QLatin1String("%1"), orderNumber());
            }
            body = QStringLiteral("Hello %1,\n\n").arg(customer.name) + lines.join(u'\n');
            body += QStringLiteral("\n\n") + bodyOf(Language::English, 0, thread->lastBody);
        } else {
            body = bodyOf(language, chars, reply ? thread->lastBody : QString());
        }
        bytes = render(*thread, fromShop, html, body, messageId, inReplyTo, references, threadIndex,
            attachment ? targetBytes / 3 : 0);
        if (bytes.size() >= 2048 && bytes.size() <= 20480) {
            break;
        }
        const qsizetype goal = std::clamp<qsizetype>(targetBytes, 2400, 19000);
        chars = std::max<qsizetype>(20, qsizetype(double(chars) * double(goal) / double(bytes.size())));
    }
    thread->lastMessageId = messageId;
    thread->references.append(messageId);
    if (thread->references.size() > 10) {
        thread->references.remove(0, thread->references.size() - 10);
    }
    thread->lastBody = body.left(600);
    ++thread->replies;
    return bytes;
}

QByteArray MailCorpusGenerator::render(const Thread &thread, bool fromShop, bool html, const QString &body,
    const QString &messageId, const QString &inReplyTo, const QStringList &references, const QByteArray &threadIndex,
    qsizetype attachmentBytes)
{
    const Customer &customer = m_customers.at(thread.customer);
    const Charset charset = thread.charset;
    const char *charsetName = charset == Charset::Iso2022Jp ? "ISO-2022-JP"
        : charset == Charset::Gb18030                       ? "GB18030"
                                                            : "UTF-8";
    auto encodedWords = [&](const QString &text) {
        bool ascii = true;
        for (const QChar ch : text) {
            ascii = ascii && ch.unicode() < 0x80;
        }
        if (ascii) {
            return text.toUtf8();
        }
        QByteArray out;
        for (qsizetype i = 0; i < text.size(); i += 12) {
            if (!out.isEmpty()) {
                out += "\n ";
            }
            out += QByteArray("=?") + charsetName + "?B?" + convert(text.mid(i, 12), charsetName).toBase64() + "?=";
        }
        return out;
    };
    const QString subject = thread.replies > 0 || fromShop ? QStringLiteral("Re: ") + thread.subject : thread.subject;
    const QByteArray shop = "\"Shop Example Support\" <" + ShopAddress.toUtf8() + '>';
    const QByteArray person = encodedWords(customer.name) + " <" + customer.address.toUtf8() + '>';

    QByteArray out;
    out.reserve(24 * 1024);
    out += "Return-Path: <" + (fromShop ? ShopAddress : customer.address).toUtf8() + ">\n";
    out += "Received: from mx.shop.example (mx.shop.example [192.0.2.25])\n\tby imap.shop.example with LMTP; "
        + QDateTime::fromSecsSinceEpoch(m_clock, QTimeZone::utc()).toString(Qt::RFC2822Date).toUtf8() + '\n';
    out += "Message-ID: <" + messageId.toUtf8() + ">\n";
    out += "Date: " + QDateTime::fromSecsSinceEpoch(m_clock, QTimeZone::utc()).toString(Qt::RFC2822Date).toUtf8()
        + '\n';
    out += "From: " + (fromShop ? shop : person) + '\n';
    out += "To: " + (fromShop ? person : shop) + '\n';
    out += "Subject: " + encodedWords(subject) + '\n';
    if (!inReplyTo.isEmpty()) {
        out += "In-Reply-To: <" + inReplyTo.toUtf8() + ">\n";
    }
    if (!references.isEmpty()) {
        out += "References: <" + references.join(QStringLiteral(">\n <")).toUtf8() + ">\n";
    }
    if (!threadIndex.isEmpty()) {
        out += "Thread-Topic: " + encodedWords(thread.subject) + '\n';
        out += "Thread-Index: " + threadIndex.toBase64() + '\n';
        out += "X-Mailer: Microsoft Outlook 16.0\n";
    } else {
        out += "User-Agent: Mozilla Thunderbird\n";
    }
    out += "MIME-Version: 1.0\n";

    const QByteArray textBytes = convert(body, charsetName);
    const bool base64Text = charset == Charset::Gb18030
        || (charset == Charset::Utf8 && chance(50) && thread.language != Language::English);
    auto textPart = [&](const char *subtype, const QByteArray &bytes) {
        QByteArray part = QByteArray("Content-Type: text/") + subtype + "; charset=" + charsetName + '\n';
        if (base64Text) {
            part += "Content-Transfer-Encoding: base64\n\n" + wrapBase64(bytes);
        } else {
            part += QByteArray("Content-Transfer-Encoding: ") + (charset == Charset::Iso2022Jp ? "7bit" : "8bit")
                + "\n\n" + bytes + '\n';
        }
        return part;
    };
    QByteArray mainPart;
    if (html) {
        QByteArray markup = "<html><head><meta charset=\"" + QByteArray(charsetName) + "\"></head><body>";
        for (const QString &paragraph : body.split(QStringLiteral("\n\n"))) {
            markup += "<p>" + convert(paragraph.toHtmlEscaped(), charsetName).replace("\n", "<br>\n") + "</p>\n";
        }
        markup += "</body></html>";
        const QByteArray boundary = "=_alt_" + QByteArray::number(m_sequence);
        mainPart = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\n\n--" + boundary + '\n'
            + textPart("plain", textBytes) + "\n--" + boundary + '\n' + textPart("html", markup) + "\n--" + boundary
            + "--\n";
    } else {
        mainPart = textPart("plain", textBytes);
    }
    if (attachmentBytes <= 0) {
        return out + mainPart;
    }
    const QByteArray boundary = "=_mixed_" + QByteArray::number(m_sequence);
    QByteArray data(qsizetype(double(attachmentBytes) / 1.37), '\0');
    for (char &byte : data) {
        byte = char(below(256));
    }
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary + '\n' + mainPart + "\n--"
        + boundary + '\n';
    out += chance(60) ? "Content-Type: image/jpeg; name=\"photo.jpg\"\nContent-Disposition: attachment; "
                        "filename=\"photo.jpg\"\n"
                      : "Content-Type: application/pdf; name=\"invoice.pdf\"\nContent-Disposition: attachment; "
                        "filename=\"invoice.pdf\"\n";
    out += "Content-Transfer-Encoding: base64\n\n" + wrapBase64(data) + "--" + boundary + "--\n";
    return out;
}

bool MailCorpusGenerator::writeMaildir(const QString &directory, int count, Stats *stats)
{
    for (const char *sub : { "cur", "new", "tmp" }) {
        if (!QDir().mkpath(directory + u'/' + QLatin1String(sub))) {
            std::fprintf(stderr, "cannot create %s/%s\n", qPrintable(directory), sub);
            return false;
        }
    }
    m_customerPool = std::max(8, count / 4);
    for (int i = 0; i < count; ++i) {
        const QByteArray bytes = nextMessage();
        const QString name = QStringLiteral("%1/cur/%2.M%3P4242.bench.example:2,S")
                                 .arg(directory)
                                 .arg(m_clock)
                                 .arg(m_sequence, 7, 10, QLatin1Char('0'));
        QFile file(name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(name));
            return false;
        }
        if (stats != nullptr) {
            ++stats->messages;
            stats->bytes += bytes.size();
        }
    }
    return true;
}

} // namespace waybill::bench
