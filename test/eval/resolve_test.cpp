// Resolution: SANY's semantic errors, module structure (EXTENDS, LOCAL, INSTANCE), overrides.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace tlatv::eval;
using tlatv::eval::test::compile_error;
using tlatv::eval::test::eval_module;
using tlatv::eval::test::ModuleSet;

TEST_CASE("unknown operators are reported with their location", "[resolve]") {
    std::string e = compile_error({"---- MODULE M ----\nE == x\n===="});
    INFO(e);
    CHECK(e.find("M0.tla:2:6: error: Unknown operator: `x'.") != std::string::npos);
    CHECK(compile_error({"---- MODULE M ----\nE == 1 + 1\n===="}).find("Unknown operator: `+'") !=
          std::string::npos);
}

TEST_CASE("multiply defined operators are reported", "[resolve]") {
    std::string e = compile_error({"---- MODULE M ----\nMin == 1\nMin == 2\n===="});
    CHECK(e.find("3:1: error: Operator Min already defined or declared.") != std::string::npos);
    // A definition clashing with an extended one is an error.
    e = compile_error(
        {"---- MODULE M ----\nEXTENDS A\nF == 2\n====", "---- MODULE A ----\nF == 1\n===="});
    CHECK(e.find("3:1: error: Operator F already defined or declared.") != std::string::npos);
    // Two extended modules defining the same name: SANY only warns and keeps the first.
    ModuleSet both({"---- MODULE M ----\nEXTENDS A, B\nE == F\n====",
                    "---- MODULE A ----\nF == 1\n====", "---- MODULE B ----\nF == 2\n===="});
    CompileResult r = both.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(1));
    // ... but a definition meeting a declaration is an error.
    e = compile_error({"---- MODULE M ----\nEXTENDS A, B\nE == F\n====",
                       "---- MODULE A ----\nF == 1\n====", "---- MODULE B ----\nCONSTANT F\n===="});
    CHECK(e.find("Operator F already defined or declared.") != std::string::npos);
    // The same module reached twice does not.
    CHECK(
        compile_error({"---- MODULE M ----\nEXTENDS A, B\nE == F\n====",
                       "---- MODULE A ----\nEXTENDS C\n====", "---- MODULE B ----\nEXTENDS C\n====",
                       "---- MODULE C ----\nF == 2\n===="}) == "");
}

TEST_CASE("wrong numbers of arguments are reported", "[resolve]") {
    CHECK(compile_error({"---- MODULE M ----\nF(a) == a\nE == F(1, 2)\n===="})
              .find("The operator F requires 1 argument.") != std::string::npos);
    CHECK(compile_error({"---- MODULE M ----\nEXTENDS Sequences\nE == Len(<<1>>, 2)\n===="})
              .find("The operator Len requires 1 argument.") != std::string::npos);
}

TEST_CASE("LOCAL definitions are not exported", "[resolve]") {
    std::string e = compile_error({"---- MODULE M ----\nEXTENDS A\nE == Hidden\n====",
                                   "---- MODULE A ----\nLOCAL Hidden == 1\nShown == Hidden\n===="});
    CHECK(e.find("Unknown operator: `Hidden'.") != std::string::npos);
    ModuleSet set({"---- MODULE M ----\nEXTENDS A\nE == Shown\n====",
                   "---- MODULE A ----\nLOCAL Hidden == 1\nShown == Hidden\n===="});
    CompileResult r = set.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(1));
}

TEST_CASE("INSTANCE substitutes constants and variables", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nI == INSTANCE A WITH N <- 3\n"
                   "J(k) == INSTANCE A WITH N <- k + 1\nINSTANCE A WITH N <- 10\n"
                   "E == <<I!Twice, J(4)!Twice, Twice, I!Add(1)>>\n====",
                   "---- MODULE A ----\nEXTENDS Naturals\nCONSTANT N\nTwice == 2 * N\n"
                   "Add(x) == x + Twice\n===="});
    CompileResult r = set.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E").to_string() == "<<6, 10, 20, 7>>");
}

TEST_CASE("a missing substitution is reported", "[resolve]") {
    std::string e = compile_error({"---- MODULE M ----\nI == INSTANCE A\nE == I!F\n====",
                                   "---- MODULE A ----\nCONSTANT net\nF == net\n===="});
    CHECK(e.find("Substitution missing for symbol net declared at line 2, col 10") !=
          std::string::npos);
    // A same-named definition in scope is the implicit substitution.
    ModuleSet set({"---- MODULE M ----\nnet == 7\nI == INSTANCE A\nE == I!F\n====",
                   "---- MODULE A ----\nCONSTANT net\nF == net\n===="});
    CompileResult r = set.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(7));
}

