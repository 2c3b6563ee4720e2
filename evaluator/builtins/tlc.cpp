// TLC: :>, @@, Print, PrintT, Assert, ToString, Permutations, SortSeq, Any, TLCEval. The
// operators that depend on the model checker's state (JavaTime, RandomElement, TLCGet, TLCSet)
// belong to the evaluator.
#include "evaluator/builtins/support.hpp"

#include <algorithm>
#include <numeric>

namespace tlatv::eval::builtins {

namespace {

Value maps_to(Args a, const EvalOptions&) {
    return Value::function_from_pairs({{a[0], a[1]}});
}

Value combine(Args a, const EvalOptions&) {
    const Value& f = function_arg("@@", a, 0);
    const Value& g = function_arg("@@", a, 1);
    std::vector<std::pair<Value, Value>> pairs;
    auto fk = f.keys();
    auto fv = f.values();
    for (std::size_t i = 0; i < fk.size(); ++i)
        pairs.emplace_back(fk[i], fv[i]);
    auto gk = g.keys();
    auto gv = g.values();
    for (std::size_t i = 0; i < gk.size(); ++i)
        if (!f.find(gk[i])) pairs.emplace_back(gk[i], gv[i]);
    return Value::function_from_pairs(std::move(pairs));
}

Value print(Args a, const EvalOptions& o) {
    if (o.print_sink) o.print_sink(a[0]);
    return a[1];
}

Value print_t(Args a, const EvalOptions& o) {
    if (o.print_sink) o.print_sink(a[0]);
    return Value::boolean(true);
}

Value assert_(Args a, const EvalOptions&) {
    if (!a[0].is_bool() || !a[0].as_bool())
        fail("The first argument of Assert evaluated to FALSE; the second argument was: {}",
             brief(a[1]));
    return Value::boolean(true);
}

Value to_string(Args a, const EvalOptions&) {
    return Value::string(a[0].to_string());
}

Value permutations(Args a, const EvalOptions&) {
    if (!a[0].is_set() || !a[0].is_finite_set())
        fail("Applying Permutations to the following value, which is not a finite set: {}",
             brief(a[0]));
    auto elems = a[0].enumerate();
    if (elems.size() > 10)
        fail("Permutations of {} elements are too many to enumerate", elems.size());
    std::vector<std::size_t> index(elems.size());
    std::iota(index.begin(), index.end(), 0);
    std::vector<Value> result;
    do {
        std::vector<Value> images;
        images.reserve(index.size());
        for (std::size_t i : index)
            images.push_back(elems[i]);
        result.push_back(Value::function(a[0], std::move(images)));
    } while (std::next_permutation(index.begin(), index.end()));
    return Value::set(std::move(result));
}

Value sort_seq(Args a, const EvalOptions&) {
    if (!a[0].is_function() || !a[0].is_sequence()) bad_argument("SortSeq", 0, "a sequence", a[0]);
    const Value& op = operator_arg("SortSeq", a, 1, 2);
    auto items = a[0].items();
    return Value::tuple(
        sorted_by_operator(std::vector<Value>(items.begin(), items.end()), op, "SortSeq"));
}

Value any(Args, const EvalOptions&) {
    return Value::any();
}
Value tlc_eval(Args a, const EvalOptions&) {
    return a[0];
}

constexpr std::string_view M = "TLC";

const Builtin kTlc[] = {
    {M, ":>", 2, maps_to},
    {M, "@@", 2, combine},
    {M, "Print", 2, print},
    {M, "PrintT", 1, print_t},
    {M, "Assert", 2, assert_},
    {M, "ToString", 1, to_string},
    {M, "Permutations", 1, permutations},
    {M, "SortSeq", 2, sort_seq},
    {M, "Any", 0, any},
    {M, "TLCEval", 1, tlc_eval},
};

} // namespace

std::span<const Builtin> tlc_builtins() {
    return kTlc;
}

} // namespace tlatv::eval::builtins
