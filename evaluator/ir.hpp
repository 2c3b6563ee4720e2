// The resolved form of a spec: an immutable tree of nodes evaluated by a `switch` (eval.cpp).
//
// The resolver (resolve.hpp) binds every identifier once: a node says which frame slot, which
// definition, which builtin, which constant or which state variable it denotes, so evaluation
// does no look-up by name. Nodes carry only what their kind needs; the unused members stay empty.
//
// Frames. Each definition body (module-level, LET, LAMBDA, instance substitution) runs in a frame
// of its own whose slots hold its parameters, the variables bound inside it (quantifiers, CHOOSE,
// set and function constructors) and the caches of its zero-argument LET definitions. A frame's
// parent is the frame of the scope the definition was written in (its static link), so a slot is
// addressed by (hops up the static chain, index). Module-level definitions are at level 0 (no
// frame); a body written at level L runs at level L + 1.
#pragma once

#include "evaluator/builtins.hpp"
#include "evaluator/value.hpp"
#include "parser/ast.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::eval::ir {

enum class NodeKind : std::uint8_t {
    // ---- Leaves ----
    Literal,     // value
    Slot,        // frame variable: hops, index
    Constant,    // index into CompiledSpec::constants (a CONSTANT of the root module)
    StateVar,    // index into the state; reads the post-state while evaluating under a prime
    OperatorArg, // an operator used as an argument F(G): index = definition, builtin or kid[0]
                 // (a Lambda node); see OperatorArgKind in `flags`
    ExceptAt,    // `@` inside an EXCEPT clause value

    // ---- Calls ----
    CallDef,     // definitions[index] with kids as arguments; hops = static link; for a call
                 // through a parameterised instance, the first `count` kids are the instance's
                 // arguments
    CallBuiltin, // builtin with kids as arguments
    CallParam,   // an operator parameter (slot hops/index holding an Operator value) with kids
    CallEvalOp,  // an operator of the TLC module that needs the evaluator (TLCGet, Print, ...):
                 // index = EvalOp, kids = arguments

    // ---- Logic (operands evaluated left to right, stopping early) ----
    And,
    Or,
    Not,
    Implies,
    Equiv,
    If,
    Case, // kids: guard, arm, guard, arm, ... [, other]; flags = 1 when there is an OTHER arm
    Eq,
    Neq,
    In,
    NotIn,
    Let, // kids[0] = body; index/count = first cache slot and number of zero-argument
         // definitions whose caches are cleared on entry

    // ---- Bindings: `bounds` give slots and sets ----
    Forall, // kids[0] = body
    Exists,
    Choose,    // bounds[0], kids[0] = predicate
    SetFilter, // bounds[0], kids[0] = predicate
    SetMap,    // kids[0] = element expression
    FunCons,   // kids[0] = body; the bound slots are in the node's own frame (frame_size)

    // ---- Data ----
    SetEnum,           // kids
    Tuple,             // kids
    RecordCons,        // fields, kids
    RecordSet,         // fields, kids
    FunSet,            // kids[0] -> kids[1]
    FunApp,            // kids[0] applied to kids[1..] (several arguments form a tuple)
    ConstructorDomain, // DOMAIN [x \in S |-> e]: kids[0] = the FunCons; e is not evaluated
    Dot,               // kids[0].fields[0]
    Except,            // kids[0] = function; clauses

    // ---- Actions and temporal operators ----
    Prime,       // kids[0] evaluated in the post-state
    Unchanged,   // kids[0]' = kids[0]
    Enabled,     // ENABLED kids[0]
    ActionBox,   // [A]_v: kids[0] = A, kids[1] = v  (A \/ UNCHANGED v)
    ActionAngle, // <<A>>_v (A /\ ~UNCHANGED v)
    Cdot,        // A \cdot B
    Temporal,    // [] <> ~> -+-> WF SF \AA \EE: not evaluable; text = the operator
};

// How an OperatorArg node makes its Operator value.
enum class OperatorArgKind : std::uint8_t { Definition, Builtin, Lambda, Param };

