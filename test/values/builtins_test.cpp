// The builtin operators, case by case, with expectations taken from TLC's answers in
// shared/oracle/expr/expressions.ndjson. Arguments and results are written in TLC's printed form.
#include "evaluator/builtins.hpp"
#include "evaluator/value_parse.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace tlatv::eval;

namespace {

struct TestOperator final : Operator {
    std::size_t n;
    std::function<Value(std::span<const Value>)> body;
    std::string label;
    TestOperator(std::size_t arity, std::function<Value(std::span<const Value>)> f,
                 std::string l = "LAMBDA")
        : n(arity)
        , body(std::move(f))
        , label(std::move(l)) {}
    Value call(std::span<const Value> args) const override { return body(args); }
    std::size_t arity() const override { return n; }
    std::string name() const override { return label; }
};

Value lambda(std::size_t arity, std::function<Value(std::span<const Value>)> f) {
    return Value::op(std::make_shared<TestOperator>(arity, std::move(f)));
}

Value v(std::string_view text) {
    return parse_value(text);
}

// An operator of a module the test EXTENDS, as the resolver would find it.
Value apply_builtin(std::string_view module, std::string_view name, std::vector<Value> args,
                    const EvalOptions& options = {}) {
    const Builtin* b = find_builtin_visible(module, name);
    if (!b) FAIL("no builtin " << name << " visible from " << module);
    if (b->arity != kVariadic) REQUIRE(static_cast<std::size_t>(b->arity) == args.size());
    return b->fn(args, options);
}

// The builtins that are themselves operator arguments: `+`, `<`, ...
Value builtin_operator(std::string_view module, std::string_view name) {
    const Builtin* b = find_builtin_visible(module, name);
    REQUIRE(b);
    return lambda(static_cast<std::size_t>(b->arity),
                  [b](std::span<const Value> args) { return b->fn(args, EvalOptions{}); });
}

struct Case {
    std::string_view module;
    std::string_view op;
    std::vector<std::string_view> args; // TLC-printed values
    std::string_view expected;          // TLC-printed result, or "error"
};

void check_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        std::vector<Value> args;
        for (auto a : c.args)
            args.push_back(v(a));
        INFO(c.op << " " << fmt::format("{}", fmt::join(c.args, " | ")));
        if (c.expected == "error") {
            CHECK_THROWS_AS(apply_builtin(c.module, c.op, args), EvalError);
        } else {
            Value result = apply_builtin(c.module, c.op, args);
            CHECK(result.to_string() == c.expected);
            CHECK(equals(result, v(c.expected)));
        }
    }
}

} // namespace

TEST_CASE("registry: modules, extends, synonyms") {
    CHECK(is_standard_module("Naturals"));
    CHECK(is_standard_module("SequencesExt"));
    CHECK_FALSE(is_standard_module("language"));
    CHECK_FALSE(is_standard_module("MySpec"));
    CHECK(find_builtin("Naturals", "+") != nullptr);
    CHECK(find_builtin("Integers", "+") == nullptr);
    CHECK(find_builtin_visible("Integers", "+") != nullptr);
    CHECK(find_builtin_visible("Integers", "-.") != nullptr);
    CHECK(find_builtin_visible("Naturals", "-.") == nullptr);
    CHECK(find_builtin_visible("Naturals", "<=") == find_builtin("Naturals", "\\leq"));
    CHECK(find_builtin_visible("Naturals", "=<") == find_builtin("Naturals", "\\leq"));
    CHECK(find_builtin("Sequences", "\\circ") == find_builtin("Sequences", "\\o"));
    CHECK(find_builtin("Bags", "(+)") == find_builtin("Bags", "\\oplus"));
    CHECK(find_builtin(kLanguageModule, "\\X")->arity == kVariadic);
    CHECK(find_builtin_visible("SequencesExt", "Len") != nullptr);
    CHECK(find_builtin_visible("TLC", "Len") == nullptr); // TLC only LOCALly instantiates it
    CHECK(find_builtin_visible("Bags", ":>") != nullptr);
    CHECK(find_builtin_visible("FiniteSetsExt", "-.") != nullptr);
    CHECK(find_builtin_visible("FiniteSetsExt", "Cardinality") != nullptr);
    CHECK(find_builtin_visible("Functions", "..") != nullptr);
    CHECK(standard_module_extends("Integers").size() == 1);
    for (std::string_view m : standard_modules())
        CHECK(is_standard_module(m));
}

