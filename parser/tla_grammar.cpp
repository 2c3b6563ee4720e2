// The one translation unit that instantiates the lexical rules (for config.hpp's types).
#include "parser/tla_grammar_def.hpp"

namespace tlatv::parser::lexical {

BOOST_SPIRIT_INSTANTIATE(word_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decimal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(radix_number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(string_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(proof_step_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(dash_line_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(equals_line_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(symbol_type, iterator_type, context_type)

word_type const& word() {
    return word_rule;
}
decimal_type const& decimal() {
    return decimal_rule;
}
radix_number_type const& radix_number() {
    return radix_number_rule;
}
string_literal_type const& string_literal() {
    return string_literal_rule;
}
proof_step_type const& proof_step() {
    return proof_step_rule;
}
dash_line_type const& dash_line() {
    return dash_line_rule;
}
equals_line_type const& equals_line() {
    return equals_line_rule;
}
symbol_type const& symbol() {
    return symbol_rule;
}

} // namespace tlatv::parser::lexical
