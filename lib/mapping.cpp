#include "lib/mapping.hpp"

#include "lib/json_value_simdjson.hpp"
#include "lib/mapping_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tlatv::lib {

namespace {

using detail::FieldKey;
using detail::JsonPath;
using detail::JsonValueFailure;
using detail::OndemandConverter;
using eval::Value;
namespace ondemand = simdjson::ondemand;

// Reads a mapping document with On-Demand, collecting every problem it can find. A problem in
// one entry does not stop the others; malformed JSON stops everything after it.
class MappingParser {
public:
    MappingParser(std::string_view text, std::string file)
        : padded_(text)
        , file_(std::move(file))
        , converter_(json_options_, warnings_, padded_.data()) {
        for (std::size_t i = 0; i < padded_.size(); ++i)
            if (padded_.data()[i] == '\n') line_starts_.push_back(i + 1);
    }

    MappingResult parse() {
        Mapping mapping;
        mapping.file = file_;
        ondemand::document document;
        JsonPath path;
        try {
            if (auto error = parser_.iterate(padded_).get(document))
                converter_.fail(nullptr, path, error);
            ondemand::object root;
            if (auto error = document.get_object().get(root)) {
                if (error == simdjson::INCORRECT_TYPE)
                    converter_.fail(padded_.data(), path, "a mapping must be a JSON object");
                converter_.fail(nullptr, path, error);
            }
            for (auto field_result : root) {
                ondemand::field field;
                if (auto error = std::move(field_result).get(field))
                    converter_.fail(nullptr, path, error);
                auto [key, key_position] = converter_.key_of(field, path);
                path.push_key(key);
                if (key == "actions")
                    parse_actions(field.value(), path, mapping);
                else if (key == "variables")
                    parse_variables(field.value(), path, mapping);
                else if (key == "values")
                    parse_values(field.value(), path, mapping);
                else if (key == "absent")
                    parse_absent(field.value(), path, mapping);
                else if (key == "constants")
                    parse_constants(field.value(), path, mapping);
                else if (key == "definitions")
                    parse_definitions(field.value(), path, mapping);
                else if (key == "derived")
                    parse_derived(field.value(), path, mapping);
                else if (key == "constraints")
                    parse_constraints(field.value(), path, mapping);
                else if (key != "comment")
                    report(key_position, path.str(),
                           fmt::format("unknown section \"{}\" (sections: actions, variables, "
                                       "values, absent, constants, definitions, derived, "
                                       "constraints, comment)",
                                       key));
                path.pop();
            }
        } catch (const JsonValueFailure& failure) {
            record(failure);
        } catch (const eval::EvalError& error) {
            report(nullptr, {}, error.what());
        }
        if (!errors_.empty()) return errors_;
        return mapping;
    }

private:
    // ---- Diagnostics ----

    MappingLocation locate(const char* position) const {
        if (position == nullptr || position < padded_.data()) return {};
        const auto offset = static_cast<std::size_t>(position - padded_.data());
        const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        const std::size_t line_start = *(it - 1);
        return {static_cast<std::uint32_t>(it - line_starts_.begin()),
                static_cast<std::uint32_t>(offset - line_start + 1)};
    }

    void report(const char* position, const std::string& path, const std::string& message) {
        const MappingLocation where = locate(position);
        Diagnostic d;
        d.file = file_;
        d.line = where.line;
        d.column = where.column;
        d.message = path.empty() ? message : fmt::format("{}: {}", path, message);
        if (where.line > 0) {
            const std::size_t begin = line_starts_[where.line - 1];
            const std::size_t end =
                where.line < line_starts_.size() ? line_starts_[where.line] - 1 : padded_.size();
            d.source_line = std::string(padded_.data() + begin, end - begin);
        }
        errors_.push_back(std::move(d));
    }

    void record(const JsonValueFailure& failure) {
        const char* position =
            failure.error.column > 0 ? padded_.data() + failure.error.column - 1 : nullptr;
        report(position, failure.error.path, failure.error.message);
    }

