// A window: one logged transition, (pre-state, action, post-state), as read from a log.
//
// States may be partial: a variable the log does not record is simply absent. Values are TLA+
// values converted from JSON (lib/json_value.hpp); names are as logged, before any mapping.
#pragma once

#include "evaluator/value.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tlatv::lib {

// Variable name -> value. Ordered so that reports list variables stably.
using State = std::map<std::string, eval::Value, std::less<>>;

// What the user says the spec should answer on a window.
enum class Expectation : std::uint8_t {
    Unspecified,
    Pass, // the spec can take this step
    Fail, // the step is impossible in the spec (a negative example)
};

// A named or positional action argument, or an extra field of the log line (`node`, `data`).
struct Parameter {
    std::string name; // empty for positional arguments (tlatv format "args": [...])
    eval::Value value;
};

struct Window {
    std::uint64_t index = 0;             // 1-based line number of the window in its file
    std::optional<std::string> id;       // the log's own window id, as written
    std::optional<std::string> trace_id; // the trace the window was cut from
    std::string action;                  // as logged (event name); mapping gives spec names
    std::optional<eval::Value> actor;    // the process that took the step, when logged
    std::optional<eval::Value> input;    // the message or input that triggered the step
    std::vector<Parameter> parameters;   // arguments and extra fields, in line order
    State pre;
    State post;
    Expectation expect = Expectation::Unspecified;
    std::string file;       // source file as given
    std::uint64_t line = 0; // source line (== index for one-line windows)

    // Set when the window could not be read; then the fields above are whatever was read before
    // the error. One bad window never stops the others.
    std::optional<Diagnostic> error;

    bool ok() const { return !error.has_value(); }
    // The parameter with this name, or nullptr.
    const eval::Value* parameter(std::string_view name) const;
};

std::string_view to_string(Expectation expectation);

// The state as a JSON object, values written as TLC's ToJson writes them (for reports). Throws
// eval::EvalError for values JSON cannot hold (infinite sets, operators).
std::string state_to_json(const State& state);

} // namespace tlatv::lib
