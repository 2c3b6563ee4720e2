#include "lib/json_value.hpp"

#include "lib/quoted_string.hpp"

#include "evaluator/eval_error.hpp"
#include "lib/json_value_simdjson.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace tlatv::lib {

namespace {

using eval::Value;

// A JSON number reduced to the integer TLC would see: the integer part, truncated toward zero.
struct DecimalInteger {
    bool negative = false;
    std::string digits; // no leading zeros; "0" for zero
    bool had_fraction_or_exponent = false;
};

// Beyond this many integer digits a number is refused whatever the policy (`1e1000000`).
constexpr std::size_t max_integer_digits = 4096;

// Arrays and objects nested deeper than this are refused: conversion recurses once per level,
// and a hostile line (`[[[[...`) must give an error, not overflow the stack. The TLA+ parser's
// bound is the same (kMaxNestingDepth).
constexpr std::size_t max_nesting_depth = 500;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Parses a JSON number token (RFC 8259 grammar). Returns an error message on failure.
std::variant<DecimalInteger, std::string> parse_json_number(std::string_view token) {
    DecimalInteger result;
    std::size_t i = 0;
    const auto malformed = [&] { return fmt::format("malformed number '{}'", token); };
    if (i < token.size() && token[i] == '-') {
        result.negative = true;
        ++i;
    }
    const std::size_t int_begin = i;
    while (i < token.size() && is_digit(token[i]))
        ++i;
    const std::string_view int_part = token.substr(int_begin, i - int_begin);
    if (int_part.empty() || (int_part.size() > 1 && int_part[0] == '0')) return malformed();
    std::string_view frac_part;
    if (i < token.size() && token[i] == '.') {
        const std::size_t frac_begin = ++i;
        while (i < token.size() && is_digit(token[i]))
            ++i;
        frac_part = token.substr(frac_begin, i - frac_begin);
        if (frac_part.empty()) return malformed();
        result.had_fraction_or_exponent = true;
    }
    std::int64_t exponent = 0;
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        bool exponent_negative = false;
        if (i < token.size() && (token[i] == '+' || token[i] == '-')) {
            exponent_negative = token[i] == '-';
            ++i;
        }
        const std::size_t exp_begin = i;
        while (i < token.size() && is_digit(token[i])) {
            // Saturate: any exponent this large is refused or gives 0 below.
            if (exponent < 1'000'000'000) exponent = exponent * 10 + (token[i] - '0');
            ++i;
        }
        if (i == exp_begin) return malformed();
        if (exponent_negative) exponent = -exponent;
        result.had_fraction_or_exponent = true;
    }
    if (i != token.size()) return malformed();

    // The decimal point sits after `point` digits of int_part + frac_part.
    const std::string all_digits = std::string(int_part) + std::string(frac_part);
    const std::int64_t point = static_cast<std::int64_t>(int_part.size()) + exponent;
    std::string integer_digits;
    if (point > 0) {
        if (point > static_cast<std::int64_t>(max_integer_digits))
            return fmt::format("number '{}' is too large", token);
        const auto kept = static_cast<std::size_t>(point);
        integer_digits = all_digits.substr(0, std::min(kept, all_digits.size()));
        if (kept > all_digits.size()) integer_digits.append(kept - all_digits.size(), '0');
    }
    const auto first_nonzero = integer_digits.find_first_not_of('0');
    result.digits = first_nonzero == std::string::npos ? std::string("0")
                                                       : integer_digits.substr(first_nonzero);
    if (result.digits == "0") result.negative = false;
    return result;
}

// The low 32 bits of the integer, as Java's `(int)` cast and BigInteger.intValue() give them.
std::int32_t wrap_to_int32(const DecimalInteger& n) {
    std::uint64_t low = 0;
    for (char c : n.digits)
        low = (low * 10 + static_cast<std::uint64_t>(c - '0')) & 0xFFFF'FFFFull;
    if (n.negative) low = (0x1'0000'0000ull - low) & 0xFFFF'FFFFull;
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(low));
}

std::optional<std::int64_t> as_int32(const DecimalInteger& n) {
    if (n.digits.size() > 10) return std::nullopt;
    std::int64_t magnitude = 0;
    for (char c : n.digits)
        magnitude = magnitude * 10 + (c - '0');
    const std::int64_t v = n.negative ? -magnitude : magnitude;
    if (v < std::numeric_limits<std::int32_t>::min() ||
        v > std::numeric_limits<std::int32_t>::max())
        return std::nullopt;
    return v;
}

