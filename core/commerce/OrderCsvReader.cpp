// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderCsvReader.h"

#include "CarrierDirectory.h"
#include "OrderCsvValues.h"

#include <QCoreApplication>
#include <QIODevice>

#include <optional>
#include <utility>

namespace waybill::commerce {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OrderCsvReader", text);
}

/// The carrier key for a shipping service's name ("USPS Ground Advantage" → "usps"), or an empty string.
QString carrierFromService(const QString &service)
{
    static const std::pair<QLatin1StringView, QLatin1StringView> names[] = {
        { QLatin1StringView("usps"), QLatin1StringView("usps") },
        { QLatin1StringView("ups"), QLatin1StringView("ups") },
        { QLatin1StringView("fedex"), QLatin1StringView("fedex") },
        { QLatin1StringView("dhl"), QLatin1StringView("dhl") },
        { QLatin1StringView("royal mail"), QLatin1StringView("royal_mail") },
        { QLatin1StringView("canada post"), QLatin1StringView("canada_post") },
        { QLatin1StringView("japan post"), QLatin1StringView("japan_post") },
        { QLatin1StringView("yamato"), QLatin1StringView("yamato") },
    };
    const QString lower = service.toLower();
    for (const auto &[name, key] : names) {
        // Whole words only: "ups" must not match inside "groups".
        const qsizetype at = lower.indexOf(name);
        if (at < 0) {
            continue;
        }
        const qsizetype end = at + name.size();
        const bool startOk = at == 0 || !lower.at(at - 1).isLetter();
        const bool endOk = end >= lower.size() || !lower.at(end).isLetter();
        if (startOk && endOk) {
            return QString(key);
        }
    }
    return {};
}

} // namespace

struct OrderCsvReader::Row {
    QString number;
    std::optional<qint64> placedAt;
    QString status;
    QString email;
    QString name;
    QString buyerUserId;
    QString currency;
    std::optional<qint64> subtotal;
    std::optional<qint64> shipping;
    std::optional<qint64> tax;
    std::optional<qint64> total;
    bool hasLine = false;
    domain::OrderLine line;
    qint64 lineTotal = 0;
    QString tracking;
    QString carrier;
    QString service;
    QString symbolCurrency;
};

OrderCsvReader::OrderCsvReader(QIODevice &device, OrderColumnMapping mapping, qint64 maxRecordBytes)
    : m_device(device)
    , m_mapping(std::move(mapping))
    , m_maxRecordBytes(maxRecordBytes)
{
}

OrderCsvReader::~OrderCsvReader() = default;

qint64 OrderCsvReader::position() const
{
    return m_csv ? m_csv->position() : 0;
}

OrderCsvReader::ResumePoint OrderCsvReader::resumePoint() const
{
    if (m_hasPending) {
        return m_pendingStart;
    }
    return m_csv ? ResumePoint { m_csv->position(), m_csv->line() } : ResumePoint {};
}

bool OrderCsvReader::resumeFrom(const ResumePoint &point)
{
    m_hasPending = false;
    return m_csv && m_csv->seek(point.offset, point.line);
}

bool OrderCsvReader::start()
{
    char delimiter = m_mapping.delimiter();
    if (delimiter == 0) {
        const QByteArray head = m_device.peek(64 * 1024);
        const QByteArray firstLine = head.left(head.indexOf('\n'));
        delimiter = firstLine.count('\t') > firstLine.count(',') ? '\t' : ',';
    }
    m_csv = std::make_unique<CsvReader>(m_device, delimiter, m_maxRecordBytes);
    CsvReader::Record record;
    while (m_csv->next(record)) {
        if (!record.error.isEmpty()) {
            m_error = tr("line %1: %2").arg(record.line).arg(record.error);
            return false;
        }
        if (record.isBlank()) {
            continue;
        }
        m_header = record.fields();
        const auto resolved = m_mapping.resolve(m_header, &m_error);
        if (!resolved) {
            return false;
        }
        m_columns = *resolved;
        return true;
    }
    m_error = tr("the file is empty");
    return false;
}

