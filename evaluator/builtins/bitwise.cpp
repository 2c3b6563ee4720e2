// Bitwise (CommunityModules): x & y, x | y, x ^^ y and shiftR(n, pos).
//
// Native: the module's TLA+ definitions compute bit by bit through recursion. They are meant for
// natural numbers (on a negative operand their recursion never ends in TLC), so a negative
// operand of &, | or ^^ is an error here. shiftR(n, pos) is n \div 2^pos (floor division, as its
// definition computes for every integer n) and needs pos >= 0.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

std::int64_t natural_arg(std::string_view op, Args a, std::size_t index) {
    const std::int64_t n = small_int_arg(op, a, index);
    if (n < 0) bad_argument(op, index, "a natural number", a[index]);
    return n;
}

Value bit_and(Args a, const EvalOptions&) {
    return Value::integer(natural_arg("&", a, 0) & natural_arg("&", a, 1));
}

Value bit_or(Args a, const EvalOptions&) {
    return Value::integer(natural_arg("|", a, 0) | natural_arg("|", a, 1));
}

Value bit_xor(Args a, const EvalOptions&) {
    return Value::integer(natural_arg("^^", a, 0) ^ natural_arg("^^", a, 1));
}

Value shift_right(Args a, const EvalOptions&) {
    const std::int64_t n = small_int_arg("shiftR", a, 0);
    const std::int64_t pos = natural_arg("shiftR", a, 1);
    if (pos >= 63) return Value::integer(n < 0 ? -1 : 0);
    return Value::integer(n >> pos); // arithmetic shift: floor division by 2^pos
}

constexpr std::string_view M = "Bitwise";

const Builtin kBitwise[] = {
    {M, "&", 2, bit_and},
    {M, "|", 2, bit_or},
    {M, "^^", 2, bit_xor},
    {M, "shiftR", 2, shift_right},
};

} // namespace

std::span<const Builtin> bitwise_builtins() {
    return kBitwise;
}

} // namespace tlatv::eval::builtins