// Operators of the TLC module (and a few community modules) that need the evaluator's context.
enum class EvalOp : std::uint8_t {
    TLCGet,
    TLCSet,
    Print,
    PrintT,
    Assert,
    JavaTime,
    RandomElement,
    IOEnv,
    JsonDeserialize,
    NdJsonDeserialize,
    TLCEval,
    Any,             // TLC!Any
    Atoi,            // IOUtils
    ZeroPadN,        // IOUtils
    TLCModelValue,   // TLCExt
    AssertEq,        // TLCExt
    TLCCache,        // TLCExt: the value itself (tlatv does not cache across evaluations)
    TLCGetOrDefault, // TLCExt
    PickSuccessor,   // TLCExt: its argument
    Deserialize,     // IOUtils: a file read with the format "TXT" (others are unsupported)
    // Operators that run processes, write files or inspect TLC's state space: resolved so that
    // specs mentioning them load, but an error when evaluated.
    Unsupported,
};

struct Node;

// One binder: `x, y \in S` (slots of x and y, each ranging over S) or `<<x, y>> \in S`
// (tuple = true). `set` is null for an unbounded binder (`\E x : P`), an error at evaluation.
struct Bound {
    std::vector<std::uint32_t> slots;
    bool tuple = false;
    std::unique_ptr<Node> set;
};

struct ExceptStep {
    bool is_field = false;
    Value field;                 // the field name as a string value
    std::unique_ptr<Node> index; // `[a]`, or a Tuple node for `[a, b]`
};

struct ExceptClause {
    std::vector<ExceptStep> path;
    std::unique_ptr<Node> value;
};

struct Node {
    NodeKind kind = NodeKind::Literal;
    std::uint8_t flags = 0;
    std::uint16_t file = 0; // index into CompiledSpec::files
    ast::Span span;
    std::uint32_t index = 0; // slot, definition, constant, variable or EvalOp
    std::uint32_t hops = 0;  // static-chain hops for Slot, CallDef, CallParam
    std::uint32_t count = 0; // kind-specific count (see NodeKind)
    std::vector<Node> kids;
    std::vector<Bound> bounds;
    std::vector<ExceptClause> clauses;
    std::vector<std::string> fields;
    std::string text; // a name for messages (the operator or variable written)
    Value value;      // Literal; the Builtin for CallBuiltin / OperatorArg is in `builtin`
    const Builtin* builtin = nullptr;
    std::uint32_t frame_size = 0; // FunCons, SetFilter: slots of the node's own frame
};

// A user definition: module-level, LET, instance substitution (`x <- e` becomes a definition of
// M's x) or recursive function (`f[x \in S] == e`).
struct Definition {
    std::string name;
    std::vector<int> param_arities; // one per parameter; > 0 for operator parameters
    std::uint32_t level = 0;        // level of the scope it is defined in
    std::uint32_t frame_size = 0;   // slots of its body's frame (parameters first)
    std::unique_ptr<Node> body;     // null until resolved (a RECURSIVE declaration)
    bool is_function = false;       // body is a FunCons node (a recursive function definition)
    // Zero-argument definitions whose value cannot change within one evaluation context: no
    // state variables, no operator parameters, no side effects. Their value is cached.
    bool constant_level = false;
    // Zero-argument LET definitions: slot of the cache in the defining frame.
    std::optional<std::uint32_t> let_cache_slot;
    std::uint16_t file = 0;
    ast::Span span;
    // A cfg `Op <- Other` replaces the definition by another one.
    std::optional<std::uint32_t> replaced_by;
    // A cfg `Op = value` (TLC allows it for zero-argument definitions) gives its value.
    std::optional<Value> value_override;

    std::size_t arity() const { return param_arities.size(); }
};

struct ConstantInfo {
    std::string name;
    int arity = 0;
    std::uint16_t file = 0;
    ast::Span span;
};

struct VariableInfo {
    std::string name;
    std::uint16_t file = 0;
    ast::Span span;
};

} // namespace tlatv::eval::ir
