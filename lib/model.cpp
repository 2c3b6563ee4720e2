#include "lib/model.hpp"

#include "parser/cfg_parse.hpp"

#include <fmt/format.h>

#include <fstream>
#include <limits>
#include <sstream>

namespace tlatv {

namespace {

Diagnostic located(const cfg::Config& config, const ast::Span& span, std::string message) {
    Diagnostic d;
    d.file = config.file;
    d.line = span.begin.line;
    d.column = span.begin.column;
    d.message = std::move(message);
    return d;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// The configuration's constants and replacements in the form the compiler takes. Entries the
// compiler cannot express yet are reported with their location.
eval::SpecConfig spec_config(const cfg::Config& config, eval::IntMode int_mode,
                             std::vector<Diagnostic>& errors) {
    eval::SpecConfig result;
    result.int_mode = int_mode;
    for (const auto& a : config.assignments) {
        if (!a.module.empty()) {
            errors.push_back(located(config, a.span,
                                     fmt::format("assigning a constant of module {} (`{} = [{}] "
                                                 "...`) is not supported yet",
                                                 a.module, a.constant.name, a.module)));
            continue;
        }
        if (!a.arguments.empty()) {
            errors.push_back(
                located(config, a.span,
                        fmt::format("giving operator constant {} a value for each argument is not "
                                    "supported yet; replace it by a definition with `<-`",
                                    a.constant.name)));
            continue;
        }
        try {
            result.constants.insert_or_assign(a.constant.name, config_value(a.value, int_mode));
        } catch (const eval::EvalError& e) {
            errors.push_back(located(config, a.value.span, e.what()));
        }
    }
    for (const auto& r : config.replacements) {
        if (r.module.empty())
            result.replacements.insert_or_assign(r.constant.name, r.replacement.name);
        else
            result.module_replacements.push_back({r.module, r.constant.name, r.replacement.name});
    }
    return result;
}

} // namespace

eval::Value config_value(const cfg::Value& value, eval::IntMode int_mode) {
    using Kind = cfg::Value::Kind;
    switch (value.kind) {
    case Kind::Integer: {
        eval::Value v = eval::Value::integer_from_decimal(value.text);
        const bool fits32 = v.is_int() && !v.is_big_int() &&
                            v.as_int_unchecked() >= std::numeric_limits<std::int32_t>::min() &&
                            v.as_int_unchecked() <= std::numeric_limits<std::int32_t>::max();
        if (int_mode == eval::IntMode::Tlc32 && !fits32)
            throw eval::EvalError(
                fmt::format("the integer {} does not fit in TLC's 32 bits", value.text));
        return v;
    }
    case Kind::String:
        return eval::Value::string(value.text);
    case Kind::Boolean:
        return eval::Value::boolean(value.is_true());
    case Kind::ModelValue:
        return eval::Value::model_value(value.text);
    case Kind::Set:
    case Kind::Tuple: {
        std::vector<eval::Value> elements;
        elements.reserve(value.elements.size());
        for (const auto& e : value.elements)
            elements.push_back(config_value(e, int_mode));
        return value.kind == Kind::Set ? eval::Value::set(std::move(elements))
                                       : eval::Value::tuple(std::move(elements));
    }
    }
    throw eval::EvalError("unknown kind of configuration value");
}

ModelLoad load_model(const std::filesystem::path& spec_file, const ModelOptions& options) {
    ModelLoad result;
    ModuleLoad loaded = load_modules(spec_file, options.search_path);
    if (!loaded.spec) {
        result.errors = std::move(loaded.errors);
        return result;
    }
    Model model;
    model.modules = std::move(*loaded.spec);

    eval::SpecConfig config;
    config.int_mode = options.int_mode;
    if (!options.config_file.empty()) {
        auto text = read_file(options.config_file);
        if (!text) {
            result.errors.push_back(
                {options.config_file.string(), 0, 0, "cannot read the configuration file", ""});
            return result;
        }
        cfg::ConfigParse parsed = cfg::parse_config(*text, options.config_file.string());
        if (!parsed.config) {
            result.errors = std::move(parsed.errors);
            return result;
        }
        config = spec_config(*parsed.config, options.int_mode, result.errors);
        if (!result.errors.empty()) return result;
        model.config = std::move(parsed.config);
    }

    const auto& modules = model.modules.modules;
    auto root = modules.find(model.modules.root);
    if (root == modules.end()) {
        result.errors.push_back({spec_file.string(), 0, 0, "the root module was not loaded", ""});
        return result;
    }
    eval::ModuleProvider provider = [&modules](std::string_view name) -> const ast::Module* {
        auto it = modules.find(name);
        // A module named like a standard one keeps the native implementation (see
        // module_loader.hpp); the resolver takes those from the builtin registry.
        if (it == modules.end() || it->second.standard_name) return nullptr;
        return &it->second.module;
    };
    eval::CompileResult compiled = eval::compile_spec(root->second.module, provider, config);
    if (!compiled.spec) {
        result.errors = std::move(compiled.errors);
        return result;
    }
    model.spec = std::move(compiled.spec);
    result.model = std::move(model);
    return result;
}

ModelLoad extend_model(const Model& model, ModelExtension extension) {
    ModelLoad result;
    Model extended;
    extended.modules = model.modules;
    extended.config = model.config;
    eval::SpecConfig config;
    config.int_mode = model.spec->int_mode();
    if (model.config) config = spec_config(*model.config, config.int_mode, result.errors);
    if (!result.errors.empty()) return result;
    for (auto& [name, value] : extension.constants)
        config.constants.insert_or_assign(name, std::move(value));
    if (extension.root) {
        const std::string name = extension.root->name;
        const std::string file = extension.root->file;
        if (!extended.modules.modules
                 .emplace(name, LoadedModule{std::move(*extension.root), file, false})
                 .second) {
            result.errors.push_back(
                {file, 0, 0, fmt::format("module {} already exists", name), ""});
            return result;
        }
        extended.modules.load_order.push_back(name);
        extended.modules.root = name;
    }
    const auto& modules = extended.modules.modules;
    eval::ModuleProvider provider = [&modules](std::string_view name) -> const ast::Module* {
        auto it = modules.find(name);
        if (it == modules.end() || it->second.standard_name) return nullptr;
        return &it->second.module;
    };
    eval::CompileResult compiled =
        eval::compile_spec(modules.at(extended.modules.root).module, provider, config);
    if (!compiled.spec) {
        result.errors = std::move(compiled.errors);
        return result;
    }
    extended.spec = std::move(compiled.spec);
    result.model = std::move(extended);
    return result;
}

} // namespace tlatv
