#include "lib/quoted_string.hpp"

#include <fmt/format.h>

namespace tlatv {

void append_quoted(std::string& out, std::string_view s, QuoteStyle style) {
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (style == QuoteStyle::Json && static_cast<unsigned char>(c) < 0x20)
                out += c == '\b' ? std::string("\\b")
                                 : fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            else
                out += c;
        }
    }
    out += '"';
}

} // namespace tlatv
