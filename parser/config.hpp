// The one iterator and context type every X3 rule of the TLA+ lexical grammar is compiled for.
// A rule instantiated for one context and used under another fails at link time, so the lexer
// calls the rules only through x3::parse without a skipper (context: x3::unused_type).
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace tlatv::parser::lexical {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;
using context_type = x3::unused_type;

} // namespace tlatv::parser::lexical