// The value of a plain integer token of at most 9 digits (`0`, `-12`; no leading zeros), which
// always fits TLC's 32 bits; nullopt for anything else.
std::optional<std::int32_t> small_integer(std::string_view token) {
    const bool negative = !token.empty() && token[0] == '-';
    const std::string_view digits = token.substr(negative ? 1 : 0);
    if (digits.empty() || digits.size() > 9 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    std::int32_t magnitude = 0;
    for (char c : digits) {
        if (!is_digit(c)) return std::nullopt;
        magnitude = magnitude * 10 + (c - '0');
    }
    return negative ? -magnitude : magnitude;
}

bool is_identifier(std::string_view key) {
    if (key.empty() || is_digit(key[0])) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

void append_json_string(std::string& out, std::string_view s) {
    append_quoted(out, s, QuoteStyle::Json);
}

void append_json(std::string& out, const Value& v) {
    switch (v.kind()) {
    case eval::Kind::Bool:
        out += v.as_bool() ? "true" : "false";
        return;
    case eval::Kind::Int:
        out += v.to_string();
        return;
    case eval::Kind::String:
        append_json_string(out, v.as_string());
        return;
    case eval::Kind::ModelValue:
        append_json_string(out, v.model_value_name());
        return;
    case eval::Kind::Set: {
        if (!v.is_finite_set())
            throw eval::EvalError(
                fmt::format("Cannot convert the infinite set {} to JSON", v.to_string()));
        out += '[';
        bool first = true;
        for (const Value& element : v.enumerate()) {
            if (!first) out += ',';
            first = false;
            append_json(out, element);
        }
        out += ']';
        return;
    }
    case eval::Kind::Function: {
        if (v.is_sequence()) {
            out += '[';
            bool first = true;
            for (const Value& item : v.items()) {
                if (!first) out += ',';
                first = false;
                append_json(out, item);
            }
            out += ']';
            return;
        }
        out += '{';
        const auto keys = v.keys();
        const auto images = v.values();
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i > 0) out += ',';
            // TLC writes a non-string key as its printed TLA+ value.
            append_json_string(out, keys[i].is_string() ? std::string(keys[i].as_string())
                                                        : keys[i].to_string());
            out += ':';
            append_json(out, images[i]);
        }
        out += '}';
        return;
    }
    case eval::Kind::Operator:
        throw eval::EvalError(
            fmt::format("Cannot convert the operator {} to JSON", v.as_operator().name()));
    }
}

} // namespace

// ---- JsonValueError ----

std::string JsonValueError::describe() const {
    return path.empty() ? message : fmt::format("{}: {}", path, message);
}

// ---- Policy names ----

std::string_view to_string(JsonNullPolicy policy) {
    switch (policy) {
    case JsonNullPolicy::Reject:
        return "reject";
    case JsonNullPolicy::ModelValue:
        return "model-value";
    case JsonNullPolicy::Given:
        return "value";
    }
    return "reject";
}

std::string_view to_string(JsonIntegerPolicy policy) {
    switch (policy) {
    case JsonIntegerPolicy::Reject:
        return "reject";
    case JsonIntegerPolicy::Wrap32:
        return "wrap";
    case JsonIntegerPolicy::Exact:
        return "exact";
    }
    return "reject";
}

std::string_view to_string(JsonFractionPolicy policy) {
    switch (policy) {
    case JsonFractionPolicy::Reject:
        return "reject";
    case JsonFractionPolicy::Truncate:
        return "truncate";
    }
    return "reject";
}

std::optional<JsonNullPolicy> parse_json_null_policy(std::string_view name) {
    for (auto p : {JsonNullPolicy::Reject, JsonNullPolicy::ModelValue, JsonNullPolicy::Given})
        if (to_string(p) == name) return p;
    return std::nullopt;
}

std::optional<JsonIntegerPolicy> parse_json_integer_policy(std::string_view name) {
    for (auto p : {JsonIntegerPolicy::Reject, JsonIntegerPolicy::Wrap32, JsonIntegerPolicy::Exact})
        if (to_string(p) == name) return p;
    return std::nullopt;
}

std::optional<JsonFractionPolicy> parse_json_fraction_policy(std::string_view name) {
    for (auto p : {JsonFractionPolicy::Reject, JsonFractionPolicy::Truncate})
        if (to_string(p) == name) return p;
    return std::nullopt;
}

// ---- detail: paths and the On-Demand converter ----

namespace detail {

std::string JsonPath::str() const {
    std::string out;
    for (const Segment& s : segments_) {
        if (s.index > 0)
            out += fmt::format("[{}]", s.index);
        else if (is_identifier(s.key)) {
            if (!out.empty()) out += '.';
            out += s.key;
        } else {
            out += '[';
            append_json_string(out, s.key);
            out += ']';
        }
    }
    return out;
}

std::string_view trim_token(std::string_view token) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                              token.back() == '\r'))
        token.remove_suffix(1);
    return token;
}

