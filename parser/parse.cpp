// The library boundary of the TLA+ front end: lexing and parsing errors become Diagnostics here.
#include "parser/parse.hpp"

#include "parser/error_handler.hpp"
#include "parser/tla_lexer.hpp"
#include "parser/tla_parser.hpp"

#include <new>

namespace tlatv::parser {

namespace {

Diagnostic unlocated(std::string_view file_name, std::string message) {
    Diagnostic d;
    d.file = std::string(file_name);
    d.message = std::move(message);
    return d;
}

} // namespace

ModuleParse parse_module(std::string_view text, std::string_view file_name) {
    ModuleParse result;
    try {
        std::vector<Token> tokens = lex_module(text);
        result.module = parse_module_tokens(tokens, file_name);
    } catch (const SyntaxError& error) {
        result.errors.push_back(make_diagnostic(text, file_name, error));
    } catch (const std::bad_alloc&) {
        result.errors.push_back(unlocated(file_name, "out of memory while parsing"));
    }
    return result;
}

ExpressionParse parse_expression(std::string_view text, std::string_view file_name) {
    ExpressionParse result;
    try {
        std::vector<Token> tokens = lex_text(text);
        result.expr = parse_expression_tokens(tokens);
    } catch (const SyntaxError& error) {
        result.errors.push_back(make_diagnostic(text, file_name, error));
    } catch (const std::bad_alloc&) {
        result.errors.push_back(unlocated(file_name, "out of memory while parsing"));
    }
    return result;
}

} // namespace tlatv::parser