    // Runs one entry's parser; a semantic problem is recorded and the next entry goes on.
    template <typename F>
    void entry(JsonPath& path, F&& parse_entry) {
        const std::size_t depth = path.depth();
        try {
            parse_entry();
        } catch (const JsonValueFailure& failure) {
            if (failure.malformed_json) throw;
            record(failure);
        } catch (const eval::EvalError& error) {
            // e.g. a range listing values TLC cannot compare. Deeper segments name keys of
            // frames that are gone: report at the entry.
            path.truncate(depth);
            report(nullptr, path.str(), error.what());
        }
        path.truncate(depth);
    }

    // ---- JSON helpers ----

    static const char* position_of(ondemand::value& value) {
        return detail::trim_token(value.raw_json_token()).data();
    }

    ondemand::json_type type_of(ondemand::value& value, const JsonPath& path) {
        ondemand::json_type type;
        if (auto error = value.type().get(type)) converter_.fail(position_of(value), path, error);
        return type;
    }

    ondemand::object object_of(ondemand::value value, const JsonPath& path, std::string_view what) {
        const char* position = position_of(value);
        if (type_of(value, path) != ondemand::json_type::object)
            converter_.fail(position, path, fmt::format("{} must be a JSON object", what));
        ondemand::object object;
        if (auto error = value.get_object().get(object)) converter_.fail(position, path, error);
        return object;
    }

    std::string string_of(ondemand::value value, const JsonPath& path, std::string_view what) {
        const char* position = position_of(value);
        if (type_of(value, path) != ondemand::json_type::string)
            converter_.fail(position, path, fmt::format("{} must be a string", what));
        std::string_view text;
        if (auto error = value.get_string().get(text)) converter_.fail(position, path, error);
        return std::string(text);
    }

    // Calls fn(key, key_position, value) for each field, each as one entry.
    template <typename F>
    void for_each_field(ondemand::object object, JsonPath& path, F&& fn) {
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(nullptr, path, error);
            // A plain object, not a structured binding: clang before 16 cannot capture those.
            detail::FieldKey key = converter_.key_of(field, path);
            path.push_key(key.name);
            entry(path, [&] { fn(key.name, key.position, field.value()); });
            path.pop();
        }
    }

    // Calls fn(element) for each element of the array `value`, the path naming it (from 1).
    template <typename F>
    void for_each_element(ondemand::value value, JsonPath& path, F&& fn) {
        const char* position = position_of(value);
        ondemand::array array;
        if (auto error = value.get_array().get(array)) converter_.fail(position, path, error);
        std::size_t index = 0;
        for (auto element_result : array) {
            ondemand::value element;
            if (auto error = std::move(element_result).get(element))
                converter_.fail(position, path, error);
            path.push_index(++index);
            fn(element);
            path.pop();
        }
    }

    // A value: JSON, `{"tla": "text"}`, or `{"json": ...}` for JSON that would look like these.
    MappingValue parse_value(ondemand::value value, JsonPath& path) {
        MappingValue result;
        const char* position = position_of(value);
        result.where = locate(position);
        if (type_of(value, path) != ondemand::json_type::object) {
            result.value = converter_.convert(value, path);
            return result;
        }
        ondemand::object object;
        if (auto error = value.get_object().get(object)) converter_.fail(position, path, error);
        std::size_t fields = 0;
        if (auto error = object.count_fields().get(fields)) converter_.fail(position, path, error);
        if (fields == 1) {
            for (auto field_result : object) {
                ondemand::field field;
                if (auto error = std::move(field_result).get(field))
                    converter_.fail(position, path, error);
                auto [key, key_position] = converter_.key_of(field, path);
                if (key == "tla") {
                    path.push_key(key);
                    read_tla(field.value(), path, result);
                    path.pop();
                    return result;
                }
                if (key == "json") {
                    path.push_key(key);
                    result.value = converter_.convert(field.value(), path);
                    path.pop();
                    return result;
                }
                break;
            }
            if (auto error = object.reset().error()) converter_.fail(position, path, error);
        }
        result.value = converter_.convert_object(object, position, path);
        return result;
    }

