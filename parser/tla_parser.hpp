// The phrase grammar of TLA+: a hand-written recursive-descent parser over the tokens of
// tla_lexer.hpp (see tla_grammar.hpp for why this layer is not X3).
//
// Two things make TLA+ unusual and are handled here:
// - Bulleted lists. A `/\` or `\/` where an operand is expected starts a list at the bullet's
//   column. While an item is parsed, every token at or left of that column reads as the end of
//   the text; the list continues only with a bullet of the same kind at exactly that column.
// - Precedence ranges. Infix and prefix operators are combined with an operator stack that
//   compares ranges (operators.hpp) and rejects overlapping, different operators.
//
// Conventions of the trees it builds, beyond parser/ast.hpp's comments:
// - Symbols are canonical (operators.hpp): prefix minus is OpApp "-.", \equiv is "<=>", etc.
// - A bulleted list is a ConjList/DisjList even with one item; `/\ a /\ b` on one line is an
//   item holding the infix OpApp "/\".
// - `F(+)` and `Op <- +` give OpRef nodes; `F(LAMBDA x : e)` a Lambda argument.
// - Positional subexpression selectors (`Inv!2`, `Def!1!<<`, `Op!(a)`) are Name nodes whose
//   last component (`name`) is the selector ("2", "<<", ">>", ":", "@", or "()" with `args`);
//   the resolver may reject them. `lbl(a, b) :: e` is a Label with params a and b.
// - Proofs are checked for syntax, then dropped; a Theorem unit keeps the name, the span and the
//   statement when it is an expression (not ASSUME ... PROVE); top-level USE/HIDE leave no unit.
#pragma once

#include "parser/ast.hpp"
#include "parser/tla_token.hpp"

#include <string_view>
#include <vector>

namespace tlatv::parser {

// How deeply expressions, definitions and modules may nest (operator chains such as a + b + ...
// count one level per operator). Deeper input is rejected with "nesting too deep" instead of
// overflowing the stack. Measured: the deepest-framed constructs ({{{..., [a |-> [a |-> ...)
// need about 2 KB of stack per level in a release build and about 16 KB under AddressSanitizer,
// so 500 levels fit in 1 MB (release) and in the default 8 MB stack (sanitized builds).
inline constexpr int kMaxNestingDepth = 500;

// Chain operators (a + b + ..., f[1][2]...) count half a level each, so that the 500-term sums
// TLC evaluates parse. A chain level needs up to 2 KB of stack to resolve and evaluate in a
// release build (a 990-operator sum runs in 2 MB of stack, not in 1.5 MB), so the longest chain
// accepted fits a 4 MB worker thread's stack; sanitized builds need 64 MB (scripts/test).
inline constexpr int kChainOperatorsPerLevel = 2;

// Both throw SyntaxError at the first error. `tokens` must end with an End token.
ast::Module parse_module_tokens(const std::vector<Token>& tokens, std::string_view file_name);
ast::Expr parse_expression_tokens(const std::vector<Token>& tokens);

} // namespace tlatv::parser
