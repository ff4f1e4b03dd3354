// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransitTimeModel.h"

#include "storage/SqlQuery.h"

#include <algorithm>
#include <cmath>

namespace waybill::commerce {

namespace {

constexpr double SecondsPerDay = 86400.0;

/// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double> &sorted, double fraction)
{
    const auto count = static_cast<double>(sorted.size());
    auto rank = static_cast<std::size_t>(std::ceil(fraction * count));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

} // namespace

TransitTimeModel::TransitTimeModel(int minimumSamples)
    : m_minimumSamples(std::max(1, minimumSamples))
{
}

TransitTimeModel TransitTimeModel::fromDatabase(const storage::Database &database, qint64 shippedBefore)
{
    TransitTimeModel model;
    storage::SqlQuery query(database,
        QStringLiteral("SELECT carrier, service, destination_region, delivered_at - shipped_at "
                       "FROM shipments WHERE delivered_at IS NOT NULL AND shipped_at IS NOT NULL "
                       "AND shipped_at > 0 AND (? = 0 OR shipped_at < ?)"));
    query.bind(shippedBefore).bind(shippedBefore);
    query.exec();
    while (query.next()) {
        model.addDelivery(
            query.text(0), query.text(1), query.text(2), static_cast<double>(query.int64(3)) / SecondsPerDay);
    }
    model.finish();
    return model;
}

void TransitTimeModel::addDelivery(const QString &carrier, const QString &service, const QString &region, double days)
{
    if (days < 0) {
        return;
    }
    ++m_deliveries;
    m_samples[key(TransitEstimate::Level::CarrierServiceRegion, carrier, service, region)].push_back(days);
    m_samples[key(TransitEstimate::Level::CarrierService, carrier, service, region)].push_back(days);
    m_samples[key(TransitEstimate::Level::Carrier, carrier, service, region)].push_back(days);
    m_samples[key(TransitEstimate::Level::All, carrier, service, region)].push_back(days);
}

void TransitTimeModel::finish()
{
    m_groups.clear();
    for (auto it = m_samples.begin(); it != m_samples.end(); ++it) {
        std::vector<double> &values = it.value();
        if (values.empty()) {
            continue;
        }
        std::sort(values.begin(), values.end());
        TransitEstimate estimate;
        estimate.level = static_cast<TransitEstimate::Level>(it.key().at(0).unicode() - u'0');
        estimate.p50Days = percentile(values, 0.5);
        estimate.p90Days = percentile(values, 0.9);
        estimate.samples = static_cast<int>(values.size());
        m_groups.insert(it.key(), estimate);
    }
}

TransitEstimate TransitTimeModel::estimate(const QString &carrier, const QString &service, const QString &region) const
{
    TransitEstimate fallback;
    for (const auto level : { TransitEstimate::Level::CarrierServiceRegion, TransitEstimate::Level::CarrierService,
             TransitEstimate::Level::Carrier, TransitEstimate::Level::All }) {
        const auto it = m_groups.constFind(key(level, carrier, service, region));
        if (it == m_groups.constEnd()) {
            continue;
        }
        if (it->samples >= m_minimumSamples) {
            return *it;
        }
        if (!fallback.isKnown()) {
            fallback = *it;
        }
    }
    // Fewer than the minimum everywhere: the most specific group is still better than nothing.
    return fallback;
}

QString TransitTimeModel::key(
    TransitEstimate::Level level, const QString &carrier, const QString &service, const QString &region)
{
    const QChar separator(u'\x1f');
    const QChar tag(static_cast<char16_t>(u'0' + static_cast<int>(level)));
    switch (level) {
    case TransitEstimate::Level::CarrierServiceRegion:
        return tag + carrier + separator + service + separator + region;
    case TransitEstimate::Level::CarrierService:
        return tag + carrier + separator + service;
    case TransitEstimate::Level::Carrier:
        return tag + carrier;
    case TransitEstimate::Level::All:
    case TransitEstimate::Level::None:
        break;
    }
    return QString(tag);
}

} // namespace waybill::commerce
