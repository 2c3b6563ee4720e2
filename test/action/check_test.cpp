// Checking windows: partial pre- and post-states, verdicts and the diagnostics of a failure.
#include "evaluator/action.hpp"
#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"
#include "evaluator/value_parse.hpp"
#include "model_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tlatv::eval;
using tlatv::eval::test::compile_test_model;
using tlatv::eval::test::TestModel;

namespace {

const char* const kCounter = R"(---- MODULE Counter ----
EXTENDS Integers
VARIABLES x, y, log
Inc(d) == /\ x < 5
          /\ x' = x + d
          /\ y' \in {0, 1}
          /\ log' = log
Reset == /\ x >= 5
         /\ x' = 0
         /\ UNCHANGED <<y, log>>
Next == \/ \E d \in {1, 2} : Inc(d)
        \/ Reset
====
)";

TestModel counter() {
    TestModel m = compile_test_model(kCounter);
    if (!m.spec) FAIL("does not compile: " << m.error);
    return m;
}

PartialState partial(const TestModel& m, const std::string& text) {
    StateRead read = read_state_text(*m.spec, text);
    if (!read.errors.empty()) FAIL(read.errors[0].format());
    return read.state;
}

CheckResult check(const TestModel& m, const std::string& action, const std::string& pre,
                  const std::string& post, const CheckOptions& options = {}) {
    EvalContext ctx(m.spec);
    std::vector<Action> actions = select_actions(ctx, definition_action(*m.spec, "Next"), action);
    return check_window(ctx, actions, partial(m, pre), partial(m, post), options);
}

} // namespace

TEST_CASE("a complete window passes or fails") {
    auto m = counter();
    const std::string pre = "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>";
    auto pass = check(m, "", pre, "/\\ x = 3\n/\\ y = 1\n/\\ log = <<>>");
    CHECK(pass.verdict == Verdict::Pass);
    CHECK(pass.passed_by == "Next");
    CHECK(pass.unconstrained.empty());
    CHECK(check(m, "", pre, "/\\ x = 4\n/\\ y = 1\n/\\ log = <<>>").verdict == Verdict::Fail);
    // By label, by operator name.
    CHECK(check(m, "Inc(2)", pre, "/\\ x = 3\n/\\ y = 1\n/\\ log = <<>>").verdict == Verdict::Pass);
    CHECK(check(m, "Inc(1)", pre, "/\\ x = 3\n/\\ y = 1\n/\\ log = <<>>").verdict == Verdict::Fail);
    auto by_name = check(m, "Inc", pre, "/\\ x = 3\n/\\ y = 1\n/\\ log = <<>>");
    CHECK(by_name.verdict == Verdict::Pass);
    CHECK(by_name.passed_by == "Inc(2)");
    CHECK(check(m, "Reset", pre, "/\\ x = 0\n/\\ y = 0\n/\\ log = <<>>").verdict == Verdict::Fail);
}

TEST_CASE("a partial post-state: unfixed variables are enumerated and reported") {
    auto m = counter();
    auto r = check(m, "", "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>", "/\\ x = 2");
    CHECK(r.verdict == Verdict::Pass);
    CHECK(r.unconstrained == std::vector<std::string>{"y", "log"});
    REQUIRE(r.post);
    CHECK(state_text(*m.spec, *r.post) == "/\\ x = 2\n/\\ y = 0\n/\\ log = <<>>");
    // A fixed post variable turns `y' \in {0, 1}` into a membership test.
    CHECK(check(m, "", "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>", "/\\ y = 7").verdict ==
          Verdict::Fail);
}

TEST_CASE("a partial pre-state ranges over the values the caller gives") {
    auto m = counter();
    CheckOptions options;
    options.pre_domains = {parse_value("0..9"), std::nullopt, std::nullopt};
    auto r = check(m, "Reset", "/\\ y = 0\n/\\ log = <<>>", "/\\ x = 0\n/\\ y = 0\n/\\ log = <<>>",
                   options);
    CHECK(r.verdict == Verdict::Pass);
    CHECK(r.unknown_pre == std::vector<std::string>{"x"});
    REQUIRE(r.pre);
    CHECK((*r.pre)[0] == Value::integer(5));
    auto missing = check(m, "Reset", "/\\ y = 0\n/\\ log = <<>>", "/\\ x = 0");
    CHECK(missing.verdict == Verdict::Error);
    REQUIRE(missing.error);
    CHECK_THAT(missing.error->message, Catch::Contains("does not give x"));
}

TEST_CASE("an evaluation error is a verdict with its location") {
    TestModel m = compile_test_model("---- MODULE Test ----\nEXTENDS Integers\nVARIABLE x\n"
                                     "Next == x' = x + \"a\"\n====\n");
    INFO(m.error);
    REQUIRE(m.spec);
    EvalContext ctx(m.spec);
    std::vector<Action> next{definition_action(*m.spec, "Next")};
    auto r = check_window(ctx, next, partial(m, "x = 1"), partial(m, "x = 2"));
    CHECK(r.verdict == Verdict::Error);
    REQUIRE(r.error);
    CHECK(r.error->line == 4);
}

TEST_CASE("diagnostics: the false conjunct reached furthest, with its operands' values") {
    auto m = counter();
    auto r = check(m, "Inc(1)", "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>",
                   "/\\ x = 2\n/\\ y = 0\n/\\ log = <<1>>");
    REQUIRE(r.verdict == Verdict::Fail);
    REQUIRE(r.false_conjunct);
    const FalseConjunct& f = *r.false_conjunct;
    CHECK(f.file == "Test.tla");
    CHECK(f.span.begin.line == 7); // log' = log
    CHECK(f.span.begin.column == 14);
    CHECK(f.conjuncts_before == 3);
    REQUIRE(f.parts.size() == 2);
    CHECK(f.parts[0].value == "<<1>>");
    CHECK(f.parts[1].value == "<<>>");
    CHECK(r.enabled);
    REQUIRE(r.closest);
    CHECK(r.closest->action == "Inc(1)");
    CHECK(r.closest->differing == std::vector<std::uint32_t>{2});
    CHECK(r.closest->state[2] == parse_value("<<>>"));
}

TEST_CASE("diagnostics: a disabled action has no closest successor") {
    auto m = counter();
    auto r = check(m, "Reset", "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>",
                   "/\\ x = 0\n/\\ y = 0\n/\\ log = <<>>");
    REQUIRE(r.verdict == Verdict::Fail);
    CHECK_FALSE(r.enabled);
    CHECK_FALSE(r.closest);
    REQUIRE(r.false_conjunct);
    CHECK(r.false_conjunct->span.begin.line == 8); // x >= 5
    CHECK(r.false_conjunct->conjuncts_before == 0);
    CheckOptions quiet;
    quiet.diagnose = false;
    auto q = check(m, "Reset", "/\\ x = 1\n/\\ y = 0\n/\\ log = <<>>",
                   "/\\ x = 0\n/\\ y = 0\n/\\ log = <<>>", quiet);
    CHECK_FALSE(q.false_conjunct);
}
