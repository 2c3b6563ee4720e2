// Name resolution: lowers the AST of a module, with the modules it EXTENDS and INSTANCEs, into
// the IR of ir.hpp, reporting SANY's semantic errors (unknown operator, multiply defined, wrong
// number of arguments, missing substitution).
#pragma once

#include "evaluator/ir.hpp"
#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

// What a module-level name denotes.
struct Symbol {
    enum class Kind : std::uint8_t { Definition, Builtin, Constant, Variable, Instance, EvalOp };
    Kind kind = Kind::Definition;
    std::uint32_t index = 0;          // definition, constant, variable, instance or EvalOp
    const Builtin* builtin = nullptr; // Builtin
    int arity = 0;                    // number of arguments (kVariadic for some builtins)

    friend bool operator==(const Symbol&, const Symbol&) = default;
};

using Names = std::map<std::string, Symbol, std::less<>>;

// A named instance `I == INSTANCE M ...` or `P(x) == INSTANCE M ...`: the names M exports, with
// the substitutions applied.
struct InstanceInfo {
    std::string name;
    std::uint32_t arity = 0;
    std::shared_ptr<const Names> names;
};

// The IR of a spec: every definition reachable from the root module, its constants and its
// variables. Immutable once resolved.
struct ResolvedSpec {
    std::vector<std::string> files;
    std::deque<ir::Definition> definitions;
    std::vector<ir::ConstantInfo> constants;
    std::vector<ir::VariableInfo> variables;
    std::deque<InstanceInfo> instances;
    Names root_names;                       // the names visible in the root module
    std::vector<std::uint32_t> assumptions; // definitions holding the root's ASSUME bodies
    std::string root_module;
    // The stand-in definitions of replaced builtins, by name (see ResolveOptions).
    std::map<std::string, std::uint32_t, std::less<>> builtin_stubs;
    // Every module-level definition by module and name (for the cfg's `Op <- [M] Other`); a
    // module instantiated several times has several.
    std::map<std::string, std::map<std::string, std::vector<std::uint32_t>, std::less<>>,
             std::less<>>
        module_definitions;
};

// Gives the parsed module of a name, or nullptr. Standard modules that the builtin registry
// implements may be absent: they are then taken from the registry.
using ModuleProvider = std::function<const ast::Module*(std::string_view name)>;

struct ResolveOptions {
    IntMode int_mode = IntMode::Tlc32; // Tlc32: integer literals >= 2^31 are refused, as TLC does
    // Names of builtins a cfg replaces (`Seq <- LimitedSeq`): their uses go through a definition
    // (ResolvedSpec::builtin_stubs) whose `replaced_by` the compiler sets.
    std::set<std::string, std::less<>> replaced_builtins;
    // Names of definitions a cfg replaces (`Op <- Other`, `Op <- [M] Other`): the replacement may
    // read the state, so no definition calling them is taken as constant-level.
    std::set<std::string, std::less<>> replaced_definitions;
};

struct ResolveResult {
    std::shared_ptr<ResolvedSpec> spec; // null when there are errors
    std::vector<Diagnostic> errors;     // SANY-style semantic errors (the first one found)
};

// Resolves `root`. Never throws on bad input.
ResolveResult resolve_module(const ast::Module& root, const ModuleProvider& modules,
                             const ResolveOptions& options = {});

} // namespace tlatv::eval
