// Definitions of the TLC configuration grammar. Included by cfg_grammar.cpp only.
//
// The grammar follows TLC's ModelConfig: a configuration is a sequence of keyword sections; a
// section ends where the next keyword starts, so names never include keywords. Alternatives are
// arranged so that a failing branch fails on its first token and leaves no partial attribute.
#pragma once

#include "parser/cfg_grammar.hpp"

namespace tlatv::cfg::grammar {

namespace detail {

// Rule ids deriving from this fill the `span` of their attribute on success.
struct annotate_span {
    template <typename Iterator, typename Attribute, typename Context>
    void on_success(Iterator const& first, Iterator const& last, Attribute& attribute,
                    Context const& context) const {
        attribute.span = x3::get<source_tag>(context).get().span_of(first, last);
    }
};

// The top rule's id derives from this: the first expectation failure becomes the diagnostic.
struct report_errors {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& failure,
                                      Context const& context) const {
        x3::get<source_tag>(context).get().report_expectation(failure.where(), failure.which());
        return x3::error_handler_result::fail;
    }
};

// Explicit ASCII ranges rather than x3::alnum / x3::digit, as in the TLA+ grammar: those assert
// (or are undefined) on the bytes of UTF-8 sequences.
inline auto const word_char = x3::char_("a-zA-Z0-9_");
inline auto const digit = x3::char_("0-9");

inline auto keyword(char const* word) {
    return x3::lexeme[x3::lit(word) >> !word_char];
}

} // namespace detail

struct config_class : detail::report_errors {};

using detail::keyword;
using x3::attr;
using x3::char_;
using x3::eoi;
using x3::eol;
using x3::lexeme;
using x3::lit;
using x3::raw;
using x3::repeat;

// ---- Tokens ----

using detail::digit;
using detail::word_char;

auto const constants_keyword = keyword("CONSTANTS") | keyword("CONSTANT");
auto const list_keyword = keyword("INVARIANTS") | keyword("INVARIANT") | keyword("PROPERTIES") |
                          keyword("PROPERTY") | keyword("CONSTRAINTS") | keyword("CONSTRAINT") |
                          keyword("ACTION_CONSTRAINTS") | keyword("ACTION_CONSTRAINT");
auto const single_keyword = keyword("SPECIFICATION") | keyword("INIT") | keyword("NEXT") |
                            keyword("VIEW") | keyword("SYMMETRY") | keyword("ALIAS") |
                            keyword("POSTCONDITION") | keyword("_PERIODIC") | keyword("_RL_REWARD");
auto const check_deadlock_keyword = keyword("CHECK_DEADLOCK");
auto const any_keyword = constants_keyword | list_keyword | single_keyword | check_deadlock_keyword;
auto const boolean_literal = keyword("TRUE") | keyword("FALSE");

// A TLA+ identifier (letters, digits, underscores, not only digits) that is not a keyword.
auto const identifier_syntax = lexeme[!any_keyword >> !(+digit >> !word_char) >> +word_char];

std::vector<Value> const no_values;
std::vector<Name> const no_names;
std::vector<syntax::ConstantEntry> const no_entries;

// ---- Rules ----

struct name_class : detail::annotate_span {};
struct qualified_name_class : detail::annotate_span {};
struct identifier_class;
struct module_qualifier_class;
struct integer_value_class : detail::annotate_span {};
struct string_text_class;
struct string_value_class : detail::annotate_span {};
struct boolean_value_class : detail::annotate_span {};
struct model_value_class : detail::annotate_span {};
struct set_value_class : detail::annotate_span {};
struct tuple_value_class : detail::annotate_span {};
struct value_class;
struct operator_name_class : detail::annotate_span {};
struct replacement_tail_class;
struct assignment_tail_class;
struct entry_tail_class;
struct constant_entry_class : detail::annotate_span {};
struct constants_keyword_name_class : detail::annotate_span {};
struct list_keyword_name_class : detail::annotate_span {};
struct single_keyword_name_class : detail::annotate_span {};
struct check_deadlock_keyword_name_class : detail::annotate_span {};
struct constants_section_class;
struct list_section_class;
struct single_section_class;
struct single_name_class;
struct check_deadlock_section_class;
struct boolean_name_class : detail::annotate_span {};
struct boolean_names_class;
struct section_class;
struct end_of_config_class;

