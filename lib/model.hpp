// A model: a spec's modules, resolved and compiled, with the values and replacements of a TLC
// configuration applied. This is what every job of tlatv (parse, eval, check, validate, trace)
// starts from.
#pragma once

#include "evaluator/spec.hpp"
#include "lib/module_loader.hpp"
#include "parser/cfg_ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tlatv {

struct ModelOptions {
    // The TLC configuration; none when empty (constants then have no values).
    std::filesystem::path config_file;
    // Where EXTENDS and INSTANCE look after the spec's own directory.
    std::vector<std::filesystem::path> search_path;
    eval::IntMode int_mode = eval::IntMode::Tlc32;
};

struct Model {
    LoadedSpec modules;
    std::optional<cfg::Config> config;
    std::shared_ptr<const eval::CompiledSpec> spec;
};

struct ModelLoad {
    std::optional<Model> model; // set when the spec and its configuration are sound
    std::vector<Diagnostic> errors;
};

// Loads `spec_file` with what it imports, parses the configuration, and compiles the spec.
// Never throws on bad input and never prints.
ModelLoad load_model(const std::filesystem::path& spec_file, const ModelOptions& options = {});

// What a mapping file adds to a model (lib/mapping_model.hpp): values for constants, over the
// configuration's, and a module that EXTENDS the model's root module, compiled as the root
// instead (its definitions see every name of the spec).
struct ModelExtension {
    std::map<std::string, eval::Value, std::less<>> constants;
    std::optional<ast::Module> root;
};

// The model compiled again with `extension` (same modules, same configuration otherwise).
// Never throws on bad input and never prints.
ModelLoad extend_model(const Model& model, ModelExtension extension);

// The value a configuration gives: integers, strings, booleans, model values, sets and tuples.
// Throws eval::EvalError for an integer the chosen mode cannot hold.
eval::Value config_value(const cfg::Value& value, eval::IntMode int_mode);

} // namespace tlatv
