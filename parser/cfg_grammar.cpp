#include "parser/cfg_grammar_def.hpp"

#include <algorithm>

namespace tlatv::cfg::grammar {

BOOST_SPIRIT_INSTANTIATE(config_type, iterator_type, context_type)

SourceText::SourceText(std::string_view text, std::string_view file_name)
    : text_(text)
    , file_name_(file_name) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
}

Position SourceText::position_of(iterator_type where) const {
    auto const offset = static_cast<std::uint32_t>(where - text_.data());
    auto const next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto const line = static_cast<std::uint32_t>(next_line - line_starts_.begin());
    std::uint32_t column = 1;
    for (std::uint32_t i = line_starts_[line - 1]; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column; // count code points
    return Position{line, column, offset};
}

Span SourceText::span_of(iterator_type first, iterator_type last) const {
    return Span{position_of(first), position_of(last)};
}

std::string_view SourceText::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t const begin = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return text_.substr(begin, end - begin);
}

Diagnostic SourceText::diagnostic_at(Position where, std::string message) const {
    return Diagnostic{file_name_, where.line, where.column, std::move(message),
                      std::string(line_text(where.line))};
}

Diagnostic SourceText::diagnostic_at(iterator_type where, std::string message) const {
    return diagnostic_at(position_of(where), std::move(message));
}

namespace {

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// X3 describes literals as 'x' or "xy" and rules by their names; show literals as `x`.
std::string describe_expected(std::string_view which) {
    if (which.size() >= 2 && (which.front() == '\'' || which.front() == '"') &&
        which.back() == which.front())
        return "`" + std::string(which.substr(1, which.size() - 2)) + "`";
    return std::string(which);
}

std::string describe_found(std::string_view rest) {
    if (rest.empty()) return "end of file";
    if (rest.front() == '\n' || rest.substr(0, 2) == "\r\n") return "end of line";
    if (rest.substr(0, 2) == "(*") return "an unterminated comment `(*`";
    std::size_t length = 0;
    while (length < rest.size() && is_word_char(rest[length]))
        ++length;
    if (length == 0) {
        length = 1;
        while (length < rest.size() && (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80)
            ++length; // keep a UTF-8 character whole
    }
    return "`" + std::string(rest.substr(0, length)) + "`";
}

} // namespace

void SourceText::report_expectation(iterator_type where, std::string_view expected) {
    // Between tokens, the failure points before the white space and comments the parser would
    // skip; report the token after them. Inside a string there is nothing to skip.
    bool const inside_string = expected == "'\"'";
    iterator_type token = where;
    while (!inside_string && Skipper::skip_one(token, text_.data() + text_.size())) {
    }
    auto const rest = text_.substr(static_cast<std::size_t>(token - text_.data()));
    errors_.push_back(diagnostic_at(token, "expected " + describe_expected(expected) + ", found " +
                                               describe_found(rest)));
}

bool Skipper::skip_one(iterator_type& first, iterator_type last) {
    iterator_type it = first;
    if (it == last) return false;
    if (*it == ' ' || *it == '\t' || *it == '\n' || *it == '\r' || *it == '\f' || *it == '\v') {
        while (it != last && (*it == ' ' || *it == '\t' || *it == '\n' || *it == '\r' ||
                              *it == '\f' || *it == '\v'))
            ++it;
        first = it;
        return true;
    }
    if (last - it >= 2 && it[0] == '\\' && it[1] == '*') {
        while (it != last && *it != '\n')
            ++it;
        first = it;
        return true;
    }
    if (last - it >= 2 && it[0] == '(' && it[1] == '*') {
        int depth = 0;
        while (it != last) {
            if (last - it >= 2 && it[0] == '(' && it[1] == '*') {
                ++depth;
                it += 2;
            } else if (last - it >= 2 && it[0] == '*' && it[1] == ')') {
                it += 2;
                if (--depth == 0) {
                    first = it;
                    return true;
                }
            } else {
                ++it;
            }
        }
        return false; // unterminated: leave it for the grammar to report
    }
    return false;
}

} // namespace tlatv::cfg::grammar
