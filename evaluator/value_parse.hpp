// Reads values back from TLC's printed form (the `value` field of shared/oracle/expr), for tests
// and tools that compare against TLC's output:
//   -3  "a\"b"  TRUE  {1, 2}  <<1, "a">>  [a |-> 1]  (1 :> 2 @@ 3 :> 4)  1..3
//   Nat  Int  STRING  ANY  SUBSET S  Seq(S)  [S -> T]
// Any other identifier is read as a model value.
#pragma once

#include "evaluator/value.hpp"

#include <string_view>

namespace tlatv::eval {

// Throws EvalError with the offset of the problem on malformed text.
Value parse_value(std::string_view text);

} // namespace tlatv::eval
