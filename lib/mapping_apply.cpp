#include "lib/mapping_apply.hpp"

#include "lib/mapping_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace tlatv::lib {

namespace {

using eval::Value;

// Why a window cannot be mapped; caught in apply() and turned into the window's error.
struct MappingFailure {
    std::string message;
};

using RenameTable = std::unordered_map<Value, const ValueRename*, eval::ValueHash>;

std::string located(const Mapping& mapping, const MappingLocation& where) {
    return fmt::format("{}:{}:{}", mapping.file, where.line, where.column);
}

const Value& resolved(const Mapping& mapping, const MappingValue& v) {
    if (!v.value)
        throw MappingFailure{fmt::format("the mapping's TLA+ value {} ({}) has not been evaluated",
                                         v.tla_text, located(mapping, v.where))};
    return *v.value;
}

} // namespace

StepConditions::StepConditions(const MappingEvaluator& evaluator, Value window,
                               std::vector<Derived> derived, std::vector<std::uint32_t> constraints)
    : evaluator_(&evaluator)
    , window_(std::move(window))
    , derived_(std::move(derived))
    , constraints_(std::move(constraints)) {}

Value StepConditions::derived_value(const Derived& d, const std::vector<Value>& state) const {
    return evaluator_->evaluate(d.definition, window_, &state);
}

bool StepConditions::accepts(const std::vector<Value>& pre, const std::vector<Value>& next) const {
    for (const Derived& d : derived_)
        if (!(derived_value(d, next) == d.observed)) return false;
    return admits(pre, next);
}

bool StepConditions::admits(const std::vector<Value>& pre, const std::vector<Value>& next) const {
    for (std::uint32_t constraint : constraints_) {
        const Value holds = evaluator_->evaluate(constraint, window_, &pre, &next);
        if (!holds.is_bool())
            throw eval::EvalError(
                fmt::format("a constraint of the mapping is {}, not a boolean", holds.to_string()));
        if (!holds.as_bool()) return false;
    }
    return true;
}

void StepConditions::add_derived(const std::vector<Value>& state, State& into) const {
    for (const Derived& d : derived_)
        into.insert_or_assign(d.log_name, derived_value(d, state));
}

void StepConditions::add_observed(State& into) const {
    for (const Derived& d : derived_)
        into.insert_or_assign(d.log_name, d.observed);
}

struct MappingApplier::Tables {
    RenameTable everywhere;                              // renames without "in"
    std::unordered_map<std::string, RenameTable> scoped; // by log name
};

MappingApplier::MappingApplier(const Mapping& mapping,
                               std::shared_ptr<const MappingEvaluator> evaluator)
    : mapping_(&mapping)
    , tables_(std::make_unique<Tables>())
    , evaluator_(std::move(evaluator)) {
    for (const ValueRename& rename : mapping.values) {
        if (rename.in.empty())
            tables_->everywhere.emplace(rename.log, &rename);
        else
            for (const std::string& name : rename.in)
                tables_->scoped[name].emplace(rename.log, &rename);
    }
}

MappingApplier::~MappingApplier() = default;
MappingApplier::MappingApplier(MappingApplier&&) noexcept = default;
MappingApplier& MappingApplier::operator=(MappingApplier&&) noexcept = default;

namespace {

class WindowMapper {
public:
    WindowMapper(const Mapping& mapping, const RenameTable& everywhere,
                 const std::unordered_map<std::string, RenameTable>& scoped,
                 const MappingEvaluator* evaluator, const Window& window)
        : mapping_(mapping)
        , everywhere_(everywhere)
        , scoped_(scoped)
        , evaluator_(evaluator)
        , window_(window) {}

    // The value of a mapping value for this window: JSON, a value evaluated once, or TLA+
    // evaluated on the window.
    Value value_of(const MappingValue& v) const {
        if (v.value || !v.definition) return resolved(mapping_, v);
        return evaluator_->evaluate(*v.definition, record());
    }

    // The window as the mapping's TLA+ sees it.
    const Value& record() const {
        if (evaluator_ == nullptr)
            throw MappingFailure{"the mapping's TLA+ depends on the window: compile the mapping "
                                 "with the model (compile_mapping) and give the applier its spec"};
        if (!record_) record_ = window_record(window_);
        return *record_;
    }

    // The mapping's derived variables and constraints for this window, or null.
    std::shared_ptr<const StepConditions> conditions() const {
        if (mapping_.derived.empty() && mapping_.constraints.empty()) return nullptr;
        const auto compiled = [&](const MappingValue& v) {
            if (!v.definition)
                throw MappingFailure{fmt::format("{} ({}) has not been compiled with the model",
                                                 v.tla_text, located(mapping_, v.where))};
            return *v.definition;
        };
        std::vector<StepConditions::Derived> derived;
        for (const auto& [log_name, d] : mapping_.derived) {
            const auto observed = window_.post.find(log_name);
            if (observed == window_.post.end()) continue; // the window does not constrain it
            derived.push_back(
                {log_name, compiled(d.expression), rename(observed->second, log_name)});
        }
        std::vector<std::uint32_t> constraints;
        for (const MappingValue& c : mapping_.constraints)
            constraints.push_back(compiled(c));
        return std::make_shared<const StepConditions>(*evaluator_, record(), std::move(derived),
                                                      std::move(constraints));
    }