TEST_CASE("language operators") {
    check_cases({
        {"language", "=", {"{1, 2}", "{2, 1}"}, "TRUE"},
        {"language", "=", {"1", "\"a\""}, "error"},
        {"language", "=", {"<<>>", "{}"}, "error"},
        {"language", "#", {"<<1, 2>>", "<<2, 1>>"}, "TRUE"},
        {"language", "\\in", {"1", "{1, 2}"}, "TRUE"},
        {"language", "\\in", {"\"a\"", "{1, 2}"}, "error"},
        {"language", "\\in", {"1", "1"}, "error"},
        {"language", "\\notin", {"3", "{1, 2}"}, "TRUE"},
        {"language", "\\cup", {"{1, 2}", "{2, 3}"}, "{1, 2, 3}"},
        {"language", "\\cup", {"{1}", "{\"a\"}"}, "error"},
        {"language", "\\cap", {"{1, 2}", "{2, 3}"}, "{2}"},
        {"language", "\\cap", {"{1, -2}", "Nat"}, "{1}"},
        {"language", "\\", {"{1, 2, 3}", "{2, 5}"}, "{1, 3}"},
        {"language", "\\", {"{-1, 2}", "Nat"}, "{-1}"},
        {"language", "\\subseteq", {"{1}", "{1, 2}"}, "TRUE"},
        {"language", "\\subseteq", {"{-1}", "Nat"}, "FALSE"},
        {"language", "\\subseteq", {"Nat", "Nat"}, "error"},
        {"language", "\\subseteq", {"{1}", "STRING"}, "error"},
        {"language", "SUBSET", {"{1}"}, "{{}, {1}}"},
        {"language", "SUBSET", {"Nat"}, "SUBSET Nat"},
        {"language", "UNION", {"{{1}, {1, 2}, {5}}"}, "{1, 2, 5}"},
        {"language", "UNION", {"{1}"}, "error"},
        {"language", "DOMAIN", {"<<1, 2, 3>>"}, "1..3"},
        {"language", "DOMAIN", {"<<>>"}, "{}"},
        {"language", "DOMAIN", {"[a |-> 1, b |-> 2]"}, "{\"a\", \"b\"}"},
        {"language", "DOMAIN", {"\"abc\""}, "error"},
        {"language", "\\X", {"{1, 2}", "{3, 4}"}, "{<<1, 3>>, <<1, 4>>, <<2, 3>>, <<2, 4>>}"},
        {"language",
         "\\X",
         {"{1, 2}", "{\"a\"}", "{TRUE}"},
         "{<<1, \"a\", TRUE>>, <<2, \"a\", TRUE>>}"},
        {"language", "BOOLEAN", {}, "{FALSE, TRUE}"},
        {"language", "STRING", {}, "STRING"},
    });
    // big_sets: TLC refuses unions of more than a million elements.
    CHECK_THROWS_AS(apply_builtin("language", "\\cup", {v("1..1000000"), v("500000..1500000")}),
                    EvalError);
    EvalOptions exact;
    exact.int_mode = IntMode::Exact;
    CHECK(apply_builtin("language", "\\cup", {v("1..1000000"), v("500000..1500000")}, exact)
              .cardinality() == 1500000);
    // random_core-1434, set_ops-0099, random_ext-0601: TLC's \cup with odd operands.
    CHECK(apply_builtin("language", "\\cup", {v("{}"), v("4")}) == v("4"));
    Value with_non_set = apply_builtin("language", "\\cup", {v("-1..4"), v("1")});
    CHECK(with_non_set.contains(v("4")));
    CHECK_THROWS_AS(with_non_set.contains(v("7")), EvalError);
    CHECK_THROWS_AS(apply_builtin("language", "\\in",
                                  {v("\"a\""), apply_builtin("language", "\\cup",
                                                             {Value::string_set(), v("{1}")})}),
                    EvalError);
    Value nat_plus = apply_builtin("language", "\\cup", {Value::nat(), v("{-1}")});
    CHECK(nat_plus.contains(v("-1")));
    CHECK_FALSE(nat_plus.contains(v("-2")));
}

