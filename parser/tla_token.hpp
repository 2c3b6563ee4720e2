// The tokens of TLA+ as the lexer produces them and the phrase parser consumes them.
#pragma once

#include "parser/ast.hpp"

#include <cstdint>
#include <string>

namespace tlatv::parser {

enum class TokenKind : std::uint8_t {
    End,        // end of the text (or of the module)
    Identifier, // a word that is not reserved
    Keyword,    // a reserved word (IF, LET, THEOREM, WF_, ...)
    Number,     // text: the value in decimal digits, whatever radix it was written in
    Decimal,    // text: as written, 1.5
    String,     // text: the contents, escapes resolved
    Symbol,     // text: the canonical spelling (see operators.hpp)
    ProofStep,  // text: as written, <1>2.  <*>  <+>
    DashLine,   // ---- (four or more dashes)
    EqualsLine, // ==== (four or more equal signs): the end of a module
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    std::string_view spelling; // the source text of the token
    ast::Position begin;
    ast::Position end;
};

} // namespace tlatv::parser
