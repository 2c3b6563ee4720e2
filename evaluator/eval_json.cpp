#include "evaluator/eval_json.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <string>

namespace tlatv::eval {
namespace {

Value to_value(simdjson::dom::element e) {
    switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
        std::vector<std::pair<std::string, Value>> fields;
        for (auto field : e.get_object())
            fields.emplace_back(std::string(field.key), to_value(field.value));
        if (fields.empty()) return Value::function_from_pairs({});
        return Value::record(std::move(fields));
    }
    case simdjson::dom::element_type::ARRAY: {
        std::vector<Value> items;
        for (auto item : e.get_array())
            items.push_back(to_value(item));
        return Value::tuple(std::move(items));
    }
    case simdjson::dom::element_type::INT64:
        return Value::integer(static_cast<std::int32_t>(
            static_cast<std::uint32_t>(static_cast<std::uint64_t>(std::int64_t(e.get_int64())))));
    case simdjson::dom::element_type::UINT64:
        return Value::integer(
            static_cast<std::int32_t>(static_cast<std::uint32_t>(std::uint64_t(e.get_uint64()))));
    case simdjson::dom::element_type::DOUBLE:
        return Value::integer(static_cast<std::int32_t>(
            static_cast<std::uint32_t>(static_cast<std::int64_t>(double(e.get_double())))));
    case simdjson::dom::element_type::STRING:
        return Value::string(std::string_view(e.get_string()));
    case simdjson::dom::element_type::BOOL:
        return Value::boolean(bool(e.get_bool()));
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    throw EvalError("JSON null cannot be turned into a TLA+ value.");
}

simdjson::padded_string load(std::string_view path) {
    auto loaded = simdjson::padded_string::load(std::string(path));
    if (loaded.error())
        throw EvalError(fmt::format("Cannot read the JSON file {}: {}", path,
                                    simdjson::error_message(loaded.error())));
    return std::move(loaded).value_unsafe();
}

} // namespace

Value read_json_file(std::string_view path) {
    simdjson::padded_string text = load(path);
    simdjson::dom::parser parser;
    auto doc = parser.parse(text);
    if (doc.error())
        throw EvalError(fmt::format("The file {} is not valid JSON: {}", path,
                                    simdjson::error_message(doc.error())));
    return to_value(doc.value_unsafe());
}

Value read_ndjson_file(std::string_view path) {
    simdjson::padded_string text = load(path);
    std::vector<Value> lines;
    simdjson::dom::parser parser;
    std::string_view all(text.data(), text.size());
    std::size_t line_number = 0;
    while (!all.empty()) {
        const std::size_t end = all.find('\n');
        std::string_view line = all.substr(0, end);
        all = end == std::string_view::npos ? std::string_view() : all.substr(end + 1);
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        auto doc = parser.parse(simdjson::padded_string(line));
        if (doc.error())
            throw EvalError(fmt::format("Line {} of {} is not valid JSON: {}", line_number, path,
                                        simdjson::error_message(doc.error())));
        lines.push_back(to_value(doc.value_unsafe()));
    }
    return Value::tuple(std::move(lines));
}

} // namespace tlatv::eval
