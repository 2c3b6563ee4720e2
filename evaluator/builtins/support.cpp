#include "evaluator/builtins/support.hpp"

#include <limits>

namespace tlatv::eval::builtins {

std::string_view ordinal(std::size_t index) {
    static constexpr std::string_view names[] = {"first", "second", "third", "fourth", "fifth"};
    return index < std::size(names) ? names[index] : "next";
}

void bad_argument(std::string_view op, std::size_t index, std::string_view expected,
                  const Value& actual) {
    fail("The {} argument of {} should be {}, but instead it is: {}", ordinal(index), op, expected,
         brief(actual));
}

const Value& int_arg(std::string_view op, Args args, std::size_t index) {
    if (!args[index].is_int()) bad_argument(op, index, "an integer", args[index]);
    return args[index];
}

std::int64_t small_int_arg(std::string_view op, Args args, std::size_t index) {
    const Value& v = int_arg(op, args, index);
    if (v.is_big_int()) bad_argument(op, index, "a 64-bit integer", v);
    return v.as_int_unchecked();
}

const Value& set_arg(std::string_view op, Args args, std::size_t index) {
    if (!args[index].is_set()) bad_argument(op, index, "a set", args[index]);
    return args[index];
}

const Value& finite_set_arg(std::string_view op, Args args, std::size_t index) {
    const Value& s = set_arg(op, args, index);
    if (!s.is_finite_set()) bad_argument(op, index, "a finite set", s);
    return s;
}

const Value& function_arg(std::string_view op, Args args, std::size_t index) {
    if (!args[index].is_function()) bad_argument(op, index, "a function", args[index]);
    return args[index];
}

const Value& operator_arg(std::string_view op, Args args, std::size_t index, std::size_t arity) {
    const Value& v = args[index];
    if (!v.is_operator()) bad_argument(op, index, fmt::format("an operator of arity {}", arity), v);
    if (v.as_operator().arity() != arity)
        fail("The {} argument of {} should be an operator of arity {}, but {} takes {}",
             ordinal(index), op, arity, v.as_operator().name(), v.as_operator().arity());
    return v;
}

const Value& java_operator_arg(std::string_view op, Args args, std::size_t index,
                               std::size_t arity) {
    const Value& v = args[index];
    if (v.is_operator())
        if (const Value* literal = v.as_operator().literal_body())
            bad_argument(op, index, "an operator", *literal);
    return operator_arg(op, args, index, arity);
}

namespace {

constexpr std::int64_t kTlcMin = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kTlcMax = std::numeric_limits<std::int32_t>::max();

Value small_result(__int128 r, const EvalOptions& options, std::string_view symbol, const Value& a,
                   const Value& b) {
    if (options.int_mode == IntMode::Tlc32) {
        if (r < kTlcMin || r > kTlcMax)
            fail("Overflow when computing {}{}{}", a.to_string(), symbol, b.to_string());
        return Value::integer(static_cast<std::int64_t>(r));
    }
    if (r >= std::numeric_limits<std::int64_t>::min() &&
        r <= std::numeric_limits<std::int64_t>::max())
        return Value::integer(static_cast<std::int64_t>(r));
    bool negative = r < 0;
    unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(r) : r;
    BigInt big = static_cast<std::uint64_t>(magnitude >> 64);
    big <<= 64;
    big += static_cast<std::uint64_t>(magnitude);
    return big_integer(negative ? BigInt(-big) : big);
}

bool both_small(const Value& a, const Value& b) {
    return !a.is_big_int() && !b.is_big_int();
}

} // namespace

Value int_result(const BigInt& result, const EvalOptions& options, const std::string& what) {
    if (options.int_mode == IntMode::Tlc32 && (result < kTlcMin || result > kTlcMax))
        fail("Overflow when computing {}", what);
    return big_integer(result);
}

Value int_add(const Value& a, const Value& b, const EvalOptions& options) {
    if (both_small(a, b))
        return small_result(static_cast<__int128>(a.as_int_unchecked()) + b.as_int_unchecked(),
                            options, "+", a, b);
    return int_result(to_big_int(a) + to_big_int(b), options, a.to_string() + "+" + b.to_string());
}

Value int_sub(const Value& a, const Value& b, const EvalOptions& options) {
    if (both_small(a, b))
        return small_result(static_cast<__int128>(a.as_int_unchecked()) - b.as_int_unchecked(),
                            options, "-", a, b);
    return int_result(to_big_int(a) - to_big_int(b), options, a.to_string() + "-" + b.to_string());
}

Value int_mul(const Value& a, const Value& b, const EvalOptions& options) {
    if (both_small(a, b))
        return small_result(static_cast<__int128>(a.as_int_unchecked()) * b.as_int_unchecked(),
                            options, "*", a, b);
    return int_result(to_big_int(a) * to_big_int(b), options, a.to_string() + "*" + b.to_string());
}

Value int_neg(const Value& a, const EvalOptions& options) {
    return int_result(-to_big_int(a), options, "-" + a.to_string());
}

Value count_value(std::int64_t n, const EvalOptions& options) {
    if (options.int_mode == IntMode::Tlc32 && n > kTlcMax)
        fail("Overflow when computing a count of {} elements", n);
    return Value::integer(n);
}

Value call(const Value& op, std::initializer_list<Value> args) {
    if (!op.is_operator()) fail("Expected an operator, but instead got: {}", brief(op));
    const Operator& o = op.as_operator();
    if (o.arity() != args.size())
        fail("The operator {} takes {} arguments but was given {}", o.name(), o.arity(),
             args.size());
    return o.call(std::span<const Value>(args.begin(), args.size()));
}

bool call_predicate(const Value& op, std::initializer_list<Value> args, std::string_view context) {
    Value r = call(op, args);
    if (!r.is_bool())
        fail("The operator passed to {} should return a boolean, but instead it returned: {}",
             context, brief(r));
    return r.as_bool();
}

std::vector<Value> items_of(const Value& v) {
    if (v.is_string()) {
        std::vector<Value> chars;
        for (char c : v.as_string())
            chars.push_back(Value::string(std::string_view(&c, 1)));
        return chars;
    }
    auto items = v.items();
    return {items.begin(), items.end()};
}

namespace {

void merge_sort(std::vector<Value>& items, std::vector<Value>& scratch, std::size_t begin,
                std::size_t end, const Value& op, std::string_view context) {
    if (end - begin < 2) return;
    std::size_t mid = begin + (end - begin) / 2;
    merge_sort(items, scratch, begin, mid, op, context);
    merge_sort(items, scratch, mid, end, op, context);
    std::size_t i = begin, j = mid, k = begin;
    while (i < mid && j < end) {
        if (call_predicate(op, {items[j], items[i]}, context))
            scratch[k++] = items[j++];
        else
            scratch[k++] = items[i++];
    }
    while (i < mid)
        scratch[k++] = items[i++];
    while (j < end)
        scratch[k++] = items[j++];
    for (std::size_t x = begin; x < end; ++x)
        items[x] = std::move(scratch[x]);
}

} // namespace

std::vector<Value> sorted_by_operator(std::vector<Value> items, const Value& op,
                                      std::string_view context) {
    std::vector<Value> scratch(items.size());
    merge_sort(items, scratch, 0, items.size(), op, context);
    return items;
}

Value fold_values_right(const Value& op, Value base, std::span<const Value> values) {
    Value acc = std::move(base);
    for (const Value& v : values)
        acc = call(op, {v, acc});
    return acc;
}

Value fold_values_left(const Value& op, Value base, std::span<const Value> values) {
    Value acc = std::move(base);
    for (const Value& v : values)
        acc = call(op, {acc, v});
    return acc;
}

bool is_bag(const Value& v) {
    if (!v.is_function()) return false;
    for (const Value& count : v.values())
        if (!count.is_int() || compare(count, Value::integer(0)) <= 0) return false;
    return true;
}

} // namespace tlatv::eval::builtins
