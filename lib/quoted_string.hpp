// Writing a string as a quoted literal: TLA+'s escapes (as TLC prints strings) or JSON's.
#pragma once

#include <string>
#include <string_view>

namespace tlatv {

enum class QuoteStyle {
    Tla,  // \" \\ \n \t \r \f; other bytes as they are
    Json, // the same plus \b and \u00XX for the other control characters
};

// Appends `s` to `out` between double quotes, escaped in `style`.
void append_quoted(std::string& out, std::string_view s, QuoteStyle style);

} // namespace tlatv
