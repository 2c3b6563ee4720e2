// Json (TLC's Json module with CommunityModules' Java overrides): ToJson, ToJsonArray and
// ToJsonObject. The file operators (JsonSerialize, ndJsonDeserialize, ...) are not here.
#include "evaluator/builtins/support.hpp"

#include "lib/quoted_string.hpp"

namespace tlatv::eval::builtins {

namespace {

void write_json(const Value& v, std::string& out);

void write_string(std::string_view s, std::string& out) {
    append_quoted(out, s, QuoteStyle::Json);
}

void write_array(std::span<const Value> items, std::string& out) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        write_json(items[i], out);
    }
    out += ']';
}

// A JSON object key: strings as they are, other values in TLA+ notation.
std::string key_text(const Value& k) {
    return k.is_string() ? std::string(k.as_string()) : k.to_string();
}

void write_object(std::span<const Value> keys, std::span<const Value> vals, std::string& out) {
    out += '{';
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) out += ',';
        write_string(key_text(keys[i]), out);
        out += ':';
        write_json(vals[i], out);
    }
    out += '}';
}

void write_json(const Value& v, std::string& out) {
    switch (v.kind()) {
    case Kind::Bool:
        out += v.as_bool() ? "true" : "false";
        return;
    case Kind::Int:
        out += v.to_string();
        return;
    case Kind::String:
        write_string(v.as_string(), out);
        return;
    case Kind::Set:
        if (!v.is_finite_set()) fail("Cannot convert the infinite set {} to JSON", brief(v));
        write_array(v.enumerate(), out);
        return;
    case Kind::Function:
        if (v.is_sequence()) {
            write_array(v.items(), out);
        } else {
            write_object(v.keys(), v.values(), out);
        }
        return;
    case Kind::ModelValue:
    case Kind::Operator:
        break;
    }
    fail("Cannot convert the {} {} to JSON", kind_name(v), brief(v));
}

Value to_json(Args a, const EvalOptions&) {
    std::string out;
    write_json(a[0], out);
    return Value::string(out);
}

Value to_json_array(Args a, const EvalOptions&) {
    const Value& v = a[0];
    bool convertible = (v.is_set() && v.is_finite_set()) || (v.is_function() && !v.is_record());
    if (!convertible)
        fail("ToJsonArray expects a sequence, a set or a function, but got: {}", brief(v));
    return to_json(a, {});
}

Value to_json_object(Args a, const EvalOptions&) {
    const Value& v = a[0];
    if (!v.is_function())
        fail("ToJsonObject expects a record or a function, but got: {}", brief(v));
    std::string out;
    if (v.built_as_function()) {
        // TLC writes a function whose domain is 1..n (FcnRcdValue) as an array.
        write_array(v.items(), out);
    } else if (v.is_sequence()) {
        // Tuples become objects keyed by their 0-based positions.
        std::vector<Value> keys;
        for (std::size_t i = 0; i < v.size(); ++i)
            keys.push_back(Value::integer(static_cast<std::int64_t>(i)));
        write_object(keys, v.items(), out);
    } else {
        write_object(v.keys(), v.values(), out);
    }
    return Value::string(out);
}

const Builtin kJson[] = {
    {"Json", "ToJson", 1, to_json},
    {"Json", "ToJsonArray", 1, to_json_array},
    {"Json", "ToJsonObject", 1, to_json_object},
};

} // namespace

std::span<const Builtin> json_builtins() {
    return kJson;
}

} // namespace tlatv::eval::builtins
