// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <random>

namespace waybill::bench {

/// Writes a synthetic support mailbox as a Maildir, for import benchmarks: messages of 2–20 KB (log-uniform),
/// 15 % Japanese (ISO-2022-JP or UTF-8), 5 % Chinese (GB18030 or UTF-8), the rest English; HTML alternatives,
/// some attachments; customers who write several times; threads whose replies carry In-Reply-To and References,
/// only In-Reply-To (dropped References), only an Outlook Thread-Index, or nothing but "Re:"; Shopify, Amazon and
/// eBay order numbers in subjects and bodies. The same seed and count give the same bytes.
class MailCorpusGenerator final {
public:
    struct Stats {
        int messages = 0;
        qint64 bytes = 0;
    };

    explicit MailCorpusGenerator(quint64 seed);

    /// Creates `directory`/{cur,new,tmp} and writes `count` messages into cur/, named so that the name order is the
    /// date order. Returns false (with a message on stderr) when a file cannot be written.
    bool writeMaildir(const QString &directory, int count, Stats *stats);
    /// The next message's bytes (exposed for tests and other archive formats).
    QByteArray nextMessage();

private:
    enum class Language {
        English,
        Japanese,
        Chinese,
    };
    enum class Charset {
        Utf8,
        Iso2022Jp,
        Gb18030,
    };
    struct Thread {
        int customer = 0;
        Language language = Language::English;
        Charset charset = Charset::Utf8;
        QString subject;
        QString lastMessageId;
        QStringList references;
        QByteArray threadIndex; ///< 22 bytes, when the customer writes from Outlook
        QString lastBody;
        int replies = 0;
    };
    struct Customer {
        QString name;
        QString address;
        bool outlook = false;
    };

    quint32 below(quint32 n) { return quint32(m_random() % n); }
    bool chance(int percent) { return below(100) < quint32(percent); }
    QString orderNumber();
    QString sentence(Language language);
    QString bodyOf(Language language, qsizetype targetChars, const QString &quote);
    Thread startThread();
    QByteArray render(const Thread &thread, bool fromShop, bool html, const QString &body, const QString &messageId,
        const QString &inReplyTo, const QStringList &references, const QByteArray &threadIndex, qsizetype targetBytes);

    std::mt19937_64 m_random;
    QList<Customer> m_customers;
    QList<Thread> m_open; ///< threads that may still get a reply
    int m_customerPool = 1000; ///< how many different customers write
    qint64 m_clock = 0; ///< Date of the next message (epoch seconds)
    int m_sequence = 0;
};

} // namespace waybill::bench
