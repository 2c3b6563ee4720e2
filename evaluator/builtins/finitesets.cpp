// FiniteSets: IsFiniteSet and Cardinality.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

Value is_finite_set(Args a, const EvalOptions&) {
    // TLC answers TRUE for functions too (they are enumerable values).
    if (a[0].is_function()) return Value::boolean(true);
    if (!a[0].is_set()) bad_argument("IsFiniteSet", 0, "a set", a[0]);
    return Value::boolean(a[0].is_finite_set());
}

Value cardinality(Args a, const EvalOptions& o) {
    if (!a[0].is_set() || !a[0].is_finite_set())
        fail("Attempted to compute cardinality of the value {}", brief(a[0]));
    return count_value(a[0].cardinality(), o);
}

const Builtin kFiniteSets[] = {
    {"FiniteSets", "IsFiniteSet", 1, is_finite_set},
    {"FiniteSets", "Cardinality", 1, cardinality},
};

} // namespace

std::span<const Builtin> finitesets_builtins() {
    return kFiniteSets;
}

} // namespace tlatv::eval::builtins
