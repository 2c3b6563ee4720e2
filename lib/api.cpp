// The C++ API (include/tlatv/spec.hpp) over the library's internals. Every internal exception
// stops here and becomes a diagnostic.
#include "tlatv/spec.hpp"

#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"
#include "evaluator/eval_expression.hpp"
#include "lib/action_select.hpp"
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/model.hpp"
#include "lib/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

namespace tlatv {

namespace detail {
struct SpecData {
    Model model;
};
} // namespace detail

namespace {

eval::IntMode int_mode(IntegerMode mode) {
    return mode == IntegerMode::Exact ? eval::IntMode::Exact : eval::IntMode::Tlc32;
}

Diagnostic message_only(std::string message) {
    return {"", 0, 0, std::move(message), ""};
}

// Runs `body`, turning whatever it throws into diagnostics.
template <typename T, typename Body>
Result<T> guarded(Body&& body) {
    try {
        return body();
    } catch (const eval::EvalFailure& e) {
        return Result<T>::failure({e.diagnostic()});
    } catch (const std::exception& e) {
        return Result<T>::failure({message_only(e.what())});
    } catch (...) {
        return Result<T>::failure({message_only("unknown internal error")});
    }
}

eval::State complete_state(const eval::CompiledSpec& spec, const eval::PartialState& partial) {
    eval::State state;
    state.reserve(partial.size());
    for (std::size_t i = 0; i < partial.size(); ++i) {
        if (!partial[i])
            throw eval::EvalError(
                fmt::format("the state does not give variable {}", spec.variables()[i].name));
        state.push_back(*partial[i]);
    }
    return state;
}

eval::PartialState read_state(const eval::CompiledSpec& spec, std::string_view text,
                              std::string_view source, std::vector<Diagnostic>& errors) {
    auto read = eval::read_state_text(spec, text, source);
    errors.insert(errors.end(), read.errors.begin(), read.errors.end());
    return std::move(read.state);
}

} // namespace

Result<Spec> Spec::load(const std::string& spec_file, const SpecOptions& options) {
    return guarded<Spec>([&]() -> Result<Spec> {
        ModelOptions model_options;
        model_options.config_file = options.config_file;
        for (const auto& dir : options.search_path)
            model_options.search_path.emplace_back(dir);
        model_options.int_mode = int_mode(options.integers);
        ModelLoad load = load_model(spec_file, model_options);
        if (!load.model) return Result<Spec>::failure(std::move(load.errors));
        auto data = std::make_shared<detail::SpecData>();
        data->model = std::move(*load.model);
        return Result<Spec>::success(Spec(std::move(data)));
    });
}

const std::string& Spec::module_name() const {
    return data_->model.spec->root_module();
}

std::vector<std::string> Spec::variables() const {
    std::vector<std::string> names;
    for (const auto& v : data_->model.spec->variables())
        names.push_back(v.name);
    return names;
}

Result<std::string> Spec::evaluate(std::string_view definition) const {
    return guarded<std::string>([&]() -> Result<std::string> {
        eval::EvalContext ctx(data_->model.spec);
        return Result<std::string>::success(ctx.evaluate(definition).to_string());
    });
}

Result<std::vector<std::string>> Spec::successors(std::string_view state,
                                                  std::string_view action) const {
    using Texts = std::vector<std::string>;
    return guarded<Texts>([&]() -> Result<Texts> {
        const auto& spec = *data_->model.spec;
        std::vector<Diagnostic> errors;
        auto partial = read_state(spec, state, "<state>", errors);
        if (!errors.empty()) return Result<Texts>::failure(std::move(errors));
        const eval::State pre = complete_state(spec, partial);
        eval::EvalContext ctx(data_->model.spec);
        Texts out;
        std::vector<eval::State> seen;
        for (const auto& a : select_actions(ctx, data_->model, action)) {
            for (auto& s : eval::successors(ctx, a, pre)) {
                if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
                out.push_back(eval::state_text(spec, s));
                seen.push_back(std::move(s));
            }
        }
        return Result<Texts>::success(std::move(out));
    });
}

CheckOutcome Spec::check(std::string_view pre, std::string_view post,
                         std::string_view action) const {
    CheckOutcome outcome;
    try {
        const auto& spec = *data_->model.spec;
        std::vector<Diagnostic> errors;
        auto pre_state = read_state(spec, pre, "<pre>", errors);
        auto post_state = read_state(spec, post, "<post>", errors);
        if (!errors.empty()) {
            outcome.verdict = Verdict::Error;
            outcome.errors = std::move(errors);
        } else {
            eval::EvalContext ctx(data_->model.spec);
            auto actions = select_actions(ctx, data_->model, action);
            auto result = eval::check_window(ctx, actions, pre_state, post_state);
            outcome.unconstrained = result.unconstrained;
            switch (result.verdict) {
            case eval::Verdict::Pass:
                outcome.verdict = Verdict::Pass;
                outcome.action = result.passed_by.value_or("");
                break;
            case eval::Verdict::Fail:
                outcome.verdict = Verdict::Fail;
                if (result.false_conjunct) {
                    const auto& fc = *result.false_conjunct;
                    outcome.explanation = fmt::format("false conjunct at {}:{}:{}", fc.file,
                                                      fc.span.begin.line, fc.span.begin.column);
                    for (const auto& part : fc.parts)
                        outcome.explanation +=
                            fmt::format("\n  operand at {}:{} = {}", part.span.begin.line,
                                        part.span.begin.column, part.value);
                } else {
                    outcome.explanation = "no action of the spec takes the window";
                }
                break;
            case eval::Verdict::Error:
                outcome.verdict = Verdict::Error;
                if (result.error) outcome.errors.push_back(*result.error);
                break;
            }
        }
    } catch (const eval::EvalFailure& e) {
        outcome.verdict = Verdict::Error;
        outcome.errors.push_back(e.diagnostic());
    } catch (const std::exception& e) {
        outcome.verdict = Verdict::Error;
        outcome.errors.push_back(message_only(e.what()));
    }
    if (outcome.verdict == Verdict::Error && outcome.explanation.empty())
        for (const auto& e : outcome.errors)
            outcome.explanation += (outcome.explanation.empty() ? "" : "\n") + e.format();
    return outcome;
}

Result<ValidationReport> Spec::validate(const ValidateRequest& request) const {
    return guarded<ValidationReport>([&]() -> Result<ValidationReport> {
        std::optional<lib::Mapping> mapping;
        if (!request.mapping_file.empty()) {
            auto parsed = lib::read_mapping(request.mapping_file);
            if (auto* errors = std::get_if<std::vector<Diagnostic>>(&parsed))
                return Result<ValidationReport>::failure(std::move(*errors));
            mapping = std::move(std::get<lib::Mapping>(parsed));
        }
        engine::ValidateOptions options;
        options.threads = request.threads;
        options.invariants = request.invariants;
        auto result = engine::validate_windows(data_->model, request.windows_file,
                                               mapping ? &*mapping : nullptr, options);
        if (!result.ok()) return Result<ValidationReport>::failure(std::move(result.input_errors));
        const auto& s = result.summary;
        ValidationReport out;
        out.windows = s.windows;
        out.passes = s.passes;
        out.fails = s.fails;
        out.errors = s.errors;
        for (const auto& a : s.actions) {
            ActionReport r{a.action,
                           a.windows,
                           a.passes,
                           a.fails,
                           a.errors,
                           a.with_extra_outcomes,
                           a.accepted_impossible,
                           {}};
            for (const auto& c : a.clusters)
                r.clusters.push_back(c.feature);
            out.actions.push_back(std::move(r));
        }
        out.table = report::format_table(s);
        const auto& modules = data_->model.modules;
        const auto root = modules.modules.find(modules.root);
        const std::string spec_file = root == modules.modules.end() ? "" : root->second.path;
        out.json =
            report::format_json(s, {spec_file, data_->model.config ? data_->model.config->file : "",
                                    request.windows_file, request.mapping_file});
        return Result<ValidationReport>::success(std::move(out));
    });
}

Result<std::string> evaluate(std::string_view expression, const std::vector<std::string>& extends,
                             IntegerMode integers) {
    return guarded<std::string>([&]() -> Result<std::string> {
        eval::ExpressionSetup setup;
        setup.int_mode = int_mode(integers);
        auto result = eval::evaluate_expression(expression, extends, setup);
        if (!result.value) return Result<std::string>::failure(std::move(result.errors));
        return Result<std::string>::success(result.value->to_string());
    });
}

} // namespace tlatv
