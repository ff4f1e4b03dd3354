// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "XmlElement.h"

#include <QXmlStreamReader>

namespace waybill::commerce {

namespace {

constexpr qsizetype MaxBytes = 4 * 1024 * 1024;
constexpr int MaxDepth = 64;

} // namespace

std::optional<XmlElement> XmlElement::parse(const QByteArray &xml, QString *error, Whitespace whitespace)
{
    if (xml.trimmed().isEmpty()) {
        *error = QStringLiteral("the reply is empty");
        return std::nullopt;
    }
    if (xml.size() > MaxBytes) {
        *error = QStringLiteral("the XML reply is larger than 4 MB");
        return std::nullopt;
    }
    QXmlStreamReader reader(xml);
    std::optional<XmlElement> root;
    QList<XmlElement *> path;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (path.size() >= MaxDepth) {
                *error = QStringLiteral("the XML reply is nested deeper than %1 elements").arg(MaxDepth);
                return std::nullopt;
            }
            XmlElement element;
            element.m_name = reader.name().toString();
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                element.m_attributes.append({ attribute.name().toString(), attribute.value().toString() });
            }
            if (path.isEmpty()) {
                root = std::move(element);
                path.append(&*root);
            } else {
                path.constLast()->m_children.append(std::move(element));
                path.append(&path.constLast()->m_children.last());
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (!path.isEmpty()) {
                if (whitespace == Whitespace::Simplify) {
                    path.constLast()->m_text = path.constLast()->m_text.simplified();
                }
                path.removeLast();
            }
        } else if (token == QXmlStreamReader::Characters && !path.isEmpty()) {
            path.constLast()->m_text += reader.text();
        }
    }
    if (reader.hasError()) {
        *error = QStringLiteral("the XML is malformed (%1 at line %2, column %3)")
                     .arg(reader.errorString())
                     .arg(reader.lineNumber())
                     .arg(reader.columnNumber());
        return std::nullopt;
    }
    if (!root) {
        *error = QStringLiteral("the reply holds no XML element");
        return std::nullopt;
    }
    return root;
}

QString XmlElement::attribute(const QString &name) const
{
    for (const auto &[key, value] : m_attributes) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

const XmlElement *XmlElement::child(const QString &name) const
{
    for (const XmlElement &element : m_children) {
        if (element.m_name == name) {
            return &element;
        }
    }
    return nullptr;
}

QString XmlElement::textAt(const QString &path) const
{
    const XmlElement *element = this;
    for (const QStringView part : QStringView(path).split(u'/')) {
        element = element->child(part.toString());
        if (!element) {
            return {};
        }
    }
    return element->m_text;
}

QList<const XmlElement *> XmlElement::children(const QString &name) const
{
    QList<const XmlElement *> found;
    for (const XmlElement &element : m_children) {
        if (element.m_name == name) {
            found.append(&element);
        }
    }
    return found;
}

} // namespace waybill::commerce
