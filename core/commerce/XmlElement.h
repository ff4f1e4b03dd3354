// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace waybill::commerce {

/// A small read-only element tree for carrier XML replies, built with QXmlStreamReader (no Qt Xml module).
/// Names are local names (namespaces dropped); text is the element's own character data, by default with white space
/// simplified (carrier XML wraps long descriptions), or kept as sent (message bodies, whose line breaks matter).
/// parse() refuses input over 4 MB or nested deeper than 64 elements and never throws. A plain value; any thread.
class XmlElement final {
public:
    enum class Whitespace {
        Simplify, ///< runs of white space become one space, none at either end
        Keep, ///< the character data exactly as the document holds it (entities decoded)
    };

    /// The root element, or nothing with `error` set to what the reader found wrong (and where).
    static std::optional<XmlElement> parse(
        const QByteArray &xml, QString *error, Whitespace whitespace = Whitespace::Simplify);

    QString name() const { return m_name; }
    QString text() const { return m_text; }
    QString attribute(const QString &name) const;
    /// The first child with this local name, or nullptr.
    const XmlElement *child(const QString &name) const;
    /// The text of the element at a '/'-separated path of child names below this one, or an empty string.
    QString textAt(const QString &path) const;
    QList<const XmlElement *> children(const QString &name) const;
    const QList<XmlElement> &allChildren() const { return m_children; }

private:
    QString m_name;
    QString m_text;
    QList<std::pair<QString, QString>> m_attributes;
    QList<XmlElement> m_children;
};

} // namespace waybill::commerce
