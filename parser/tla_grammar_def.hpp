// Definitions of the lexical rules declared in tla_grammar.hpp. Included by tla_grammar.cpp only.
#pragma once

#include "parser/operators.hpp"
#include "parser/tla_grammar.hpp"

#include <boost/fusion/include/std_pair.hpp>

namespace tlatv::parser::lexical {

namespace detail {

// Built once, never modified afterwards: safe to share between threads.
inline x3::symbols<std::string_view> make_symbol_table() {
    x3::symbols<std::string_view> table;
    for (const Spelling& s : symbol_spellings())
        table.add(std::string(s.text), s.canonical);
    return table;
}

inline const x3::symbols<std::string_view> symbol_table = make_symbol_table();

inline const x3::symbols<char>
    string_escapes({{"\"", '"'}, {"\\", '\\'}, {"n", '\n'}, {"t", '\t'}, {"r", '\r'}, {"f", '\f'}});

} // namespace detail

using x3::char_;
using x3::lit;
using x3::raw;

// Explicit ASCII ranges rather than x3::alnum / x3::digit: those call the C classification
// functions, whose behaviour is undefined for the bytes of UTF-8 sequences.
const auto word_char = char_("a-zA-Z0-9_");
const auto digit = char_("0-9");
const auto xdigit = char_("0-9a-fA-F");

const word_type word_rule = "word";
const decimal_type decimal_rule = "decimal number";
const radix_number_type radix_number_rule = "number";
const string_literal_type string_literal_rule = "string";
const proof_step_type proof_step_rule = "proof step";
const dash_line_type dash_line_rule = "----";
const equals_line_type equals_line_rule = "====";
const symbol_type symbol_rule = "symbol";

const auto word_rule_def = raw[+word_char];
const auto decimal_rule_def = raw[+digit >> '.' >> +digit];
const auto radix_number_rule_def = (lit('\\') >> char_("bB") >> +char_("01")) |
                                   (lit('\\') >> char_("oO") >> +char_("0-7")) |
                                   (lit('\\') >> char_("hH") >> +xdigit);
const auto string_literal_rule_def = lit('"') > *((lit('\\') > detail::string_escapes) |
                                                  ~char_("\"\\\r\n")) > lit('"');
const auto proof_step_rule_def =
    raw[lit('<') >> (+digit | char_('*') | char_('+')) >> lit('>') >> *word_char >> -lit('.')];
const auto dash_line_rule_def = raw[lit("----") >> *lit('-')];
const auto equals_line_rule_def = raw[lit("====") >> *lit('=')];
const auto symbol_rule_def = detail::symbol_table;

BOOST_SPIRIT_DEFINE(word_rule, decimal_rule, radix_number_rule, string_literal_rule,
                    proof_step_rule, dash_line_rule, equals_line_rule, symbol_rule)

} // namespace tlatv::parser::lexical
