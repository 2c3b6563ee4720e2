// Entry point of the TLC configuration (.cfg) parser. Internal to the library.
#pragma once

#include "parser/cfg_ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace tlatv::cfg {

struct ConfigParse {
    std::optional<Config> config; // set when parsing succeeded
    std::vector<Diagnostic> errors;
};

// Parses a configuration in TLC's syntax: keyword sections (SPECIFICATION, INIT, NEXT,
// CONSTANT(S), INVARIANT(S), PROPERTY/PROPERTIES, CONSTRAINT(S), ACTION_CONSTRAINT(S), VIEW,
// SYMMETRY, ALIAS, POSTCONDITION, CHECK_DEADLOCK, _PERIODIC, _RL_REWARD) with `\*` and nested
// `(* *)` comments. Syntax errors stop at the first one; keywords that TLC allows only once are
// reported at their second occurrence. `file_name` is used in spans and diagnostics.
// Never throws on bad input and never prints.
ConfigParse parse_config(std::string_view text, std::string_view file_name);

// Parses the configuration embedded in a TLA+ file, as TLC does when given a `.tla` file as its
// configuration: the lines between `---- CONFIG <config_name> ----` and the next line starting
// with `=====`. Positions are those of the TLA+ file. An error when there is no such block.
ConfigParse parse_embedded_config(std::string_view tla_text, std::string_view config_name,
                                  std::string_view file_name);

} // namespace tlatv::cfg
