#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::Value;
using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;
using tlatv::eval::stdlib_test::value;

namespace {
const std::vector<std::string> kRandom = {"Integers", "FiniteSets", "Randomization"};

bool holds(const std::string& expression) {
    INFO(expression);
    return eval(expression, kRandom).as_bool();
}
} // namespace

TEST_CASE("RandomSubset: k elements of S, the same for the same arguments",
          "[stdlib][Randomization]") {
    for (int k = 0; k <= 10; ++k) {
        const std::string e = "RandomSubset(" + std::to_string(k) + ", 1..10)";
        CHECK(holds("Cardinality(" + e + ") = " + std::to_string(k)));
        CHECK(holds(e + " \\subseteq 1..10"));
        CHECK(eval(e, kRandom) == eval(e, kRandom));
    }
    CHECK(eval("RandomSubset(2, {\"a\", \"b\"})", kRandom) == value("{\"a\", \"b\"}"));
    CHECK(eval("RandomSubset(0, {})", kRandom) == value("{}"));
    // Different sets give different draws: over 20 sets, more than one element is drawn first.
    CHECK(holds("Cardinality(UNION {RandomSubset(1, 1..(10 + i)) : i \\in 1..20}) > 1"));
}

TEST_CASE("RandomSetOfSubsets and RandomSubsetSet", "[stdlib][Randomization]") {
    CHECK(holds("Cardinality(RandomSetOfSubsets(5, 2, 1..6)) \\in 1..5"));
    CHECK(holds("RandomSetOfSubsets(5, 2, 1..6) \\subseteq SUBSET (1..6)"));
    // Probability 0 and 1 leave no choice.
    CHECK(eval("RandomSetOfSubsets(3, 0, 1..4)", kRandom) == value("{{}}"));
    CHECK(eval("RandomSetOfSubsets(3, 4, 1..4)", kRandom) == value("{{1, 2, 3, 4}}"));
    CHECK(eval("RandomSetOfSubsets(0, 2, 1..4)", kRandom) == value("{}"));
    CHECK(eval("RandomSubsetSet(4, \"1.0\", {1, 2})", kRandom) == value("{{1, 2}}"));
    CHECK(eval("RandomSubsetSet(4, \"0\", {1, 2})", kRandom) == value("{{}}"));
    CHECK(holds("RandomSubsetSet(8, \"0.5\", 1..6) \\subseteq SUBSET (1..6)"));
    // With probability 1/2 over 6 elements and 8 draws, not every draw is the same subset.
    CHECK(holds("Cardinality(RandomSubsetSet(8, \"0.5\", 1..6)) > 1"));
    CHECK(eval("TestRandomSetOfSubsets(3, 0, 1..4)", kRandom) == value("<<1, 1, 1, 1, 1>>"));
    CHECK(holds("\\A i \\in 1..5 : TestRandomSetOfSubsets(6, 2, 1..6)[i] \\in 1..6"));
}

TEST_CASE("Randomization: bad arguments", "[stdlib][Randomization]") {
    CHECK(error_of("RandomSubset(3, {1, 2})", kRandom) ==
          "The first argument of RandomSubset should be a natural number at most the "
          "cardinality 2 of the second, but instead it is: 3");
    CHECK(error_of("RandomSubset(-1, {1, 2})", kRandom) ==
          "The first argument of RandomSubset should be a natural number, but instead it is: -1");
    CHECK(error_of("RandomSubset(1, Nat)", kRandom) != "");
    CHECK(error_of("RandomSetOfSubsets(2, 5, 1..4)", kRandom) ==
          "The second argument of RandomSetOfSubsets should be a natural number at most the "
          "cardinality 4, but instead it is: 5");
    CHECK(error_of("RandomSubsetSet(2, \"1.5\", 1..4)", kRandom) ==
          "The second argument of RandomSubsetSet should be a string holding a probability in "
          "[0, 1], but instead it is: \"1.5\"");
    CHECK(error_of("RandomSubsetSet(2, 0.5, 1..4)", kRandom) != "");
}
