#include "evaluator/action_state.hpp"

#include "evaluator/value_parse.hpp"
#include "lib/state_text.hpp"

#include <fmt/format.h>

namespace tlatv::eval {

namespace {

Diagnostic error_at(std::string_view source, std::uint32_t line, std::uint32_t column,
                    std::string message) {
    Diagnostic d;
    d.file = std::string(source);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    return d;
}

} // namespace

StateRead read_state_text(const CompiledSpec& spec, std::string_view text,
                          std::string_view source) {
    StateRead result;
    result.state.resize(spec.variables().size());
    StateTextSplit split = split_state_text(text);
    if (!split.error.empty()) {
        result.errors.push_back(error_at(source, 0, 0, split.error));
        return result;
    }
    for (const StateTextEntry& entry : split.entries) {
        auto index = spec.find_variable(entry.variable);
        if (!index) {
            result.errors.push_back(error_at(
                source, entry.line, 1,
                fmt::format("{} is not a variable of {}.", entry.variable, spec.root_module())));
            continue;
        }
        if (result.state[*index]) {
            result.errors.push_back(
                error_at(source, entry.line, 1, fmt::format("{} is given twice.", entry.variable)));
            continue;
        }
        try {
            result.state[*index] = parse_value(entry.value_text);
        } catch (const EvalError& e) {
            result.errors.push_back(error_at(
                source, entry.line, entry.column,
                fmt::format("The value of {} does not read: {}", entry.variable, e.what())));
        }
    }
    return result;
}

std::string state_text(const CompiledSpec& spec, const PartialState& state) {
    const auto& variables = spec.variables();
    std::string out;
    for (std::size_t i = 0; i < variables.size() && i < state.size(); ++i) {
        if (!state[i]) continue;
        if (!out.empty()) out += "\n";
        if (variables.size() > 1) out += "/\\ ";
        out += fmt::format("{} = {}", variables[i].name, state[i]->to_string());
    }
    return out;
}

std::string state_text(const CompiledSpec& spec, const State& state) {
    return state_text(spec, PartialState(state.begin(), state.end()));
}

} // namespace tlatv::eval
