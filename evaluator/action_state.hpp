// States as input and output: TLC's printed state text (`/\ x = 1`) to a state of a compiled
// spec, and back.
#pragma once

#include "evaluator/action.hpp"
#include "tlatv/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

struct StateRead {
    PartialState state;             // one entry per variable; those the text omits are unknown
    std::vector<Diagnostic> errors; // unknown variables, duplicates, values that do not read
};

// Reads state text in TLC's format. Values are read in TLC's printed form, where bare names are
// model values (as TLC prints them); `source` names the text in diagnostics.
StateRead read_state_text(const CompiledSpec& spec, std::string_view text,
                          std::string_view source = "<state>");

// The state in TLC's format, one `/\ x = v` line per variable in declaration order (a single
// variable prints `x = v`). Unknown variables are left out.
std::string state_text(const CompiledSpec& spec, const PartialState& state);
std::string state_text(const CompiledSpec& spec, const State& state);

} // namespace tlatv::eval
