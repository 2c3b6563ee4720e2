// What `tlatv successors` and `tlatv check` share: loading the model, reading states given as
// TLC state text or JSON objects, and choosing the actions.
#pragma once

#include "evaluator/action.hpp"
#include "lib/model.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::cli {

struct ActionSetup {
    Model model;
    std::unique_ptr<eval::EvalContext> context;
    eval::SpecFormula formula;         // the cfg's INIT/NEXT or SPECIFICATION
    std::vector<eval::Action> actions; // those --action selects (Next when absent)
};

// Loads SPEC.tla with its configuration (--config, else SPEC.cfg beside it when present) and
// selects the actions. Prints the errors to stderr (prefixed by `command`) and returns nothing
// on failure.
std::optional<ActionSetup> load_action_setup(const std::string& command, const std::string& spec,
                                             const std::optional<std::string>& config,
                                             const std::optional<std::string>& action);

// Reads a state given as TLC state text (`/\ x = 1 /\ ...`, one entry a line) or as a JSON object
// (`{"x": 1, ...}`). Variables it does not give are unknown. Prints errors and returns nothing
// on failure.
std::optional<eval::PartialState> read_state_argument(const std::string& command,
                                                      const eval::CompiledSpec& spec,
                                                      const std::string& text,
                                                      const std::string& what);

// The text `span` covers in `file`, when the file can be read.
std::optional<std::string> source_text(const std::string& file, const ast::Span& span);

} // namespace tlatv::cli
