// JSON <-> TLA+ values, with TLC's conventions (`Json!ndJsonDeserialize`, `Json!ToJson`).
//
// JSON to value: object -> record (`{}` -> the empty function), array -> tuple, string -> string,
// true/false -> boolean, integer -> integer. Where TLC is silently lossy tlatv is explicit: `null`,
// integers outside 32 bits and fractions are errors unless the user picks another policy.
#pragma once

#include "evaluator/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tlatv::lib {

// What `null` becomes. TLC rejects it.
enum class JsonNullPolicy : std::uint8_t {
    Reject,     // an error
    ModelValue, // the model value `null`
    Given,      // JsonOptions::null_value
};

// What an integer outside [-2^31, 2^31 - 1] becomes.
enum class JsonIntegerPolicy : std::uint8_t {
    Reject, // an error (the default: TLC would wrap it silently)
    Wrap32, // wrapped to 32 bits as TLC does, counted in JsonWarnings::wrapped_integers
    Exact,  // the exact (possibly big) integer; meant for IntMode::Exact
};

// What a number written with a fraction or an exponent (`1.5`, `2.0`, `1e3`) becomes.
enum class JsonFractionPolicy : std::uint8_t {
    Reject,   // an error
    Truncate, // truncated toward zero as TLC does, counted in JsonWarnings::truncated_fractions
};

struct JsonOptions {
    JsonNullPolicy null_policy = JsonNullPolicy::Reject;
    eval::Value null_value; // used with JsonNullPolicy::Given
    JsonIntegerPolicy integer_policy = JsonIntegerPolicy::Reject;
    JsonFractionPolicy fraction_policy = JsonFractionPolicy::Reject;
};

// Lossy conversions that an option allowed; a report should mention them.
struct JsonWarnings {
    std::uint64_t truncated_fractions = 0;
    std::uint64_t wrapped_integers = 0;

    JsonWarnings& operator+=(const JsonWarnings& other) {
        truncated_fractions += other.truncated_fractions;
        wrapped_integers += other.wrapped_integers;
        return *this;
    }
};

// A conversion failure inside one JSON text.
struct JsonValueError {
    std::uint32_t column = 0; // 1-based byte column in the text, 0 when unknown
    std::string path;         // where in the document, e.g. `pre.votedFor[2]` (1-based indices)
    std::string message;      // e.g. "null is not allowed (use --json-null=...)"

    // "pre.votedFor[2]: null is not allowed (...)", or the message alone at the root.
    std::string describe() const;
};

using JsonValueResult = std::variant<eval::Value, JsonValueError>;

// Converts one JSON document (e.g. one NDJSON line). `path_prefix` names the document in error
// paths (empty for the root). Adds to `warnings` what the options let through.
JsonValueResult json_to_value(std::string_view json_text, const JsonOptions& options,
                              JsonWarnings& warnings, std::string_view path_prefix = {});

// The JSON text of a value with TLC's `ToJson` conventions, compact as TLC writes it: records and
// other functions whose domain is not 1..n -> objects (non-string keys printed as TLA+ values),
// sequences -> arrays, finite sets -> arrays in canonical order, model values -> strings. Throws
// eval::EvalError for values TLC cannot convert (infinite sets, operators).
std::string value_to_json(const eval::Value& value);

// The option names the CLI shows in messages, e.g. "--json-null=model-value".
std::string_view to_string(JsonNullPolicy policy);
std::string_view to_string(JsonIntegerPolicy policy);
std::string_view to_string(JsonFractionPolicy policy);
std::optional<JsonNullPolicy> parse_json_null_policy(std::string_view name);
std::optional<JsonIntegerPolicy> parse_json_integer_policy(std::string_view name);
std::optional<JsonFractionPolicy> parse_json_fraction_policy(std::string_view name);

} // namespace tlatv::lib
