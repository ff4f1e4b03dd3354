// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Channel.h"

#include <QColor>
#include <QIcon>

namespace waybill::ui {

/// The channel icons (SVG, from the waybill_ui resources) and each channel's accent colour. Icons are loaded
/// once and cached; use from the UI thread only.
class ChannelIcons final {
public:
    ChannelIcons() = delete;

    static QIcon icon(domain::Channel channel);
    static QColor color(domain::Channel channel);
};

} // namespace waybill::ui
