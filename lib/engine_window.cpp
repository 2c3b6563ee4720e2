#include "lib/engine_window.hpp"

#include "evaluator/action_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tlatv::engine {

namespace {

using eval::Value;

// Features whose printed value is longer than this are left out: nobody reads them.
constexpr std::size_t kMaxFeatureValue = 60;
// Functions with more keys than this contribute only their value at the actor/arguments.
constexpr std::size_t kMaxKeysPerFunction = 16;

Diagnostic window_error(const lib::Window& window, std::string message) {
    return Diagnostic{
        window.file, static_cast<std::uint32_t>(window.line), 0, std::move(message), {}};
}

std::string source_text(const std::string* text, const ast::Span& span) {
    if (text == nullptr || span.end.offset <= span.begin.offset || span.end.offset > text->size())
        return {};
    std::string out = text->substr(span.begin.offset, span.end.offset - span.begin.offset);
    // One line for messages: collapse the layout of multi-line conjuncts.
    std::string flat;
    bool space = false;
    for (char c : out) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !flat.empty()) flat += ' ';
        space = false;
        flat += c;
    }
    return flat;
}

std::string line_of(const std::string* text, std::uint32_t line) {
    if (text == nullptr || line == 0) return {};
    std::size_t start = 0;
    for (std::uint32_t i = 1; i < line; ++i) {
        start = text->find('\n', start);
        if (start == std::string::npos) return {};
        ++start;
    }
    std::size_t end = text->find('\n', start);
    std::string out = text->substr(start, end == std::string::npos ? end : end - start);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return out;
}

void mix_hash(std::size_t& h, std::size_t part) {
    h ^= part + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
}

bool contains(const std::vector<lib::State>& states, const lib::State& s) {
    return std::find(states.begin(), states.end(), s) != states.end();
}

} // namespace

std::shared_ptr<const std::string> SourceCache::text(const std::string& file) const {
    std::lock_guard lock(mutex_);
    auto& entry = files_[file];
    if (!entry) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream buffer;
        if (in) buffer << in.rdbuf();
        entry = std::make_shared<const std::string>(buffer.str());
    }
    return entry;
}

WindowChecker::WindowChecker(std::shared_ptr<const eval::CompiledSpec> spec,
                             const CheckSettings& settings)
    : ctx_(std::move(spec))
    , settings_(settings) {
    ctx_.limits = settings.options->eval_limits;
}

CheckedWindow WindowChecker::check(const lib::Window& window, const lib::SpecWindow& mapped) {
    const ValidateOptions& options = *settings_.options;
    const eval::CompiledSpec& spec = ctx_.spec();
    CheckedWindow out;
    WindowVerdict& v = out.verdict;
    v.index = window.index;
    v.id = window.id;
    v.event = window.action;
    v.expect = window.expect;
    v.action = mapped.candidates.size() == 1 ? mapped.candidates.front().action : window.action;
    auto fail_with = [&](Diagnostic error) {
        v.verdict = eval::Verdict::Error;
        v.error = std::move(error);
        return out;
    };
    if (!mapped.ok()) return fail_with(*mapped.error);

    const std::size_t count = spec.variables().size();
    eval::PartialState pre(count), post(count);
    std::vector<std::optional<Value>> pre_domains(count);
    auto place = [&](const lib::State& state, eval::PartialState& into,
                     std::string_view which) -> std::optional<Diagnostic> {
        for (const auto& [name, value] : state) {
            auto index = spec.find_variable(name);
            if (!index)
                return window_error(window, fmt::format("the {}-state gives {}, which is not a "
                                                        "variable of module {}",
                                                        which, name, spec.root_module()));
            into[*index] = value;
        }
        return std::nullopt;
    };
    if (auto error = place(mapped.pre, pre, "pre")) return fail_with(*error);
    if (auto error = place(mapped.post, post, "post")) return fail_with(*error);
    bool pre_known = mapped.pre_ranges.empty();
    for (const auto& [name, set] : mapped.pre_ranges) {
        auto index = spec.find_variable(name);
        if (!index)
            return fail_with(window_error(
                window, fmt::format("the mapping gives a range to {}, which is not a variable "
                                    "of module {}",
                                    name, spec.root_module())));
        pre_domains[*index] = set;
    }
    pre_known = pre_known && std::all_of(pre.begin(), pre.end(),
                                         [](const auto& value) { return value.has_value(); });

    std::vector<eval::Action> actions;
    try {
        for (const lib::SpecAction& candidate : mapped.candidates) {
            auto found = settings_.catalog->instances(ctx_, candidate, window);
            std::move(found.begin(), found.end(), std::back_inserter(actions));
        }
    } catch (const eval::EvalFailure& failure) {
        return fail_with(failure.diagnostic());
    } catch (const eval::EvalError& error) {
        return fail_with(window_error(window, error.what()));
    }

    eval::CheckOptions check_options;
    check_options.pre_domains = std::move(pre_domains);
    check_options.limits = options.limits;
    const bool impossible = window.expect == lib::Expectation::Fail;
    check_options.diagnose = options.diagnose && !impossible;
    if (mapped.conditions)
        check_options.accept = [&](const eval::State& from, const eval::State& next) {
            return mapped.conditions->accepts(from, next);
        };
    eval::CheckResult result = eval::check_window(ctx_, actions, pre, post, check_options);
    switch (result.verdict) {
    case eval::Verdict::Error:
        return fail_with(result.error ? *result.error
                                      : window_error(window, "the window could not be checked"));
    case eval::Verdict::Pass:
        v.passed_by = result.passed_by;
        v.verdict = impossible ? eval::Verdict::Fail : eval::Verdict::Pass;
        if (impossible) v.failure = FailureKind::AcceptedImpossible;
        break;
    case eval::Verdict::Fail:
        v.verdict = impossible ? eval::Verdict::Pass : eval::Verdict::Fail;
        if (!impossible) {
            v.failure = FailureKind::Rejected;
            if (options.diagnose) v.diagnostic = describe(result, post);
        }
        break;
    }
    out.features = features(mapped, window, actions);
    if (options.on_verdict)
        for (const Feature& feature : out.features)
            if (auto text = feature.text()) v.features.push_back(std::move(*text));

    if (options.over_approximation && pre_known) {
        eval::State full;
        full.reserve(count);
        for (auto& value : pre)
            full.push_back(*value);
        analyse_outcomes(actions, full, post, mapped.conditions.get(), out);
        if (out.observed_allowed) out.group.emplace(actions, mapped.pre);
    }
    return out;
}

