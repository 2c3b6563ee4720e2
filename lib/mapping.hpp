// A mapping file: what differs between a log and a spec (see docs/mapping-format.md).
//
// It maps each logged event to one or more candidate spec actions and says where each action
// parameter comes from; it renames variables and values, gives defaults or ranges to variables the
// log does not record, and sets constants. Values are written as JSON or as TLA+ text; TLA+ text
// is kept as text here and evaluated later (resolve_mapping_values), by whoever can evaluate TLA+.
#pragma once

#include "evaluator/value.hpp"
#include "lib/json_value.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tlatv::lib {

// Where something was written in the mapping file.
struct MappingLocation {
    std::uint32_t line = 0;   // 1-based
    std::uint32_t column = 0; // 1-based
};

// A value written in the mapping: JSON (converted at once) or TLA+ text (`{"tla": "..."}`).
struct MappingValue {
    std::optional<eval::Value> value; // set for JSON, and for TLA+ text once resolved
    std::string tla_text;             // non-empty when written as TLA+
    MappingLocation where;
    // TLA+ text: the place in the file of each byte of tla_text and of its end (JSON escapes
    // make them differ), so that errors in the text point into the mapping file.
    std::vector<MappingLocation> tla_origin;
    // TLA+ text that depends on the window (`w`) or on a state: the definition of the model
    // compiled with the mapping (lib/mapping_model.hpp) that computes it, applied to `w`.
    std::optional<std::uint32_t> definition;

    bool resolved() const { return value.has_value(); }
    // For messages: the TLA+ text, or the value.
    std::string describe() const;
};

// Where an action parameter comes from.
struct ParameterSource {
    enum class Kind : std::uint8_t {
        Field, // a path into the window: `actor`, `input.from`, `node`, `args[1]`, `pre.x`
        Value, // a constant
        Range, // any element of a set: the action is tried with each
    };
    Kind kind = Kind::Field;
    std::string path;   // Kind::Field, as written
    MappingValue value; // Kind::Value: the constant; Kind::Range: the set
    MappingLocation where;
};

struct ActionParameter {
    std::string name; // the spec action's parameter
    ParameterSource source;
};

// One spec action a logged event may be.
struct ActionCandidate {
    std::string action;
    std::vector<ActionParameter> parameters; // in the action's parameter order
    MappingLocation where;
};

// A log value renamed to a spec value, e.g. "StateLeader" -> "Leader", "1" -> n1.
struct ValueRename {
    eval::Value log;
    MappingValue spec;
    // Log names (variables, "actor", "input", parameter names) where the rename applies; empty
    // means everywhere.
    std::vector<std::string> in;
    MappingLocation where;
};

// A variable the log does not record: a default value, or a set of values to range over.
struct AbsentVariable {
    std::optional<MappingValue> default_value;
    std::optional<MappingValue> range;
    MappingLocation where;
};

// A definition the mapping's TLA+ texts may use, e.g. `"MakeLog(len)": "[i \\in 1..len |-> 0]"`.
struct MappingDefinition {
    std::string name;
    std::vector<std::string> parameters;
    MappingValue body; // TLA+ text
};

// A log variable the spec does not have, computed from the spec's state: in the post-state, the
// window's value must be the expression's value in the successor (e.g. `logLen` is
// `[n \in Nodes |-> Len(log[n])]`).
struct DerivedVariable {
    MappingValue expression; // TLA+ text over the spec's variables (and `w`)
};

struct Mapping {
    std::string file;
    std::map<std::string, std::vector<ActionCandidate>, std::less<>> actions; // by event name
    // Log variable -> spec variable; nullopt drops the variable.
    std::map<std::string, std::optional<std::string>, std::less<>> variables;
    std::vector<ValueRename> values;
    std::map<std::string, AbsentVariable, std::less<>> absent; // by spec variable
    std::map<std::string, MappingValue, std::less<>> constants;
    std::vector<MappingDefinition> definitions;                  // in file order
    std::map<std::string, DerivedVariable, std::less<>> derived; // by log name
    // Action-level predicates (pre-state unprimed, successor primed, `w` the window) a step must
    // satisfy besides matching the post-state.
    std::vector<MappingValue> constraints;

    // Whether the mapping has TLA+ beyond values (definitions, derived variables, constraints).
    bool has_expressions() const;

    // Every value written as TLA+ text, for resolve_mapping_values (not the definitions, derived
    // variables and constraints, which are expressions rather than values).
    std::vector<MappingValue*> tla_values();
};

// The mapping, or every problem found in it (file:line:col).
using MappingResult = std::variant<Mapping, std::vector<Diagnostic>>;

MappingResult parse_mapping(std::string_view json_text, const std::string& file_name);
MappingResult read_mapping(const std::string& path);

// Evaluates the TLA+ text of the mapping's values with `evaluate` (which throws eval::EvalError
// on bad text). Returns the failures, located in the mapping file.
std::vector<Diagnostic>
resolve_mapping_values(Mapping& mapping,
                       const std::function<eval::Value(std::string_view tla_text)>& evaluate);

} // namespace tlatv::lib