TEST_CASE("Naturals and Integers") {
    check_cases({
        {"Integers", "+", {"1", "2"}, "3"},
        {"Integers", "+", {"2147483647", "1"}, "error"},
        {"Integers", "-", {"-2147483648", "1"}, "error"},
        {"Integers", "-", {"2147483647", "-1"}, "error"},
        {"Integers", "*", {"46341", "46341"}, "error"},
        {"Integers", "*", {"-65536", "32768"}, "-2147483648"},
        {"Integers", "-.", {"-2147483648"}, "error"},
        {"Integers", "-.", {"5"}, "-5"},
        {"Integers", "\\div", {"-7", "2"}, "-4"},
        {"Integers", "\\div", {"7", "-2"}, "-4"},
        {"Integers", "\\div", {"7", "0"}, "error"},
        {"Integers", "\\div", {"-2147483648", "-1"}, "error"},
        {"Integers", "%", {"-7", "2"}, "1"},
        {"Integers", "%", {"7", "0"}, "error"},
        {"Integers", "%", {"7", "-2"}, "error"},
        {"Integers", "^", {"2", "0"}, "1"},
        {"Integers", "^", {"-2", "31"}, "-2147483648"},
        {"Integers", "^", {"2", "31"}, "error"},
        {"Integers", "^", {"2", "64"}, "error"},
        {"Integers", "^", {"0", "-1"}, "error"},
        {"Integers", "^", {"-1", "101"}, "-1"},
        {"Integers", "<", {"1", "2"}, "TRUE"},
        {"Integers", "<", {"{1}", "{2}"}, "error"},
        {"Integers", "\\leq", {"2", "2"}, "TRUE"},
        {"Integers", "\\geq", {"1", "2"}, "FALSE"},
        {"Integers", ">", {"\"a\"", "1"}, "error"},
        {"Integers", "..", {"1", "3"}, "1..3"},
        {"Integers", "..", {"3", "1"}, "{}"},
        {"Integers", "..", {"\"a\"", "\"c\""}, "error"},
        {"Integers", "+", {"TRUE", "1"}, "error"},
        {"Naturals", "Nat", {}, "Nat"},
        {"Integers", "Int", {}, "Int"},
    });
    CHECK_THROWS_WITH(apply_builtin("Integers", "+", {v("2147483647"), v("1")}),
                      "Overflow when computing 2147483647+1");
    CHECK_THROWS_WITH(apply_builtin("Integers", "^", {v("-2"), v("32")}),
                      "Overflow when computing -2^32");
}

TEST_CASE("exact integer mode grows into big integers") {
    EvalOptions exact;
    exact.int_mode = IntMode::Exact;
    CHECK(apply_builtin("Integers", "+", {v("2147483647"), v("1")}, exact).to_string() ==
          "2147483648");
    CHECK(apply_builtin("Integers", "*", {v("9223372036854775807"), v("2")}, exact).to_string() ==
          "18446744073709551614");
    CHECK(apply_builtin("Integers", "^", {v("2"), v("100")}, exact).to_string() ==
          "1267650600228229401496703205376");
    Value big = apply_builtin("Integers", "^", {v("2"), v("70")}, exact);
    CHECK(apply_builtin("Integers", "-", {big, big}, exact) == Value::integer(0));
    CHECK(apply_builtin("Integers", "\\div", {big, v("-3")}, exact).to_string() ==
          "-393530540239137101142");
    CHECK(apply_builtin("Integers", "%", {v("-1"), big}, exact).to_string() ==
          "1180591620717411303423");
}

