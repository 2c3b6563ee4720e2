// Between the public API's types (include/tlatv/) and the engine's: windows built by a caller
// become lib::Window, the engine's verdicts and summary become the public verdict and report.
#pragma once

#include "lib/engine.hpp"
#include "lib/window.hpp"
#include "tlatv/report.hpp"
#include "tlatv/window.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace tlatv::api {

// The value a caller gave. Throws eval::EvalError (the message says what does not read).
eval::Value resolve_value(const Value& value);

// The caller's window as the engine reads it, `index` being its 1-based place in its stream
// and `source` the name of the stream in messages. A part that does not read becomes the
// window's error, as a malformed line of a windows file does.
lib::Window engine_window(const Window& window, std::uint64_t index, const std::string& source);

// The arguments of a window in the public form (values as TLA+ text).
std::vector<Argument> public_arguments(const lib::Window& window);

// Rewrites the file names of diagnostics for the caller (e.g. in-memory modules).
using PathDisplay = std::function<std::string(const std::string&)>;

WindowVerdict public_verdict(const engine::WindowVerdict& verdict, const PathDisplay& display);
ValidationReport public_report(const engine::ValidationSummary& summary,
                               const PathDisplay& display);

} // namespace tlatv::api
