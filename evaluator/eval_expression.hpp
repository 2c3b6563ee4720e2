// Evaluating one constant expression written as text, against a list of modules to EXTEND
// (used by `tlatv eval` and by the oracle tests).
#pragma once

#include "evaluator/eval.hpp"
#include "evaluator/resolve.hpp"
#include "evaluator/value.hpp"
#include "tlatv/diagnostic.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

struct ExpressionSetup {
    IntMode int_mode = IntMode::Tlc32;
    // Modules other than the standard ones; may be empty.
    ModuleProvider modules;
    // Adjusts the context before evaluation (print sink, environment, limits, ...); optional.
    std::function<void(EvalContext&)> configure;
};

struct ExpressionResult {
    enum class Stage { Parse, Resolve, Evaluate, Done };
    Stage stage = Stage::Parse; // Done when `value` is set, else where it failed
    std::optional<Value> value;
    std::vector<Diagnostic> errors; // located in `text` (line 1, column 1 = its first character)
};

// Evaluates `text` as the body of `E == text` in a module that EXTENDS `extends`. A text of
// several lines keeps its relative columns (junction lists). Never throws on bad input.
ExpressionResult evaluate_expression(std::string_view text, std::span<const std::string> extends,
                                     const ExpressionSetup& setup = {});

} // namespace tlatv::eval
