// tlatv parse FILE.tla... : parse and resolve each module with the modules it uses.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "lib/json_value.hpp"
#include "lib/model.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace tlatv::cli {

namespace {

constexpr const char* parse_usage =
    "usage: tlatv parse FILE.tla... [--search-path DIR]... [--json]\n"
    "Parses and resolves each module with every module it EXTENDS or INSTANCEs.\n"
    "Exit 0 when all are sound, 1 otherwise.\n";

std::string json_string(std::string_view s) {
    return lib::value_to_json(eval::Value::string(s));
}

} // namespace

int run_parse(int argc, char** argv) {
    Args args(argc, argv, 2, {{"search-path", true, true}, {"json", false}, {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", parse_usage);
        return 0;
    }
    if (!args.error().empty() || args.positional().empty()) {
        fmt::print(stderr, "tlatv parse: {}\n{}",
                   args.error().empty() ? "no file given" : args.error(), parse_usage);
        return 2;
    }
    ModelOptions options;
    for (const auto& dir : args.values("search-path"))
        options.search_path.emplace_back(dir);

    const bool json = args.has("json");
    bool all_sound = true;
    std::string json_out = "[";
    for (const auto& file : args.positional()) {
        ModelLoad load = load_model(file, options);
        all_sound = all_sound && load.model.has_value();
        if (json) {
            if (json_out.size() > 1) json_out += ",";
            json_out += fmt::format("{{\"file\":{},\"ok\":{},\"errors\":[", json_string(file),
                                    load.model ? "true" : "false");
            for (std::size_t i = 0; i < load.errors.size(); ++i) {
                const auto& e = load.errors[i];
                json_out += fmt::format(
                    "{}{{\"file\":{},\"line\":{},\"column\":{},\"message\":{}}}", i ? "," : "",
                    json_string(e.file), e.line, e.column, json_string(e.message));
            }
            json_out += "]}";
            continue;
        }
        if (load.model) {
            fmt::print("{}: ok (module {}, {} modules parsed, {} standard)\n", file,
                       load.model->modules.root, load.model->modules.modules.size(),
                       load.model->modules.standard.size());
        } else {
            for (const auto& e : load.errors)
                fmt::print(stderr, "{}\n", e.format());
        }
    }
    if (json) fmt::print("{}]\n", json_out);
    return all_sound ? 0 : 1;
}

} // namespace tlatv::cli
