// Helpers shared by the builtin operator implementations: argument checks with TLC's messages,
// integer arithmetic under an IntMode, and calls back into operator arguments.
#pragma once

#include "evaluator/builtins.hpp"
#include "evaluator/value.hpp"
#include "evaluator/value_bigint.hpp"
#include "evaluator/value_internal.hpp"

#include <initializer_list>
#include <span>
#include <string_view>

namespace tlatv::eval::builtins {

using Args = std::span<const Value>;

// "first", "second", ... for argument positions counted from 0.
std::string_view ordinal(std::size_t index);

// Argument checks: return the argument or throw "The <nth> argument of <op> should be <what>, but
// instead it is: <value>".
[[noreturn]] void bad_argument(std::string_view op, std::size_t index, std::string_view expected,
                               const Value& actual);
const Value& int_arg(std::string_view op, Args args, std::size_t index);
std::int64_t small_int_arg(std::string_view op, Args args, std::size_t index);
const Value& set_arg(std::string_view op, Args args, std::size_t index);
const Value& finite_set_arg(std::string_view op, Args args, std::size_t index);
const Value& function_arg(std::string_view op, Args args, std::size_t index);
const Value& operator_arg(std::string_view op, Args args, std::size_t index, std::size_t arity);
// operator_arg for the operators TLC implements in Java, which refuse the number or string TLC
// passes for an operator whose body is that literal (see Operator::literal_body).
const Value& java_operator_arg(std::string_view op, Args args, std::size_t index,
                               std::size_t arity);

// Integer arithmetic. In IntMode::Tlc32 results outside 32 bits throw "Overflow when computing
// a+b"; in IntMode::Exact they grow into big integers.
Value int_add(const Value& a, const Value& b, const EvalOptions& options);
Value int_sub(const Value& a, const Value& b, const EvalOptions& options);
Value int_mul(const Value& a, const Value& b, const EvalOptions& options);
Value int_neg(const Value& a, const EvalOptions& options);
// The result of a computation, checked against the integer mode; `what` names the computation
// for the overflow message.
Value int_result(const BigInt& result, const EvalOptions& options, const std::string& what);
// A count (cardinality, length) as an integer value under the integer mode.
Value count_value(std::int64_t n, const EvalOptions& options);

// Calls an operator argument; the result of a predicate must be a boolean.
Value call(const Value& op, std::initializer_list<Value> args);
bool call_predicate(const Value& op, std::initializer_list<Value> args, std::string_view context);

// A sequence value, or for a string, its characters as one-character strings.
std::vector<Value> items_of(const Value& sequence_or_string);

// Table helpers for the per-module registries.
struct ModuleTable {
    std::string_view module;
    std::span<const Builtin> builtins;
};

std::span<const Builtin> language_builtins();
std::span<const Builtin> naturals_builtins();
std::span<const Builtin> integers_builtins();
std::span<const Builtin> sequences_builtins();
std::span<const Builtin> finitesets_builtins();
std::span<const Builtin> tlc_builtins();
std::span<const Builtin> bags_builtins();
std::span<const Builtin> bagsext_builtins();
std::span<const Builtin> functions_builtins();
std::span<const Builtin> folds_builtins();
std::span<const Builtin> finitesetsext_builtins();
std::span<const Builtin> sequencesext_builtins();
std::span<const Builtin> json_builtins();

// A stable merge sort of `items` by the binary operator `op`: an element goes before another when
// op(element, other) holds; elements neither of which goes first keep their order (as in TLC's
// SortSeq, which uses Java's stable sort).
std::vector<Value> sorted_by_operator(std::vector<Value> items, const Value& op,
                                      std::string_view context);

// Folds shared by several modules (TLC's overrides iterate in the canonical order):
//   fold_values_right: acc = base; for each v in order: acc = op(v, acc)
//   fold_values_left:  acc = base; for each v in order: acc = op(acc, v)
Value fold_values_right(const Value& op, Value base, std::span<const Value> values);
Value fold_values_left(const Value& op, Value base, std::span<const Value> values);

// The first element of a finite set, in canonical order, for which `pred` holds; throws TLC's
// CHOOSE error when there is none.
template <typename Pred>
Value choose_first(const Value& set, Pred pred) {
    for (const Value& x : set.enumerate())
        if (pred(x)) return x;
    fail("Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but no "
         "element of S satisfied P.");
}

// Whether `v` is a bag: a function whose images are positive integers.
bool is_bag(const Value& v);

} // namespace tlatv::eval::builtins
