// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpJsonClient.h"

#include "HttpJsonTask.h"

#include <QHostAddress>

#include <cmath>

namespace waybill::commerce {

HttpJsonClient::HttpJsonClient(QNetworkAccessManager &network, Config config)
    : m_network(network)
    , m_config(std::move(config))
{
}

QUrl HttpJsonClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + (path.startsWith(u'/') ? path : u'/' + path));
    url.setQuery(query);
    return url;
}

std::unique_ptr<HttpJsonTask> HttpJsonClient::get(const QString &path, const QUrlQuery &query)
{
    return get(urlFor(path, query));
}

std::unique_ptr<HttpJsonTask> HttpJsonClient::post(
    const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    auto task = std::make_unique<HttpJsonTask>(*this, urlFor(path, {}));
    task->setPost(body, headers);
    return task;
}

std::unique_ptr<HttpJsonTask> HttpJsonClient::postForm(const QString &path, const QByteArray &body)
{
    auto task = std::make_unique<HttpJsonTask>(*this, urlFor(path, {}));
    task->setPost(body, {}, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return task;
}

std::unique_ptr<HttpJsonTask> HttpJsonClient::get(const QUrl &url)
{
    return std::make_unique<HttpJsonTask>(*this, url);
}

int HttpJsonClient::paceDelayMs() const
{
    if (m_callLimit <= 0 || m_config.callLimitLeakPerSecond <= 0) {
        return 0;
    }
    const int threshold = m_callLimit - m_config.callLimitHeadroom;
    if (m_callsUsed < threshold) {
        return 0;
    }
    // Wait until the bucket has leaked back below the threshold.
    const double calls = double(m_callsUsed - threshold + 1);
    return int(std::ceil(calls / m_config.callLimitLeakPerSecond * 1000.0));
}

void HttpJsonClient::noteCallLimit(const QByteArray &value)
{
    const QList<QByteArray> parts = value.trimmed().split('/');
    bool usedOk = false;
    bool limitOk = false;
    const int used = parts.value(0).toInt(&usedOk);
    const int limit = parts.value(1).toInt(&limitOk);
    if (parts.size() == 2 && usedOk && limitOk && limit > 0 && used >= 0) {
        m_callsUsed = used;
        m_callLimit = limit;
    }
}

void HttpJsonClient::noteRateLimit(const QByteArray &value)
{
    bool ok = false;
    const double rate = value.trimmed().toDouble(&ok);
    if (ok && rate > 0) {
        m_ratePerSecond = rate;
    }
}

int HttpJsonClient::rateIntervalMs() const
{
    return m_ratePerSecond > 0 ? int(std::ceil(1000.0 / m_ratePerSecond)) : -1;
}

void HttpJsonClient::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[existing, current] : m_config.headers) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0) {
            current = value;
            return;
        }
    }
    m_config.headers.append({ name, value });
}

QUrl HttpJsonClient::linkWithRel(const QByteArray &linkHeader, const QString &rel)
{
    // Link: <https://…?page_info=abc>; rel="previous", <https://…?page_info=def>; rel="next"
    const QString header = QString::fromLatin1(linkHeader);
    for (const QString &entry : header.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype open = entry.indexOf(u'<');
        const qsizetype close = entry.indexOf(u'>', open + 1);
        if (open < 0 || close < 0) {
            continue;
        }
        for (const QString &parameter : entry.mid(close + 1).split(u';', Qt::SkipEmptyParts)) {
            const QString p = parameter.trimmed();
            if (!p.startsWith(QLatin1String("rel="))) {
                continue;
            }
            QString value = p.mid(4);
            value.remove(u'"');
            if (value.split(u' ', Qt::SkipEmptyParts).contains(rel)) {
                return QUrl(entry.mid(open + 1, close - open - 1), QUrl::StrictMode);
            }
        }
    }
    return {};
}

QDateTime HttpJsonClient::httpDate(const QByteArray &value)
{
    // Qt reads RFC 2822 dates with a numeric zone only; HTTP writes GMT (RFC 9110's IMF-fixdate).
    QString text = QString::fromLatin1(value.trimmed());
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC"))) {
        text = text.left(text.size() - 4) + QStringLiteral(" +0000");
    }
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

QString HttpJsonClient::urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return QStringLiteral("%1 is not a web address").arg(url.toString());
    }
    if (url.scheme() == QLatin1String("https")) {
        return {};
    }
    if (url.scheme() == QLatin1String("http")) {
        const QHostAddress address(url.host());
        if (url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback())) {
            return {};
        }
        return QStringLiteral("%1 is not encrypted: http:// is allowed only to this computer (a local proxy); "
                              "use https://")
            .arg(url.toString());
    }
    return QStringLiteral("%1 is not an https:// address").arg(url.toString());
}

} // namespace waybill::commerce