TEST_CASE("user definitions of standard-module operators", "[resolve]") {
    // A user's own module defining Max uses its own definition.
    CHECK(eval_module("---- MODULE M ----\nEXTENDS Naturals\nMax(a, b) == IF a > b THEN a ELSE "
                      "b\nE == Max(2, 5)\n====") == Value::integer(5));
    // A user module that defines an operator the registry implements for a standard module is
    // used as written when it is not that standard module.
    CHECK(eval_module("---- MODULE M ----\nEXTENDS Naturals\nLen(s) == 42\nE == Len(<<1>>)\n"
                      "====") == Value::integer(42));
}

TEST_CASE("cfg constants and replacements", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nCONSTANT N, F(_)\nDouble(x) == 2 * x\n"
                   "Three == 3\nE == F(N) + Three\nFour == 4\nNoValue == CHOOSE v : v \\notin {1}\n"
                   "G == NoValue\n===="});
    SpecConfig config;
    config.constants["N"] = Value::integer(5);
    config.replacements["F"] = "Double";
    config.replacements["Three"] = "Four";
    config.constants["NoValue"] = Value::model_value("NoValue");
    CompileResult r = set.compile(config);
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(14));
    // `NoValue = NoValue` in a cfg: a model value overrides the (unbounded CHOOSE) definition.
    CHECK(ctx.evaluate("G") == Value::model_value("NoValue"));
}

TEST_CASE("nested modules, LET instances and instance parameters", "[resolve]") {
    // A nested module sees the definitions before it; `P(v) == INSTANCE Inner` substitutes the
    // parameter v for Inner's variable v.
    ModuleSet nested({"---- MODULE M ----\nEXTENDS Naturals\nBase == 10\n"
                      "---- MODULE Inner ----\nVARIABLE v\nGet == v + Base\n====\n"
                      "P(v) == INSTANCE Inner\nE == P(5)!Get\n===="});
    CompileResult r = nested.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(15));

    ModuleSet let({"---- MODULE M ----\nEXTENDS Naturals\nCONSTANT K\n"
                   "E == LET I == INSTANCE A WITH N <- K + 1 IN I!Twice\n====",
                   "---- MODULE A ----\nEXTENDS Naturals\nCONSTANT N\nTwice == 2 * N\n===="});
    SpecConfig config;
    config.constants["K"] = Value::integer(4);
    CompileResult l = let.compile(config);
    REQUIRE(l.errors.empty());
    EvalContext lctx(l.spec);
    CHECK(lctx.evaluate("E") == Value::integer(10));

    // An unnamed INSTANCE does not replace a definition the module already has.
    ModuleSet keep({"---- MODULE M ----\nVARIABLE x\nvars == <<x, x>>\nINSTANCE A\n===="
                    "",
                    "---- MODULE A ----\nVARIABLE x\nvars == <<x>>\nLen1 == vars\n===="});
    CompileResult k = keep.compile();
    REQUIRE(k.errors.empty());
    EvalContext kctx(k.spec);
    kctx.set_state({Value::integer(1)});
    CHECK(kctx.evaluate("vars").to_string() == "<<1, 1>>");
    CHECK(kctx.evaluate("Len1").to_string() == "<<1>>");
}

TEST_CASE("cfg replacements of builtins and of a module's definitions", "[resolve]") {
    ModuleSet set(
        {"---- MODULE MC ----\nEXTENDS Spec\nLimitedSeq(S) == {<<>>} \\cup {<<s>> : s \\in S}"
         "\nMyBallot == {7}\n====",
         "---- MODULE Spec ----\nEXTENDS Sequences\nINSTANCE Voting\n"
         "E == Cardinality(Seq({1, 2}))\n====",
         "---- MODULE Voting ----\nEXTENDS FiniteSets\nBallot == {1, 2}\n"
         "Ballots == Ballot\n===="});
    SpecConfig config;
    config.replacements["Seq"] = "LimitedSeq";
    config.module_replacements.push_back({"Voting", "Ballot", "MyBallot"});
    CompileResult r = set.compile(config);
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::integer(3));
    CHECK(ctx.evaluate("Ballots").to_string() == "{7}");
}

TEST_CASE("selectors of a definition's parts", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nVARIABLE x\n"
                   "Init == /\\ x \\in Nat\n        /\\ x < 5\n"
                   "Inv == P0 :: x > 1 /\\ (P1 :: x < 3)\n"
                   "E == Init!1 /\\ Init!2\nF == Inv!P1\n===="});
    CompileResult r = set.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    ctx.set_state({Value::integer(7)});
    CHECK(ctx.evaluate("E") == Value::boolean(false));
    CHECK(ctx.evaluate("F") == Value::boolean(false));
    ctx.set_state({Value::integer(2)});
    CHECK(ctx.evaluate("E") == Value::boolean(true));
    CHECK(ctx.evaluate("F") == Value::boolean(true));
}
