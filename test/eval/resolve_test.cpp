// Resolution: SANY's semantic errors, module structure (EXTENDS, LOCAL, INSTANCE), overrides.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace tlatv::eval;
using tlatv::eval::test::compile_error;
using tlatv::eval::test::eval_module;
using tlatv::eval::test::ModuleSet;
using tlatv::eval::test::value_of;

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
                   "E == Init!1 /\\ Init!2\nF == Inv!P0!P1\n===="});
    CompileResult r = set.compile();
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    ctx.set_state({Value::integer(7)});
    CHECK(ctx.evaluate("E") == Value::boolean(false));
    CHECK(ctx.evaluate("F") == Value::boolean(false));
    ctx.set_state({Value::integer(2)});
    CHECK(ctx.evaluate("E") == Value::boolean(true));
    CHECK(ctx.evaluate("F") == Value::boolean(true));
    // As SANY: a label is named from the label it lies in, not from the definition.
    CHECK(compile_error({"---- MODULE M ----\nEXTENDS Naturals\nInv == P0 :: 1 > 0 /\\ (P1 :: "
                         "2 > 1)\nF == Inv!P1\n===="})
              .find("4:6: error: Cannot find label `P1'.") != std::string::npos);
}

TEST_CASE("selectors follow SANY's rules for operands, bound identifiers and labels", "[resolve]") {
    const std::string module = "---- MODULE M ----\nEXTENDS Naturals\n"
                               "Sum(a, b) == a + b * 10\n"
                               "Q == \\A i \\in 1..3, j \\in {7} : i + j > 7\n"
                               "L == LET k == 4 IN k * 2\n"
                               "C == CASE 1 > 2 -> 10 [] 2 > 1 -> 20 [] OTHER -> 30\n"
                               "B(n) == \\E i \\in 1..n : lbl(i) :: i * n = 6\n"
                               "S == {i * 2 : i \\in 1..3}\n"
                               "E1 == Sum(1, 2)!<<\n"            // the first operand of +: a
                               "E2 == Sum(1, 2)!>>!>>\n"         // b * 10's second operand
                               "E3 == Q!2\n"                     // the second bound set
                               "E4 == Q!(1, 7)\n"                // the body with i = 1, j = 7
                               "E5 == L!1\n"                     // the LET body, inside its LET
                               "E6 == <<C!1!2, C!2!1, C!3!2>>\n" // CASE arms
                               "E7 == B(3)!1\n"                  // the bound set 1..n
                               "E8 == B(3)!(2)\n"                // the body with i = 2
                               "E9 == B(3)!lbl(3)\n"             // the label with i = 3
                               "E10 == S!(5)\n"       // the element expression with i = 5
                               "E11 == Sum(4, 5)!:\n" // the whole body
                               "====";
    ModuleSet set({module});
    CompileResult r = set.compile();
    INFO((r.errors.empty() ? std::string() : r.errors[0].format()));
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E1") == Value::integer(1));
    CHECK(ctx.evaluate("E2") == Value::integer(10));
    CHECK(ctx.evaluate("E3").to_string() == "{7}");
    CHECK(ctx.evaluate("E4") == Value::boolean(true));
    CHECK(ctx.evaluate("E5") == Value::integer(8));
    CHECK(ctx.evaluate("E6").to_string() == "<<10, TRUE, 30>>");
    CHECK(ctx.evaluate("E7").to_string() == "1..3");
    CHECK(ctx.evaluate("E8") == Value::boolean(true));
    CHECK(ctx.evaluate("E9") == Value::boolean(false));
    CHECK(ctx.evaluate("E10") == Value::integer(10));
    CHECK(ctx.evaluate("E11") == Value::integer(54));

    auto error_of = [&](const std::string& use) {
        return compile_error({"---- MODULE M ----\nEXTENDS Naturals\n"
                              "Sum(a, b) == a + b\nQ == \\A i \\in 1..3 : i > 0\n"
                              "C == CASE 1 > 2 -> 10 [] OTHER -> 30\nL == LET k == 4 IN k\n"
                              "F == " +
                              use + "\n===="});
    };
    CHECK(error_of("Sum!1").find("The operator Sum requires 2 arguments.") != std::string::npos);
    CHECK(error_of("Sum(1, 2)!3").find("Nonexistent operand specified by `3'.") !=
          std::string::npos);
    CHECK(error_of("Q!(1, 2)")
              .find("Selector with 2 argument(s) used for quantifier with 1 "
                    "bound identifier(s).") != std::string::npos);
    CHECK(error_of("Q!@").find("`!@' names an operator") != std::string::npos);
    CHECK(error_of("C!1").find("Subexpression of CASE must have form !i!j.") != std::string::npos);
    CHECK(error_of("C!2!1").find("Selecting OTHER in a CASE statement.") != std::string::npos);
    CHECK(error_of("L!2").find("A LET/IN expression has only one operand.") != std::string::npos);
    CHECK(error_of("Sum(1, 2)!1!:").find("`!:' can be used only after a name") !=
          std::string::npos);
    CHECK(error_of("Nope!1").find("Unknown operator: `Nope'.") != std::string::npos);
}

