// Internal to the feed reader: what an item or a channel becomes in the
// model (feed_items.cpp), and the date reader that RSS, Atom and the
// liberal JSON readers share (feed_dates.cpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "digest/model.hpp"
#include "digest/result.hpp"
#include "feeds/feed_parser.hpp"

namespace digest::feed_detail {

// A repair or a problem found while mapping: its kind and its message.
using Warn = std::function<void(ErrorCode, std::string)>;

// Reads a date as feeds write it: ISO 8601 / RFC 3339, RFC 822 and 2822
// (named zones included), then any form the date parser reads in any
// supported language. `rfc822_is_native`: RFC 822 is the format's own
// (RSS) rather than a deviation (JSON Feed, Atom). Sets *repaired when the
// text was read with a liberty its format does not grant.
std::optional<DateTime> read_feed_date(std::string_view text, bool rfc822_is_native,
                                       bool* repaired);

// The source a channel describes; its id is the channel's link without the
// scheme ("news.example.org/world"), else the Atom feed id, else the title.
Source channel_source(const ChannelDraft& channel);

// The post an item describes. `strict`: deviations (no guid, an unreadable
// date) are errors instead of repairs reported through `warn`.
Result<Post> item_post(ItemDraft&& item, const ChannelDraft& channel, const std::string& source_id,
                       bool strict, const Warn& warn);

// A stable id for an item that has none ("item-" and 16 hex digits of a
// 64-bit FNV-1a hash of what identifies it).
std::string content_id(std::string_view title, std::string_view date, std::string_view summary,
                       std::string_view content);

// Repairs mojibake in a text field in place, reporting it through `warn`.
void repair_field(std::string& text, std::string_view field, const Warn& warn);

}  // namespace digest::feed_detail
