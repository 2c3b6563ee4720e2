#include "lib/mapping_apply.hpp"

#include "lib/mapping_path.hpp"

#include <fmt/format.h>

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

struct MappingApplier::Tables {
    RenameTable everywhere;                              // renames without "in"
    std::unordered_map<std::string, RenameTable> scoped; // by log name
};

MappingApplier::MappingApplier(const Mapping& mapping)
    : mapping_(&mapping)
    , tables_(std::make_unique<Tables>()) {
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
                 const std::unordered_map<std::string, RenameTable>& scoped)
        : mapping_(mapping)
        , everywhere_(everywhere)
        , scoped_(scoped) {}

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
                    bound.value = resolved(mapping_, p.source.value);
                    break;
                case ParameterSource::Kind::Range:
                    bound.kind = BoundParameter::Kind::Range;
                    bound.value = resolved(mapping_, p.source.value);
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
    const WindowMapper mapper(*mapping_, tables_->everywhere, tables_->scoped);
    try {
        spec.pre = mapper.map_state(window.pre, "pre");
        spec.post = mapper.map_state(window.post, "post");
        for (const auto& [variable, absent] : mapping_->absent) {
            if (spec.pre.count(variable) > 0) continue;
            if (absent.default_value)
                spec.pre.emplace(variable, resolved(*mapping_, *absent.default_value));
            else
                spec.pre_ranges.emplace(variable, resolved(*mapping_, *absent.range));
        }
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

SpecWindow identity_mapping(const Window& window) {
    static const Mapping empty;
    return MappingApplier(empty).apply(window);
}

} // namespace tlatv::lib
