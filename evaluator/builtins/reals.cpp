// Reals (TLC's standard modules): Real, a / b and Infinity. Neither TLC nor tlatv evaluates real
// numbers; the module is known so that specs extending it resolve, and each of its operators
// fails with an error that says so when it is evaluated.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

[[noreturn]] void no_reals(std::string_view op) {
    fail("{} of module Reals is not supported: tlatv, like TLC, does not evaluate real numbers.",
         op);
}

Value real(Args, const EvalOptions&) {
    no_reals("Real");
}

Value divide(Args, const EvalOptions&) {
    no_reals("/");
}

Value infinity(Args, const EvalOptions&) {
    no_reals("Infinity");
}

constexpr std::string_view M = "Reals";

const Builtin kReals[] = {
    {M, "Real", 0, real},
    {M, "/", 2, divide},
    {M, "Infinity", 0, infinity},
};

} // namespace

std::span<const Builtin> reals_builtins() {
    return kReals;
}

} // namespace tlatv::eval::builtins
