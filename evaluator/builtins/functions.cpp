// Functions (CommunityModules): restriction, range, inverses, injections and surjections, and
// the folds over functions.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

Value restricted_to(const Value& f, const Value& domain) {
    std::vector<Value> images;
    for (const Value& x : domain.enumerate())
        images.push_back(f.apply(x));
    return Value::function(domain, std::move(images));
}

Value restrict(Args a, const EvalOptions&) {
    const Value& f = function_arg("Restrict", a, 0);
    return restricted_to(f, finite_set_arg("Restrict", a, 1));
}

Value restrict_domain(Args a, const EvalOptions&) {
    const Value& f = function_arg("RestrictDomain", a, 0);
    const Value& test = operator_arg("RestrictDomain", a, 1, 1);
    std::vector<Value> kept;
    for (const Value& x : f.keys())
        if (call_predicate(test, {x}, "RestrictDomain")) kept.push_back(x);
    return restricted_to(f, set_from_sorted(std::move(kept)));
}

Value restrict_values(Args a, const EvalOptions&) {
    const Value& f = function_arg("RestrictValues", a, 0);
    const Value& test = operator_arg("RestrictValues", a, 1, 1);
    std::vector<Value> kept;
    auto keys = f.keys();
    auto vals = f.values();
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (call_predicate(test, {vals[i]}, "RestrictValues")) kept.push_back(keys[i]);
    return restricted_to(f, set_from_sorted(std::move(kept)));
}

Value is_restriction(Args a, const EvalOptions&) {
    const Value& f = function_arg("IsRestriction", a, 0);
    const Value& g = function_arg("IsRestriction", a, 1);
    Value g_domain = g.domain();
    for (const Value& x : f.keys())
        if (!g_domain.contains(x)) return Value::boolean(false);
    for (const Value& x : f.keys())
        if (!equals(f.apply(x), g.apply(x))) return Value::boolean(false);
    return Value::boolean(true);
}

Value range(Args a, const EvalOptions&) {
    const Value& f = function_arg("Range", a, 0);
    auto vals = f.values();
    return Value::set(std::vector<Value>(vals.begin(), vals.end()));
}

Value inverse(Args a, const EvalOptions&) {
    const Value& f = function_arg("Inverse", a, 0);
    const Value& s = finite_set_arg("Inverse", a, 1);
    const Value& t = finite_set_arg("Inverse", a, 2);
    Value image = range(a.subspan(0, 1), {});
    std::vector<Value> images;
    for (const Value& y : t.enumerate()) {
        bool in_range = image.contains(y);
        images.push_back(
            choose_first(s, [&](const Value& x) { return !in_range || equals(f.apply(x), y); }));
    }
    return Value::function(t, std::move(images));
}

bool injective(const Value& f) {
    auto vals = f.values();
    return static_cast<std::size_t>(
               Value::set(std::vector<Value>(vals.begin(), vals.end())).cardinality()) ==
           vals.size();
}

Value is_injective(Args a, const EvalOptions&) {
    // TLC's implementation handles tuples and general functions, but not records.
    if (!a[0].is_function() || a[0].is_record())
        fail("The argument of IsInjective should be a function, but instead it is: {}",
             brief(a[0]));
    return Value::boolean(injective(a[0]));
}

Value anti_function(Args a, const EvalOptions&) {
    const Value& f = function_arg("AntiFunction", a, 0);
    if (!injective(f))
        fail("AntiFunction is defined only for injective functions, but {} is not injective",
             brief(f));
    std::vector<std::pair<Value, Value>> pairs;
    auto keys = f.keys();
    auto vals = f.values();
    for (std::size_t i = 0; i < keys.size(); ++i)
        pairs.emplace_back(vals[i], keys[i]);
    return Value::function_from_pairs(std::move(pairs));
}

bool surjective_onto(const Value& f, const Value& t) {
    Value image = range(std::span<const Value>(&f, 1), {});
    for (const Value& y : t.enumerate())
        if (!image.contains(y)) return false;
    return true;
}

template <typename Keep>
Value functions_where(std::string_view op, Args a, Keep keep) {
    const Value& s = finite_set_arg(op, a, 0);
    const Value& t = finite_set_arg(op, a, 1);
    std::vector<Value> kept;
    const Value all = Value::function_set(s, t);
    for (const Value& f : all.enumerate())
        if (keep(f, t)) kept.push_back(f);
    return set_from_sorted(std::move(kept));
}