    // TLA+ text written as a JSON string, with where each of its bytes is in the file.
    void read_tla(ondemand::value value, JsonPath& path, MappingValue& result) {
        const char* position = position_of(value);
        if (result.where.line == 0) result.where = locate(position); // else: its {"tla": ...}
        result.tla_text = string_of(value, path, "TLA+ text");
        if (result.tla_text.find_first_not_of(" \t\r\n") == std::string::npos)
            converter_.fail(position, path, "TLA+ text must not be empty");
        result.tla_origin = origin_of(position, result.tla_text.size());
    }

    // The file location of each byte a JSON string token decodes to (`quote`: its opening
    // quote), and of its end. An escape stands for the bytes it decodes to.
    std::vector<MappingLocation> origin_of(const char* quote, std::size_t decoded_size) const {
        std::vector<MappingLocation> out;
        out.reserve(decoded_size + 1);
        const char* end = padded_.data() + padded_.size();
        const char* p = quote + 1;
        while (p < end && *p != '"') {
            const char* start = p;
            std::size_t bytes = 1;
            if (*p != '\\') {
                ++p;
            } else if (p + 1 < end && p[1] != 'u') {
                p += 2;
            } else {
                // \uXXXX (a surrogate pair is two of them): the UTF-8 length of the code point.
                const unsigned long code =
                    p + 6 <= end ? std::strtoul(std::string(p + 2, 4).c_str(), nullptr, 16) : 0;
                p += 6;
                if (code >= 0xD800 && code < 0xDC00 && p + 6 <= end && p[0] == '\\') {
                    p += 6;
                    bytes = 4;
                } else {
                    bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
                }
            }
            for (std::size_t i = 0; i < bytes; ++i)
                out.push_back(locate(start));
        }
        out.push_back(locate(p));
        if (out.size() != decoded_size + 1) out.assign(decoded_size + 1, locate(quote));
        return out;
    }

    // A TLA+ text: a JSON string, or `{"tla": "text"}`.
    MappingValue parse_tla(ondemand::value value, JsonPath& path, std::string_view what) {
        MappingValue result;
        if (type_of(value, path) == ondemand::json_type::string) {
            read_tla(value, path, result);
            return result;
        }
        const char* position = position_of(value);
        result = parse_value(value, path);
        if (result.tla_text.empty())
            converter_.fail(
                position, path,
                fmt::format("{} must be TLA+ text (a string or {{\"tla\": ...}})", what));
        return result;
    }

    // ---- Sections ----

    void parse_actions(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(
            object_of(value, path, "actions"), path,
            [&](const std::string& event, const char* key_position, ondemand::value candidates) {
                if (mapping.actions.count(event) > 0)
                    converter_.fail(key_position, path,
                                    fmt::format("event \"{}\" is mapped twice", event));
                mapping.actions[event] = parse_candidates(candidates, path);
            });
    }

    std::vector<ActionCandidate> parse_candidates(ondemand::value value, JsonPath& path) {
        std::vector<ActionCandidate> candidates;
        if (type_of(value, path) != ondemand::json_type::array) {
            candidates.push_back(parse_candidate(value, path));
            return candidates;
        }
        const char* position = position_of(value);
        for_each_element(value, path, [&](ondemand::value element) {
            candidates.push_back(parse_candidate(element, path));
        });
        if (candidates.empty())
            converter_.fail(position, path, "an event needs at least one candidate action");
        return candidates;
    }

