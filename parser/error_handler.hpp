// How the TLA+ front end reports a syntax error: the lexer and the parser throw one SyntaxError
// at the first problem; parse.cpp catches it at the library boundary and turns it into a
// tlatv::Diagnostic. Nothing is printed.
#pragma once

#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace tlatv::parser {

class SyntaxError : public std::runtime_error {
public:
    SyntaxError(ast::Position where, std::string message)
        : std::runtime_error(std::move(message))
        , where_(where) {}
    ast::Position where() const { return where_; }

private:
    ast::Position where_;
};

// The Diagnostic for `error`, with the source line copied out of `text`.
inline Diagnostic make_diagnostic(std::string_view text, std::string_view file,
                                  const SyntaxError& error) {
    Diagnostic d;
    d.file = std::string(file);
    d.line = error.where().line;
    d.column = error.where().column;
    d.message = error.what();
    std::size_t begin = std::min<std::size_t>(error.where().offset, text.size());
    while (begin > 0 && text[begin - 1] != '\n')
        --begin;
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    d.source_line = std::string(text.substr(begin, end - begin));
    if (!d.source_line.empty() && d.source_line.back() == '\r') d.source_line.pop_back();
    return d;
}

} // namespace tlatv::parser