TEST_CASE("selectors reach definitions through instances", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals\nI == INSTANCE A WITH N <- 3\n"
                   "E == I!Both!2\nF == I!Both\n====",
                   "---- MODULE A ----\nEXTENDS Naturals\nCONSTANT N\n"
                   "Both == /\\ N > 1\n        /\\ N > 5\n===="});
    CompileResult r = set.compile();
    INFO((r.errors.empty() ? std::string() : r.errors[0].format()));
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E") == Value::boolean(false));
    CHECK(ctx.evaluate("F") == Value::boolean(false));
}

TEST_CASE("named theorems are expressions; ASSUME ... PROVE theorems are not", "[resolve]") {
    // As MCVoting: `ASSUME QuorumNonEmpty!:` checks a theorem of the module it extends.
    ModuleSet set(
        {"---- MODULE M ----\nEXTENDS V\nASSUME NonEmpty!:\nE == <<NonEmpty, Both!2, Count!: >>\n"
         "====",
         "---- MODULE V ----\nEXTENDS Naturals, FiniteSets\nCONSTANT Quorum\n"
         "THEOREM NonEmpty == \\A q \\in Quorum : q # {}\n"
         "LEMMA Both == /\\ Quorum # {}\n              /\\ {} \\in Quorum\n"
         "PROOF OBVIOUS\n"
         "ASSUME Count == Cardinality(Quorum) > 0\n"
         "THEOREM Tautology == ASSUME NEW S PROVE S = S\n"
         "THEOREM 1 + 1 = 2\n"
         "===="});
    SpecConfig config;
    config.constants["Quorum"] = value_of("{{1}, {2, 3}}");
    CompileResult r = set.compile(config);
    INFO((r.errors.empty() ? std::string() : r.errors[0].format()));
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E").to_string() == "<<TRUE, FALSE, TRUE>>");

    const std::string v = "---- MODULE V ----\nTHEOREM Tautology == ASSUME NEW S PROVE S = S\n"
                          "====";
    CHECK(compile_error({"---- MODULE M ----\nEXTENDS V\nE == Tautology\n====", v})
              .find("3:6: error: ASSUME/PROVE used where an expression is required.") !=
          std::string::npos);
    CHECK(compile_error({"---- MODULE M ----\nEXTENDS V\nE == Tautology!:\n====", v})
              .find("ASSUME/PROVE used where an expression is required.") != std::string::npos);
    // A theorem's name is taken like any other.
    CHECK(compile_error({"---- MODULE M ----\nTHEOREM T == TRUE\nT == 1\n===="})
              .find("Operator T already defined or declared.") != std::string::npos);
}

TEST_CASE("FunctionTheorems brings Functions, Integers and FiniteSets", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS FunctionTheorems\n"
                   "E == <<Range([i \\in 1..3 |-> i * 2]), -1, Cardinality({1, 2})>>\n===="});
    CompileResult r = set.compile();
    INFO((r.errors.empty() ? std::string() : r.errors[0].format()));
    REQUIRE(r.errors.empty());
    EvalContext ctx(r.spec);
    CHECK(ctx.evaluate("E").to_string() == "<<{2, 4, 6}, -1, 2>>");
}

