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

struct Mapping {
    std::string file;
    std::map<std::string, std::vector<ActionCandidate>, std::less<>> actions; // by event name
    // Log variable -> spec variable; nullopt drops the variable.
    std::map<std::string, std::optional<std::string>, std::less<>> variables;
    std::vector<ValueRename> values;
    std::map<std::string, AbsentVariable, std::less<>> absent; // by spec variable
    std::map<std::string, MappingValue, std::less<>> constants;

    // Every value written as TLA+ text, for resolve_mapping_values.
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
