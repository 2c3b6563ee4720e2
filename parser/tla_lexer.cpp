#include "parser/tla_lexer.hpp"

#include "parser/error_handler.hpp"
#include "parser/tla_grammar.hpp"

#include <algorithm>
#include <array>

namespace tlatv::parser {
namespace {

namespace x3 = boost::spirit::x3;

constexpr std::string_view kReservedWords[] = {
    "ACTION",      "ASSUME",    "ASSUMPTION", "AXIOM",     "BY",      "CASE",      "CHOOSE",
    "CONSTANT",    "CONSTANTS", "COROLLARY",  "DEF",       "DEFINE",  "DEFS",      "DOMAIN",
    "ELSE",        "ENABLED",   "EXCEPT",     "EXTENDS",   "HAVE",    "HIDE",      "IF",
    "IN",          "INSTANCE",  "LAMBDA",     "LEMMA",     "LET",     "LOCAL",     "MODULE",
    "NEW",         "OBVIOUS",   "OMITTED",    "ONLY",      "OTHER",   "PICK",      "PROOF",
    "PROPOSITION", "PROVE",     "QED",        "RECURSIVE", "SF_",     "STATE",     "SUBSET",
    "SUFFICES",    "TAKE",      "TEMPORAL",   "THEN",      "THEOREM", "UNCHANGED", "UNION",
    "USE",         "VARIABLE",  "VARIABLES",  "WF_",       "WITH",    "WITNESS",
};

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// `digits` (in base `radix`) as decimal digits, without a size limit.
std::string to_decimal(std::string_view digits, unsigned radix) {
    std::string decimal = "0"; // most significant digit first
    for (char c : digits) {
        unsigned value = is_digit(c) ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
        unsigned carry = value;
        for (auto it = decimal.rbegin(); it != decimal.rend(); ++it) {
            unsigned d = unsigned(*it - '0') * radix + carry;
            *it = char('0' + d % 10);
            carry = d / 10;
        }
        while (carry > 0) {
            decimal.insert(decimal.begin(), char('0' + carry % 10));
            carry /= 10;
        }
    }
    std::size_t first = decimal.find_first_not_of('0');
    return first == std::string::npos ? "0" : decimal.substr(first);
}

class Lexer {
public:
    explicit Lexer(std::string_view text)
        : text_(text) {}

    std::vector<Token> run(bool whole_module) {
        if (whole_module) start_at_module_header();
        int module_depth = 0;
        while (true) {
            skip_blanks_and_comments();
            if (pos_ >= text_.size()) break;
            Token token = next_token();
            bool opens_module = token.kind == TokenKind::Keyword && token.text == "MODULE" &&
                                !tokens_.empty() && tokens_.back().kind == TokenKind::DashLine;
            bool closes_module = token.kind == TokenKind::EqualsLine;
            tokens_.push_back(std::move(token));
            if (!whole_module) continue;
            if (opens_module) ++module_depth;
            if (closes_module && --module_depth <= 0) break;
        }
        Token end;
        end.kind = TokenKind::End;
        end.begin = end.end = position();
        tokens_.push_back(std::move(end));
        return std::move(tokens_);
    }

private:
    // SANY ignores everything before the first `----` line followed by MODULE.
    void start_at_module_header() {
        std::size_t search = 0;
        while ((search = text_.find("----", search)) != std::string_view::npos) {
            std::size_t p = search;
            while (p < text_.size() && text_[p] == '-')
                ++p;
            while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t'))
                ++p;
            if (text_.substr(p, 6) == "MODULE" &&
                (p + 6 >= text_.size() || !is_word_char(text_[p + 6]))) {
                advance_to(search);
                return;
            }
            search = p;
        }
        advance_to(0);
        throw SyntaxError(position(), "no `---- MODULE` line found");
    }

    ast::Position position() const { return {line_, column_, std::uint32_t(pos_)}; }