// A zero-argument definition at level 0 is evaluated once per context when it is constant-level
// (TLC evaluates such definitions once). Operator arguments count by what they read.
TEST_CASE("constant-level definitions: LET, LAMBDA and operator arguments", "[resolve]") {
    ModuleSet set({"---- MODULE M ----\nEXTENDS Naturals, Sequences, TLC, IOUtils\nVARIABLE x\n"
                   "Apply(F(_), v) == F(v)\n"
                   "Twice(F(_), v) == Apply(F, Apply(F, v))\n"
                   "WithState(F(_), v) == F(v) + x\n"
                   "Inc(v) == v + 1\n"
                   "Calls == Inc(2)\n"
                   "Lambda == Apply(LAMBDA y : y * 2, 3)\n"
                   "PassedOn == Twice(LAMBDA y : y * 2, 3)\n"
                   "Named == Twice(Inc, 3)\n"
                   "LetLambda == LET s == <<1, 2, 3>> IN Apply(LAMBDA i : s[i], 2)\n"
                   "BoundLambda == {Apply(LAMBDA y : y + k, 1) : k \\in 1..3}\n"
                   "LambdaReadsState == Apply(LAMBDA y : y + x, 1)\n"
                   "OperatorReadsState == WithState(Inc, 1)\n"
                   "Environment == IOEnv\n"
                   "Level == TLCGet(\"level\")\n"
                   "Replaced == Inc(1)\n"
                   "Other(v) == v + x\n"
                   "===="});
    SpecConfig config;
    config.replacements["Inc"] = "Other";
    CompileResult r = set.compile(config);
    INFO((r.errors.empty() ? std::string() : r.errors[0].format()));
    REQUIRE(r.errors.empty());
    auto constant_level = [&](const char* name) {
        INFO(name);
        auto index = r.spec->find_definition(name);
        REQUIRE(index);
        return r.spec->definition(*index).constant_level;
    };
    CHECK(constant_level("Lambda"));
    CHECK(constant_level("PassedOn"));
    CHECK(constant_level("LetLambda"));
    CHECK(constant_level("BoundLambda"));
    CHECK(constant_level("Environment"));
    CHECK_FALSE(constant_level("LambdaReadsState"));
    CHECK_FALSE(constant_level("OperatorReadsState"));
    CHECK_FALSE(constant_level("Level"));
    // Inc is replaced by the cfg (by an operator that reads x): no caller is constant-level.
    CHECK_FALSE(constant_level("Calls"));
    CHECK_FALSE(constant_level("Named"));

    ModuleSet plain({"---- MODULE M ----\nEXTENDS Naturals\nVARIABLE x\n"
                     "Inc(v) == v + 1\nCalls == Inc(2)\nReads(v) == v + x\nCallsReads == Reads(1)\n"
                     "===="});
    CompileResult p = plain.compile();
    REQUIRE(p.errors.empty());
    CHECK(p.spec->definition(*p.spec->find_definition("Calls")).constant_level);
    CHECK_FALSE(p.spec->definition(*p.spec->find_definition("CallsReads")).constant_level);

    // Values: the cached ones do not change with the state, the others do.
    EvalContext ctx(r.spec);
    ctx.set_state({Value::integer(10)});
    CHECK(ctx.evaluate("Lambda") == Value::integer(6));
    CHECK(ctx.evaluate("PassedOn") == Value::integer(12));
    CHECK(ctx.evaluate("LetLambda") == Value::integer(2));
    CHECK(ctx.evaluate("BoundLambda").to_string() == "{2, 3, 4}");
    CHECK(ctx.evaluate("LambdaReadsState") == Value::integer(11));
    CHECK(ctx.evaluate("Replaced") == Value::integer(11));
    ctx.set_state({Value::integer(20)});
    CHECK(ctx.evaluate("LambdaReadsState") == Value::integer(21));
    CHECK(ctx.evaluate("OperatorReadsState") == Value::integer(41));
    CHECK(ctx.evaluate("Replaced") == Value::integer(21));
}
