// Evaluation: laziness, errors with locations, recursion, higher-order operators, actions.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace tlatv::eval;
using tlatv::eval::test::eval_module;
using tlatv::eval::test::eval_text;
using tlatv::eval::test::ModuleSet;
using tlatv::eval::test::value_of;

namespace {

std::string value_text(const std::string& expr) {
    ExpressionResult r = eval_text(expr);
    if (!r.value) return "error: " + (r.errors.empty() ? std::string() : r.errors[0].format());
    return r.value->to_string();
}

bool is_error(const std::string& expr) {
    return !eval_text(expr).value.has_value();
}

} // namespace

TEST_CASE("laziness follows TLC", "[eval]") {
    CHECK(value_text("LET bad == 1 \\div 0 IN 5") == "5");
    CHECK(value_text("FALSE /\\ 1 \\div 0 = 1") == "FALSE");
    CHECK(value_text("TRUE \\/ 1 \\div 0 = 1") == "TRUE");
    CHECK(value_text("FALSE => 1 \\div 0 = 1") == "TRUE");
    CHECK(value_text("CASE TRUE -> 1 [] 1 \\div 0 = 1 -> 2") == "1");
    CHECK(value_text("[<<1, 2>> EXCEPT ![5] = 1 \\div 0]") == "<<1, 2>>");
    CHECK(value_text("[x \\in 1..3 |-> 1 \\div (x - 2)][1]") == "-1");
    CHECK(is_error("[x \\in 1..3 |-> 1 \\div (x - 2)]"));
    CHECK(value_text("2 \\in {x \\in Nat : x < 3}") == "TRUE");
    CHECK(value_text("7 \\in {x \\in Nat : x < 3}") == "FALSE");
    CHECK(value_text("LET S == {x \\in Nat : x < 3} IN 1 \\in S") == "TRUE");
    // Operator arguments are evaluated when used, as TLC's lazy arguments.
    CHECK(value_text("LET F(a, b) == a IN F(1, 1 \\div 0)") == "1");
    CHECK(value_text("LET f == [x \\in 1..3 |-> 1 \\div (x - 2)] IN f[3]") == "1");
    CHECK(value_text("DOMAIN [x \\in 1..3 |-> 1 \\div 0]") == "1..3");
}

TEST_CASE("errors are errors, never FALSE", "[eval]") {
    CHECK(is_error("1 = \"a\""));
    CHECK(is_error("CASE FALSE -> 1"));
    CHECK(is_error("CHOOSE x \\in 1..3 : x > 5"));
    CHECK(is_error("\\E x : x = 1"));
    CHECK(is_error("1 /\\ TRUE"));
    CHECK(is_error("IF 1 THEN 2 ELSE 3"));
    CHECK(is_error("<<1, 2>>[3]"));
}

TEST_CASE("errors carry the location of the innermost failing expression", "[eval]") {
    ExpressionResult r = eval_text("1 + (2 \\div 0)");
    REQUIRE(!r.value);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[0].message.find("div") != std::string::npos);

    ExpressionResult multi = eval_text("/\\ TRUE\n/\\ <<1>>[2] = 1");
    REQUIRE(!multi.value);
    CHECK(multi.errors[0].line == 2);
    CHECK(multi.errors[0].column == 4);

    // Inside a definition of a module: the location is in the definition's body.
    ModuleSet set({"---- MODULE M ----\nEXTENDS Integers\nF(x) == 10 \\div x\nE == F(0)\n===="});
    auto compiled = set.compile();
    REQUIRE(compiled.spec);
    EvalContext ctx(compiled.spec);
    try {
        ctx.evaluate("E");
        FAIL("no error");
    } catch (const EvalFailure& failure) {
        CHECK(failure.file == "M0.tla");
        CHECK(failure.span.begin.line == 3);
        CHECK(failure.span.begin.column == 9);
    }
}

TEST_CASE("recursion: operators, mutual, functions, with a depth limit", "[eval]") {
    CHECK(eval_module("---- MODULE M ----\nEXTENDS Naturals\nRECURSIVE Fact(_)\n"
                      "Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)\nE == Fact(10)\n====") ==
          Value::integer(3628800));
    CHECK(eval_module("---- MODULE M ----\nEXTENDS Naturals\nRECURSIVE Even(_), Odd(_)\n"
                      "Even(n) == IF n = 0 THEN TRUE ELSE Odd(n - 1)\n"
                      "Odd(n) == IF n = 0 THEN FALSE ELSE Even(n - 1)\nE == Even(501)\n====") ==
          Value::boolean(false));
    CHECK(eval_module("---- MODULE M ----\nEXTENDS Naturals\n"
                      "f[n \\in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1]\nE == f[5]\n====") ==
          Value::integer(120));
    CHECK(value_text("LET RECURSIVE Sum(_) Sum(n) == IF n = 0 THEN 0 ELSE n + Sum(n - 1) IN "
                     "Sum(500)") == "125250");
    // Unbounded recursion is an error, not a crash.
    ExpressionResult r = eval_text("LET RECURSIVE Loop(_) Loop(n) == Loop(n + 1) IN Loop(0)");
    REQUIRE(!r.value);
    CHECK(r.errors[0].message.find("Recursion too deep") != std::string::npos);
}

