// Actions on windows: the next-state relation split into TLC's actions, successor and initial
// state enumeration, and checking a (pre-state, post-state) window against an action.
//
// Enumeration is a mode of the one evaluator (eval.cpp): a walk over the action's IR that keeps
// the conjuncts still to do as a continuation, TLC's `getNextStates`. Conjunctions run left to
// right; `x' = e` and `x' \in S` assign x' while it is unbound (and test it afterwards);
// UNCHANGED assigns through tuples and definitions; \/, \E, IF and CASE branch; calls of user
// definitions are entered; [A]_v, <<A>>_v and A \cdot B follow their definitions; any other
// conjunct is evaluated as a boolean with the primed variables bound so far.
#pragma once

#include "evaluator/eval.hpp"
#include "evaluator/value.hpp"
#include "parser/ast.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

namespace ir {
struct Node;
}

// A state: one value per variable of CompiledSpec::variables(), in declaration order.
using State = std::vector<Value>;
// A state some of whose variables are unknown.
using PartialState = std::vector<std::optional<Value>>;

// One action: an expression of the spec with the values of the parameters and bound variables it
// runs with. Valid while the CompiledSpec it was made from lives.
struct Action {
    // The operator the action was named after, as TLC names it ("UnnamedAction" when none).
    std::string name;
    // The values of that operator's formal parameters (empty when it has none or they are not
    // fixed, e.g. the whole `Next`).
    std::vector<Value> parameters;
    // TLC's label: `Request(c1,{r1})`, or the name alone without parameters.
    std::string label() const;

    // Where it is: the expression and its frames' slot values, innermost frame first (see
    // ir.hpp). Filled by the functions below; callers treat them as opaque.
    const ir::Node* expression = nullptr;
    std::vector<std::vector<Value>> frames;
    // Further conjuncts walked after `expression`, each with frames of its own (an initial
    // predicate spread over a formula: `PrintT(R) /\ Init /\ [][Next]_v`).
    std::vector<Action> conjuncts;
};

inline constexpr std::string_view kUnnamedAction = "UnnamedAction";

// The definition `name` of the root module applied to `arguments` as one action (not split).
// Throws EvalFailure when there is no such definition or the arity differs.
Action definition_action(const CompiledSpec& spec, std::string_view name,
                         std::vector<Value> arguments = {});

// What a SPECIFICATION formula `Init /\ [][Next]_v /\ ...` says about the states.
struct SpecFormula {
    Action init; // the conjuncts that are state predicates (usually the call of Init)
    Action next; // the N of [][N]_v, named after N when it is a definition
};
// Reads the formula of the definition `spec_name`. Throws EvalFailure when it is not of the form
// above.
SpecFormula spec_formula(const CompiledSpec& spec, std::string_view spec_name);

// Splits an action into TLC's actions: top-level disjuncts (through definitions whose arguments
// are constant-level), \E over constant-level sets (its values become parameters), each piece
// named after the innermost user definition it came from. Throws EvalFailure.
std::vector<Action> split_actions(EvalContext& ctx, const Action& whole);

// The actions `name` selects among the pieces of `next`: a label (`Request(c1,{r1})`) selects the
// pieces with that label; an operator's name the pieces named after it; otherwise `name` must be
// a definition without parameters, taken whole. An empty name selects `next` whole. Throws
// EvalFailure when nothing matches.
std::vector<Action> select_actions(EvalContext& ctx, const Action& next, std::string_view name);

struct EnumerationLimits {
    std::size_t max_states = 1'000'000; // completed states one walk may produce (duplicates count)
    std::chrono::milliseconds time_budget{60'000};
};

// The first conjunct found false on the most advanced branch of a walk, for diagnostics.
struct FalseConjunct {
    std::string file;
    ast::Span span;
    struct Part {
        ast::Span span;
        std::string value; // TLC's printed form
    };
    std::vector<Part> parts;          // values of its operands, where they evaluate
    std::size_t conjuncts_before = 0; // conjuncts that held on its branch before it
};

// How one walk runs. `on_state` receives each completed state (not yet deduplicated) and returns
// false to stop the walk.
struct WalkRequest {
    const Action* action = nullptr;
    bool initial = false;       // walk an initial predicate: assigns unprimed variables
    const State* pre = nullptr; // the pre-state (ignored when `initial`)
    PartialState fixed;         // post (or initial) variables bound beforehand; may be empty
    EnumerationLimits limits;
    std::function<bool(const PartialState&)> on_state;
    FalseConjunct* trace = nullptr; // when set, records the false conjunct reached furthest
};

// Runs one walk. Throws EvalFailure on evaluation errors, an incompletely specified state
// (naming the variables) or an exhausted limit (naming it).
void walk_action(EvalContext& ctx, const WalkRequest& request);

// The value of an action's expression read as a state-level expression in `state` (no primed
// variable is bound): for parts of a formula a caller picked out of the IR, such as the state
// predicates of a temporal property. Throws EvalFailure.
Value evaluate_in_state(EvalContext& ctx, const Action& expression, const State& state);

// The distinct successors of `pre` under `action`, in the order found.
std::vector<State> successors(EvalContext& ctx, const Action& action, const State& pre,
                              const EnumerationLimits& limits = {});

// The distinct states satisfying the initial predicate `init`, in the order found.
std::vector<State> initial_states(EvalContext& ctx, const Action& init,
                                  const EnumerationLimits& limits = {});

} // namespace tlatv::eval