x3::rule<name_class, Name> const name = "a name";
x3::rule<qualified_name_class, Name> const qualified_name = "a constant name";
x3::rule<identifier_class, std::string> const identifier = "a module name";
x3::rule<module_qualifier_class, std::string> const module_qualifier = "`[module]`";
x3::rule<integer_value_class, Value> const integer_value = "an integer";
x3::rule<string_text_class, std::string> const string_text = "string characters";
x3::rule<string_value_class, Value> const string_value = "a string";
x3::rule<boolean_value_class, Value> const boolean_value = "TRUE or FALSE";
x3::rule<model_value_class, Value> const model_value = "a model value";
x3::rule<set_value_class, Value> const set_value = "a set";
x3::rule<tuple_value_class, Value> const tuple_value = "a tuple";
x3::rule<value_class, Value> const value = "a value";
x3::rule<operator_name_class, Value> const operator_name = "an operator name";
x3::rule<replacement_tail_class, syntax::EntryTail> const replacement_tail = "`<-`";
x3::rule<assignment_tail_class, syntax::EntryTail> const assignment_tail = "`=`";
x3::rule<entry_tail_class, syntax::EntryTail> const entry_tail = "`=` or `<-`";
x3::rule<constant_entry_class, syntax::ConstantEntry> const constant_entry = "a constant entry";
x3::rule<constants_keyword_name_class, Name> const constants_keyword_name = "CONSTANT";
x3::rule<list_keyword_name_class, Name> const list_keyword_name = "a list keyword";
x3::rule<single_keyword_name_class, Name> const single_keyword_name = "a keyword";
x3::rule<check_deadlock_keyword_name_class, Name> const check_deadlock_keyword_name =
    "CHECK_DEADLOCK";
x3::rule<constants_section_class, syntax::Section> const constants_section = "CONSTANT";
x3::rule<list_section_class, syntax::Section> const list_section = "a list section";
x3::rule<single_section_class, syntax::Section> const single_section = "a section";
x3::rule<single_name_class, std::vector<Name>> const single_name = "a name";
x3::rule<check_deadlock_section_class, syntax::Section> const check_deadlock_section =
    "CHECK_DEADLOCK";
x3::rule<boolean_name_class, Name> const boolean_name = "TRUE or FALSE";
x3::rule<boolean_names_class, std::vector<Name>> const boolean_names = "TRUE or FALSE";
x3::rule<section_class, syntax::Section> const section = "a section";
x3::rule<end_of_config_class> const end_of_config = "a configuration keyword";
config_type const config = "a configuration";

auto const name_def = raw[identifier_syntax];
auto const qualified_name_def = raw[lexeme[identifier_syntax % '!']];
auto const identifier_def = raw[identifier_syntax];
auto const module_qualifier_def = '[' > identifier > ']';

auto const integer_value_def = attr(Value::Kind::Integer) >>
                               raw[lexeme[-lit('-') >> +digit >> !word_char]] >> attr(no_values);
auto const string_text_def = raw[*(('\\' >> char_) | (char_ - '"' - eol))];
auto const string_value_def = attr(Value::Kind::String) >> lexeme['"' >> string_text > '"'] >>
                              attr(no_values);
auto const boolean_value_def = attr(Value::Kind::Boolean) >> raw[boolean_literal] >>
                               attr(no_values);
auto const model_value_def = attr(Value::Kind::ModelValue) >> raw[identifier_syntax] >>
                             attr(no_values);
auto const set_value_def = attr(Value::Kind::Set) >> attr(std::string()) >> '{' >> -(value % ',') >
                           '}';
auto const tuple_value_def = attr(Value::Kind::Tuple) >> attr(std::string()) >> "<<" >>
                             -(value % ',') > ">>";
auto const value_def =
    integer_value | string_value | boolean_value | model_value | set_value | tuple_value;

auto const operator_name_def = attr(Value::Kind::ModelValue) >> raw[identifier_syntax] >>
                               attr(no_values);
auto const replacement_tail_def = lit("<-") >> attr(true) >> -module_qualifier > operator_name;
auto const assignment_tail_def = lit('=') >> attr(false) >> -module_qualifier > value;
auto const entry_tail_def = replacement_tail | assignment_tail;
auto const constant_entry_def = qualified_name >> -('(' > (value % ',') > ')') > entry_tail;

auto const constants_keyword_name_def = raw[constants_keyword];
auto const list_keyword_name_def = raw[list_keyword];
auto const single_keyword_name_def = raw[single_keyword];
auto const check_deadlock_keyword_name_def = raw[check_deadlock_keyword];

auto const constants_section_def = constants_keyword_name >> attr(no_names) >> *constant_entry;
auto const list_section_def = list_keyword_name >> *name >> attr(no_entries);
auto const single_name_def = repeat(1)[name];
auto const single_section_def = single_keyword_name > single_name > attr(no_entries);
auto const boolean_name_def = raw[boolean_literal];
auto const boolean_names_def = repeat(1)[boolean_name];
auto const check_deadlock_section_def = check_deadlock_keyword_name > boolean_names >
                                        attr(no_entries);
auto const section_def = constants_section | list_section | single_section | check_deadlock_section;
auto const end_of_config_def = eoi;
auto const config_def = *section > end_of_config;

BOOST_SPIRIT_DEFINE(name, qualified_name, identifier, module_qualifier, integer_value, string_text,
                    string_value, boolean_value, model_value, set_value, tuple_value, value,
                    operator_name, replacement_tail, assignment_tail, entry_tail, constant_entry,
                    constants_keyword_name, list_keyword_name, single_keyword_name,
                    check_deadlock_keyword_name, constants_section, list_section, single_name,
                    single_section, boolean_name, boolean_names, check_deadlock_section, section,
                    end_of_config, config)

config_type const& config_grammar() {
    return config;
}

} // namespace tlatv::cfg::grammar