QString OrderCsvReader::cell(const CsvReader::Record &record, OrderField field) const
{
    const int column = m_columns.column(field);
    return column >= 0 ? record.field(column).trimmed() : QString();
}

bool OrderCsvReader::parseRow(const CsvReader::Record &record, Row &row, QString &error) const
{
    const CsvReader::Record &f = record;
    row.number = cell(f, OrderField::Number);
    if (row.number.isEmpty()) {
        error = tr("no order number");
        return false;
    }
    if (const QString placed = cell(f, OrderField::PlacedAt); !placed.isEmpty()) {
        row.placedAt = OrderCsvValues::parseTime(placed);
        if (!row.placedAt) {
            error = tr("the date \"%1\" is not a date").arg(placed);
            return false;
        }
    }
    auto money = [&](OrderField field, std::optional<qint64> &value) {
        const QString text = cell(f, field);
        if (text.isEmpty()) {
            return true;
        }
        value = OrderCsvValues::parseMoney(text, &row.symbolCurrency);
        if (!value) {
            error = tr("\"%1\" in column \"%2\" is not an amount").arg(text, m_header.at(m_columns.column(field)));
            return false;
        }
        return true;
    };
    if (!money(OrderField::Subtotal, row.subtotal) || !money(OrderField::Shipping, row.shipping)
        || !money(OrderField::Tax, row.tax) || !money(OrderField::Total, row.total)) {
        return false;
    }
    row.status = cell(f, OrderField::Status).toLower();
    row.email = cell(f, OrderField::CustomerEmail).toLower();
    row.name = cell(f, OrderField::CustomerName);
    row.buyerUserId = cell(f, OrderField::BuyerUserId).toLower();
    row.currency = cell(f, OrderField::Currency).toUpper();
    row.line.sku = cell(f, OrderField::LineSku);
    row.line.externalId = cell(f, OrderField::LineItemId);
    row.line.title = cell(f, OrderField::LineTitle);
    row.hasLine = !row.line.sku.isEmpty() || !row.line.title.isEmpty();
    if (row.hasLine) {
        row.line.quantity = 1;
        if (const QString qty = cell(f, OrderField::LineQuantity); !qty.isEmpty()) {
            const auto quantity = OrderCsvValues::parseQuantity(qty);
            if (!quantity) {
                error = tr("the quantity \"%1\" is not a whole number").arg(qty);
                return false;
            }
            row.line.quantity = *quantity;
        }
        std::optional<qint64> unit;
        std::optional<qint64> lineTotal;
        if (!money(OrderField::LinePrice, unit) || !money(OrderField::LineTotal, lineTotal)) {
            return false;
        }
        if (unit) {
            row.line.unitPriceCents = *unit;
            row.lineTotal = *unit * row.line.quantity;
        } else if (lineTotal) {
            row.lineTotal = *lineTotal;
            row.line.unitPriceCents = row.line.quantity > 0 ? *lineTotal / row.line.quantity : *lineTotal;
        }
    }
    row.tracking = cell(f, OrderField::TrackingNumber);
    row.carrier = cell(f, OrderField::Carrier).toLower();
    row.service = cell(f, OrderField::ShippingService);
    return true;
}

void OrderCsvReader::begin(const Row &row, int line)
{
    m_pending = ImportedOrder();
    m_pending.line = line;
    m_pending.order.source = m_mapping.source();
    m_pending.order.number = row.number;
    m_pending.order.placedAt = row.placedAt.value_or(0);
    m_hasPending = true;
    m_hasSubtotal = m_hasShipping = m_hasTax = m_hasTotal = false;
    m_linesTotal = 0;
    m_symbolCurrency.clear();
    merge(row);
}

