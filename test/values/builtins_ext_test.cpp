// The CommunityModules operators and Bags that take operator arguments (LAMBDAs), with
// expectations from TLC's answers in shared/oracle/expr (the entry ids are given).
#include "evaluator/builtins.hpp"
#include "evaluator/value_parse.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace tlatv::eval;

namespace {

struct TestOperator final : Operator {
    std::size_t n;
    std::function<Value(std::span<const Value>)> body;
    TestOperator(std::size_t arity, std::function<Value(std::span<const Value>)> f)
        : n(arity)
        , body(std::move(f)) {}
    Value call(std::span<const Value> args) const override { return body(args); }
    std::size_t arity() const override { return n; }
    std::string name() const override { return "LAMBDA"; }
};

Value v(std::string_view text) {
    return parse_value(text);
}
Value i(std::int64_t n) {
    return Value::integer(n);
}

Value lambda1(std::function<Value(const Value&)> f) {
    return Value::op(std::make_shared<TestOperator>(1, [f](auto a) { return f(a[0]); }));
}
Value lambda2(std::function<Value(const Value&, const Value&)> f) {
    return Value::op(std::make_shared<TestOperator>(2, [f](auto a) { return f(a[0], a[1]); }));
}

// A builtin passed as an operator argument, e.g. `+` in FoldSeq(+, 0, s).
Value op(std::string_view module, std::string_view name) {
    const Builtin* b = find_builtin_visible(module, name);
    if (!b) throw std::logic_error("unknown builtin");
    return Value::op(std::make_shared<TestOperator>(
        static_cast<std::size_t>(b->arity), [b](auto a) { return b->fn(a, EvalOptions{}); }));
}

Value run(std::string_view module, std::string_view name, std::vector<Value> args) {
    const Builtin* b = find_builtin_visible(module, name);
    REQUIRE(b);
    return b->fn(args, EvalOptions{});
}

std::string show(std::string_view module, std::string_view name, std::vector<Value> args) {
    return run(module, name, std::move(args)).to_string();
}

std::int64_t num(const Value& x) {
    return x.as_int();
}

const Value plus = op("Integers", "+");
const Value minus = op("Integers", "-");
const Value less = op("Integers", "<");
const Value leq = op("Integers", "\\leq");
const Value sub = lambda2([](const Value& a, const Value& b) { return i(num(a) - num(b)); });
const Value times10_plus =
    lambda2([](const Value& a, const Value& b) { return i(num(a) * 10 + num(b)); });

} // namespace