Value StringValues::get(std::string_view text) {
    if (auto found = values_.find(text); found != values_.end()) return found->second;
    Value value = Value::string(text);
    if (text.size() <= kMaxLength && values_.size() < kMaxEntries)
        values_.emplace(std::string(text), value);
    return value;
}

std::uint32_t OndemandConverter::column_of(const char* position) const {
    if (position == nullptr || position < text_begin_) return 0;
    return static_cast<std::uint32_t>(position - text_begin_) + 1;
}

void OndemandConverter::fail(const char* position, const JsonPath& path,
                             std::string message) const {
    throw JsonValueFailure{JsonValueError{column_of(position), path.str(), std::move(message)}};
}

void OndemandConverter::fail(const char* position, const JsonPath& path,
                             simdjson::error_code error) const {
    throw JsonValueFailure{
        JsonValueError{column_of(position), path.str(),
                       fmt::format("invalid JSON: {}", simdjson::error_message(error))},
        true};
}

FieldKey OndemandConverter::key_of(simdjson::ondemand::field& field, const JsonPath& path) const {
    // raw() points after the opening quote; unescaped_key() consumes the key, so look first.
    const char* position = field.key().raw() - 1;
    std::string_view name;
    if (auto error = field.unescaped_key().get(name)) fail(position, path, error);
    return {std::string(name), position};
}

Value OndemandConverter::convert_null(const char* position, const JsonPath& path) {
    switch (options_.null_policy) {
    case JsonNullPolicy::Reject:
        fail(position, path,
             "null is not allowed (use --json-null=model-value or --json-null=value to give it a "
             "meaning)");
    case JsonNullPolicy::ModelValue:
        return Value::model_value("null");
    case JsonNullPolicy::Given:
        return options_.null_value;
    }
    fail(position, path, "null is not allowed");
}

Value OndemandConverter::convert_number(std::string_view token, const JsonPath& path) {
    // Most numbers in logs are small integers: no need for the general decimal reduction.
    if (auto small = small_integer(token)) return Value::integer(*small);
    auto parsed = parse_json_number(token);
    if (auto* message = std::get_if<std::string>(&parsed)) fail(token.data(), path, *message);
    const auto& number = std::get<DecimalInteger>(parsed);
    if (number.had_fraction_or_exponent) {
        if (options_.fraction_policy == JsonFractionPolicy::Reject)
            fail(token.data(), path,
                 fmt::format("number {} is not an integer (use --json-fractions=truncate to "
                             "truncate it as TLC does)",
                             token));
        ++warnings_.truncated_fractions;
    }
    if (auto small = as_int32(number)) return Value::integer(*small);
    switch (options_.integer_policy) {
    case JsonIntegerPolicy::Reject:
        fail(token.data(), path,
             fmt::format("integer {} is outside TLC's 32-bit range (use --json-integers=exact "
                         "for exact integers, or --json-integers=wrap to wrap it as TLC does)",
                         token));
    case JsonIntegerPolicy::Wrap32:
        ++warnings_.wrapped_integers;
        return Value::integer(wrap_to_int32(number));
    case JsonIntegerPolicy::Exact:
        return Value::integer_from_decimal((number.negative ? "-" : "") + number.digits);
    }
    fail(token.data(), path, "unsupported integer policy");
}

Value OndemandConverter::string_value(std::string_view text) {
    return strings_ != nullptr ? strings_->get(text) : Value::string(text);
}

Value OndemandConverter::convert_object(simdjson::ondemand::object object, const char* position,
                                        JsonPath& path) {
    // Keys stay in the parser's string buffer for the whole document.
    std::vector<std::string_view> keys;
    std::vector<std::pair<Value, Value>> fields;
    for (auto field_result : object) {
        simdjson::ondemand::field field;
        if (auto error = std::move(field_result).get(field)) fail(position, path, error);
        const char* key_position = field.key().raw() - 1; // before unescaped_key() consumes it
        std::string_view key;
        if (auto error = field.unescaped_key().get(key)) fail(key_position, path, error);
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            fail(key_position, path, fmt::format("duplicate key \"{}\"", key));
        keys.push_back(key);
        path.push_key(key);
        Value image = convert(field.value(), path);
        path.pop();
        fields.emplace_back(string_value(key), std::move(image));
    }
    // TLC reads `{}` as the empty function, which is also the empty tuple.
    if (fields.empty()) return Value::tuple({});
    return Value::function_from_pairs(std::move(fields));
}

Value OndemandConverter::convert_array(simdjson::ondemand::array array, JsonPath& path) {
    std::vector<Value> items;
    for (auto element_result : array) {
        simdjson::ondemand::value element;
        if (auto error = std::move(element_result).get(element)) {
            path.push_index(items.size() + 1);
            fail(nullptr, path, error);
        }
        path.push_index(items.size() + 1);
        items.push_back(convert(element, path));
        path.pop();
    }
    return Value::tuple(std::move(items));
}

