#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::Value;
using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;

namespace {
const std::vector<std::string> kBitwise = {"Integers", "Bitwise"};

std::int64_t int_of(const std::string& expression) {
    return eval(expression, kBitwise).as_int();
}
} // namespace

TEST_CASE("Bitwise: and, or, xor on natural numbers", "[stdlib][Bitwise]") {
    CHECK(int_of("12 & 10") == 8);
    CHECK(int_of("12 | 10") == 14);
    CHECK(int_of("12 ^^ 10") == 6);
    CHECK(int_of("0 & 7") == 0);
    CHECK(int_of("0 | 7") == 7);
    CHECK(int_of("7 ^^ 7") == 0);
    CHECK(int_of("2147483647 & 65535") == 65535);
    CHECK(int_of("1073741824 | 1073741823") == 2147483647);
    // Binds tighter than +, as the parser's precedences say (& is 13-13, + is 10-10).
    CHECK(int_of("1 + 6 & 3") == 3);
}

TEST_CASE("Bitwise: shiftR is floor division by a power of two", "[stdlib][Bitwise]") {
    CHECK(int_of("shiftR(13, 2)") == 3);
    CHECK(int_of("shiftR(13, 0)") == 13);
    CHECK(int_of("shiftR(-13, 2)") == -4);
    CHECK(int_of("shiftR(1, 40)") == 0);
    CHECK(int_of("shiftR(-1, 100)") == -1);
}

TEST_CASE("Bitwise: operands outside the natural numbers are errors", "[stdlib][Bitwise]") {
    // -1 & 3 is -(1 & 3): prefix minus binds less tightly than &.
    CHECK(int_of("-1 & 3") == -1);
    CHECK(error_of("(-1) & 3", kBitwise) ==
          "The first argument of & should be a natural number, but instead it is: -1");
    CHECK(error_of("3 | (-2)", kBitwise) ==
          "The second argument of | should be a natural number, but instead it is: -2");
    CHECK(error_of("\"a\" ^^ 1", kBitwise).find("The first argument of ^^ should be") == 0);
    CHECK(error_of("shiftR(4, -1)", kBitwise) ==
          "The second argument of shiftR should be a natural number, but instead it is: -1");
}
