// The C++ API (include/tlatv/spec.hpp) over the library's internals. Every internal exception
// stops here and becomes a diagnostic.
#include "tlatv/spec.hpp"

#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"
#include "evaluator/eval_expression.hpp"
#include "lib/action_select.hpp"
#include "lib/api_convert.hpp"
#include "lib/api_spec_data.hpp"
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/model.hpp"
#include "lib/report.hpp"
#include "lib/window_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <exception>

namespace tlatv {

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

// The result with its diagnostics naming files as the caller knows them (in-memory modules).
template <typename T>
Result<T> displayed(const detail::SpecData& data, Result<T> result) {
    if (result.ok() || !data.sources) return result;
    std::vector<Diagnostic> errors = result.errors();
    for (Diagnostic& e : errors)
        e.file = data.display(e.file);
    return Result<T>::failure(std::move(errors));
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

Result<Spec> Spec::load_text(const SpecText& text, const SpecOptions& options) {
    return guarded<Spec>([&]() -> Result<Spec> {
        auto written = detail::SpecSources::write(text);
        if (!written.ok()) return Result<Spec>::failure(written.errors());
        detail::SpecSources sources = std::move(written).value();
        SpecOptions file_options = options;
        if (!text.config.empty()) file_options.config_file = sources.config_file();
        auto loaded = load(sources.root_file(), file_options);
        if (!loaded.ok()) {
            std::vector<Diagnostic> errors = loaded.errors();
            for (Diagnostic& e : errors)
                e.file = sources.display(e.file);
            return Result<Spec>::failure(std::move(errors));
        }
        // The sources stay on disk for as long as the spec: diagnostics quote them.
        auto data = std::make_shared<detail::SpecData>(*loaded.value().data_);
        data->sources = std::make_shared<detail::SpecSources>(std::move(sources));
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
    return displayed(*data_, guarded<std::string>([&]() -> Result<std::string> {
        eval::EvalContext ctx(data_->model.spec);
        return Result<std::string>::success(ctx.evaluate(definition).to_string());
    }));
}

Result<std::vector<std::string>> Spec::successors(std::string_view state,
                                                  std::string_view action) const {
    using Texts = std::vector<std::string>;
    return displayed(*data_, guarded<Texts>([&]() -> Result<Texts> {
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
    }));
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
                    outcome.explanation =
                        fmt::format("false conjunct at {}:{}:{}", data_->display(fc.file),
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
    for (Diagnostic& e : outcome.errors)
        e.file = data_->display(e.file);
    if (outcome.verdict == Verdict::Error && outcome.explanation.empty())
        for (const auto& e : outcome.errors)
            outcome.explanation += (outcome.explanation.empty() ? "" : "\n") + e.format();
    return outcome;
}

namespace {

// What a validation run reads its windows from, and names them in the report.
struct WindowInput {
    std::function<std::optional<lib::Window>()> next;
    std::string name;                          // the windows file, or "<stream>"
    const lib::WindowReader* reader = nullptr; // a file's reader, for its file-level errors
};

Result<ValidationReport> run_validation(const detail::SpecData& data, const WindowInput& input,
                                        const ValidateOptions& options,
                                        const VerdictCallback& on_verdict) {
    const api::PathDisplay display = [&data](const std::string& file) {
        return data.display(file);
    };
    std::optional<lib::Mapping> mapping;
    if (!options.mapping_file.empty()) {
        auto parsed = lib::read_mapping(options.mapping_file);
        if (auto* errors = std::get_if<std::vector<Diagnostic>>(&parsed))
            return Result<ValidationReport>::failure(std::move(*errors));
        mapping = std::move(std::get<lib::Mapping>(parsed));
    }
    engine::ValidateOptions engine_options;
    engine_options.threads = options.threads;
    engine_options.invariants = options.invariants;
    engine_options.batch_size = options.batch_size;
    // The arguments of the windows whose verdicts are pending (at most a batch): the engine's
    // verdicts, which come in input order, do not carry them.
    std::deque<std::pair<std::uint64_t, std::vector<Argument>>> pending;
    if (on_verdict)
        engine_options.on_verdict = [&](const engine::WindowVerdict& v) {
            WindowVerdict verdict = api::public_verdict(v, display);
            while (!pending.empty() && pending.front().first < v.index)
                pending.pop_front();
            if (!pending.empty() && pending.front().first == v.index) {
                verdict.arguments = std::move(pending.front().second);
                pending.pop_front();
            }
            on_verdict(verdict);
        };
    const engine::WindowSource next = [&]() {
        std::optional<lib::Window> window = input.next();
        if (window && on_verdict)
            pending.emplace_back(window->index, api::public_arguments(*window));
        return window;
    };
    auto result = engine::validate_window_stream(data.model, next, mapping ? &*mapping : nullptr,
                                                 engine_options);
    if (result.ok() && input.reader && input.reader->error())
        result.input_errors.push_back(*input.reader->error());
    if (!result.ok()) {
        for (Diagnostic& e : result.input_errors)
            e.file = display(e.file);
        return Result<ValidationReport>::failure(std::move(result.input_errors));
    }
    if (input.reader) result.summary.json_warnings = input.reader->warnings();
    ValidationReport report = api::public_report(result.summary, display);
    const auto& modules = data.model.modules;
    const auto root = modules.modules.find(modules.root);
    const std::string spec_file = root == modules.modules.end() ? "" : display(root->second.path);
    const std::string config_file = data.model.config ? display(data.model.config->file) : "";
    report.json = report::format_json(result.summary,
                                      {spec_file, config_file, input.name, options.mapping_file});
    return Result<ValidationReport>::success(std::move(report));
}

} // namespace

Result<ValidationReport> Spec::validate(const ValidateRequest& request,
                                        const VerdictCallback& on_verdict) const {
    return guarded<ValidationReport>([&]() -> Result<ValidationReport> {
        lib::WindowReader reader(request.windows_file, {});
        WindowInput input{[&reader] { return reader.next(); }, request.windows_file, &reader};
        ValidateOptions options;
        options.mapping_file = request.mapping_file;
        options.threads = request.threads;
        options.invariants = request.invariants;
        return run_validation(*data_, input, options, on_verdict);
    });
}

Result<ValidationReport> Spec::validate_stream(const WindowSource& next_window,
                                               const ValidateOptions& options,
                                               const VerdictCallback& on_verdict) const {
    return guarded<ValidationReport>([&]() -> Result<ValidationReport> {
        const std::string name = "<stream>";
        std::uint64_t index = 0;
        WindowInput input{[&]() -> std::optional<lib::Window> {
                              std::optional<Window> window = next_window();
                              if (!window) return std::nullopt;
                              return api::engine_window(*window, ++index, name);
                          },
                          name, nullptr};
        return run_validation(*data_, input, options, on_verdict);
    });
}

Result<ValidationReport> Spec::validate_windows(const std::vector<Window>& windows,
                                                const ValidateOptions& options,
                                                const VerdictCallback& on_verdict) const {
    std::size_t next = 0;
    return validate_stream(
        [&]() -> std::optional<Window> {
            if (next == windows.size()) return std::nullopt;
            return windows[next++];
        },
        options, on_verdict);
}

Result<WindowVerdict> Spec::check_window(const Window& window,
                                         const ValidateOptions& options) const {
    std::optional<WindowVerdict> verdict;
    ValidateOptions one = options;
    one.threads = 1;
    auto report =
        validate_windows({window}, one, [&verdict](const WindowVerdict& v) { verdict = v; });
    if (!report.ok()) return Result<WindowVerdict>::failure(report.errors());
    if (!verdict)
        return Result<WindowVerdict>::failure({message_only("the window gave no verdict")});
    return Result<WindowVerdict>::success(std::move(*verdict));
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
