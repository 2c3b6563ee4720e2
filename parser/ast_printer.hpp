// A compact S-expression rendering of the AST, for golden tests and debugging.
//
//   a + b * c            (+ a (* b c))
//   /\ a /\ b            (/\list a b)
//   \E x \in S : P       (exists ((x) \in S) P)
//   [f EXCEPT ![1] = 2]  (except f (! ([1]) 2))
//   M!Op(1)              (M!Op 1)
#pragma once

#include "parser/ast.hpp"

#include <string>

namespace tlatv::parser {

std::string to_sexpr(const ast::Expr& expr);
std::string to_sexpr(const ast::Module& module); // one unit per line

} // namespace tlatv::parser
