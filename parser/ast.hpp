// The TLA+ abstract syntax tree produced by the parser.
//
// It is deliberately plain C++ (no Spirit types) so that the resolver and the evaluator can use
// it without paying Spirit's compile time. Expressions are one uniform node type: a kind, an
// optional name or literal text, children and binders. Operators written with symbols (`+`,
// `\cup`, `=<`) are applications of the operator named by the symbol's canonical spelling, so a
// user-defined `a ++ b == ...` and the built-in `+` are looked up the same way.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace tlatv::ast {

// 1-based line and column (columns count Unicode code points), 0-based byte offset.
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t offset = 0;
};

struct Span {
    Position begin;
    Position end; // one past the last character
};

struct Expr;

// One bound in a quantifier, CHOOSE, set constructor or function constructor:
//   x \in S            names = {x}, set = {S}
//   x, y \in S         names = {x, y}, set = {S}   (each name ranges over S)
//   <<x, y>> \in S     names = {x, y}, tuple = true, set = {S}
//   x                  names = {x}, set = {}       (unbounded)
struct Binder {
    std::vector<std::string> names;
    bool tuple = false;
    std::vector<Expr> set; // zero or one element
    Span span;
};

// One step of an EXCEPT path: `.field` or `[e1, e2]`.
struct ExceptStep {
    bool is_field = false;
    std::string field;
    std::vector<Expr> index; // the arguments of `[...]`; several for `![a, b]`
};

struct ExceptClause {
    std::vector<ExceptStep> path;
    std::vector<Expr> value; // exactly one element
};

// A qualifier in `I!Op` or `P(x)!Op`: the instance name and its arguments.
struct Qualifier {
    std::string name;
    std::vector<Expr> args;
};

struct Unit;

enum class ExprKind : std::uint8_t {
    // Leaves
    Name,    // identifier use: name, args (Op(a, b)), qualifiers (I!J!Op)
    Number,  // text: the value in decimal digits (\b \o \h forms are converted by the parser)
    Decimal, // text: "1.5" (Reals: parsed only)
    String,  // text: the string's contents with escapes already resolved
    At,      // `@` inside an EXCEPT value
    OpRef,   // an operator symbol passed as an argument: F(+) ; name = canonical symbol

    // Operator application: name = canonical symbol or keyword, args = operands.
    // Infix:   = # /\ \/ => <=> \equiv \in \notin \subseteq \cup \cap \ \X + - * ^ .. < > \leq
    //          \geq % \div \o :> @@ ~> -+-> \cdot and every other user-definable infix symbol.
    //          `\X` is n-ary (a \X b \X c has three args, it is not associative).
    // Prefix:  ~  -. (unary minus)  [] <>  DOMAIN SUBSET UNION ENABLED UNCHANGED
    // Postfix: ' (prime)  ^+  ^*  ^#
    OpApp,

    ConjList, // a bulleted /\ list: args are the items in order
    DisjList, // a bulleted \/ list

    FunApp,     // args[0] applied to args[1..]: f[a] or f[a, b]
    Dot,        // args[0].name
    Tuple,      // <<args...>>
    SetEnum,    // {args...}
    SetFilter,  // {x \in S : P}: binders[0], args[0] = P
    SetMap,     // {e : x \in S, y \in T}: args[0] = e, binders
    FunCons,    // [x \in S, y \in T |-> e]: binders, args[0] = e
    FunSet,     // [S -> T]: args[0] = S, args[1] = T
    RecordCons, // [a |-> 1, b |-> 2]: fields, args (same length)
    RecordSet,  // [a : S, b : T]: fields, args (same length)
    Except,     // [args[0] EXCEPT clauses...]

    ActionBox,   // [A]_v: args[0] = A, args[1] = v
    ActionAngle, // <<A>>_v: args[0] = A, args[1] = v
    WF,          // WF_v(A): args[0] = v, args[1] = A
    SF,          // SF_v(A)

