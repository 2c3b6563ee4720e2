#include "model_support.hpp"

#include "parser/cfg_parse.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tlatv::eval::test {

namespace {

Value config_value(const cfg::Value& v) {
    using Kind = cfg::Value::Kind;
    switch (v.kind) {
    case Kind::Integer:
        return Value::integer_from_decimal(v.text);
    case Kind::String:
        return Value::string(v.text);
    case Kind::Boolean:
        return Value::boolean(v.is_true());
    case Kind::ModelValue:
        return Value::model_value(v.text);
    case Kind::Set:
    case Kind::Tuple: {
        std::vector<Value> elements;
        for (const auto& e : v.elements)
            elements.push_back(config_value(e));
        return v.kind == Kind::Set ? Value::set(std::move(elements))
                                   : Value::tuple(std::move(elements));
    }
    }
    throw std::runtime_error("unknown configuration value");
}

void compile(TestModel& model, const std::string& cfg_text, const std::string& cfg_name) {
    SpecConfig config;
    if (!cfg_text.empty()) {
        cfg::ConfigParse parsed = cfg::parse_config(cfg_text, cfg_name);
        if (!parsed.config) {
            model.error = parsed.errors.at(0).format();
            return;
        }
        for (const auto& a : parsed.config->assignments)
            config.constants.insert_or_assign(a.constant.name, config_value(a.value));
        for (const auto& r : parsed.config->replacements)
            config.replacements.insert_or_assign(r.constant.name, r.replacement.name);
        model.config = std::move(parsed.config);
    }
    const auto& modules = model.modules->modules;
    auto root = modules.find(model.modules->root);
    ModuleProvider provider = [&modules](std::string_view name) -> const ast::Module* {
        auto it = modules.find(name);
        if (it == modules.end() || it->second.standard_name) return nullptr;
        return &it->second.module;
    };
    CompileResult compiled = compile_spec(root->second.module, provider, config);
    if (!compiled.spec) {
        model.error = compiled.errors.at(0).format();
        return;
    }
    model.spec = compiled.spec;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

} // namespace

TestModel load_test_model(const std::filesystem::path& root_file,
                          const std::filesystem::path& cfg_file) {
    TestModel model;
    ModuleLoad loaded = load_modules(root_file);
    if (!loaded.spec) {
        model.error = loaded.errors.empty() ? "cannot load" : loaded.errors[0].format();
        return model;
    }
    model.modules = std::move(loaded.spec);
    compile(model, cfg_file.empty() ? std::string() : read_file(cfg_file), cfg_file.string());
    return model;
}

TestModel compile_test_model(const std::string& module_text, const std::string& cfg_text) {
    TestModel model;
    ModuleLoad loaded = load_modules_from_text(module_text, "Test.tla");
    if (!loaded.spec) {
        model.error = loaded.errors.empty() ? "cannot load" : loaded.errors[0].format();
        return model;
    }
    model.modules = std::move(loaded.spec);
    compile(model, cfg_text, "Test.cfg");
    return model;
}

SpecFormula configured_formula(const TestModel& model) {
    if (!model.config) throw std::runtime_error("no configuration");
    const cfg::Config& c = *model.config;
    if (c.init && c.next)
        return SpecFormula{definition_action(*model.spec, c.init->name),
                           definition_action(*model.spec, c.next->name)};
    if (c.specification) return spec_formula(*model.spec, c.specification->name);
    throw std::runtime_error("the configuration names neither INIT/NEXT nor SPECIFICATION");
}

} // namespace tlatv::eval::test
