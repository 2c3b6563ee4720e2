// Exact big integers inside values (IntMode::Exact). Kept apart from value.hpp so that only the
// code that needs Boost.Multiprecision pays for including it.
#pragma once

#include "evaluator/value.hpp"

#include <boost/multiprecision/cpp_int.hpp>

namespace tlatv::eval {

using BigInt = boost::multiprecision::cpp_int;

// An integer value; stored inline when it fits in int64.
Value big_integer(const BigInt& i);

// The exact value of an integer (inline or big). Throws EvalError unless an integer.
BigInt to_big_int(const Value& v);

} // namespace tlatv::eval