    Forall,         // \A binders : args[0]
    Exists,         // \E binders : args[0]
    Choose,         // CHOOSE binders[0] : args[0]  (binder bounded or not)
    TemporalForall, // \AA x, y : args[0]  (binders unbounded)
    TemporalExists, // \EE

    If,     // IF args[0] THEN args[1] ELSE args[2]
    Case,   // CASE args[0] -> args[1] [] args[2] -> args[3] ...; has_other: last arg is OTHER's
    Let,    // LET units IN args[0]
    Lambda, // LAMBDA params : args[0]
    Label,  // name :: args[0]  (label parameters, if any, in params)
};

struct Param {
    std::string name; // identifier or canonical operator symbol
    int arity = 0;    // F(_, _) has arity 2; infix `_ + _` arity 2; prefix `-. _` arity 1
    Span span;
};

struct Expr {
    ExprKind kind = ExprKind::Name;
    std::string name; // Name, OpApp, OpRef, Dot, Label: the identifier or canonical symbol
    std::string text; // Number, Decimal, String
    std::vector<Expr> args;
    std::vector<Binder> binders;
    std::vector<Qualifier> qualifiers; // Name only: I!J!Op has qualifiers {I, J}
    std::vector<std::string> fields;   // RecordCons, RecordSet
    std::vector<ExceptClause> clauses; // Except
    std::vector<Param> params;         // Lambda, Label
    std::vector<Unit> units;           // Let: the definitions, in order
    bool has_other = false;            // Case
    bool parenthesized = false;        // written inside ( ), for diagnostics and printing
    Span span;
};

// ---- Module-level units ----

struct OperatorDef {
    std::string name; // identifier, or canonical symbol for infix/prefix/postfix definitions
    std::vector<Param> params;
    Expr body;
    bool local = false;
    Span span;
};

// f[x \in S, y \in T] == body   (may be recursive: body can refer to f)
struct FunctionDef {
    std::string name;
    std::vector<Binder> binders;
    Expr body;
    bool local = false;
    Span span;
};

struct Substitution {
    std::string name; // constant or operator of the instantiated module (may be a symbol)
    Expr value;       // an expression, or an OpRef / Lambda for operator constants
    Span span;
};

struct Instance {
    std::string module;
    std::vector<Substitution> substitutions;
    bool local = false;
    Span span;
};

// I == INSTANCE M WITH ...  or  P(x, y) == INSTANCE M WITH ...
struct InstanceDef {
    std::string name;
    std::vector<Param> params;
    Instance instance;
    bool local = false;
    Span span;
};

struct ConstantDecl {
    std::vector<Param> constants; // arity > 0 for operator constants F(_, _)
    Span span;
};

struct VariableDecl {
    std::vector<Param> variables; // arity always 0
    Span span;
};

struct RecursiveDecl {
    std::vector<Param> operators;
    Span span;
};

struct Assumption {
    std::string name; // ASSUME name == e ; empty when unnamed
    Expr body;
    Span span;
};

// THEOREM / LEMMA / PROPOSITION / COROLLARY, with its proof skipped. A named theorem's statement
// can be used as an expression (`Thm`, `Thm!:`, `Thm!2`), so an expression statement is kept.
struct Theorem {
    std::string name;
    std::vector<Expr> body; // the statement when it is an expression; empty for ASSUME ... PROVE
    Span span;
};

struct Module;

// A unit is one top-level (or LET-level) definition or declaration. Nested modules are held by
// pointer so the variant stays cheap to move.
struct Unit {
    std::variant<OperatorDef, FunctionDef, InstanceDef, Instance, ConstantDecl, VariableDecl,
                 RecursiveDecl, Assumption, Theorem, std::shared_ptr<Module>>
        node;
};

struct Module {
    std::string name;
    std::string file; // the path the module was read from, or "<builtin>" / "<string>"
    std::vector<std::string> extends;
    std::vector<Unit> units;
    Span span;
};

} // namespace tlatv::ast