void OrderCsvReader::merge(const Row &row)
{
    domain::Order &order = m_pending.order;
    if (order.status.isEmpty()) {
        order.status = row.status;
    }
    if (m_pending.customerEmail.isEmpty()) {
        m_pending.customerEmail = row.email;
    }
    if (m_pending.customerName.isEmpty()) {
        m_pending.customerName = row.name;
    }
    if (m_pending.buyerUserId.isEmpty()) {
        m_pending.buyerUserId = row.buyerUserId;
    }
    if (order.currency.isEmpty()) {
        order.currency = row.currency;
    }
    if (m_symbolCurrency.isEmpty()) {
        m_symbolCurrency = row.symbolCurrency;
    }
    const bool sum = m_mapping.sumsAmountsAcrossRows();
    auto take = [](const std::optional<qint64> &value, qint64 &target, bool &has, bool summed) {
        if (!value) {
            return;
        }
        if (!has) {
            target = *value;
            has = true;
        } else if (summed) {
            target += *value;
        }
    };
    take(row.subtotal, order.subtotalCents, m_hasSubtotal, sum);
    take(row.shipping, order.shippingCents, m_hasShipping, sum);
    take(row.tax, order.taxCents, m_hasTax, sum);
    take(row.total, order.totalCents, m_hasTotal, sum);
    if (row.hasLine) {
        order.lines.append(row.line);
        m_linesTotal += row.lineTotal;
    }
    if (!row.tracking.isEmpty()) {
        for (const domain::Shipment &known : std::as_const(m_pending.shipments)) {
            if (known.trackingNumber == row.tracking) {
                return;
            }
        }
        domain::Shipment shipment;
        shipment.trackingNumber = row.tracking;
        shipment.service = row.service;
        shipment.carrier = row.carrier;
        if (shipment.carrier.isEmpty()) {
            shipment.carrier = CarrierDirectory::detect(row.tracking);
        }
        if (shipment.carrier.isEmpty()) {
            shipment.carrier = carrierFromService(row.service);
        }
        m_pending.shipments.append(shipment);
    }
}

void OrderCsvReader::finish(ImportedOrder &imported) const
{
    domain::Order &order = imported.order;
    if (!m_hasSubtotal) {
        order.subtotalCents = m_linesTotal;
    }
    if (!m_hasTotal) {
        order.totalCents = order.subtotalCents + order.shippingCents + order.taxCents;
    }
    if (order.currency.isEmpty()) {
        order.currency = !m_symbolCurrency.isEmpty() ? m_symbolCurrency
            : !m_mapping.defaultCurrency().isEmpty() ? m_mapping.defaultCurrency()
                                                     : QStringLiteral("USD");
    }
    if (order.status.isEmpty()) {
        order.status = QStringLiteral("paid");
    }
}

bool OrderCsvReader::next(ImportedOrder &out)
{
    if (!m_csv) {
        return false;
    }
    CsvReader::Record record;
    for (;;) {
        const ResumePoint rowStart { m_csv->position(), m_csv->line() };
        if (!m_csv->next(record)) {
            if (!m_hasPending) {
                return false;
            }
            finish(m_pending);
            out = std::move(m_pending);
            m_hasPending = false;
            return true;
        }
        if (!record.error.isEmpty()) {
            ++m_rows;
            m_problems.append({ record.line, record.error });
            continue;
        }
        if (record.isBlank() || m_mapping.isFooter(record.field(0))) {
            continue;
        }
        ++m_rows;
        if (record.size() != m_columns.columnCount) {
            m_problems.append({ record.line,
                tr("the row has %1 fields where the header has %2").arg(record.size()).arg(m_columns.columnCount) });
            continue;
        }
        Row row;
        QString error;
        if (!parseRow(record, row, error)) {
            m_problems.append({ record.line, error });
            continue;
        }
        if (m_hasPending && row.number == m_pending.order.number) {
            merge(row);
            continue;
        }
        if (!row.placedAt) {
            m_problems.append({ record.line, tr("no order date") });
            continue;
        }
        if (!m_hasPending) {
            begin(row, record.line);
            m_pendingStart = rowStart;
            continue;
        }
        finish(m_pending);
        out = std::move(m_pending);
        begin(row, record.line);
        m_pendingStart = rowStart;
        return true;
    }
}

QList<OrderCsvReader::Problem> OrderCsvReader::takeProblems()
{
    return std::exchange(m_problems, {});
}

} // namespace waybill::commerce