TEST_CASE("higher-order operators and LAMBDA", "[eval]") {
    CHECK(value_text("LET Apply(F(_), x) == F(x) IN Apply(LAMBDA y : y * 2, 21)") == "42");
    CHECK(value_text("LET Twice(F(_), x) == F(F(x)) Inc(y) == y + 1 IN Twice(Inc, 1)") == "3");
    CHECK(value_text("LET k == 10 IN LET Add(F(_,_), x) == F(x, k) IN Add(+, 5)") == "15");
    CHECK(value_text("LET a ++ b == a * 10 + b IN 1 ++ 2") == "12");
}

TEST_CASE("quantifiers, CHOOSE and constructors", "[eval]") {
    CHECK(value_text("\\A x, y \\in 1..3 : x + y <= 6") == "TRUE");
    CHECK(value_text("\\E <<x, y>> \\in (1..2) \\X (3..4) : x + y = 6") == "TRUE");
    CHECK(value_text("CHOOSE x \\in {3, 1, 2} : x > 1") == "2");
    CHECK(value_text("{x * y : x \\in 1..2, y \\in 1..2}") == "{1, 2, 4}");
    CHECK(value_text("[x \\in 1..2, y \\in 1..2 |-> x + y][2, 1]") == "3");
    CHECK(equals(value_of("[x \\in 1..2, y \\in {3} |-> x + y]"),
                 value_of("(<<1, 3>> :> 4 @@ <<2, 3>> :> 5)")));
    CHECK(value_text("[[a |-> 1, b |-> <<1, 2>>] EXCEPT !.b[2] = @ + 10, !.a = 0]") ==
          "[a |-> 0, b |-> <<1, 12>>]");
    CHECK(value_text("[a |-> 1].a") == "1");
}

TEST_CASE("TLC operators that need the context", "[eval]") {
    std::vector<std::string> printed;
    ExpressionSetup setup;
    setup.configure = [&](EvalContext& ctx) {
        ctx.options.print_sink = [&](const Value& v) { printed.push_back(v.to_string()); };
    };
    std::vector<std::string> extends{"TLC", "Naturals"};
    ExpressionResult r = evaluate_expression("Print(\"hi\", 3) + 1", extends, setup);
    REQUIRE(r.value);
    CHECK(*r.value == Value::integer(4));
    CHECK(printed == std::vector<std::string>{"\"hi\""});
    CHECK(value_text("TLCSet(3, 7) /\\ TLCGet(3) = 7") == "TRUE");
    CHECK(is_error("Assert(1 = 2, \"boom\")"));
    CHECK(value_text("RandomElement({5}) ") == "5");
}

TEST_CASE("state variables, primes and UNCHANGED", "[eval]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nVARIABLES x, y\n"
                   "Inc == x' = x + 1 /\\ UNCHANGED y\nBoxed == [Inc]_<<x, y>>\n"
                   "Next(v) == v' + 1\nPrimedArg == Next(x)\n===="});
    auto compiled = set.compile();
    REQUIRE(compiled.spec);
    EvalContext ctx(compiled.spec);
    ctx.set_state({Value::integer(1), Value::integer(5)});
    ctx.set_next_state({Value::integer(2), Value::integer(5)});
    CHECK(ctx.evaluate("Inc") == Value::boolean(true));
    ctx.set_next_state({Value::integer(3), Value::integer(5)});
    CHECK(ctx.evaluate("Inc") == Value::boolean(false));
    ctx.set_next_state({Value::integer(2), std::nullopt});
    try {
        ctx.evaluate("Inc");
        FAIL("no error");
    } catch (const EvalFailure& failure) {
        CHECK(std::string(failure.what()) == "y' is not bound.");
    }
    ctx.set_next_state({Value::integer(1), Value::integer(5)});
    CHECK(ctx.evaluate("Boxed") == Value::boolean(true));
    // A parameter under a prime primes the argument expression (substitution, not value).
    ctx.set_next_state({Value::integer(7), Value::integer(5)});
    CHECK(ctx.evaluate("PrimedArg") == Value::integer(8));
}

