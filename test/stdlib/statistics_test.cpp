// ChiSquare's p-values below are those of the chi-square distribution: with 1 degree of freedom
// P(X > 4) = 0.0455; with 2, P(X > x) = exp(-x / 2); with 3, P(X > 2) = 0.5724 and
// P(X > 2.5) = 0.4753.
#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;

namespace {
const std::vector<std::string> kStats = {"Statistics"};

bool chi_square(const std::string& args) {
    return eval("ChiSquare(" + args + ")", kStats).as_bool();
}
} // namespace

TEST_CASE("ChiSquare: TRUE unless the counts reject the distribution", "[stdlib][Statistics]") {
    CHECK(chi_square("<<10, 10>>, <<10, 10>>, \"0.05\""));
    CHECK_FALSE(chi_square("<<10, 10>>, <<20, 0>>, \"0.05\""));
    // Statistic 4 with 1 degree of freedom: p = 0.0455.
    CHECK_FALSE(chi_square("<<50, 50>>, <<60, 40>>, \"0.05\""));
    CHECK(chi_square("<<50, 50>>, <<60, 40>>, \"0.04\""));
    // Expected counts are scaled to the observed total.
    CHECK_FALSE(chi_square("<<1, 1>>, <<60, 40>>, \"0.05\""));
    CHECK(chi_square("<<1, 1>>, <<60, 40>>, \"0.04\""));
    // Statistic 10 with 2 degrees of freedom: p = exp(-5) = 0.00674.
    CHECK_FALSE(chi_square("<<1, 1, 1>>, <<10, 20, 30>>, \"0.01\""));
    CHECK(chi_square("<<1, 1, 1>>, <<10, 20, 30>>, \"0.005\""));
    // 3 degrees of freedom, statistics 2 (p = 0.5724) and 2.5 (p = 0.4753).
    CHECK(chi_square("<<1, 1, 1, 1>>, <<24, 16, 22, 18>>, \"0.5\""));
    CHECK_FALSE(chi_square("<<1, 1, 1, 1>>, <<25, 15, 20, 20>>, \"0.5\""));
    CHECK(chi_square("<<1, 1, 1, 1>>, <<25, 15, 20, 20>>, \"0.45\""));
    // Any function, not only sequences: categories in the domain's order.
    CHECK_FALSE(chi_square("[a |-> 50, b |-> 50], [a |-> 60, b |-> 40], \"0.05\""));
}

TEST_CASE("ChiSquare: bad arguments", "[stdlib][Statistics]") {
    CHECK(error_of("ChiSquare(<<1, 1>>, <<1, 1>>, \"0.6\")", kStats) ==
          "The third argument of ChiSquare should be a string holding a significance level in "
          "(0, 0.5], but instead it is: \"0.6\"");
    CHECK(error_of("ChiSquare(<<0, 1>>, <<1, 1>>, \"0.1\")", kStats) ==
          "The first argument of ChiSquare should be a function to positive integers, but "
          "instead it is: <<0, 1>>");
    CHECK(error_of("ChiSquare(<<1, 1>>, <<1, 1, 1>>, \"0.1\")", kStats) ==
          "The second argument of ChiSquare should be a function with as many categories as the "
          "first, but instead it is: <<1, 1, 1>>");
    CHECK(error_of("ChiSquare(<<1>>, <<1>>, \"0.1\")", kStats) != "");
    CHECK(error_of("ChiSquare(<<1, 1>>, <<1, -1>>, \"0.1\")", kStats) != "");
}
