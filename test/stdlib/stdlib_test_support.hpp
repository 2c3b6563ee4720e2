// Helpers of the stdlib tests: evaluate a constant expression in a module that EXTENDS the
// module under test, and compare with a value written in TLC's printed form.
#pragma once

#include "evaluator/value.hpp"

#include <string>
#include <vector>

namespace tlatv::eval::stdlib_test {

// The value of `expression` in a module extending `extends`; fails the test with the diagnostic
// when it does not evaluate.
Value eval(const std::string& expression, const std::vector<std::string>& extends);

// The message of the error `expression` fails with ("" when it evaluates).
std::string error_of(const std::string& expression, const std::vector<std::string>& extends);

// A value written in TLC's printed form.
Value value(const std::string& printed);

} // namespace tlatv::eval::stdlib_test