    // "Name" or {"action": "Name", "params": {...}}.
    ActionCandidate parse_candidate(ondemand::value value, JsonPath& path) {
        ActionCandidate candidate;
        const char* position = position_of(value);
        candidate.where = locate(position);
        if (type_of(value, path) == ondemand::json_type::string) {
            candidate.action = string_of(value, path, "an action name");
            check_identifier(candidate.action, position, path, "action name");
            return candidate;
        }
        ondemand::object object = object_of(value, path, "a candidate action");
        bool has_action = false;
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(position, path, error);
            auto [key, key_position] = converter_.key_of(field, path);
            path.push_key(key);
            if (key == "action") {
                ondemand::value name = field.value();
                const char* name_position = position_of(name);
                candidate.action = string_of(name, path, "the action name");
                check_identifier(candidate.action, name_position, path, "action name");
                has_action = true;
            } else if (key == "params") {
                parse_parameters(field.value(), path, candidate);
            } else {
                converter_.fail(key_position, path,
                                fmt::format("unknown field \"{}\" (fields: action, params)", key));
            }
            path.pop();
        }
        if (!has_action) converter_.fail(position, path, "a candidate needs an \"action\"");
        return candidate;
    }

    void parse_parameters(ondemand::value value, JsonPath& path, ActionCandidate& candidate) {
        ondemand::object object = object_of(value, path, "params");
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(nullptr, path, error);
            auto [name, key_position] = converter_.key_of(field, path);
            check_identifier(name, key_position, path, "parameter name");
            for (const ActionParameter& p : candidate.parameters)
                if (p.name == name)
                    converter_.fail(key_position, path,
                                    fmt::format("parameter \"{}\" is given twice", name));
            path.push_key(name);
            candidate.parameters.push_back({name, parse_source(field.value(), path)});
            path.pop();
        }
    }

    // "path", {"from": "path"}, {"value": v}, {"tla": "text"}, {"range": v}.
    ParameterSource parse_source(ondemand::value value, JsonPath& path) {
        ParameterSource source;
        const char* position = position_of(value);
        source.where = locate(position);
        if (type_of(value, path) == ondemand::json_type::string) {
            source.path = string_of(value, path, "a parameter source");
            check_field_path(source.path, position, path);
            return source;
        }
        ondemand::object object = object_of(value, path, "a parameter source");
        std::size_t fields = 0;
        if (auto error = object.count_fields().get(fields)) converter_.fail(position, path, error);
        if (fields != 1)
            converter_.fail(position, path,
                            "a parameter source has exactly one of: from, value, tla, range");
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(position, path, error);
            auto [key, key_position] = converter_.key_of(field, path);
            path.push_key(key);
            ondemand::value inner = field.value();
            const char* inner_position = position_of(inner);
            if (key == "from") {
                source.path = string_of(inner, path, "from");
                check_field_path(source.path, inner_position, path);
            } else if (key == "value") {
                source.kind = ParameterSource::Kind::Value;
                source.value = parse_value(inner, path);
            } else if (key == "tla") {
                source.kind = ParameterSource::Kind::Value;
                read_tla(inner, path, source.value);
            } else if (key == "range") {
                source.kind = ParameterSource::Kind::Range;
                source.value = parse_value(inner, path);
                if (source.value.value && !source.value.value->is_set() &&
                    !source.value.value->is_sequence())
                    converter_.fail(inner_position, path,
                                    "a range must be a set (a JSON array or TLA+ text)");
                // A JSON array lists the elements of the set.
                if (source.value.value && source.value.value->is_sequence()) {
                    const auto items = source.value.value->items();
                    source.value.value = Value::set({items.begin(), items.end()});
                }
            } else {
                converter_.fail(key_position, path,
                                fmt::format("unknown parameter source \"{}\" (from, value, tla, "
                                            "range)",
                                            key));
            }
            path.pop();
        }
        return source;
    }

    void parse_variables(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(object_of(value, path, "variables"), path,
                       [&](const std::string& log_name, const char*, ondemand::value spec_name) {
                           bool is_null = false;
                           if (spec_name.is_null().get(is_null) == simdjson::SUCCESS && is_null) {
                               mapping.variables[log_name] = std::nullopt;
                               return;
                           }
                           const char* position = position_of(spec_name);
                           std::string name = string_of(spec_name, path, "a spec variable name");
                           check_identifier(name, position, path, "variable name");
                           mapping.variables[log_name] = std::move(name);
                       });
    }

    void parse_values(ondemand::value value, JsonPath& path, Mapping& mapping) {
        const char* position = position_of(value);
        if (type_of(value, path) != ondemand::json_type::array)
            converter_.fail(position, path,
                            "values must be an array of {\"log\": ..., \"spec\": ...} renames");
        for_each_element(value, path, [&](ondemand::value element) {
            entry(path, [&] { mapping.values.push_back(parse_rename(element, path)); });
        });
    }

    ValueRename parse_rename(ondemand::value value, JsonPath& path) {
        ValueRename rename;
        const char* position = position_of(value);
        rename.where = locate(position);
        bool has_log = false;
        bool has_spec = false;
        for (auto field_result : object_of(value, path, "a value rename")) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(position, path, error);
            auto [key, key_position] = converter_.key_of(field, path);
            path.push_key(key);
            if (key == "log") {
                rename.log = converter_.convert(field.value(), path);
                has_log = true;
            } else if (key == "spec") {
                rename.spec = parse_value(field.value(), path);
                has_spec = true;
            } else if (key == "in") {
                ondemand::value names = field.value();
                const char* names_position = position_of(names);
                const Value list = converter_.convert(names, path);
                if (!list.is_sequence())
                    converter_.fail(names_position, path, "in must be an array of names");
                for (const Value& name : list.items()) {
                    if (!name.is_string())
                        converter_.fail(names_position, path, "in must be an array of names");
                    rename.in.emplace_back(name.as_string());
                }
            } else {
                converter_.fail(key_position, path,
                                fmt::format("unknown field \"{}\" (fields: log, spec, in)", key));
            }
            path.pop();
        }
        if (!has_log || !has_spec)
            converter_.fail(position, path, "a value rename needs \"log\" and \"spec\"");
        return rename;
    }

    void parse_absent(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(
            object_of(value, path, "absent"), path,
            [&](const std::string& variable, const char* key_position, ondemand::value spec) {
                check_identifier(variable, key_position, path, "variable name");
                AbsentVariable absent;
                const char* position = position_of(spec);
                absent.where = locate(position);
                for (auto field_result : object_of(spec, path, "an absent variable")) {
                    ondemand::field field;
                    if (auto error = std::move(field_result).get(field))
                        converter_.fail(position, path, error);
                    auto [key, inner_position] = converter_.key_of(field, path);
                    path.push_key(key);
                    if (key == "default")
                        absent.default_value = parse_value(field.value(), path);
                    else if (key == "range")
                        absent.range = parse_value(field.value(), path);
                    else
                        converter_.fail(
                            inner_position, path,
                            fmt::format("unknown field \"{}\" (default or range)", key));
                    path.pop();
                }
                if (absent.default_value.has_value() == absent.range.has_value())
                    converter_.fail(position, path,
                                    "an absent variable has either a \"default\" or a \"range\"");
                if (absent.range && absent.range->value && absent.range->value->is_sequence()) {
                    const auto items = absent.range->value->items();
                    absent.range->value = Value::set({items.begin(), items.end()});
                }
                mapping.absent[variable] = std::move(absent);
            });
    }

    void parse_constants(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(
            object_of(value, path, "constants"), path,
            [&](const std::string& name, const char* key_position, ondemand::value constant) {
                check_identifier(name, key_position, path, "constant name");
                mapping.constants[name] = parse_value(constant, path);
            });
    }

    // {"Name": "text", "Op(a, b)": "text"}: definitions for the mapping's TLA+ texts.
    void parse_definitions(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(
            object_of(value, path, "definitions"), path,
            [&](const std::string& head, const char* key_position, ondemand::value body) {
                MappingDefinition definition;
                parse_definition_head(head, key_position, path, definition);
                for (const MappingDefinition& other : mapping.definitions)
                    if (other.name == definition.name)
                        converter_.fail(key_position, path,
                                        fmt::format("{} is defined twice", definition.name));
                definition.body = parse_tla(body, path, "a definition");
                mapping.definitions.push_back(std::move(definition));
            });
    }

    // `Name` or `Name(p1, p2)`.
    void parse_definition_head(const std::string& head, const char* position, const JsonPath& path,
                               MappingDefinition& definition) {
        const auto open = head.find('(');
        definition.name = head.substr(0, open);
        check_identifier(definition.name, position, path, "definition name");
        if (open == std::string::npos) return;
        if (head.back() != ')')
            converter_.fail(position, path,
                            fmt::format("\"{}\" is not a definition head: write Name or "
                                        "Name(p1, p2)",
                                        head));
        std::string_view list(head.data() + open + 1, head.size() - open - 2);
        while (true) {
            const auto comma = list.find(',');
            std::string_view item = list.substr(0, comma);
            const auto first = item.find_first_not_of(' ');
            const auto last = item.find_last_not_of(' ');
            std::string name = first == std::string_view::npos
                                   ? std::string()
                                   : std::string(item.substr(first, last - first + 1));
            check_identifier(name, position, path, "parameter name");
            definition.parameters.push_back(std::move(name));
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
    }

    void parse_derived(ondemand::value value, JsonPath& path, Mapping& mapping) {
        for_each_field(object_of(value, path, "derived"), path,
                       [&](const std::string& log_name, const char*, ondemand::value expression) {
                           mapping.derived[log_name] =
                               DerivedVariable{parse_tla(expression, path, "a derived variable")};
                       });
    }

    void parse_constraints(ondemand::value value, JsonPath& path, Mapping& mapping) {
        const char* position = position_of(value);
        if (type_of(value, path) != ondemand::json_type::array)
            converter_.fail(position, path, "constraints must be an array of TLA+ texts");
        for_each_element(value, path, [&](ondemand::value element) {
            entry(path,
                  [&] { mapping.constraints.push_back(parse_tla(element, path, "a constraint")); });
        });
    }

    // ---- Checks ----

    void check_identifier(const std::string& name, const char* position, const JsonPath& path,
                          std::string_view what) {
        const bool ok = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                        std::all_of(name.begin(), name.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                        });
        if (!ok)
            converter_.fail(position, path,
                            fmt::format("\"{}\" is not a TLA+ identifier ({})", name, what));
    }

    void check_field_path(const std::string& text, const char* position, const JsonPath& path) {
        if (auto error = parse_field_path(text).error) converter_.fail(position, path, *error);
    }

    simdjson::padded_string padded_;
    std::string file_;
    JsonOptions json_options_; // mapping values follow TLC's conventions strictly
    JsonWarnings warnings_;
    OndemandConverter converter_;
    ondemand::parser parser_;
    std::vector<std::size_t> line_starts_{0};
    std::vector<Diagnostic> errors_;
};

} // namespace

