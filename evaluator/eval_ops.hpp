// Operators of the TLC module (and of IOUtils and Json) that need the evaluator's context rather
// than only their arguments: registers, output, assertions, the environment, files.
#pragma once

#include "evaluator/ir.hpp"

#include <span>
#include <string_view>

namespace tlatv::eval {

struct EvalOpInfo {
    std::string_view module;
    std::string_view name;
    int arity;
    ir::EvalOp op;
    // Taken only when the builtin registry does not implement the operator itself.
    bool only_if_not_builtin;
};

// The evaluator-level operators defined by `module` (not by the modules it extends).
std::span<const EvalOpInfo> eval_ops_of(std::string_view module);
const EvalOpInfo* find_eval_op(std::string_view module, std::string_view name);
// True for modules the evaluator knows without a source file and without the registry (IOUtils).
bool has_eval_ops(std::string_view module);

} // namespace tlatv::eval