TEST_CASE("Folds and the folds of FiniteSetsExt, Functions and SequencesExt") {
    Value choose_min = lambda1([](const Value& s) { return s.enumerate().front(); });
    Value choose_max = lambda1([](const Value& s) { return s.enumerate().back(); });
    Value identity = lambda1([](const Value& x) { return x; });
    // folds-0005, folds-0006
    CHECK(show("Folds", "MapThenFoldSet", {sub, i(0), identity, choose_min, v("{1, 2, 3}")}) ==
          "2");
    CHECK(show("Folds", "MapThenFoldSet", {sub, i(0), identity, choose_max, v("{1, 2, 3}")}) ==
          "2");
    CHECK(show("Folds", "MapThenFoldSet", {plus, i(0), identity, choose_min, v("{}")}) == "0");
    CHECK_THROWS_AS(run("Folds", "MapThenFoldSet", {plus, i(0), identity, choose_min, v("Nat")}),
                    EvalError);

    // finitesetsext-0148, -0147, -0150, -0001
    CHECK(show("FiniteSetsExt", "FoldSet", {sub, i(0), v("{7, 3}")}) == "4");
    CHECK(show("FiniteSetsExt", "ReduceSet", {sub, v("{1, 4, 9, 16}"), i(0)}) == "10");
    CHECK(show("FiniteSetsExt", "FoldSet", {times10_plus, i(0), v("{-2, 0, 2}")}) == "0");
    CHECK(show("FiniteSetsExt", "FoldSet", {plus, i(0), v("1..10")}) == "55");
    CHECK_THROWS_AS(run("FiniteSetsExt", "FoldSet", {plus, i(0), v("Nat")}), EvalError);

    // sequencesext-0418, -0421, -0127, -0128, -0430, -0435, -0441, -0442
    CHECK(show("SequencesExt", "FoldSeq", {sub, i(100), v("<<5, 4, 3, 2, 1>>")}) == "-97");
    CHECK(show("SequencesExt", "FoldSeq", {times10_plus, i(0), v("<<2, 2, 1>>")}) == "50");
    CHECK(show("SequencesExt", "FoldLeft", {minus, i(0), v("<<1, 2, 3>>")}) == "-6");
    CHECK(show("SequencesExt", "FoldRight", {minus, v("<<1, 2, 3>>"), i(0)}) == "2");
    CHECK(show("SequencesExt", "FoldLeft", {times10_plus, i(100), v("<<5, 4, 3, 2, 1>>")}) ==
          "10054321");
    CHECK(show("SequencesExt", "FoldRight", {times10_plus, v("<<-1, 0, 1>>"), i(100)}) == "100");
    CHECK(show("SequencesExt", "FoldLeftDomain", {sub, i(1), v("<<5, 4, 3, 2, 1>>")}) == "-14");
    CHECK(show("SequencesExt", "FoldRightDomain", {sub, v("<<5, 4, 3, 2, 1>>"), i(1)}) == "2");

    // functions-0054, -0056, -0057, -0059, -0060, -0063
    CHECK(show("Functions", "FoldFunction", {plus, i(0), v("<<1, 2, 3>>")}) == "6");
    Value times = lambda2([](const Value& a, const Value& b) { return i(num(a) * num(b)); });
    CHECK(show("Functions", "FoldFunction", {times, i(1), v("[a |-> 2, b |-> 5]")}) == "10");
    CHECK(show("Functions", "FoldFunctionOnSet", {plus, i(0), v("<<1, 2, 3>>"), v("{1, 2}")}) ==
          "3");
    CHECK_THROWS_AS(run("Functions", "FoldFunctionOnSet", {plus, i(0), v("<<1, 2, 3>>"), v("{4}")}),
                    EvalError);
    CHECK(show("Functions", "SumFunction", {v("[a |-> 1, b |-> 2]")}) == "3");
    CHECK_THROWS_AS(run("Functions", "SumFunction", {v("<<\"a\">>")}), EvalError);

    // bagsext-0013, FoldBag(a - b, 1, (2 :> 5)) = -9
    CHECK(show("BagsExt", "FoldBag", {plus, i(0), v("(1 :> 2 @@ 5 :> 3)")}) == "17");
    CHECK(show("BagsExt", "FoldBag", {sub, i(1), v("(2 :> 5)")}) == "-9");
    CHECK(show("BagsExt", "FoldBag", {times10_plus, i(0), v("(1 :> 1 @@ 2 :> 1)")}) == "12");
}