Value injection(Args a, const EvalOptions&) {
    return functions_where("Injection", a,
                           [](const Value& f, const Value&) { return injective(f); });
}
Value surjection(Args a, const EvalOptions&) {
    return functions_where("Surjection", a, surjective_onto);
}
Value bijection(Args a, const EvalOptions&) {
    return functions_where("Bijection", a, [](const Value& f, const Value& t) {
        return injective(f) && surjective_onto(f, t);
    });
}

std::pair<std::int64_t, std::int64_t> sizes(std::string_view op, Args a) {
    return {finite_set_arg(op, a, 0).cardinality(), finite_set_arg(op, a, 1).cardinality()};
}

Value exists_injection(Args a, const EvalOptions&) {
    auto [s, t] = sizes("ExistsInjection", a);
    return Value::boolean(s <= t);
}
Value exists_surjection(Args a, const EvalOptions&) {
    auto [s, t] = sizes("ExistsSurjection", a);
    return Value::boolean(s >= t && (t > 0 || s == 0));
}
Value exists_bijection(Args a, const EvalOptions&) {
    auto [s, t] = sizes("ExistsBijection", a);
    return Value::boolean(s == t);
}

Value pointwise(Args a, const EvalOptions&) {
    const Value& f = function_arg("Pointwise", a, 0);
    const Value& g = function_arg("Pointwise", a, 1);
    const Value& op = operator_arg("Pointwise", a, 2, 2);
    std::vector<Value> images;
    auto keys = f.keys();
    auto vals = f.values();
    for (std::size_t i = 0; i < keys.size(); ++i)
        images.push_back(call(op, {vals[i], g.apply(keys[i])}));
    return Value::function(f.domain(), std::move(images));
}

std::vector<Value> images_on(const Value& f, const Value& indices) {
    std::vector<Value> images;
    for (const Value& x : indices.enumerate()) {
        const Value* v = f.find(x);
        if (!v)
            fail("FoldFunctionOnSet: the index {} is not in the domain of {}", brief(x), brief(f));
        images.push_back(*v);
    }
    return images;
}

Value fold_function(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldFunction", a, 0, 2);
    return fold_values_right(op, a[1], function_arg("FoldFunction", a, 2).values());
}

Value fold_function_on_set(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldFunctionOnSet", a, 0, 2);
    const Value& f = function_arg("FoldFunctionOnSet", a, 2);
    return fold_values_right(op, a[1], images_on(f, finite_set_arg("FoldFunctionOnSet", a, 3)));
}

Value sum_values(std::span<const Value> values, const EvalOptions& o) {
    Value acc = Value::integer(0);
    for (const Value& v : values) {
        if (!v.is_int()) fail("Attempted to add the non-integer {}", brief(v));
        acc = int_add(v, acc, o);
    }
    return acc;
}

Value sum_function(Args a, const EvalOptions& o) {
    return sum_values(function_arg("SumFunction", a, 0).values(), o);
}

Value sum_function_on_set(Args a, const EvalOptions& o) {
    const Value& f = function_arg("SumFunctionOnSet", a, 0);
    return sum_values(images_on(f, finite_set_arg("SumFunctionOnSet", a, 1)), o);
}

constexpr std::string_view M = "Functions";

const Builtin kFunctions[] = {
    {M, "Restrict", 2, restrict},
    {M, "RestrictDomain", 2, restrict_domain},
    {M, "RestrictValues", 2, restrict_values},
    {M, "IsRestriction", 2, is_restriction},
    {M, "Range", 1, range},
    {M, "Inverse", 3, inverse},
    {M, "AntiFunction", 1, anti_function},
    {M, "IsInjective", 1, is_injective},
    {M, "Injection", 2, injection},
    {M, "Surjection", 2, surjection},
    {M, "Bijection", 2, bijection},
    {M, "ExistsInjection", 2, exists_injection},
    {M, "ExistsSurjection", 2, exists_surjection},
    {M, "ExistsBijection", 2, exists_bijection},
    {M, "Pointwise", 3, pointwise},
    {M, "FoldFunction", 3, fold_function},
    {M, "FoldFunctionOnSet", 4, fold_function_on_set},
    {M, "SumFunction", 1, sum_function},
    {M, "SumFunctionOnSet", 2, sum_function_on_set},
};

} // namespace

std::span<const Builtin> functions_builtins() {
    return kFunctions;
}

} // namespace tlatv::eval::builtins
