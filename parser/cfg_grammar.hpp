// The TLC configuration grammar (Boost.Spirit X3): declarations and the parse configuration.
// cfg_grammar_def.hpp defines the rules; cfg_grammar.cpp instantiates them for `context_type`.
// Internal to the .cfg parser: only cfg_parse.cpp and cfg_grammar*.cpp include this file.
#pragma once

#include "parser/cfg_syntax.hpp"
#include "tlatv/diagnostic.hpp"

#include <boost/spirit/home/x3.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::cfg::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;

// The text being parsed. Rules reach it through the context (`source_tag`) to turn iterators
// into positions and to record the syntax error; one instance per parse, so parsing is
// reentrant.
class SourceText {
public:
    SourceText(std::string_view text, std::string_view file_name);

    Position position_of(iterator_type where) const;
    Span span_of(iterator_type first, iterator_type last) const;
    std::string_view line_text(std::uint32_t line) const; // 1-based, without the line break
    Diagnostic diagnostic_at(iterator_type where, std::string message) const;
    Diagnostic diagnostic_at(Position where, std::string message) const;

    // Records an expectation failure: `expected` is X3's description of the failed parser.
    void report_expectation(iterator_type where, std::string_view expected);

    std::string_view text() const { return text_; }
    std::string const& file_name() const { return file_name_; }
    std::vector<Diagnostic>& errors() { return errors_; }

private:
    std::string_view text_;
    std::string file_name_;
    std::vector<std::uint32_t> line_starts_; // byte offset of each line's first character
    std::vector<Diagnostic> errors_;
};

struct source_tag;

// Skips white space, `\*` line comments and (nested) `(* *)` comments, one item per call. An
// unterminated `(*` is not skipped, so the grammar reports it where it starts.
struct Skipper : x3::parser<Skipper> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        return skip_one(first, last);
    }

    static bool skip_one(iterator_type& first, iterator_type last);
};

using phrase_context_type = x3::phrase_parse_context<Skipper>::type;
using context_type =
    x3::context<source_tag, std::reference_wrapper<SourceText>, phrase_context_type>;

struct config_class;
using config_type = x3::rule<config_class, syntax::Sections>;
BOOST_SPIRIT_DECLARE(config_type)

// The whole configuration: keyword sections up to the end of the input.
config_type const& config_grammar();

} // namespace tlatv::cfg::grammar