    // Moves forward to byte `target`, keeping line and code-point column up to date.
    void advance_to(std::size_t target) {
        for (; pos_ < target; ++pos_) {
            unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column_;
            }
        }
    }

    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    void skip_blanks_and_comments() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                advance_to(pos_ + 1);
            } else if (c == '\\' && peek(1) == '*') {
                std::size_t eol = text_.find('\n', pos_);
                advance_to(eol == std::string_view::npos ? text_.size() : eol);
            } else if (c == '(' && peek(1) == '*') {
                skip_block_comment();
            } else {
                return;
            }
        }
    }

    // (* ... *) comments nest.
    void skip_block_comment() {
        ast::Position start = position();
        std::size_t p = pos_ + 2;
        int depth = 1;
        while (depth > 0) {
            if (p + 1 >= text_.size()) {
                throw SyntaxError(start, "unterminated comment: `(*` without a matching `*)`");
            }
            if (text_[p] == '(' && text_[p + 1] == '*') {
                ++depth;
                p += 2;
            } else if (text_[p] == '*' && text_[p + 1] == ')') {
                --depth;
                p += 2;
            } else {
                ++p;
            }
        }
        advance_to(p);
    }

    Token make(TokenKind kind, std::size_t end, std::string text) {
        Token token;
        token.kind = kind;
        token.text = std::move(text);
        token.begin = position();
        token.spelling = text_.substr(pos_, end - pos_);
        advance_to(end);
        token.end = position();
        return token;
    }

    template <typename Rule, typename Attribute>
    bool try_rule(const Rule& rule, Attribute& attribute, std::size_t& end) {
        const char* first = text_.data() + pos_;
        const char* last = text_.data() + text_.size();
        if (!x3::parse(first, last, rule, attribute)) return false;
        end = std::size_t(first - text_.data());
        return true;
    }

    Token next_token() {
        char c = text_[pos_];
        std::size_t end = 0;
        lexical::range_type range;

        if (c == '"') return string_token();
        if (is_digit(c)) {
            if (try_rule(lexical::decimal(), range, end) &&
                !(end < text_.size() && is_word_char(text_[end])))
                return make(TokenKind::Decimal, end, std::string(range.begin(), range.end()));
        }
        if (is_word_char(c)) return word_token();
        if (c == '-' && try_rule(lexical::dash_line(), range, end))
            return make(TokenKind::DashLine, end, std::string(range.begin(), range.end()));
        if (c == '=' && try_rule(lexical::equals_line(), range, end))
            return make(TokenKind::EqualsLine, end, std::string(range.begin(), range.end()));
        if (c == '\\') {
            std::pair<char, std::string> number;
            if (try_rule(lexical::radix_number(), number, end) &&
                !(end < text_.size() && is_word_char(text_[end]))) {
                char radix = char(number.first | 0x20);
                unsigned base = radix == 'b' ? 2 : radix == 'o' ? 8 : 16;
                return make(TokenKind::Number, end, to_decimal(number.second, base));
            }
        }
        if (c == '<' && (is_digit(peek(1)) || peek(1) == '*' || peek(1) == '+') &&
            try_rule(lexical::proof_step(), range, end))
            return make(TokenKind::ProofStep, end, std::string(range.begin(), range.end()));
        std::string_view canonical;
        if (try_rule(lexical::symbol(), canonical, end))
            return make(TokenKind::Symbol, end, std::string(canonical));

        std::size_t width = 1;
        unsigned char lead = static_cast<unsigned char>(c);
        if (lead >= 0xC0) width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        throw SyntaxError(position(),
                          "unexpected character `" + std::string(text_.substr(pos_, width)) + "`");
    }

    Token string_token() {
        std::string contents;
        std::size_t end = 0;
        try {
            if (try_rule(lexical::string_literal(), contents, end))
                return make(TokenKind::String, end, std::move(contents));
        } catch (const x3::expectation_failure<lexical::iterator_type>& failure) {
            std::size_t where = std::size_t(failure.where() - text_.data());
            bool bad_escape = where > 0 && text_[where - 1] == '\\';
            ast::Position start = position();
            if (bad_escape) {
                advance_to(where - 1);
                throw SyntaxError(position(), "unknown escape sequence in string (use \\\" "
                                              "\\\\ \\n \\t \\r or \\f)");
            }
            throw SyntaxError(start, "unterminated string");
        }
        throw SyntaxError(position(), "unterminated string");
    }

    Token word_token() {
        lexical::range_type range;
        std::size_t end = 0;
        try_rule(lexical::word(), range, end);
        std::string_view word(range.begin(), std::size_t(range.end() - range.begin()));
        // WF_ and SF_ are tokens of their own even when glued to the subscript: WF_vars(A).
        if (word.size() > 3 && (word.starts_with("WF_") || word.starts_with("SF_")))
            return make(TokenKind::Keyword, pos_ + 3, std::string(word.substr(0, 3)));
        if (std::all_of(word.begin(), word.end(), is_digit)) {
            std::size_t first = word.find_first_not_of('0');
            return make(TokenKind::Number, end,
                        first == std::string_view::npos ? "0" : std::string(word.substr(first)));
        }
        if (word.find_first_not_of('_') == std::string_view::npos) {
            if (word.size() == 1) return make(TokenKind::Symbol, end, "_");
            throw SyntaxError(position(), "unexpected `" + std::string(word) + "`");
        }
        TokenKind kind = is_reserved_word(word) ? TokenKind::Keyword : TokenKind::Identifier;
        return make(kind, end, std::string(word));
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    std::vector<Token> tokens_;
};

} // namespace

bool is_reserved_word(std::string_view word) {
    return std::find(std::begin(kReservedWords), std::end(kReservedWords), word) !=
           std::end(kReservedWords);
}

std::vector<Token> lex_module(std::string_view text) {
    return Lexer(text).run(true);
}

std::vector<Token> lex_text(std::string_view text) {
    return Lexer(text).run(false);
}

} // namespace tlatv::parser