TEST_CASE("Sequences") {
    check_cases({
        {"Sequences", "Len", {"<<1, 2, 3>>"}, "3"},
        {"Sequences", "Len", {"\"abc\""}, "3"},
        {"Sequences", "Len", {"(2 :> 0 @@ 3 :> 0)"}, "error"},
        {"Sequences", "Len", {"{}"}, "error"},
        {"Sequences", "\\o", {"<<1, 2>>", "<<3>>"}, "<<1, 2, 3>>"},
        {"Sequences", "\\o", {"\"ab\"", "\"cd\""}, "\"abcd\""},
        {"Sequences", "\\o", {"<<\"c\">>", "\"ab\""}, "error"},
        {"Sequences", "\\o", {"1", "<<1>>"}, "error"},
        {"Sequences", "Append", {"<<>>", "<<>>"}, "<<<<>>>>"},
        {"Sequences", "Append", {"\"ab\"", "\"c\""}, "error"},
        {"Sequences", "Head", {"<<<<1, 2>>>>"}, "<<1, 2>>"},
        {"Sequences", "Head", {"<<>>"}, "error"},
        {"Sequences", "Head", {"\"abc\""}, "error"},
        {"Sequences", "Tail", {"<<1, 2, 3>>"}, "<<2, 3>>"},
        {"Sequences", "Tail", {"\"abc\""}, "\"bc\""},
        {"Sequences", "Tail", {"\"\""}, "error"},
        {"Sequences", "Tail", {"<<>>"}, "error"},
        {"Sequences", "SubSeq", {"<<1, 2, 3, 4>>", "2", "3"}, "<<2, 3>>"},
        {"Sequences", "SubSeq", {"<<1, 2, 3, 4>>", "5", "4"}, "<<>>"},
        {"Sequences", "SubSeq", {"<<1, 2, 3>>", "-5", "-7"}, "<<>>"},
        {"Sequences", "SubSeq", {"<<1, 2, 3, 4>>", "2", "5"}, "error"},
        {"Sequences", "SubSeq", {"\"abcde\"", "2", "3"}, "\"bc\""},
        {"Sequences", "SubSeq", {"\"abcde\"", "4", "9"}, "error"},
        {"Sequences", "Seq", {"{1, 2}"}, "Seq({1, 2})"},
    });
    Value gt2 = lambda(1, [](auto a) { return Value::boolean(a[0].as_int() > 2); });
    CHECK(apply_builtin("Sequences", "SelectSeq", {v("<<1, 2, 3, 4, 5>>"), gt2}).to_string() ==
          "<<3, 4, 5>>");
    Value identity = lambda(1, [](auto a) { return a[0]; });
    CHECK_THROWS_AS(apply_builtin("Sequences", "SelectSeq", {v("<<1, 2, 3>>"), identity}),
                    EvalError);
    CHECK_THROWS_AS(apply_builtin("Sequences", "SelectSeq", {v("\"abc\""), gt2}), EvalError);
}

