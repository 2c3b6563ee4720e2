#include "cli/action_input.hpp"

#include "evaluator/action_state.hpp"
#include "lib/json_value.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tlatv::cli {

namespace {

void print_errors(const std::string& command, const std::vector<Diagnostic>& errors) {
    for (const auto& e : errors)
        fmt::print(stderr, "tlatv {}: {}\n", command, e.format());
}

eval::SpecFormula configured_formula(const Model& model) {
    const auto& spec = *model.spec;
    if (model.config) {
        const cfg::Config& c = *model.config;
        if (c.init && c.next)
            return {eval::definition_action(spec, c.init->name),
                    eval::definition_action(spec, c.next->name)};
        if (c.specification) return eval::spec_formula(spec, c.specification->name);
    }
    if (spec.find_definition("Spec")) return eval::spec_formula(spec, "Spec");
    return {eval::definition_action(spec, "Init"), eval::definition_action(spec, "Next")};
}

} // namespace

std::optional<ActionSetup> load_action_setup(const std::string& command, const std::string& spec,
                                             const std::optional<std::string>& config,
                                             const std::optional<std::string>& action) {
    ModelOptions options;
    if (config) {
        options.config_file = *config;
    } else {
        std::filesystem::path beside = spec;
        beside.replace_extension(".cfg");
        if (std::filesystem::exists(beside)) options.config_file = beside;
    }
    ModelLoad load = load_model(spec, options);
    if (!load.model) {
        print_errors(command, load.errors);
        return std::nullopt;
    }
    ActionSetup setup{std::move(*load.model), nullptr, {}, {}};
    setup.context = std::make_unique<eval::EvalContext>(setup.model.spec);
    try {
        setup.formula = configured_formula(setup.model);
        setup.actions =
            eval::select_actions(*setup.context, setup.formula.next, action.value_or(""));
    } catch (const eval::EvalFailure& e) {
        print_errors(command, {e.diagnostic()});
        return std::nullopt;
    } catch (const eval::EvalError& e) {
        fmt::print(stderr, "tlatv {}: {}\n", command, e.what());
        return std::nullopt;
    }
    return setup;
}

std::optional<eval::PartialState> read_state_argument(const std::string& command,
                                                      const eval::CompiledSpec& spec,
                                                      const std::string& text,
                                                      const std::string& what) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        lib::JsonWarnings warnings;
        auto converted = lib::json_to_value(text, {}, warnings, what);
        if (auto* error = std::get_if<lib::JsonValueError>(&converted)) {
            fmt::print(stderr, "tlatv {}: {}\n", command, error->describe());
            return std::nullopt;
        }
        const eval::Value& record = std::get<eval::Value>(converted);
        eval::PartialState state(spec.variables().size());
        if (!record.is_function() || (record.size() > 0 && !record.is_record())) {
            fmt::print(stderr, "tlatv {}: {} must be a JSON object of variables\n", command, what);
            return std::nullopt;
        }
        bool ok = true;
        for (const auto& key : record.domain().enumerate()) {
            auto index = spec.find_variable(key.as_string());
            if (!index) {
                fmt::print(stderr, "tlatv {}: {}: {} is not a variable of {}\n", command, what,
                           key.as_string(), spec.root_module());
                ok = false;
                continue;
            }
            state[*index] = record.apply(key);
        }
        if (!ok) return std::nullopt;
        return state;
    }
    eval::StateRead read = eval::read_state_text(spec, text, what);
    if (!read.errors.empty()) {
        print_errors(command, read.errors);
        return std::nullopt;
    }
    return read.state;
}

std::optional<std::string> source_text(const std::string& file, const ast::Span& span) {
    std::ifstream in(file, std::ios::binary);
    if (!in || span.end.offset <= span.begin.offset) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    const std::string all = std::move(text).str();
    if (span.end.offset > all.size()) return std::nullopt;
    return all.substr(span.begin.offset, span.end.offset - span.begin.offset);
}

} // namespace tlatv::cli
