// Json!JsonDeserialize and Json!ndJsonDeserialize: JSON files as TLA+ values, the way TLC's
// reader makes them (objects are records, arrays tuples, `{}` the empty function; integers wrap
// at 32 bits, fractions are truncated, null is rejected).
#pragma once

#include "evaluator/value.hpp"

#include <string_view>

namespace tlatv::eval {

// Throw EvalError when the file cannot be read or is not valid JSON.
Value read_json_file(std::string_view path);
Value read_ndjson_file(std::string_view path); // a tuple with one value per non-empty line

} // namespace tlatv::eval
