// The lexical grammar of TLA+, written with Boost.Spirit X3: one rule per kind of token.
//
// Why only the lexical layer is X3: TLA+'s phrase structure depends on the column of each token
// (bulleted /\ and \/ lists end at the first token left of their bullet) and on precedence
// *ranges* with conflict detection, which X3's rule composition cannot express without a custom
// parser around every token. The phrase grammar (tla_parser.cpp) is therefore a hand-written
// recursive-descent parser over the tokens these rules produce; see its header comment.
#pragma once

#include "parser/config.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace tlatv::parser::lexical {

struct word_class;
struct decimal_class;
struct radix_number_class;
struct string_literal_class;
struct proof_step_class;
struct dash_line_class;
struct equals_line_class;
struct symbol_class;

using range_type = boost::iterator_range<iterator_type>;

// Letters, digits and `_`: identifiers, keywords and decimal integers.
using word_type = x3::rule<word_class, range_type>;
// 1.5
using decimal_type = x3::rule<decimal_class, range_type>;
// \b101 \o17 \h1F (and \B \O \H): the radix letter and the digits.
using radix_number_type = x3::rule<radix_number_class, std::pair<char, std::string>>;
// "a\"b": the contents with escapes resolved. Unterminated strings fail an expectation.
using string_literal_type = x3::rule<string_literal_class, std::string>;
// <1>  <2>3.  <1>a  <*>  <+>  (TLAPS proof step labels)
using proof_step_type = x3::rule<proof_step_class, range_type>;
// ---- (four or more dashes) and ==== (four or more equal signs)
using dash_line_type = x3::rule<dash_line_class, range_type>;
using equals_line_type = x3::rule<equals_line_class, range_type>;
// Operators and punctuation, longest match; the attribute is the canonical spelling.
using symbol_type = x3::rule<symbol_class, std::string_view>;

BOOST_SPIRIT_DECLARE(word_type, decimal_type, radix_number_type, string_literal_type,
                     proof_step_type, dash_line_type, equals_line_type, symbol_type)

word_type const& word();
decimal_type const& decimal();
radix_number_type const& radix_number();
string_literal_type const& string_literal();
proof_step_type const& proof_step();
dash_line_type const& dash_line();
equals_line_type const& equals_line();
symbol_type const& symbol();

} // namespace tlatv::parser::lexical
