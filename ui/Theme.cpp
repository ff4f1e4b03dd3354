// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace waybill::ui {

void Theme::apply(QApplication &application)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QApplication::setStyle(fusion);
    }
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf7, 0xf8, 0xfa));
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    palette.setColor(QPalette::Text, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    palette.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
    palette.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    QApplication::setPalette(palette);
    application.setStyleSheet(QStringLiteral(
        "QLineEdit#searchField { padding: 5px 8px; border: 1px solid #d5d9df; border-radius: 6px; background: #fff; }"
        "QLineEdit#searchField:focus { border-color: #2563eb; }"
        "QToolButton { padding: 4px 9px; border: 1px solid transparent; border-radius: 5px; }"
        "QToolButton:hover { background: #eef0f3; border-color: #dfe2e6; }"
        "QToolButton:checked { background: #e3ecfd; color: #1d4ed8; font-weight: 600; }"
        "QToolButton::menu-indicator { image: none; width: 0; }"
        "QPushButton { padding: 4px 12px; border: 1px solid #d5d9df; border-radius: 5px; background: #fff; }"
        "QPushButton:hover { background: #f3f4f6; }"
        "QPushButton:disabled { color: #a0a6ae; }"
        "QPushButton#sendButton { background: #2563eb; color: #fff; border-color: #1d4ed8; font-weight: 600; }"
        "QPushButton#sendButton:disabled { background: #a9c1f5; border-color: #a9c1f5; }"
        "QPlainTextEdit#composerEdit { border: 1px solid #d5d9df; border-radius: 6px; padding: 4px; }"
        "QStatusBar { color: #6b7280; }"));
}

} // namespace waybill::ui
