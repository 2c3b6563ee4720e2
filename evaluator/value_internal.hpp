// Helpers shared by the value model's and the builtins' implementation files.
#pragma once

#include "evaluator/eval_error.hpp"
#include "evaluator/value.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

namespace tlatv::eval {

// Throws an EvalError with a formatted message.
template <typename... Args>
[[noreturn]] void fail(fmt::format_string<Args...> format, Args&&... args) {
    throw EvalError(fmt::format(format, std::forward<Args>(args)...));
}

// A value's printed form, cut to a length fit for error messages.
std::string brief(const Value& v);

// compare() with the common case of two 64-bit integers inlined (set building and lookup).
inline int compare_fast(const Value& a, const Value& b) {
    if (a.kind() == Kind::Int && b.kind() == Kind::Int && !(a.flags() & 1u) && !(b.flags() & 1u)) {
        std::int64_t x = a.as_int_unchecked(), y = b.as_int_unchecked();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    return compare(a, b);
}

// A set from elements already sorted by compare() and unique (no check).
Value set_from_sorted(std::vector<Value> elements);

} // namespace tlatv::eval
