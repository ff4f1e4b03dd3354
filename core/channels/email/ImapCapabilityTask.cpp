// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapCapabilityTask.h"

namespace waybill::channels::email {

void ImapCapabilityTask::perform()
{
    send({ ImapArgument::atom("CAPABILITY") });
}

} // namespace waybill::channels::email