Value OndemandConverter::convert(simdjson::ondemand::value value, JsonPath& path) {
    const std::string_view token = trim_token(value.raw_json_token());
    if (path.depth() > max_nesting_depth) {
        JsonPath outermost = path; // where it starts, not 500 levels of `[1]`
        outermost.truncate(2);
        fail(token.data(), outermost,
             fmt::format("arrays and objects nested more than {} deep", max_nesting_depth));
    }
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) fail(token.data(), path, error);
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object object;
        if (auto error = value.get_object().get(object)) fail(token.data(), path, error);
        return convert_object(object, token.data(), path);
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array array;
        if (auto error = value.get_array().get(array)) fail(token.data(), path, error);
        return convert_array(array, path);
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view text;
        if (auto error = value.get_string().get(text)) fail(token.data(), path, error);
        return string_value(text);
    }
    case simdjson::ondemand::json_type::boolean: {
        bool b = false;
        if (auto error = value.get_bool().get(b)) fail(token.data(), path, error);
        return Value::boolean(b);
    }
    case simdjson::ondemand::json_type::number:
        return convert_number(token, path);
    case simdjson::ondemand::json_type::null: {
        if (token != "null") fail(token.data(), path, fmt::format("malformed token '{}'", token));
        return convert_null(token.data(), path);
    }
    }
    fail(token.data(), path, "unknown JSON value");
}

Value OndemandConverter::convert_document(simdjson::ondemand::document& document, JsonPath& path) {
    bool scalar = false;
    if (auto error = document.is_scalar().get(scalar)) fail(text_begin_, path, error);
    if (!scalar) {
        simdjson::ondemand::value value;
        if (auto error = document.get_value().get(value)) fail(text_begin_, path, error);
        return convert(value, path);
    }
    std::string_view token;
    if (auto error = document.raw_json_token().get(token)) fail(text_begin_, path, error);
    token = trim_token(token);
    simdjson::ondemand::json_type type;
    if (auto error = document.type().get(type)) fail(token.data(), path, error);
    switch (type) {
    case simdjson::ondemand::json_type::string: {
        std::string_view text;
        if (auto error = document.get_string().get(text)) fail(token.data(), path, error);
        return Value::string(text);
    }
    case simdjson::ondemand::json_type::boolean: {
        bool b = false;
        if (auto error = document.get_bool().get(b)) fail(token.data(), path, error);
        return Value::boolean(b);
    }
    case simdjson::ondemand::json_type::number:
        return convert_number(token, path);
    case simdjson::ondemand::json_type::null: {
        if (token != "null") fail(token.data(), path, fmt::format("malformed token '{}'", token));
        return convert_null(token.data(), path);
    }
    default:
        fail(token.data(), path, "unexpected JSON value");
    }
}

} // namespace detail

// ---- Public entry points ----

JsonValueResult json_to_value(std::string_view json_text, const JsonOptions& options,
                              JsonWarnings& warnings, std::string_view path_prefix) {
    simdjson::padded_string padded(json_text);
    simdjson::ondemand::parser parser;
    detail::JsonPath path;
    if (!path_prefix.empty()) path.push_key(path_prefix);
    detail::OndemandConverter converter(options, warnings, padded.data());
    simdjson::ondemand::document document;
    if (auto error = parser.iterate(padded).get(document))
        return JsonValueError{0, path.str(),
                              fmt::format("invalid JSON: {}", simdjson::error_message(error))};
    try {
        bool scalar = false;
        if (document.is_scalar().get(scalar) != simdjson::SUCCESS)
            scalar = false; // convert_document() reports the error
        const char* scalar_end = nullptr;
        if (scalar) {
            std::string_view token;
            if (document.raw_json_token().get(token) == simdjson::SUCCESS)
                scalar_end = token.data() + token.size();
        }
        Value value = converter.convert_document(document, path);
        const char* trailing = nullptr;
        if (scalar) {
            // The raw token of a scalar document runs to the end of its whitespace.
            if (scalar_end != padded.data() + padded.size()) trailing = scalar_end;
        } else if (document.current_location().get(trailing) != simdjson::SUCCESS) {
            trailing = nullptr; // simdjson reports OUT_OF_BOUNDS once every token is consumed
        }
        if (trailing != nullptr)
            return JsonValueError{converter.column_of(trailing), path.str(),
                                  "unexpected text after the JSON value"};
        return value;
    } catch (const detail::JsonValueFailure& failure) {
        return failure.error;
    } catch (const eval::EvalError& error) {
        return JsonValueError{0, path.str(), error.what()};
    }
}

std::string value_to_json(const eval::Value& value) {
    std::string out;
    append_json(out, value);
    return out;
}

} // namespace tlatv::lib
