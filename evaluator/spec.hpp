// A compiled spec: the resolved IR of a root module with the values of its CONSTANTs and the
// cfg's replacements (`x <- Op`) applied. Immutable and shareable across threads; evaluate it
// through an EvalContext (eval.hpp).
#pragma once

#include "evaluator/resolve.hpp"
#include "evaluator/value.hpp"
#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

struct SpecConfig {
    // `CONSTANT N = 3` and model values: the value of a constant of the root module.
    std::map<std::string, Value, std::less<>> constants;
    // `N <- Op` (a constant) or `Op <- Other` (a definition): `name` denotes the definition
    // `target` of the root module instead.
    std::map<std::string, std::string, std::less<>> replacements;
    // `Op <- [M] Other`: the definition Op of module M (in every instance of M) denotes the
    // definition `target` of the root module instead.
    struct ModuleReplacement {
        std::string module;
        std::string name;
        std::string target;
    };
    std::vector<ModuleReplacement> module_replacements;
    IntMode int_mode = IntMode::Tlc32;
};

class CompiledSpec {
public:
    const ResolvedSpec& ir() const { return *ir_; }
    IntMode int_mode() const { return int_mode_; }
    const std::string& root_module() const { return ir_->root_module; }

    // A definition of the root module (or one it extends or imports), by name.
    std::optional<std::uint32_t> find_definition(std::string_view name) const;
    const ir::Definition& definition(std::uint32_t index) const;
    // The state variables, in declaration order; a state is a vector of values in this order.
    const std::vector<ir::VariableInfo>& variables() const { return ir_->variables; }
    std::optional<std::uint32_t> find_variable(std::string_view name) const;

    // The value a constant has from the cfg, or nullptr.
    const Value* constant_value(std::uint32_t index) const;
    // The definition a constant is replaced by (`N <- Op`), if any.
    std::optional<std::uint32_t> constant_definition(std::uint32_t index) const;

private:
    friend struct CompileAccess;
    std::shared_ptr<const ResolvedSpec> ir_;
    std::vector<std::optional<Value>> constant_values_;
    std::vector<std::optional<std::uint32_t>> constant_definitions_;
    IntMode int_mode_ = IntMode::Tlc32;
};

struct CompileResult {
    std::shared_ptr<const CompiledSpec> spec; // null when there are errors
    std::vector<Diagnostic> errors;
};

// Resolves `root` (finding the modules it EXTENDS and INSTANCEs through `modules`) and applies
// `config`. Never throws on bad input.
CompileResult compile_spec(const ast::Module& root, const ModuleProvider& modules,
                           const SpecConfig& config = {});

} // namespace tlatv::eval