TEST_CASE("instances substitute variables, primes included", "[eval]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nVARIABLES a, b\n"
                   "C == INSTANCE Counter WITH n <- a\n"
                   "Sum == INSTANCE Counter WITH n <- a + b\n"
                   "Step == C!Inc\nSumStep == Sum!Inc\n====",
                   "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLE n\nInc == n' = n + 1\n"
                   "===="});
    auto compiled = set.compile();
    REQUIRE(compiled.spec);
    EvalContext ctx(compiled.spec);
    ctx.set_state({Value::integer(1), Value::integer(10)});
    ctx.set_next_state({Value::integer(2), Value::integer(10)});
    CHECK(ctx.evaluate("Step") == Value::boolean(true));
    CHECK(ctx.evaluate("SumStep") == Value::boolean(true)); // (a + b)' = (a + b) + 1
    ctx.set_next_state({Value::integer(1), Value::integer(12)});
    CHECK(ctx.evaluate("Step") == Value::boolean(false));
    CHECK(ctx.evaluate("SumStep") == Value::boolean(false));
}

TEST_CASE("TLCGet(\"level\"), IOEnv and file access are given by the caller", "[eval]") {
    std::vector<std::string> extends{"TLC", "IOUtils", "Json"};
    ExpressionSetup setup;
    setup.configure = [](EvalContext& ctx) {
        ctx.level = 3;
        ctx.environment["TRACE"] = "t.ndjson";
    };
    ExpressionResult level = evaluate_expression("TLCGet(\"level\")", extends, setup);
    REQUIRE(level.value);
    CHECK(*level.value == Value::integer(3));
    ExpressionResult env = evaluate_expression("IOEnv.TRACE", extends, setup);
    REQUIRE(env.value);
    CHECK(*env.value == Value::string("t.ndjson"));
    // Without the caller's permission, reading a file is a clear error.
    ExpressionResult denied = evaluate_expression("ndJsonDeserialize(\"x.ndjson\")", extends);
    REQUIRE(!denied.value);
    CHECK(denied.errors[0].message.find("does not allow") != std::string::npos);
    CHECK(evaluate_expression("atoi(\"-42\")", extends).value == Value::integer(-42));
}

TEST_CASE("recursion thousands of levels deep fits the thread's stack", "[eval]") {
    CHECK(value_text("LET RECURSIVE Sum(_) Sum(n) == IF n = 0 THEN 0 ELSE n + Sum(n - 1) IN "
                     "Sum(3000)") == "4501500");
    CHECK(value_text("LET f[n \\in Nat] == IF n = 0 THEN 0 ELSE n + f[n - 1] IN f[3000]") ==
          "4501500");
}

TEST_CASE("TLCGet(\"config\") and TLCSet(\"exit\") as trace specs use them", "[eval]") {
    CHECK(value_text("TLCGet(\"config\").mode = \"bfs\" /\\ TLCGet(\"config\").worker = 1") ==
          "TRUE");
    ModuleSet set({"---- MODULE M ----\nEXTENDS TLC\nE == TLCSet(\"exit\", TRUE)\n===="});
    auto compiled = set.compile();
    REQUIRE(compiled.spec);
    EvalContext ctx(compiled.spec);
    CHECK(!ctx.exit_requested);
    CHECK(ctx.evaluate("E") == Value::boolean(true));
    CHECK(ctx.exit_requested);
}

TEST_CASE("a function over an infinite domain passed to an operator is applied point-wise",
          "[eval]") {
    CHECK(value_text("LET At(f, a) == f[a] IN At([n \\in Nat |-> n * n], 12)") == "144");
}

namespace {

std::string value_with(const std::string& expr, const std::vector<std::string>& extends) {
    ExpressionResult r = eval_text(expr, extends);
    if (!r.value) return "error: " + (r.errors.empty() ? std::string() : r.errors[0].message);
    return r.value->to_string();
}

} // namespace

TEST_CASE("set enumerations of kinds TLC cannot order stay unnormalized, as in TLC", "[eval]") {
    // Membership searches the elements as written, each element's equality first.
    CHECK(value_text("\"None\" \\in {\"None\", 1}") == "TRUE");
    CHECK(value_text("LET S == {\"None\", 1} IN \"None\" \\notin S") == "FALSE");
    CHECK(is_error("1 \\in {\"None\", 1}"));
    CHECK(is_error("(-1) \\notin {12, \"a b\"}"));
    // A record holding such a set can be built and compared field by field.
    CHECK(value_text("[a |-> 4, b |-> {9, \"a\"}] = [a |-> 5, b |-> {9, \"a\"}]") == "FALSE");
    CHECK(value_text("[a |-> 12, b |-> {-1, \"ab\"}].a") == "12");
    // What needs the order of the set fails: printing, enumerating, counting, equality.
    CHECK(is_error("{1, \"a\"}"));
    CHECK(is_error("<<{TRUE, 1}>>"));
    CHECK(is_error("\\A x \\in {0, \"Q\"} : TRUE"));
    CHECK(is_error("{1, \"a\"} = {1, \"a\"}"));
    CHECK(value_with("Cardinality({1, \"a\"})", {"FiniteSets"}).rfind("error", 0) == 0);
    // \cup: the left operand's elements, then the right one's that the left does not contain.
    CHECK(value_text("\"a\" \\in ({} \\cup {\"a\", 1})") == "TRUE");
    CHECK(value_text("\"a\" \\in ({\"a\", 1} \\cup {\"a\"})") == "TRUE");
    CHECK(is_error("{-1, \"\"} \\cup {1}"));
}

