// The TLC model configuration (.cfg) as plain C++ data.
//
// A configuration names the spec's operators TLC should use (SPECIFICATION, INIT, NEXT,
// INVARIANT, ...) and gives values to the spec's constants. Every entry keeps the span it was
// written at, so that later stages (resolving names, evaluating constants) can report errors
// at the right place in the .cfg file.
#pragma once

#include "parser/ast.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::cfg {

using ast::Position;
using ast::Span;

// A constant's value as written in the configuration. TLC accepts a small language here:
// integers, strings, booleans, model values and (nested) sets; tuples are accepted too.
struct Value {
    enum class Kind : std::uint8_t {
        Integer,    // text: decimal digits, with a leading '-' when negative
        String,     // text: the characters between the quotes, escapes kept as written (as TLC)
        Boolean,    // text: "TRUE" or "FALSE"
        ModelValue, // text: the model value's name (`A = A`, `S = {s1, s2}`)
        Set,        // elements: the members in written order (duplicates kept)
        Tuple,      // elements: <<e1, e2, ...>>
    };

    Kind kind = Kind::ModelValue;
    std::string text;
    std::vector<Value> elements;
    Span span;

    bool is_true() const { return kind == Kind::Boolean && text == "TRUE"; }
};

// A name written in the configuration: an operator, a constant, or a qualified `I!J!C`.
struct Name {
    std::string name;
    Span span;
};

// `C = value`, `C = [M] value` (the constant C of module M) or `F(v1, v2) = value`.
struct ConstantAssignment {
    Name constant;
    std::vector<Value> arguments; // empty unless written `F(v1, ...) = value`
    std::string module;           // empty unless written `C = [M] value`
    Value value;
    Span span; // the whole entry
};

// `C <- Op` or `C <- [M] Op`: the constant or operator C is replaced by the definition Op.
struct Replacement {
    Name constant;
    std::string module; // empty unless written `C <- [M] Op`
    Name replacement;
    Span span; // the whole entry
};

struct Config {
    std::string file; // the name the configuration was parsed under

    std::vector<ConstantAssignment> assignments;
    std::vector<Replacement> replacements;

    // Keywords that take one name and may appear once (TLC rejects a second occurrence).
    std::optional<Name> specification;
    std::optional<Name> init;
    std::optional<Name> next;
    std::optional<Name> view;
    std::optional<Name> symmetry;
    std::optional<Name> alias;
    std::optional<Name> postcondition;
    std::optional<Name> periodic;  // _PERIODIC (simulation)
    std::optional<Name> rl_reward; // _RL_REWARD (simulation)

    // Keywords that take any number of names and may be repeated; entries accumulate in order.
    std::vector<Name> invariants;
    std::vector<Name> properties;
    std::vector<Name> constraints;
    std::vector<Name> action_constraints;

    std::optional<bool> check_deadlock; // unset: TLC's default (TRUE)
    Span check_deadlock_span;

    bool checks_deadlock() const { return check_deadlock.value_or(true); }
};

} // namespace tlatv::cfg
