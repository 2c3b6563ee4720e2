// tlatv eval: evaluate constant expressions, one from the command line or a batch from NDJSON.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "evaluator/eval_expression.hpp"
#include "lib/json_value.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdio>
#include <sstream>

namespace tlatv::cli {

namespace {

constexpr const char* eval_usage =
    "usage: tlatv eval [--extends M,...] [--int tlc32|exact] 'EXPR'\n"
    "       tlatv eval --batch IN.ndjson [--int tlc32|exact]\n"
    "Prints the value in TLC's format, or the error (exit 1).\n"
    "A batch line is {\"id\": ..., \"extends\": [...], \"expr\": \"...\"}; each gives one line\n"
    "{\"id\": ..., \"value\": \"...\"} or {\"id\": ..., \"error\": \"...\"}.\n"
    "Without --extends, the expression extends Integers, Sequences, FiniteSets and TLC.\n";

std::vector<std::string> split_modules(std::string_view list) {
    std::vector<std::string> modules;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        auto name = list.substr(start, comma - start);
        if (!name.empty()) modules.emplace_back(name);
        start = comma + 1;
    }
    return modules;
}

std::string json_string(std::string_view s) {
    return lib::value_to_json(eval::Value::string(s));
}

std::string first_error(const eval::ExpressionResult& result) {
    if (result.errors.empty()) return "evaluation failed";
    return result.errors.front().message;
}

int run_batch(const std::string& path, const eval::ExpressionSetup& setup) {
    simdjson::padded_string data;
    if (auto error = simdjson::padded_string::load(path).get(data)) {
        fmt::print(stderr, "tlatv eval: cannot read {}: {}\n", path,
                   simdjson::error_message(error));
        return 2;
    }
    std::istringstream lines{std::string(data.data(), data.size())};
    simdjson::ondemand::parser parser;
    std::string line;
    std::size_t line_number = 0;
    int exit_code = 0;
    while (std::getline(lines, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        simdjson::padded_string padded(line);
        simdjson::ondemand::document doc;
        std::string id_json = "null";
        std::string expr;
        std::vector<std::string> extends;
        auto bad_line = [&](std::string_view what) {
            fmt::print(stderr, "{}:{}: error: {}\n", path, line_number, what);
            exit_code = 2;
        };
        if (parser.iterate(padded).get(doc)) {
            bad_line("not a JSON object");
            continue;
        }
        simdjson::ondemand::object object;
        if (doc.get_object().get(object)) {
            bad_line("not a JSON object");
            continue;
        }
        bool ok = true;
        for (auto field : object) {
            std::string_view key;
            if (field.unescaped_key().get(key)) {
                ok = false;
                break;
            }
            if (key == "id") {
                std::string_view raw;
                if (field.value().raw_json_token().get(raw)) ok = false;
                id_json = std::string(raw);
                while (!id_json.empty() && std::isspace(static_cast<unsigned char>(id_json.back())))
                    id_json.pop_back();
            } else if (key == "expr") {
                std::string_view text;
                if (field.value().get_string().get(text)) ok = false;
                expr = std::string(text);
            } else if (key == "extends") {
                simdjson::ondemand::array array;
                if (field.value().get_array().get(array)) {
                    ok = false;
                    continue;
                }
                for (auto item : array) {
                    std::string_view name;
                    if (item.get_string().get(name)) ok = false;
                    extends.emplace_back(name);
                }
            }
        }
        if (!ok || expr.empty()) {
            bad_line("expected {\"id\": ..., \"extends\": [...], \"expr\": \"...\"}");
            continue;
        }
        auto result = eval::evaluate_expression(expr, extends, setup);
        if (result.value)
            fmt::print("{{\"id\": {}, \"value\": {}}}\n", id_json,
                       json_string(result.value->to_string()));
        else
            fmt::print("{{\"id\": {}, \"error\": {}}}\n", id_json,
                       json_string(first_error(result)));
    }
    return exit_code;
}

} // namespace

int run_eval(int argc, char** argv) {
    Args args(argc, argv, 2, {{"extends"}, {"batch"}, {"int"}, {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", eval_usage);
        return 0;
    }
    eval::ExpressionSetup setup;
    if (auto mode = args.value("int")) {
        if (*mode == "exact")
            setup.int_mode = eval::IntMode::Exact;
        else if (*mode != "tlc32") {
            fmt::print(stderr, "tlatv eval: --int takes tlc32 or exact, not '{}'\n", *mode);
            return 2;
        }
    }
    if (!args.error().empty()) {
        fmt::print(stderr, "tlatv eval: {}\n{}", args.error(), eval_usage);
        return 2;
    }
    if (auto batch = args.value("batch")) {
        if (!args.positional().empty()) {
            fmt::print(stderr, "tlatv eval: --batch takes no expression argument\n{}", eval_usage);
            return 2;
        }
        return run_batch(*batch, setup);
    }
    if (args.positional().size() != 1) {
        fmt::print(stderr, "tlatv eval: give exactly one expression\n{}", eval_usage);
        return 2;
    }
    std::vector<std::string> extends = {"Integers", "Sequences", "FiniteSets", "TLC"};
    if (auto list = args.value("extends")) extends = split_modules(*list);
    auto result = eval::evaluate_expression(args.positional().front(), extends, setup);
    if (result.value) {
        fmt::print("{}\n", result.value->to_string());
        return 0;
    }
    for (const auto& e : result.errors) {
        auto d = e;
        if (d.file.empty()) d.file = "<expr>";
        fmt::print(stderr, "{}\n", d.format());
    }
    return 1;
}

} // namespace tlatv::cli
