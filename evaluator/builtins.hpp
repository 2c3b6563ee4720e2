// The operators of TLA+'s standard modules (and of the language itself) implemented natively.
//
// The resolver looks an operator up by module and name once; the evaluator then calls `fn` with
// the already evaluated arguments. Operators that must not evaluate all their operands first
// (`/\ \/ ~ => <=>`, quantifiers, CHOOSE, IF, CASE, set/function constructors) are the
// evaluator's, not here.
//
// Names are the identifiers of the modules (`Len`, `Cardinality`) or, for infix, prefix and
// postfix operators, the parser's canonical symbol: "+", "-", "-." (unary minus), "*", "^",
// "\\div", "%", "<", ">", "\\leq", "\\geq", "..", "\\o", ":>", "@@", "\\oplus", "\\ominus",
// "\\sqsubseteq", "=", "#", "\\in", "\\notin", "\\cup", "\\cap", "\\", "\\subseteq", "\\X",
// "SUBSET", "UNION", "DOMAIN". Common synonyms ("<=", "=<", "\\circ", "(+)", "(-)", "/=",
// "\\union", "\\intersect", "\\times") are accepted by `find_builtin` too.
//
// Module "language" holds what needs no EXTENDS: TRUE, FALSE, BOOLEAN, STRING and the set, function
// and equality operators above. Nat is in Naturals, Int in Integers, Seq in Sequences, as in TLA+.
#pragma once

#include "evaluator/value.hpp"

#include <span>
#include <string_view>

namespace tlatv::eval {

inline constexpr std::string_view kLanguageModule = "language";

// Already evaluated arguments in, a value out; throws EvalError with TLC's kind of message.
using BuiltinFn = Value (*)(std::span<const Value> args, const EvalOptions& options);

inline constexpr int kVariadic = -1;

// For an operator TLC defines in TLA+ rather than in Java, TLC evaluates an argument only when the
// definition uses it: whether the argument at `index` is used, given the arguments before it
// (already evaluated). An unused argument is not evaluated (the builtin sees FALSE there and must
// not read it).
using ArgumentUsedFn = bool (*)(std::size_t index, std::span<const Value> earlier);

struct Builtin {
    std::string_view module; // the standard module that defines it, or kLanguageModule
    std::string_view name;   // identifier or canonical symbol
    int arity;               // number of arguments; 0 for constants; kVariadic for \X
    BuiltinFn fn;
    ArgumentUsedFn argument_used = nullptr; // nullptr: every argument is evaluated
};

// The operator `name` defined by `module` itself (not by the modules it extends), or nullptr.
const Builtin* find_builtin(std::string_view module, std::string_view name);

// The operator `name` as seen by a module that EXTENDS `module`: looks in `module` and, in order,
// in the standard modules it extends (transitively). nullptr when none defines it.
const Builtin* find_builtin_visible(std::string_view module, std::string_view name);

// Every builtin of one module (not of those it extends).
std::span<const Builtin> builtins_of(std::string_view module);

// The standard modules implemented here, e.g. Naturals, Integers, Sequences, FiniteSets, Bags,
// BagsExt, TLC, SequencesExt, FiniteSetsExt, Functions, Folds, Json (not "language").
std::span<const std::string_view> standard_modules();
bool is_standard_module(std::string_view module);

// The modules a standard module EXTENDS directly (Integers: Naturals; TLC: Naturals, Sequences,
// FiniteSets; ...). Empty for unknown modules.
std::span<const std::string_view> standard_module_extends(std::string_view module);

} // namespace tlatv::eval