std::string MappingValue::describe() const {
    if (!tla_text.empty()) return tla_text;
    return value ? value->to_string() : std::string("<no value>");
}

bool Mapping::has_expressions() const {
    return !definitions.empty() || !derived.empty() || !constraints.empty();
}

std::vector<MappingValue*> Mapping::tla_values() {
    std::vector<MappingValue*> out;
    const auto add = [&](MappingValue& v) {
        if (!v.tla_text.empty()) out.push_back(&v);
    };
    for (auto& [event, candidates] : actions)
        for (ActionCandidate& candidate : candidates)
            for (ActionParameter& p : candidate.parameters)
                if (p.source.kind != ParameterSource::Kind::Field) add(p.source.value);
    for (ValueRename& r : values)
        add(r.spec);
    for (auto& [name, a] : absent) {
        if (a.default_value) add(*a.default_value);
        if (a.range) add(*a.range);
    }
    for (auto& [name, c] : constants)
        add(c);
    return out;
}

MappingResult parse_mapping(std::string_view json_text, const std::string& file_name) {
    return MappingParser(json_text, file_name).parse();
}

MappingResult read_mapping(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) return std::vector<Diagnostic>{Diagnostic{path, 0, 0, "cannot open the file", {}}};
    std::ostringstream text;
    text << input.rdbuf();
    return parse_mapping(text.str(), path);
}

std::vector<Diagnostic>
resolve_mapping_values(Mapping& mapping,
                       const std::function<eval::Value(std::string_view tla_text)>& evaluate) {
    std::vector<Diagnostic> errors;
    for (MappingValue* v : mapping.tla_values()) {
        try {
            v->value = evaluate(v->tla_text);
        } catch (const eval::EvalError& e) {
            errors.push_back(
                Diagnostic{mapping.file,
                           v->where.line,
                           v->where.column,
                           fmt::format("cannot evaluate {}: {}", v->tla_text, e.what()),
                           {}});
        }
    }
    return errors;
}

} // namespace tlatv::lib
