// Naturals and Integers: arithmetic with TLC's 32-bit overflow errors (IntMode::Tlc32) or exact
// integers (IntMode::Exact), comparisons, intervals, Nat and Int.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

constexpr std::int64_t kMaxExactExponent = 1 << 20;

Value plus(Args a, const EvalOptions& o) {
    return int_add(int_arg("+", a, 0), int_arg("+", a, 1), o);
}
Value minus(Args a, const EvalOptions& o) {
    return int_sub(int_arg("-", a, 0), int_arg("-", a, 1), o);
}
Value times(Args a, const EvalOptions& o) {
    return int_mul(int_arg("*", a, 0), int_arg("*", a, 1), o);
}
Value negate(Args a, const EvalOptions& o) {
    return int_neg(int_arg("-", a, 0), o);
}

Value power(Args a, const EvalOptions& o) {
    const Value& base = int_arg("^", a, 0);
    const Value& exponent = int_arg("^", a, 1);
    if (to_big_int(exponent) < 0)
        fail("The second argument of ^ should be a natural number, but instead it is: {}",
             exponent.to_string());
    std::string what = base.to_string() + "^" + exponent.to_string();
    BigInt b = to_big_int(base);
    if (b == 0 || b == 1) return big_integer(exponent == Value::integer(0) ? BigInt(1) : b);
    if (b == -1) return Value::integer(to_big_int(exponent) % 2 == 0 ? 1 : -1);
    // |b| >= 2 from here, so a huge exponent overflows any bound.
    if (exponent.is_big_int() || exponent.as_int_unchecked() > kMaxExactExponent) {
        if (o.int_mode == IntMode::Tlc32) fail("Overflow when computing {}", what);
        fail("The result of {} is too large", what);
    }
    BigInt r = 1;
    const BigInt limit = BigInt(1) << 32;
    for (std::int64_t i = 0; i < exponent.as_int_unchecked(); ++i) {
        r *= b;
        if (o.int_mode == IntMode::Tlc32 && abs(r) > limit)
            fail("Overflow when computing {}", what);
    }
    return int_result(r, o, what);
}

Value div(Args a, const EvalOptions& o) {
    const Value& x = int_arg("\\div", a, 0);
    const Value& y = int_arg("\\div", a, 1);
    BigInt n = to_big_int(x), d = to_big_int(y);
    if (d == 0) fail("The second argument of \\div is 0.");
    BigInt q = n / d; // truncates toward zero
    if ((n % d != 0) && ((n < 0) != (d < 0))) q -= 1;
    return int_result(q, o, x.to_string() + " \\div " + y.to_string());
}

Value mod(Args a, const EvalOptions& o) {
    const Value& x = int_arg("%", a, 0);
    const Value& y = int_arg("%", a, 1);
    BigInt n = to_big_int(x), d = to_big_int(y);
    if (d <= 0)
        fail("The second argument of % should be a positive number, but instead it is: {}",
             y.to_string());
    BigInt r = n % d;
    if (r < 0) r += d;
    return int_result(r, o, x.to_string() + " % " + y.to_string());
}

int compared(std::string_view op, Args a) {
    const Value& x = int_arg(op, a, 0);
    const Value& y = int_arg(op, a, 1);
    return compare(x, y);
}

Value less(Args a, const EvalOptions&) {
    return Value::boolean(compared("<", a) < 0);
}
Value greater(Args a, const EvalOptions&) {
    return Value::boolean(compared(">", a) > 0);
}
Value leq(Args a, const EvalOptions&) {
    return Value::boolean(compared("\\leq", a) <= 0);
}
Value geq(Args a, const EvalOptions&) {
    return Value::boolean(compared("\\geq", a) >= 0);
}

Value dotdot(Args a, const EvalOptions&) {
    return Value::interval(small_int_arg("..", a, 0), small_int_arg("..", a, 1));
}

Value nat(Args, const EvalOptions&) {
    return Value::nat();
}
Value int_(Args, const EvalOptions&) {
    return Value::int_set();
}

const Builtin kNaturals[] = {
    {"Naturals", "+", 2, plus},    {"Naturals", "-", 2, minus},   {"Naturals", "*", 2, times},
    {"Naturals", "^", 2, power},   {"Naturals", "\\div", 2, div}, {"Naturals", "%", 2, mod},
    {"Naturals", "<", 2, less},    {"Naturals", ">", 2, greater}, {"Naturals", "\\leq", 2, leq},
    {"Naturals", "\\geq", 2, geq}, {"Naturals", "..", 2, dotdot}, {"Naturals", "Nat", 0, nat},
};

const Builtin kIntegers[] = {
    {"Integers", "-.", 1, negate},
    {"Integers", "Int", 0, int_},
};

} // namespace

std::span<const Builtin> naturals_builtins() {
    return kNaturals;
}
std::span<const Builtin> integers_builtins() {
    return kIntegers;
}

} // namespace tlatv::eval::builtins
