#include "tlatv/diagnostic.hpp"

#include <fmt/format.h>

namespace tlatv {

namespace {
// A longer source line is left out of the message: a caret under a line of a megabyte (a
// generated spec, a hostile trace) helps no one.
constexpr std::size_t max_shown_source_line = 512;
} // namespace

std::string Diagnostic::format() const {
    std::string out;
    if (line > 0)
        out = fmt::format("{}:{}:{}: error: {}", file, line, column, message);
    else if (!file.empty())
        out = fmt::format("{}: error: {}", file, message);
    else
        out = fmt::format("error: {}", message);
    if (line > 0 && !source_line.empty() && source_line.size() <= max_shown_source_line) {
        out += '\n';
        out += source_line;
        out += '\n';
        // Keep tabs so the caret lines up under tab-indented source.
        std::uint32_t col = 1;
        for (std::size_t i = 0; i < source_line.size() && col < column; ++i) {
            unsigned char c = static_cast<unsigned char>(source_line[i]);
            if ((c & 0xC0) == 0x80) continue; // UTF-8 continuation byte
            out += (c == '\t') ? '\t' : ' ';
            ++col;
        }
        out += '^';
    }
    return out;
}

} // namespace tlatv
