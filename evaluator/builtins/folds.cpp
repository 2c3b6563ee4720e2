// Folds: MapThenFoldSet, with the meaning of its TLA+ definition: repeatedly choose an element
// x with `choose`, and combine op(f(x), <fold of the rest>).
#include "evaluator/builtins/support.hpp"

#include <algorithm>

namespace tlatv::eval::builtins {

namespace {

Value map_then_fold_set(Args a, const EvalOptions&) {
    const Value& op = operator_arg("MapThenFoldSet", a, 0, 2);
    const Value& base = a[1];
    const Value& f = operator_arg("MapThenFoldSet", a, 2, 1);
    const Value& choose = operator_arg("MapThenFoldSet", a, 3, 1);
    const Value& s = a[4];
    if (!s.is_set() || !s.is_finite_set())
        fail("Attempted to check if the non-enumerable value {} is element of SUBSET {}", brief(s),
             brief(s));
    auto elements = s.enumerate();
    std::vector<Value> rest(elements.begin(), elements.end());
    std::vector<Value> chosen;
    chosen.reserve(rest.size());
    while (!rest.empty()) {
        Value x = call(choose, {set_from_sorted(rest)});
        auto it =
            std::find_if(rest.begin(), rest.end(), [&](const Value& e) { return equals(e, x); });
        if (it == rest.end())
            fail("The choice operator of MapThenFoldSet returned {}, which is not in the set {}",
                 brief(x), brief(set_from_sorted(rest)));
        rest.erase(it);
        chosen.push_back(std::move(x));
    }
    Value acc = base;
    for (auto it = chosen.rbegin(); it != chosen.rend(); ++it)
        acc = call(op, {call(f, {*it}), acc});
    return acc;
}

const Builtin kFolds[] = {
    {"Folds", "MapThenFoldSet", 5, map_then_fold_set},
};

} // namespace

std::span<const Builtin> folds_builtins() {
    return kFolds;
}

} // namespace tlatv::eval::builtins
