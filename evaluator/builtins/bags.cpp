// Bags (standard module) and BagsExt (CommunityModules). A bag is a function from its elements
// to positive integers (their numbers of copies).
#include "evaluator/builtins/support.hpp"

#include <map>

namespace tlatv::eval::builtins {

namespace {

const Value& bag_arg(std::string_view op, Args a, std::size_t index) {
    if (!is_bag(a[index])) bad_argument(op, index, "a bag", a[index]);
    return a[index];
}

Value copies_in(const Value& bag, const Value& e) {
    const Value* n = bag.find(e);
    return n ? *n : Value::integer(0);
}

Value empty_bag(Args, const EvalOptions&) {
    return Value::tuple({});
}

Value set_to_bag(Args a, const EvalOptions&) {
    if (!a[0].is_set() || !a[0].is_finite_set())
        fail("Applying BagToSet to the following value, which is not a function with a finite "
             "domain: {}",
             brief(a[0]));
    return Value::function(a[0], std::vector<Value>(a[0].enumerate().size(), Value::integer(1)));
}

Value bag_to_set(Args a, const EvalOptions&) {
    if (!a[0].is_function())
        fail("Applying BagToSet to the following value, which is not a function with a finite "
             "domain: {}",
             brief(a[0]));
    return a[0].domain();
}

Value is_a_bag(Args a, const EvalOptions&) {
    return Value::boolean(is_bag(a[0]));
}

Value bag_in(Args a, const EvalOptions&) {
    const Value& b = bag_arg("BagIn", a, 1);
    return Value::boolean(b.find(a[0]) != nullptr);
}

Value copies(Args a, const EvalOptions&) {
    return copies_in(bag_arg("CopiesIn", a, 1), a[0]);
}

// Combines two bags element-wise with `count(copies in b1, copies in b2)`; elements whose count
// is not positive are dropped.
template <typename Count>
Value combine_bags(const Value& b1, const Value& b2, Count count) {
    std::vector<std::pair<Value, Value>> pairs;
    Value all = Value::set_union(b1.domain(), b2.domain());
    for (const Value& e : all.enumerate()) {
        Value n = count(copies_in(b1, e), copies_in(b2, e));
        if (compare(n, Value::integer(0)) > 0) pairs.emplace_back(e, std::move(n));
    }
    return Value::function_from_pairs(std::move(pairs));
}

Value bag_cup(Args a, const EvalOptions& o) {
    const Value& b1 = bag_arg("(+)", a, 0);
    const Value& b2 = bag_arg("(+)", a, 1);
    return combine_bags(b1, b2, [&](const Value& x, const Value& y) { return int_add(x, y, o); });
}

Value bag_diff(Args a, const EvalOptions& o) {
    const Value& b1 = bag_arg("(-)", a, 0);
    const Value& b2 = bag_arg("(-)", a, 1);
    std::vector<std::pair<Value, Value>> pairs;
    auto keys = b1.keys();
    auto vals = b1.values();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        Value n = int_sub(vals[i], copies_in(b2, keys[i]), o);
        if (compare(n, Value::integer(0)) > 0) pairs.emplace_back(keys[i], std::move(n));
    }
    // TLC compares the domains of both bags, so mixing kinds of elements is an error.
    if (!keys.empty() && b2.size() > 0) compare(keys.front(), b2.keys().front());
    return Value::function_from_pairs(std::move(pairs));
}

Value bag_union(Args a, const EvalOptions& o) {
    const Value& s = finite_set_arg("BagUnion", a, 0);
    Value acc = Value::tuple({});
    for (const Value& b : s.enumerate()) {
        if (!is_bag(b)) fail("BagUnion: the element {} is not a bag", brief(b));
        acc =
            combine_bags(acc, b, [&](const Value& x, const Value& y) { return int_add(x, y, o); });
    }
    return acc;
}

Value sqsubseteq(Args a, const EvalOptions&) {
    const Value& b1 = bag_arg("\\sqsubseteq", a, 0);
    const Value& b2 = bag_arg("\\sqsubseteq", a, 1);
    if (b1.size() > 0 && b2.size() > 0) compare(b1.keys().front(), b2.keys().front());
    auto keys = b1.keys();
    auto vals = b1.values();
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (compare(vals[i], copies_in(b2, keys[i])) > 0) return Value::boolean(false);
    return Value::boolean(true);
}

Value sub_bag(Args a, const EvalOptions&) {
    const Value& b = bag_arg("SubBag", a, 0);
    auto keys = b.keys();
    auto vals = b.values();
    std::vector<std::int64_t> limit;
    for (const Value& v : vals)
        limit.push_back(v.as_int());
    std::vector<std::int64_t> count(keys.size(), 0);
    std::vector<Value> result;
    for (;;) {
        std::vector<std::pair<Value, Value>> pairs;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (count[i] > 0) pairs.emplace_back(keys[i], Value::integer(count[i]));
        result.push_back(Value::function_from_pairs(std::move(pairs)));
        std::size_t i = 0;
        while (i < keys.size() && ++count[i] > limit[i])
            count[i++] = 0;
        if (i == keys.size()) break;
    }
    return Value::set(std::move(result));
}

Value bag_of_all(Args a, const EvalOptions& o) {
    const Value& f = java_operator_arg("BagOfAll", a, 0, 1);
    const Value& b = bag_arg("BagOfAll", a, 1);
    std::vector<std::pair<Value, Value>> counted;
    auto keys = b.keys();
    auto vals = b.values();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        Value image = call(f, {keys[i]});
        bool merged = false;
        for (auto& [e, n] : counted)
            if (equals(e, image)) {
                n = int_add(n, vals[i], o);
                merged = true;
                break;
            }
        if (!merged) counted.emplace_back(std::move(image), vals[i]);
    }
    return Value::function_from_pairs(std::move(counted));
}

