// Helpers of the action tests: compile a spec from text or from a model folder on disk.
#pragma once

#include "evaluator/action.hpp"
#include "evaluator/spec.hpp"
#include "lib/module_loader.hpp"
#include "parser/cfg_ast.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::eval::test {

struct TestModel {
    std::optional<LoadedSpec> modules;
    std::optional<cfg::Config> config;
    std::shared_ptr<const CompiledSpec> spec;
    std::string error; // empty when `spec` is set
};

// Loads `root_file` with what it imports and applies the configuration `cfg_file` (optional).
TestModel load_test_model(const std::filesystem::path& root_file,
                          const std::filesystem::path& cfg_file = {});

// Compiles a root module given as text, with a configuration given as text (may be empty).
TestModel compile_test_model(const std::string& module_text, const std::string& cfg_text = "");

// The initial predicate and the next-state action the configuration names (INIT/NEXT or
// SPECIFICATION). Throws EvalFailure or std::runtime_error.
SpecFormula configured_formula(const TestModel& model);

} // namespace tlatv::eval::test
