// The one exception type of TLA+ evaluation.
//
// Builtins and the value model throw it with a message in TLC's spirit (no source location); the
// evaluator catches it at the expression that failed and adds the location. An evaluation error is
// never turned into FALSE.
#pragma once

#include <stdexcept>
#include <string>

namespace tlatv::eval {

struct EvalError : std::runtime_error {
    explicit EvalError(const std::string& message)
        : std::runtime_error(message) {}
};

} // namespace tlatv::eval