Value bag_cardinality(Args a, const EvalOptions& o) {
    Value total = Value::integer(0);
    for (const Value& n : bag_arg("BagCardinality", a, 0).values())
        total = int_add(total, n, o);
    return total;
}

// ---- BagsExt ----

Value bag_add(Args a, const EvalOptions& o) {
    const Value& b = bag_arg("BagAdd", a, 0);
    if (b.find(a[1]))
        return b.with_updated(a[1], int_add(copies_in(b, a[1]), Value::integer(1), o));
    auto keys = b.keys();
    auto vals = b.values();
    std::vector<std::pair<Value, Value>> pairs;
    for (std::size_t i = 0; i < keys.size(); ++i)
        pairs.emplace_back(keys[i], vals[i]);
    pairs.emplace_back(a[1], Value::integer(1));
    return Value::function_from_pairs(std::move(pairs));
}

Value without(const Value& b, const Value& e) {
    std::vector<std::pair<Value, Value>> pairs;
    auto keys = b.keys();
    auto vals = b.values();
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!equals(keys[i], e)) pairs.emplace_back(keys[i], vals[i]);
    return Value::function_from_pairs(std::move(pairs));
}

Value bag_remove(Args a, const EvalOptions& o) {
    const Value& b = bag_arg("BagRemove", a, 0);
    const Value* n = b.find(a[1]);
    if (!n) return b;
    if (compare(*n, Value::integer(1)) == 0) return without(b, a[1]);
    return b.with_updated(a[1], int_sub(*n, Value::integer(1), o));
}

Value bag_remove_all(Args a, const EvalOptions&) {
    return without(bag_arg("BagRemoveAll", a, 0), a[1]);
}

// acc = base; for each element in order, once per copy: acc = op(acc, element).
Value fold_bag_with(const Value& op, Value base, const Value& b) {
    auto keys = b.keys();
    auto vals = b.values();
    Value acc = std::move(base);
    for (std::size_t i = 0; i < keys.size(); ++i)
        for (std::int64_t c = 0; c < vals[i].as_int(); ++c)
            acc = call(op, {acc, keys[i]});
    return acc;
}

Value fold_bag(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldBag", a, 0, 2);
    return fold_bag_with(op, a[1], bag_arg("FoldBag", a, 2));
}

template <typename Combine>
Value reduce_bag(std::string_view op, Args a, Value unit, Combine combine) {
    const Value& b = bag_arg(op, a, 0);
    auto keys = b.keys();
    auto vals = b.values();
    Value acc = std::move(unit);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].is_int()) fail("{}: the element {} is not an integer", op, brief(keys[i]));
        for (std::int64_t c = 0; c < vals[i].as_int(); ++c)
            acc = combine(acc, keys[i]);
    }
    return acc;
}

Value sum_bag(Args a, const EvalOptions& o) {
    return reduce_bag("SumBag", a, Value::integer(0),
                      [&](const Value& x, const Value& y) { return int_add(x, y, o); });
}

Value product_bag(Args a, const EvalOptions& o) {
    return reduce_bag("ProductBag", a, Value::integer(1),
                      [&](const Value& x, const Value& y) { return int_mul(x, y, o); });
}

const Builtin kBags[] = {
    {"Bags", "EmptyBag", 0, empty_bag},
    {"Bags", "SetToBag", 1, set_to_bag},
    {"Bags", "BagToSet", 1, bag_to_set},
    {"Bags", "IsABag", 1, is_a_bag},
    {"Bags", "BagIn", 2, bag_in},
    {"Bags", "CopiesIn", 2, copies},
    {"Bags", "\\oplus", 2, bag_cup},
    {"Bags", "\\ominus", 2, bag_diff},
    {"Bags", "BagUnion", 1, bag_union},
    {"Bags", "\\sqsubseteq", 2, sqsubseteq},
    {"Bags", "SubBag", 1, sub_bag},
    {"Bags", "BagOfAll", 2, bag_of_all},
    {"Bags", "BagCardinality", 1, bag_cardinality},
};

const Builtin kBagsExt[] = {
    {"BagsExt", "BagAdd", 2, bag_add},
    {"BagsExt", "BagRemove", 2, bag_remove},
    {"BagsExt", "BagRemoveAll", 2, bag_remove_all},
    {"BagsExt", "FoldBag", 3, fold_bag},
    {"BagsExt", "SumBag", 1, sum_bag},
    {"BagsExt", "ProductBag", 1, product_bag},
};

} // namespace

std::span<const Builtin> bags_builtins() {
    return kBags;
}
std::span<const Builtin> bagsext_builtins() {
    return kBagsExt;
}

} // namespace tlatv::eval::builtins