void WindowChecker::analyse_outcomes(const std::vector<eval::Action>& actions,
                                     const eval::State& pre, const eval::PartialState& post,
                                     const lib::StepConditions* conditions, CheckedWindow& out) {
    const ValidateOptions& options = *settings_.options;
    const auto& variables = ctx_.spec().variables();
    OutcomeAnalysis analysis;
    // Outcomes: the variables the window fixes, and the mapping's derived variables.
    auto project = [&](const auto& state) {
        lib::State p;
        for (std::size_t i = 0; i < post.size(); ++i)
            if (post[i]) p.emplace(variables[i].name, state[i]);
        if (conditions) conditions->add_derived(state, p);
        return p;
    };
    lib::State observed;
    for (std::size_t i = 0; i < post.size(); ++i)
        if (post[i]) observed.emplace(variables[i].name, *post[i]);
    if (conditions) conditions->add_observed(observed);
    std::vector<lib::State> allowed;
    try {
        for (const eval::Action& action : actions) {
            for (const eval::State& next : eval::successors(ctx_, action, pre, options.limits)) {
                if (conditions && !conditions->admits(pre, next)) continue; // not a step here
                if (!settings_.invariants.empty()) {
                    ctx_.set_state(next);
                    for (std::uint32_t inv : settings_.invariants) {
                        Value holds = ctx_.evaluate(inv);
                        if (holds.is_bool() && holds.as_bool()) continue;
                        ++analysis.violating_successors;
                        if (analysis.invariant_violations.size() < options.max_extra_outcomes) {
                            lib::State whole;
                            for (std::size_t i = 0; i < next.size(); ++i)
                                whole.emplace(variables[i].name, next[i]);
                            analysis.invariant_violations.push_back(fmt::format(
                                "{} is violated by {} from {}", ctx_.spec().definition(inv).name,
                                lib::state_to_json(whole), action.label()));
                        }
                    }
                    ctx_.clear_states();
                }
                lib::State p = project(next);
                if (!contains(allowed, p)) allowed.push_back(std::move(p));
            }
        }
    } catch (const eval::EvalFailure& failure) {
        ctx_.clear_states();
        analysis.error = failure.diagnostic();
    } catch (const eval::EvalError& error) {
        ctx_.clear_states();
        analysis.error = Diagnostic{{}, 0, 0, error.what(), {}};
    }
    analysis.outcomes = allowed.size();
    // Outcomes are extra only beside the observed one: when the spec cannot produce the observed
    // outcome at all, its outcomes are wrong instead (under-approximation, diagnosed elsewhere).
    const bool observed_allowed = contains(allowed, observed);
    for (const lib::State& s : allowed) {
        if (s == observed || !observed_allowed) continue;
        ++analysis.extra_count;
        if (analysis.extra.size() < options.max_extra_outcomes) analysis.extra.push_back(s);
    }
    if (allowed.size() > settings_.max_allowed) allowed.resize(settings_.max_allowed);
    out.observed_allowed = observed_allowed;
    out.allowed = std::move(allowed);
    out.observed = std::move(observed);
    out.verdict.outcomes = std::move(analysis);
}