    // Renames values inside `v` (and inside function domains), for the log name `scope`.
    Value rename(const Value& v, const std::string& scope) const {
        const auto it = scoped_.find(scope);
        const RenameTable* local = it == scoped_.end() ? nullptr : &it->second;
        if (local == nullptr && everywhere_.empty()) return v;
        return rename_deep(v, local);
    }

    State map_state(const State& log_state, const char* which) const {
        State spec_state;
        for (const auto& [log_name, value] : log_state) {
            if (mapping_.derived.count(log_name) > 0) continue; // not a spec variable
            std::string spec_name = log_name;
            if (auto it = mapping_.variables.find(log_name); it != mapping_.variables.end()) {
                if (!it->second) continue; // dropped
                spec_name = *it->second;
            }
            if (!spec_state.emplace(spec_name, rename(value, log_name)).second)
                throw MappingFailure{
                    fmt::format("two {}-state variables of the log map to the spec variable {}",
                                which, spec_name)};
        }
        return spec_state;
    }

    // The value a field path names in the log window, renamed for its scope.
    Value field(const Window& window, const FieldPath& path) const {
        const auto& segments = path.segments;
        const std::string& head = segments.front().name;
        std::size_t next = 1;
        std::optional<Value> value;
        std::string scope = head;
        const auto missing = [&](std::string_view what) {
            return MappingFailure{fmt::format("the window has no {}", what)};
        };
        if (head == "actor") {
            if (!window.actor) throw missing("actor");
            value = *window.actor;
        } else if (head == "input") {
            if (!window.input) throw missing("input");
            value = *window.input;
        } else if (head == "id") {
            if (!window.id) throw missing("id");
            value = Value::string(*window.id);
        } else if (head == "trace_id") {
            if (!window.trace_id) throw missing("trace_id");
            value = Value::string(*window.trace_id);
        } else if (head == "pre" || head == "post") {
            const State& state = head == "pre" ? window.pre : window.post;
            if (segments.size() < 2 || segments[1].index > 0)
                throw MappingFailure{fmt::format("{} must be followed by a variable name", head)};
            scope = segments[1].name;
            const auto it = state.find(scope);
            if (it == state.end()) throw missing(fmt::format("{}-state variable {}", head, scope));
            value = it->second;
            next = 2;
        } else if (head == "args") {
            if (segments.size() < 2 || segments[1].index == 0)
                throw MappingFailure{"args must be followed by a position, e.g. args[1]"};
            std::size_t position = 0;
            for (const Parameter& p : window.parameters)
                if (p.name.empty() && ++position == segments[1].index) value = p.value;
            if (!value) throw missing(fmt::format("positional argument {}", segments[1].index));
            next = 2;
        } else {
            const Value* named = window.parameter(head);
            if (named == nullptr) throw missing(fmt::format("parameter or field \"{}\"", head));
            value = *named;
        }
        for (std::size_t i = next; i < segments.size(); ++i)
            value = step_into(*value, segments[i], path);
        return rename(*value, scope);
    }

    SpecAction bind(const Window& window, const ActionCandidate& candidate) const {
        SpecAction action{candidate.action, {}};
        for (const ActionParameter& p : candidate.parameters) {
            BoundParameter bound;
            bound.name = p.name;
            try {
                switch (p.source.kind) {
                case ParameterSource::Kind::Field:
                    bound.value = field(window, parse_field_path(p.source.path));
                    break;
                case ParameterSource::Kind::Value:
                    bound.value = value_of(p.source.value);
                    break;
                case ParameterSource::Kind::Range:
                    bound.kind = BoundParameter::Kind::Range;
                    bound.value = value_of(p.source.value);
                    if (!bound.value.is_set())
                        throw MappingFailure{
                            fmt::format("the range {} is not a set", bound.value.to_string())};
                    break;
                }
            } catch (const MappingFailure& failure) {
                throw MappingFailure{
                    fmt::format("parameter {} of {} ({}): {}", p.name, candidate.action,
                                located(mapping_, p.source.where), failure.message)};
            }
            action.parameters.push_back(std::move(bound));
        }
        return action;
    }

private:
    Value step_into(const Value& v, const FieldPathSegment& segment, const FieldPath& path) const {
        const std::string where = path.str();
        if (!v.is_function())
            throw MappingFailure{
                fmt::format("{}: {} is not a record or a tuple", where, v.to_string())};
        const Value key = segment.index > 0
                              ? Value::integer(static_cast<std::int64_t>(segment.index))
                              : Value::string(segment.name);
        if (const Value* image = v.find(key)) return *image;
        throw MappingFailure{fmt::format("{}: {} has no {}", where, v.to_string(),
                                         segment.index > 0 ? fmt::format("[{}]", segment.index)
                                                           : "field " + segment.name)};
    }

