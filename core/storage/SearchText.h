// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::storage {

/// Prepares text for the FTS5 unicode61 tokenizer (with '|' as a token character) and builds MATCH expressions.
/// Runs of CJK characters become overlapping bigrams ("配送状況" → 配送 送状 状況), so a CJK word of two or more
/// characters is found anywhere inside a longer run, and a single character by prefix. Each bigram is written as
/// '|' and four base-36 digits per character ("|0sp9…"): the tokenizer reads ASCII, several times faster than
/// classifying and folding ideographs, and no other token can hold the '|'.
namespace SearchText {

/// The text to index.
QString forIndex(const QString &text);
/// The text to index for a message body: forIndex() of the body without the earlier messages it quotes, which
/// are indexed where they were written (a search for their words finds them there, not in every reply).
QString forMessage(const QString &body);
/// The body without its quoted lines (starting with '>') and the "… wrote:" line that introduces them. The body
/// itself, shared rather than copied, when it quotes nothing.
QString withoutQuotedReply(const QString &body);
/// An FTS5 MATCH expression for what a person typed: every word must appear (AND); CJK words become phrases of
/// bigrams; with `prefixLastWord` the last word also matches as a prefix (cheap on small indexes such as
/// customers, costly on messages). Empty when nothing searchable is left.
QString matchExpression(const QString &query, bool prefixLastWord = true);
/// True for characters in the CJK ideograph, kana and hangul blocks.
bool isCjk(char32_t ch);

} // namespace SearchText

} // namespace waybill::storage