TEST_CASE("FiniteSetsExt") {
    Value even = lambda1([](const Value& x) { return Value::boolean(num(x) % 2 == 0); });
    Value mod3is1 = lambda1([](const Value& x) { return Value::boolean(num(x) % 3 == 1); });
    CHECK(show("FiniteSetsExt", "Quantify", {v("1..9"), even}) == "4");
    CHECK(show("FiniteSetsExt", "ChooseUnique", {v("{2, 3, 4, 5}"), mod3is1}) == "4");
    CHECK_THROWS_AS(run("FiniteSetsExt", "ChooseUnique", {v("{1, 4}"), mod3is1}), EvalError);
    CHECK(show("FiniteSetsExt", "SumSet", {v("1..65535")}) == "2147450880");
    CHECK_THROWS_WITH(run("FiniteSetsExt", "SumSet", {v("1..65536")}),
                      "Overflow when computing 65536+2147450880");
    CHECK_THROWS_WITH(run("FiniteSetsExt", "ProductSet", {v("1..13")}),
                      "Overflow when computing 13*479001600");
    Value square = lambda1([](const Value& x) { return i(num(x) * num(x)); });
    CHECK(show("FiniteSetsExt", "MapThenSumSet", {square, v("{1, 2, 3}")}) == "14");
    CHECK(show("FiniteSetsExt", "SymDiff", {v("{1, 2}"), v("{2, 3}")}) == "{1, 3}");
    CHECK(show("FiniteSetsExt", "Max", {v("1..300")}) == "300");
    CHECK(show("FiniteSetsExt", "Min", {v("{3, -1}")}) == "-1");
    CHECK_THROWS_AS(run("FiniteSetsExt", "Min", {v("{}")}), EvalError);
    CHECK(show("FiniteSetsExt", "Choices", {v("{{1, 2}, {2, 3}, {5}}")}) ==
          "{{2, 5}, {1, 2, 5}, {1, 3, 5}, {2, 3, 5}}");
    CHECK(show("FiniteSetsExt", "FlattenSet", {v("{{1}, {2, 3}}")}) == "{1, 2, 3}");
    CHECK(show("FiniteSetsExt", "kSubset", {i(2), v("{1, 2, 3}")}) == "{{1, 2}, {1, 3}, {2, 3}}");
    CHECK(show("FiniteSetsExt", "kSubset", {i(0), v("{}")}) == "{{}}");
    CHECK(run("FiniteSetsExt", "kSubset", {i(10), v("1..20")}).cardinality() == 184756);
}

TEST_CASE("Functions") {
    CHECK(show("Functions", "Restrict", {v("<<1, 2, 3>>"), v("{1, 2}")}) == "<<1, 2>>");
    CHECK_THROWS_AS(run("Functions", "Restrict", {v("<<1, 2, 3>>"), v("{4}")}), EvalError);
    Value gt1 = lambda1([](const Value& x) { return Value::boolean(num(x) > 1); });
    CHECK(show("Functions", "RestrictDomain", {v("<<1, 2, 3>>"), gt1}) == "(2 :> 2 @@ 3 :> 3)");
    Value not2 = lambda1([](const Value& x) { return Value::boolean(num(x) != 2); });
    CHECK(show("Functions", "RestrictValues", {v("<<1, 2, 3>>"), not2}) == "(1 :> 1 @@ 3 :> 3)");
    CHECK(show("Functions", "IsRestriction", {v("<<1>>"), v("<<1, 2>>")}) == "TRUE");
    CHECK_THROWS_AS(run("Functions", "IsRestriction", {v("[a |-> 1, b |-> 2]"), v("<<1, 2>>")}),
                    EvalError);
    CHECK(show("Functions", "Pointwise", {v("<<1, 2>>"), v("<<3, 4>>"), plus}) == "<<4, 6>>");
    CHECK_THROWS_AS(run("Functions", "Pointwise", {v("<<1, 2>>"), v("<<3>>"), plus}), EvalError);
    CHECK(show("Functions", "Range", {v("<<3, 1, 3>>")}) == "{1, 3}");
    CHECK(show("Functions", "Inverse", {v("<<1, 1>>"), v("{1, 2}"), v("{1, 2}")}) == "<<1, 1>>");
    CHECK(show("Functions", "AntiFunction", {v("<<\"a\", \"b\">>")}) == "[a |-> 1, b |-> 2]");
    CHECK_THROWS_AS(run("Functions", "AntiFunction", {v("<<1, 1>>")}), EvalError);
    CHECK(show("Functions", "IsInjective", {v("<<1, 1>>")}) == "FALSE");
    CHECK(run("Functions", "Bijection", {v("1..3"), v("1..3")}).cardinality() == 6);
    CHECK(run("Functions", "Injection", {v("1..2"), v("1..3")}).cardinality() == 6);
    CHECK(run("Functions", "Surjection", {v("1..3"), v("1..2")}).cardinality() == 6);
    CHECK(show("Functions", "ExistsSurjection", {v("1..2"), v("1..3")}) == "FALSE");
}