    const ValueRename* lookup(const Value& v, const RenameTable* local) const {
        if (local != nullptr)
            if (auto it = local->find(v); it != local->end()) return it->second;
        if (auto it = everywhere_.find(v); it != everywhere_.end()) return it->second;
        return nullptr;
    }

    Value rename_deep(const Value& v, const RenameTable* local) const {
        if (const ValueRename* r = lookup(v, local)) return resolved(mapping_, r->spec);
        if (v.is_function() && !v.is_lazy_function()) {
            const auto keys = v.keys();
            const auto images = v.values();
            std::vector<std::pair<Value, Value>> pairs;
            pairs.reserve(keys.size());
            bool changed = false;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                Value key = rename_deep(keys[i], local);
                Value image = rename_deep(images[i], local);
                changed = changed || !(key == keys[i]) || !(image == images[i]);
                pairs.emplace_back(std::move(key), std::move(image));
            }
            return changed ? Value::function_from_pairs(std::move(pairs)) : v;
        }
        if (v.is_set() && v.set_form() == eval::SetForm::Enumerated) {
            std::vector<Value> elements;
            bool changed = false;
            for (const Value& e : v.enumerate()) {
                elements.push_back(rename_deep(e, local));
                changed = changed || !(elements.back() == e);
            }
            return changed ? Value::set(std::move(elements)) : v;
        }
        return v;
    }

    const Mapping& mapping_;
    const RenameTable& everywhere_;
    const std::unordered_map<std::string, RenameTable>& scoped_;
    const MappingEvaluator* evaluator_;
    const Window& window_;
    mutable std::optional<Value> record_;
};

} // namespace

SpecWindow MappingApplier::apply(const Window& window) const {
    SpecWindow spec;
    spec.index = window.index;
    spec.id = window.id;
    spec.trace_id = window.trace_id;
    spec.event = window.action;
    spec.expect = window.expect;
    spec.file = window.file;
    spec.line = window.line;
    if (window.error) {
        spec.error = window.error;
        return spec;
    }
    const WindowMapper mapper(*mapping_, tables_->everywhere, tables_->scoped, evaluator_.get(),
                              window);
    try {
        spec.pre = mapper.map_state(window.pre, "pre");
        spec.post = mapper.map_state(window.post, "post");
        for (const auto& [variable, absent] : mapping_->absent) {
            if (spec.pre.count(variable) > 0) continue;
            if (absent.default_value)
                spec.pre.emplace(variable, mapper.value_of(*absent.default_value));
            else
                spec.pre_ranges.emplace(variable, mapper.value_of(*absent.range));
        }
        spec.conditions = mapper.conditions();
        if (auto it = mapping_->actions.find(window.action); it != mapping_->actions.end()) {
            for (const ActionCandidate& candidate : it->second)
                spec.candidates.push_back(mapper.bind(window, candidate));
        } else {
            spec.candidates.push_back({window.action, {}});
        }
    } catch (const MappingFailure& failure) {
        spec.error = Diagnostic{
            window.file, static_cast<std::uint32_t>(window.line), 0, failure.message, {}};
    } catch (const eval::EvalError& error) {
        // e.g. a rename that makes a function's domain mix incomparable values
        spec.error = Diagnostic{window.file,
                                static_cast<std::uint32_t>(window.line),
                                0,
                                fmt::format("applying the mapping: {}", error.what()),
                                {}};
    }
    return spec;
}

Value window_record(const Window& window) {
    std::vector<std::pair<std::string, Value>> fields;
    std::vector<std::pair<std::string, Value>> pre(window.pre.begin(), window.pre.end());
    std::vector<std::pair<std::string, Value>> post(window.post.begin(), window.post.end());
    fields.emplace_back("pre", Value::record(std::move(pre)));
    fields.emplace_back("post", Value::record(std::move(post)));
    fields.emplace_back("action", Value::string(window.action));
    if (window.id) fields.emplace_back("id", Value::string(*window.id));
    if (window.trace_id) fields.emplace_back("trace_id", Value::string(*window.trace_id));
    if (window.actor) fields.emplace_back("actor", *window.actor);
    if (window.input) fields.emplace_back("input", *window.input);
    std::vector<Value> positional;
    for (const Parameter& p : window.parameters) {
        if (p.name.empty()) {
            positional.push_back(p.value);
            continue;
        }
        const bool taken = std::any_of(fields.begin(), fields.end(),
                                       [&](const auto& f) { return f.first == p.name; });
        if (!taken) fields.emplace_back(p.name, p.value);
    }
    if (!positional.empty()) fields.emplace_back("args", Value::tuple(std::move(positional)));
    return Value::record(std::move(fields));
}

SpecWindow identity_mapping(const Window& window) {
    static const Mapping empty;
    return MappingApplier(empty).apply(window);
}

} // namespace tlatv::lib
