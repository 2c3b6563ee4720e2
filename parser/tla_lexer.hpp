// Splits TLA+ source text into tokens: skips white space and comments (`\* ...` and nested
// `(* ... *)`), resolves string escapes and number radixes, and maps every operator spelling to
// its canonical form. Token positions carry 1-based lines and code-point columns, which the
// phrase parser needs for bulleted conjunction/disjunction lists.
#pragma once

#include "parser/tla_token.hpp"

#include <string_view>
#include <vector>

namespace tlatv::parser {

// The tokens of the first module in `text`: from its `---- MODULE` line to the `====` line that
// closes it (nested modules included). Text before and after is ignored, as SANY does. Throws
// SyntaxError. The last token is always End.
std::vector<Token> lex_module(std::string_view text);

// The tokens of all of `text` (an expression). Throws SyntaxError. The last token is End.
std::vector<Token> lex_text(std::string_view text);

// True for the reserved words of TLA+ and of its proof language.
bool is_reserved_word(std::string_view word);

} // namespace tlatv::parser
