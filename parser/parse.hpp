// Entry points of the TLA+ front end. Internal to the library (not installed).
#pragma once

#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::parser {

struct ModuleParse {
    std::optional<ast::Module> module; // set when parsing succeeded
    std::vector<Diagnostic> errors;    // the first syntax error (the parser stops there)
};

struct ExpressionParse {
    std::optional<ast::Expr> expr;
    std::vector<Diagnostic> errors;
};

// Parses the first top-level module in `text` (anything before `---- MODULE` and after its
// closing `====` is ignored, as SANY does). `file_name` is used in spans and diagnostics.
// Never throws on bad input and never prints.
ModuleParse parse_module(std::string_view text, std::string_view file_name);

// Parses one expression (used by `tlatv eval`, state text and .cfg values). The whole text must
// be consumed; junction-list columns are relative to the text as given.
ExpressionParse parse_expression(std::string_view text, std::string_view file_name);

} // namespace tlatv::parser