FailureDiagnostic WindowChecker::describe(const eval::CheckResult& result,
                                          const eval::PartialState& post) {
    FailureDiagnostic d;
    d.enabled = result.enabled;
    const auto& variables = ctx_.spec().variables();
    if (result.false_conjunct) {
        const eval::FalseConjunct& fc = *result.false_conjunct;
        auto text = settings_.sources->text(fc.file);
        Diagnostic where;
        where.file = fc.file;
        where.line = fc.span.begin.line;
        where.column = fc.span.begin.column;
        where.source_line = line_of(text.get(), fc.span.begin.line);
        const std::string conjunct = source_text(text.get(), fc.span);
        where.message = conjunct.empty() ? "this conjunct is false"
                                         : fmt::format("this conjunct is false: {}", conjunct);
        d.false_conjunct = std::move(where);
        for (const auto& part : fc.parts) {
            std::string operand = source_text(text.get(), part.span);
            if (operand == part.value) continue; // a literal says nothing new
            d.operand_values.emplace_back(std::move(operand), part.value);
        }
    }
    if (result.closest) {
        d.closest_action = result.closest->action;
        for (std::uint32_t i : result.closest->differing)
            d.differing.push_back(DifferingVariable{variables[i].name,
                                                    post[i] ? post[i]->to_string() : "?",
                                                    result.closest->state[i].to_string()});
    }
    return d;
}

std::vector<Feature> WindowChecker::features(const lib::SpecWindow& mapped,
                                             const lib::Window& window,
                                             const std::vector<eval::Action>& actions) const {
    // The arguments the features may index functions with: the actor, and each parameter of
    // the action when every instance agrees on it.
    std::vector<std::pair<std::string, Value>> keys;
    if (window.actor) keys.emplace_back("actor", *window.actor);
    if (!actions.empty()) {
        const auto& names = settings_.catalog->parameter_names(actions.front().name);
        const auto& first = actions.front().parameters;
        for (std::size_t i = 0; i < first.size() && i < names.size(); ++i) {
            bool same = std::all_of(actions.begin(), actions.end(), [&](const eval::Action& a) {
                return a.name == actions.front().name && i < a.parameters.size() &&
                       a.parameters[i] == first[i];
            });
            if (same) keys.emplace_back(names[i], first[i]);
        }
    }
    std::vector<Feature> out;
    out.reserve(mapped.pre.size() * (1 + keys.size() + kMaxKeysPerFunction / 4));
    for (const auto& [name, value] : mapped.pre) {
        out.push_back(Feature{name, {}, std::nullopt, value});
        if (!value.is_function() || value.is_lazy_function()) continue;
        for (const auto& [key_name, key] : keys)
            if (const Value* image = value.find(key))
                out.push_back(Feature{name, key_name, std::nullopt, *image});
        if (value.size() > kMaxKeysPerFunction) continue;
        const auto domain = value.keys();
        const auto images = value.values();
        for (std::size_t i = 0; i < domain.size(); ++i)
            out.push_back(Feature{name, {}, domain[i], images[i]});
    }
    return out;
}

GroupKey::GroupKey(const std::vector<eval::Action>& actions, lib::State pre)
    : pre_(std::move(pre))
    , hash_(0) {
    actions_.reserve(actions.size());
    for (const eval::Action& a : actions) {
        actions_.emplace_back(a.name, a.parameters);
        mix_hash(hash_, std::hash<std::string>{}(a.name));
        for (const Value& argument : a.parameters)
            mix_hash(hash_, argument.hash());
    }
    for (const auto& [name, value] : pre_) {
        mix_hash(hash_, std::hash<std::string>{}(name));
        mix_hash(hash_, value.hash());
    }
}

Feature::Feature(std::string variable, std::string key_name, std::optional<eval::Value> key,
                 eval::Value value)
    : variable_(std::move(variable))
    , key_name_(std::move(key_name))
    , key_(std::move(key))
    , value_(std::move(value))
    , hash_(std::hash<std::string>{}(variable_)) {
    mix_hash(hash_, std::hash<std::string>{}(key_name_));
    mix_hash(hash_, key_ ? key_->hash() : 0);
    mix_hash(hash_, value_.hash());
}

std::optional<std::string> Feature::text() const {
    std::string printed = value_.to_string();
    if (printed.size() > kMaxFeatureValue) return std::nullopt;
    if (!key_name_.empty()) return fmt::format("{}[{}] = {}", variable_, key_name_, printed);
    if (key_) return fmt::format("{}[{}] = {}", variable_, key_->to_string(), printed);
    return fmt::format("{} = {}", variable_, printed);
}

} // namespace tlatv::engine
