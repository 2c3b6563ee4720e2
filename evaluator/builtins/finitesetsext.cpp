// FiniteSetsExt (CommunityModules): folds and sums over sets, Quantify, kSubset, Min, Max,
// Choices, ChooseUnique, SymDiff, FlattenSet.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

Value fold_set(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldSet", a, 0, 2);
    return fold_values_right(op, a[1], finite_set_arg("FoldSet", a, 2).enumerate());
}

Value reduce_set(Args a, const EvalOptions&) {
    const Value& op = operator_arg("ReduceSet", a, 0, 2);
    return fold_values_right(op, a[2], finite_set_arg("ReduceSet", a, 1).enumerate());
}

Value sum_of(std::span<const Value> values, const EvalOptions& o) {
    Value acc = Value::integer(0);
    for (const Value& v : values) {
        if (!v.is_int()) fail("Attempted to add the non-integer {}", brief(v));
        acc = int_add(v, acc, o);
    }
    return acc;
}

Value sum_set(Args a, const EvalOptions& o) {
    return sum_of(finite_set_arg("SumSet", a, 0).enumerate(), o);
}

Value product_set(Args a, const EvalOptions& o) {
    Value acc = Value::integer(1);
    for (const Value& v : finite_set_arg("ProductSet", a, 0).enumerate()) {
        if (!v.is_int()) fail("Attempted to multiply the non-integer {}", brief(v));
        acc = int_mul(v, acc, o);
    }
    return acc;
}

Value map_then_sum_set(Args a, const EvalOptions& o) {
    const Value& op = operator_arg("MapThenSumSet", a, 0, 1);
    std::vector<Value> images;
    for (const Value& x : finite_set_arg("MapThenSumSet", a, 1).enumerate())
        images.push_back(call(op, {x}));
    return sum_of(images, o);
}

Value flatten_set(Args a, const EvalOptions&) {
    const Value& s = finite_set_arg("FlattenSet", a, 0);
    Value acc = Value::empty_set();
    for (const Value& member : s.enumerate()) {
        if (!member.is_set()) fail("FlattenSet: the element {} is not a set", brief(member));
        acc = Value::set_union(member, acc);
    }
    return acc;
}

Value sym_diff(Args a, const EvalOptions&) {
    const Value& x = set_arg("SymDiff", a, 0);
    const Value& y = set_arg("SymDiff", a, 1);
    return Value::set_union(Value::set_difference(x, y), Value::set_difference(y, x));
}

Value quantify(Args a, const EvalOptions& o) {
    const Value& s = finite_set_arg("Quantify", a, 0);
    const Value& p = java_operator_arg("Quantify", a, 1, 1);
    std::int64_t n = 0;
    for (const Value& x : s.enumerate())
        if (call_predicate(p, {x}, "Quantify")) ++n;
    return count_value(n, o);
}

Value k_subset(Args a, const EvalOptions&) {
    std::int64_t k = small_int_arg("kSubset", a, 0);
    const Value& base = finite_set_arg("kSubset", a, 1);
    auto elems = base.enumerate();
    std::vector<Value> result;
    if (k < 0 || k > static_cast<std::int64_t>(elems.size())) return Value::empty_set();
    // TLC's k-subsets stay lazy and enumerate through a 64-bit mask, which refuses sets of more
    // than 63 elements; membership is SUBSET's (it does not look at the size). Such a kSubset
    // is therefore SUBSET S: it answers membership and cannot be enumerated.
    if (k > 0 && elems.size() > 63) return Value::subset(base);
    std::vector<std::size_t> pick(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < pick.size(); ++i)
        pick[i] = i;
    for (;;) {
        std::vector<Value> members;
        for (std::size_t i : pick)
            members.push_back(elems[i]);
        result.push_back(set_from_sorted(std::move(members)));
        // Next combination in lexicographic order of positions.
        std::size_t i = pick.size();
        while (i > 0 && pick[i - 1] == elems.size() - pick.size() + (i - 1))
            --i;
        if (i == 0) break;
        ++pick[i - 1];
        for (std::size_t j = i; j < pick.size(); ++j)
            pick[j] = pick[j - 1] + 1;
    }
    return Value::set(std::move(result));
}

Value extreme(std::string_view op, Args a, int sign) {
    const Value& s = finite_set_arg(op, a, 0);
    auto elems = s.enumerate();
    if (elems.empty())
        fail("Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but "
             "no element of S satisfied P.");
    for (const Value& x : elems)
        if (!x.is_int()) bad_argument(op, 0, "a set of integers", s);
    return sign < 0 ? elems.front() : elems.back();
}

Value min(Args a, const EvalOptions&) {
    return extreme("Min", a, -1);
}
Value max(Args a, const EvalOptions&) {
    return extreme("Max", a, 1);
}

Value choices(Args a, const EvalOptions&) {
    const Value& sets = finite_set_arg("Choices", a, 0);
    std::vector<std::span<const Value>> options;
    for (const Value& s : sets.enumerate()) {
        if (!s.is_set()) fail("Choices: the element {} is not a set", brief(s));
        options.push_back(s.enumerate());
    }
    std::vector<Value> result;
    for (const auto& o : options)
        if (o.empty()) return Value::empty_set();
    std::vector<std::size_t> index(options.size(), 0);
    for (;;) {
        std::vector<Value> pick;
        for (std::size_t i = 0; i < options.size(); ++i)
            pick.push_back(options[i][index[i]]);
        result.push_back(Value::set(std::move(pick)));
        std::size_t i = options.size();
        while (i > 0) {
            --i;
            if (++index[i] < options[i].size()) break;
            index[i] = 0;
            if (i == 0) return Value::set(std::move(result));
        }
        if (options.empty()) return Value::set(std::move(result));
    }
}

Value choose_unique(Args a, const EvalOptions&) {
    const Value& s = finite_set_arg("ChooseUnique", a, 0);
    const Value& p = operator_arg("ChooseUnique", a, 1, 1);
    std::vector<Value> matches;
    for (const Value& x : s.enumerate())
        if (call_predicate(p, {x}, "ChooseUnique")) matches.push_back(x);
    if (matches.size() != 1)
        fail("Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but "
             "no element of S satisfied P.");
    return matches.front();
}

constexpr std::string_view M = "FiniteSetsExt";

const Builtin kFiniteSetsExt[] = {
    {M, "FoldSet", 3, fold_set},
    {M, "ReduceSet", 3, reduce_set},
    {M, "SumSet", 1, sum_set},
    {M, "ProductSet", 1, product_set},
    {M, "MapThenSumSet", 2, map_then_sum_set},
    {M, "FlattenSet", 1, flatten_set},
    {M, "SymDiff", 2, sym_diff},
    {M, "Quantify", 2, quantify},
    {M, "kSubset", 2, k_subset},
    {M, "Min", 1, min},
    {M, "Max", 1, max},
    {M, "Choices", 1, choices},
    {M, "ChooseUnique", 2, choose_unique},
};

} // namespace

std::span<const Builtin> finitesetsext_builtins() {
    return kFiniteSetsExt;
}

} // namespace tlatv::eval::builtins
