#include "lib/state_text.hpp"

#include <fmt/format.h>

#include <cctype>

namespace tlatv {

namespace {

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// Reads `name = ` at the start of `line` (after an optional bullet); returns the offset of the
// value text, or npos when the line does not have that shape.
std::size_t value_offset(std::string_view line, std::size_t start, std::string& name) {
    std::size_t i = start;
    while (i < line.size() && line[i] == ' ')
        ++i;
    std::size_t name_begin = i;
    while (i < line.size() && is_identifier_char(line[i]))
        ++i;
    if (i == name_begin) return std::string_view::npos;
    name = std::string(line.substr(name_begin, i - name_begin));
    while (i < line.size() && line[i] == ' ')
        ++i;
    if (i >= line.size() || line[i] != '=') return std::string_view::npos;
    // `==` would be a definition, not a state entry.
    if (i + 1 < line.size() && line[i + 1] == '=') return std::string_view::npos;
    ++i;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

} // namespace

StateTextSplit split_state_text(std::string_view text) {
    StateTextSplit result;
    std::uint32_t line_number = 0;
    bool bulleted = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_number;
        pos = end + 1;

        std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos) {
            if (end == text.size()) break;
            continue;
        }
        bool starts_entry = line.substr(first, 3) == "/\\ " || line.substr(first) == "/\\";
        if (starts_entry || result.entries.empty()) {
            if (starts_entry) {
                bulleted = true;
            } else if (bulleted) {
                result.error = fmt::format("line {}: expected `/\\ variable = value`", line_number);
                return result;
            }
            std::string name;
            std::size_t offset = value_offset(line, starts_entry ? first + 2 : first, name);
            if (offset == std::string_view::npos || offset >= line.size()) {
                result.error = fmt::format("line {}: expected `{}variable = value`", line_number,
                                           starts_entry ? "/\\ " : "");
                return result;
            }
            result.entries.push_back({std::move(name), std::string(trim_right(line.substr(offset))),
                                      line_number, static_cast<std::uint32_t>(offset + 1)});
        } else if (!bulleted) {
            result.error = fmt::format(
                "line {}: a state of several variables needs a `/\\ ` before each", line_number);
            return result;
        } else {
            auto& value = result.entries.back().value_text;
            value += '\n';
            value += trim_right(line);
        }
        if (end == text.size()) break;
    }
    if (result.entries.empty() && result.error.empty()) result.error = "the state text is empty";
    return result;
}

} // namespace tlatv