TEST_CASE("FiniteSets") {
    check_cases({
        {"FiniteSets", "Cardinality", {"{}"}, "0"},
        {"FiniteSets", "Cardinality", {"1..1000000"}, "1000000"},
        {"FiniteSets", "Cardinality", {"SUBSET 1..5"}, "32"},
        {"FiniteSets", "Cardinality", {"Nat"}, "error"},
        {"FiniteSets", "Cardinality", {"Seq({1})"}, "error"},
        {"FiniteSets", "Cardinality", {"[a |-> 1]"}, "error"},
        {"FiniteSets", "Cardinality", {"0..2147483647"}, "error"},
        {"FiniteSets", "Cardinality", {"SUBSET 1..31"}, "error"},
        {"FiniteSets", "IsFiniteSet", {"1..10"}, "TRUE"},
        {"FiniteSets", "IsFiniteSet", {"STRING"}, "FALSE"},
        {"FiniteSets", "IsFiniteSet", {"[1..2 -> Nat]"}, "FALSE"},
        {"FiniteSets", "IsFiniteSet", {"<<1>>"}, "TRUE"},
        {"FiniteSets", "IsFiniteSet", {"1"}, "error"},
    });
}

TEST_CASE("TLC") {
    check_cases({
        {"TLC", ":>", {"1", "2"}, "<<2>>"},
        {"TLC", ":>", {"\"a\"", "1"}, "[a |-> 1]"},
        {"TLC", "@@", {"(1 :> 2)", "(3 :> 4)"}, "(1 :> 2 @@ 3 :> 4)"},
        {"TLC", "@@", {"(1 :> 2)", "<<5, 6, 7>>"}, "<<2, 6, 7>>"},
        {"TLC", "@@", {"<<1, 2>>", "(0 :> 5 @@ 1 :> 6)"}, "(0 :> 5 @@ 1 :> 1 @@ 2 :> 2)"},
        {"TLC", "@@", {"(1 :> \"a\")", "(\"b\" :> 2)"}, "error"},
        {"TLC", "@@", {"(1 :> 2)", "{}"}, "error"},
        {"TLC", "Print", {"\"hello\"", "42"}, "42"},
        {"TLC", "PrintT", {"\"hello\""}, "TRUE"},
        {"TLC", "Assert", {"TRUE", "\"x\""}, "TRUE"},
        {"TLC", "Assert", {"FALSE", "\"x\""}, "error"},
        {"TLC", "Assert", {"1", "\"x\""}, "error"},
        {"TLC", "ToString", {"<<1, \"a\", {TRUE}>>"}, R"("<<1, \"a\", {TRUE}>>")"},
        {"TLC", "ToString", {"(2 :> 1)"}, "\"(2 :> 1)\""},
        {"TLC", "Permutations", {"{}"}, "{<<>>}"},
        {"TLC",
         "Permutations",
         {"{1, 2, 3}"},
         "{<<1, 2, 3>>, <<1, 3, 2>>, <<2, 1, 3>>, <<2, 3, 1>>, <<3, 1, 2>>, <<3, 2, 1>>}"},
        {"TLC",
         "Permutations",
         {"{\"x\", \"y\"}"},
         "{[x |-> \"x\", y |-> \"y\"], [x |-> \"y\", y |-> \"x\"]}"},
        {"TLC", "Permutations", {"1"}, "error"},
        {"TLC", "Any", {}, "ANY"},
        {"TLC", "TLCEval", {"{1, 2}"}, "{1, 2}"},
    });
    Value less = builtin_operator("Integers", "<");
    Value geq = builtin_operator("Integers", "\\geq");
    CHECK(apply_builtin("TLC", "SortSeq", {v("<<3, 1, 2, 1>>"), less}).to_string() ==
          "<<1, 1, 2, 3>>");
    CHECK(apply_builtin("TLC", "SortSeq", {v("<<1, 2, 3, 4>>"), geq}).to_string() ==
          "<<4, 3, 2, 1>>");
    CHECK_THROWS_AS(apply_builtin("TLC", "SortSeq", {v("{3, 1}"), less}), EvalError);

    std::vector<std::string> printed;
    EvalOptions with_sink;
    with_sink.print_sink = [&](const Value& x) { printed.push_back(x.to_string()); };
    apply_builtin("TLC", "Print", {v("\"hello\""), v("1")}, with_sink);
    CHECK(printed == std::vector<std::string>{"\"hello\""});
}