TEST_CASE("SequencesExt operators with operator arguments") {
    Value gt1 = lambda1([](const Value& x) { return Value::boolean(num(x) > 1); });
    Value gt2 = lambda1([](const Value& x) { return Value::boolean(num(x) > 2); });
    CHECK(show("SequencesExt", "SelectInSeq", {v("<<1, 2, 3>>"), gt1}) == "2");
    CHECK(show("SequencesExt", "SelectLastInSeq", {v("<<1, 2, 3>>"), gt1}) == "3");
    CHECK(show("SequencesExt", "SelectInSubSeq", {v("<<1, 2, 3, 4>>"), i(2), i(3), gt2}) == "3");
    CHECK_THROWS_AS(run("SequencesExt", "SelectInSubSeq", {v("<<>>"), i(2), i(2), gt1}), EvalError);
    CHECK(show("SequencesExt", "RemoveFirstMatch", {v("<<1, 2, 3>>"), gt1}) == "<<1, 3>>");
    CHECK(show("SequencesExt", "IsSorted", {v("<<1, 2, 2>>"), less}) == "FALSE");
    CHECK(show("SequencesExt", "IsSorted", {v("<<1, 2, 2>>"), leq}) == "TRUE");
    CHECK(show("SequencesExt", "SetToSortSeq", {v("{3, 1, 2}"), less}) == "<<1, 2, 3>>");
    Value constant = lambda1([](const Value&) { return i(1); });
    CHECK_THROWS_AS(run("SequencesExt", "SelectInSeq", {v("<<1, 2>>"), constant}), EvalError);
}

TEST_CASE("Bags with operator arguments") {
    Value times10 = lambda1([](const Value& x) { return i(num(x) * 10); });
    CHECK(show("Bags", "BagOfAll", {times10, v("(1 :> 2)")}) == "(10 :> 2)");
    Value parity = lambda1([](const Value& x) { return i(num(x) % 2); });
    CHECK(show("Bags", "BagOfAll", {parity, v("<<1, 1, 1>>")}) == "(0 :> 1 @@ 1 :> 2)");
}

TEST_CASE("TupleOf stays symbolic over infinite sets") {
    Value pairs = run("SequencesExt", "TupleOf", {v("Nat"), i(2)});
    CHECK(pairs.to_string() == "[1..2 -> Nat]");
    CHECK(pairs.contains(v("<<1, 2>>")));
    CHECK_FALSE(pairs.contains(v("<<1, -2>>")));
    CHECK(show("SequencesExt", "TupleOf", {v("{0, 1}"), i(2)}) ==
          "{<<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}");
}

TEST_CASE("SequencesExt operators defined through SubSeq accept strings") {
    CHECK(show("SequencesExt", "Prefixes", {v("\"ab\"")}) == R"({"", "a", "ab"})");
    CHECK(show("SequencesExt", "SubSeqs", {v("\"ab\"")}) == R"({"", "a", "ab", "b"})");
    CHECK(show("SequencesExt", "IndexFirstSubSeq", {v("\"b\""), v("\"abc\"")}) == "2");
    CHECK_THROWS_AS(run("SequencesExt", "IndexFirstSubSeq", {v("<<\"b\">>"), v("\"abc\"")}),
                    EvalError);
    CHECK(show("SequencesExt", "LongestCommonPrefix", {v(R"({"ab", "ac"})")}) == "\"a\"");
    CHECK(show("SequencesExt", "IsStrictPrefix", {v("\"ab\""), v("\"abc\"")}) == "TRUE");
    CHECK(show("SequencesExt", "Front", {v("\"abc\"")}) == "\"ab\"");
    CHECK(show("SequencesExt", "RemoveAt", {v("\"abc\""), i(2)}) == "\"ac\"");
    CHECK(show("SequencesExt", "ReplaceAllSubSeqs", {v("\"x\""), v("\"b\""), v("\"abcb\"")}) ==
          "\"axcx\"");
    CHECK_THROWS_AS(run("SequencesExt", "Reverse", {v("\"abc\"")}), EvalError);
    CHECK_THROWS_AS(run("SequencesExt", "Contains", {v("\"abc\""), v("\"a\"")}), EvalError);
}
