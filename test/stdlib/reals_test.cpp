#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;

TEST_CASE("Reals: known, extends Integers, and not evaluated", "[stdlib][Reals]") {
    const std::vector<std::string> reals = {"Reals"};
    CHECK(eval("-3 + 5", reals).as_int() == 2);
    CHECK(error_of("1 / 2", reals) ==
          "/ of module Reals is not supported: tlatv, like TLC, does not evaluate real numbers.");
    CHECK(
        error_of("1 \\in Real", reals) ==
        "Real of module Reals is not supported: tlatv, like TLC, does not evaluate real numbers.");
    CHECK(error_of("Infinity", reals) ==
          "Infinity of module Reals is not supported: tlatv, like TLC, does not evaluate real "
          "numbers.");
}
