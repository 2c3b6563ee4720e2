// Values, states and windows built through the API (include/tlatv/value.hpp, window.hpp), and
// how they become the engine's windows.
#include "evaluator/eval_error.hpp"
#include "evaluator/value_parse.hpp"
#include "lib/api_convert.hpp"
#include "lib/json_value.hpp"
#include "lib/quoted_string.hpp"
#include "lib/state_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tlatv {

namespace {

bool is_identifier(std::string_view name) {
    if (name.empty()) return false;
    bool letter = false;
    for (char c : name) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            letter = true;
        else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '_')
            return false;
    }
    return letter;
}

// A composite built from parts: each part is read now, and the first that does not read makes
// the whole value Invalid with its message.
template <typename Build>
Value built(Build&& build) {
    try {
        return Value::tla(build().to_string());
    } catch (const std::exception& e) {
        return Value::invalid(e.what());
    }
}

} // namespace

Value::Value()
    : form_(Form::Tla)
    , text_("FALSE") {}

Value Value::json(std::string text) {
    return Value(Form::Json, std::move(text));
}

Value Value::tla(std::string text) {
    return Value(Form::Tla, std::move(text));
}

Value Value::invalid(std::string message) {
    return Value(Form::Invalid, std::move(message));
}

Value Value::boolean(bool b) {
    return tla(b ? "TRUE" : "FALSE");
}

Value Value::integer(std::int64_t i) {
    return tla(std::to_string(i));
}

Value Value::string(std::string_view s) {
    std::string text;
    append_quoted(text, s, QuoteStyle::Tla);
    return tla(std::move(text));
}

Value Value::model_value(std::string_view name) {
    if (!is_identifier(name))
        return invalid(fmt::format("a model value is named by an identifier, not `{}`", name));
    return tla(std::string(name));
}

Value Value::sequence(const std::vector<Value>& items) {
    return built([&] {
        std::vector<eval::Value> values;
        for (const Value& item : items)
            values.push_back(api::resolve_value(item));
        return eval::Value::tuple(std::move(values));
    });
}

Value Value::set(const std::vector<Value>& elements) {
    return built([&] {
        std::vector<eval::Value> values;
        for (const Value& element : elements)
            values.push_back(api::resolve_value(element));
        return eval::Value::set(std::move(values));
    });
}

Value Value::record(const std::vector<std::pair<std::string, Value>>& fields) {
    return built([&] {
        std::vector<std::pair<std::string, eval::Value>> values;
        for (const auto& [name, value] : fields)
            values.emplace_back(name, api::resolve_value(value));
        return eval::Value::record(std::move(values));
    });
}

Value Value::function(const std::vector<std::pair<Value, Value>>& pairs) {
    return built([&] {
        std::vector<std::pair<eval::Value, eval::Value>> values;
        for (const auto& [key, value] : pairs)
            values.emplace_back(api::resolve_value(key), api::resolve_value(value));
        return eval::Value::function_from_pairs(std::move(values));
    });
}

State State::json(std::string object_text) {
    State s;
    s.add_json(std::move(object_text));
    return s;
}

State State::tla(std::string state_text) {
    State s;
    s.add_tla(std::move(state_text));
    return s;
}

State& State::add_json(std::string object_text) {
    parts_.push_back({Part::Kind::JsonObject, std::move(object_text), {}});
    return *this;
}

State& State::add_tla(std::string state_text) {
    parts_.push_back({Part::Kind::TlaText, std::move(state_text), {}});
    return *this;
}

State& State::set(std::string variable, Value value) {
    parts_.push_back({Part::Kind::Variable, std::move(variable), std::move(value)});
    return *this;
}

namespace api {

namespace {

// JSON as TLC reads it, with tlatv's default policies (null, big integers and fractions are
// errors rather than silently changed).
eval::Value from_json(std::string_view text) {
    lib::JsonWarnings warnings;
    auto converted = lib::json_to_value(text, lib::JsonOptions{}, warnings);
    if (auto* error = std::get_if<lib::JsonValueError>(&converted))
        throw eval::EvalError(fmt::format("JSON {}", error->describe()));
    return std::get<eval::Value>(std::move(converted));
}

void add_state(const State& state, lib::State& into) {
    for (const State::Part& part : state.parts()) {
        switch (part.kind) {
        case State::Part::Kind::JsonObject: {
            const eval::Value object = from_json(part.text);
            if (!object.is_function())
                throw eval::EvalError("a JSON state is an object of variables");
            const auto keys = object.keys();
            const auto values = object.values();
            for (std::size_t i = 0; i < keys.size(); ++i)
                into.insert_or_assign(std::string(keys[i].as_string()), values[i]);
            break;
        }
        case State::Part::Kind::TlaText: {
            const StateTextSplit split = split_state_text(part.text);
            if (!split.error.empty()) throw eval::EvalError(split.error);
            for (const StateTextEntry& entry : split.entries) {
                try {
                    into.insert_or_assign(entry.variable, eval::parse_value(entry.value_text));
                } catch (const eval::EvalError& e) {
                    throw eval::EvalError(fmt::format("line {}: value of {}: {}", entry.line,
                                                      entry.variable, e.what()));
                }
            }
            break;
        }
        case State::Part::Kind::Variable:
            try {
                into.insert_or_assign(part.text, resolve_value(part.value));
            } catch (const eval::EvalError& e) {
                throw eval::EvalError(fmt::format("value of {}: {}", part.text, e.what()));
            }
            break;
        }
    }
}

lib::Expectation engine_expectation(Expectation expect) {
    switch (expect) {
    case Expectation::Pass:
        return lib::Expectation::Pass;
    case Expectation::Fail:
        return lib::Expectation::Fail;
    case Expectation::Unspecified:
        break;
    }
    return lib::Expectation::Unspecified;
}

} // namespace

eval::Value resolve_value(const Value& value) {
    switch (value.form()) {
    case Value::Form::Json:
        return from_json(value.text());
    case Value::Form::Tla:
        return eval::parse_value(value.text());
    case Value::Form::Invalid:
        break;
    }
    throw eval::EvalError(value.text());
}

lib::Window engine_window(const Window& window, std::uint64_t index, const std::string& source) {
    lib::Window out;
    out.index = index;
    out.line = index;
    out.file = source;
    out.action = window.action;
    out.expect = engine_expectation(window.expect);
    if (!window.id.empty()) out.id = window.id;
    // What is being read, for the message when it does not read.
    std::string part = "the action";
    try {
        if (window.action.empty()) throw eval::EvalError("the window names no action");
        for (const Argument& argument : window.arguments) {
            part = argument.name.empty() ? "a positional argument"
                                         : fmt::format("argument {}", argument.name);
            out.parameters.push_back({argument.name, resolve_value(argument.value)});
        }
        part = "the actor";
        if (window.actor) out.actor = resolve_value(*window.actor);
        part = "the input";
        if (window.input) out.input = resolve_value(*window.input);
        part = "the pre-state";
        add_state(window.pre, out.pre);
        part = "the post-state";
        add_state(window.post, out.post);
    } catch (const std::exception& e) {
        out.error = Diagnostic{source,
                               static_cast<std::uint32_t>(index),
                               0,
                               fmt::format("{}: {}", part, e.what()),
                               {}};
    }
    return out;
}

std::vector<Argument> public_arguments(const lib::Window& window) {
    std::vector<Argument> out;
    out.reserve(window.parameters.size());
    for (const lib::Parameter& p : window.parameters)
        out.push_back({p.name, Value::tla(p.value.to_string())});
    return out;
}

} // namespace api

} // namespace tlatv