TEST_CASE("EXCEPT on a function over an infinite domain stays point-wise", "[eval]") {
    CHECK(value_text("[[n \\in Nat |-> n] EXCEPT ![3] = 0][4]") == "4");
    CHECK(value_text("[[n \\in Nat |-> n] EXCEPT ![3] = 0][3]") == "0");
    CHECK(value_text("[[n \\in Nat |-> n] EXCEPT ![3] = @ + 1, ![3] = @ * 10][3]") == "40");
    CHECK(value_text("[[[n \\in Nat |-> n] EXCEPT ![3] = 0] EXCEPT ![4] = @ + 1][4]") == "5");
    CHECK(value_text("[[n \\in Nat |-> <<n>>] EXCEPT ![2][1] = 7][2]") == "<<7>>");
    // A point outside the domain is skipped without evaluating its value.
    CHECK(value_text("[[n \\in Nat |-> n] EXCEPT ![-1] = 1 \\div 0][5]") == "5");
    CHECK(is_error("[[n \\in Nat |-> n] EXCEPT ![3] = 0][-1]"));
}

TEST_CASE("arguments TLC's TLA+ definitions do not use are not evaluated", "[eval]") {
    const std::vector<std::string> ext = {"Integers", "SequencesExt"};
    // ReplaceAt(s, i, e) is [s EXCEPT ![i] = e] in TLC: e only when i is in DOMAIN s.
    CHECK(value_with("ReplaceAt(<<1, 2>>, 5, 1 \\div 0)", ext) == "<<1, 2>>");
    CHECK(value_with("ReplaceAt(<<1, 2>>, 2, 7)", ext) == "<<1, 7>>");
    CHECK(value_with("ReplaceAt(<<1, 2>>, 2, 1 \\div 0)", ext).rfind("error", 0) == 0);
}

TEST_CASE("a LAMBDA whose body is a number or string literal is that literal to TLC's Java "
          "operators",
          "[eval]") {
    const std::vector<std::string> bags = {"Integers", "Bags"};
    CHECK(value_with("BagOfAll(LAMBDA x : 0, (2 :> 5))", bags) ==
          "error: The first argument of BagOfAll should be an operator, but instead it is: 0");
    CHECK(value_with("LET F(x) == \"k\" IN BagOfAll(F, (2 :> 5))", bags).rfind("error", 0) == 0);
    CHECK(value_with("BagOfAll(LAMBDA x : x * 0, (1 :> 2 @@ 2 :> 3))", bags) == "(0 :> 5)");
    CHECK(value_with("BagOfAll(LAMBDA x : -1, (2 :> 5))", bags) == "(-1 :> 5)");
    // SelectSeq returns an empty sequence before it looks at the operator.
    CHECK(value_text("SelectSeq(<<>>, LAMBDA x : 1)") == "<<>>");
    CHECK(is_error("SelectSeq(<<1>>, LAMBDA x : 1)"));
    // Operators TLC defines in TLA+ just use the literal.
    CHECK(value_text("LET Apply(f(_), x) == f(x) IN Apply(LAMBDA y : 3, 1)") == "3");
}

TEST_CASE("TLC-specific forms of CommunityModules operators", "[eval]") {
    // ToJsonObject writes a function on 1..n as an array, a tuple as an object keyed from 0.
    const std::vector<std::string> json = {"Integers", "Sequences", "TLC", "Json"};
    CHECK(value_with("ToJsonObject(1 :> 2)", json) == R"("[2]")");
    CHECK(value_with("ToJsonObject([i \\in 1..2 |-> i])", json) == R"("[1,2]")");
    CHECK(value_with("ToJsonObject(<<1, \"x\">>)", json) == R"("{\"0\":1,\"1\":\"x\"}")");
    // kSubset over more than 63 elements cannot be enumerated (TLC's 64-bit mask) but answers
    // membership as SUBSET S does.
    const std::vector<std::string> ext = {"Integers", "FiniteSetsExt"};
    CHECK(value_with("Cardinality(kSubset(2, 1..100))", ext).rfind("error", 0) == 0);
    CHECK(value_with("{1, 2} \\in kSubset(2, 1..100)", ext) == "TRUE");
    CHECK(value_with("Cardinality(kSubset(2, 1..10))", ext) == "45");
}
