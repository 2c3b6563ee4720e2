#include "lib/state_text.hpp"

#include <fmt/format.h>

#include <cctype>

namespace tlatv {

namespace {

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// One `/\`-separated piece of the text, with where it starts.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Splits at the `/\` that stand outside brackets and strings (TLC's values never contain one
// there). Returns whether the text starts with a bullet.
bool split_conjuncts(std::string_view text, std::vector<Piece>& pieces) {
    int depth = 0;
    bool in_string = false;
    bool bulleted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            break;
        case '(':
        case '[':
        case '{':
            ++depth;
            break;
        case ')':
        case ']':
        case '}':
            --depth;
            break;
        case '<':
            if (i + 1 < text.size() && text[i + 1] == '<') ++depth, ++i;
            break;
        case '>':
            if (i + 1 < text.size() && text[i + 1] == '>') --depth, ++i;
            break;
        case '/':
            if (depth == 0 && i + 1 < text.size() && text[i + 1] == '\\') {
                if (trim(text.substr(start, i - start)).empty() && pieces.empty())
                    bulleted = true;
                else
                    pieces.push_back({start, i});
                start = i + 2;
                ++i;
            }
            break;
        default:
            break;
        }
    }
    pieces.push_back({start, text.size()});
    return bulleted;
}

} // namespace

StateTextSplit split_state_text(std::string_view text) {
    StateTextSplit result;
    auto position = [&](std::size_t offset) {
        std::uint32_t line = 1, column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return std::pair{line, column};
    };
    if (trim(text).empty()) {
        result.error = "the state text is empty";
        return result;
    }
    std::vector<Piece> pieces;
    const bool bulleted = split_conjuncts(text, pieces);
    if (!bulleted && pieces.size() > 1) {
        result.error = fmt::format("line {}: a state of several variables needs a `/\\ ` before "
                                   "each",
                                   position(pieces[1].begin - 2).first);
        return result;
    }
    for (const Piece& piece : pieces) {
        std::string_view body = text.substr(piece.begin, piece.end - piece.begin);
        std::size_t i = 0;
        while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i])))
            ++i;
        const auto [line, column] = position(piece.begin + i);
        const std::size_t name_begin = i;
        while (i < body.size() && is_identifier_char(body[i]))
            ++i;
        std::string name(body.substr(name_begin, i - name_begin));
        while (i < body.size() && (body[i] == ' ' || body[i] == '\t'))
            ++i;
        const bool has_equals =
            i < body.size() && body[i] == '=' && (i + 1 >= body.size() || body[i + 1] != '=');
        std::string_view value = has_equals ? trim(body.substr(i + 1)) : std::string_view{};
        if (name.empty() || !has_equals || value.empty()) {
            result.error =
                fmt::format("line {}: expected `{}variable = value`", line, bulleted ? "/\\ " : "");
            result.entries.clear();
            return result;
        }
        const std::size_t value_offset =
            piece.begin + static_cast<std::size_t>(value.data() - body.data());
        result.entries.push_back(
            {std::move(name), std::string(value), line, position(value_offset).second});
    }
    return result;
}

} // namespace tlatv
