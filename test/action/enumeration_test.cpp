// The rules of the successor walk, one by one, on small specs.
#include "evaluator/action.hpp"
#include "evaluator/action_state.hpp"
#include "evaluator/value_parse.hpp"
#include "model_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace tlatv::eval;
using tlatv::eval::test::compile_test_model;
using tlatv::eval::test::TestModel;

namespace {

// A module with variables x and y and the given definitions.
TestModel spec_of(const std::string& definitions, const std::string& variables = "x, y",
                  const std::string& cfg = "") {
    TestModel m = compile_test_model("---- MODULE Test ----\nEXTENDS Integers, FiniteSets\n"
                                     "VARIABLES " +
                                         variables + "\n" + definitions + "\n====\n",
                                     cfg);
    if (!m.spec) FAIL("does not compile: " << m.error);
    return m;
}

State state_of(const TestModel& m, const std::string& text) {
    StateRead read = read_state_text(*m.spec, text);
    if (!read.errors.empty()) FAIL(read.errors[0].format());
    State s;
    for (auto& v : read.state) {
        if (!v) FAIL("incomplete state " << text);
        s.push_back(*v);
    }
    return s;
}

// The successors of `pre` under the definition `action`, printed one line each and sorted.
std::set<std::string> next_of(const TestModel& m, const std::string& action, const std::string& pre,
                              const EnumerationLimits& limits = {}) {
    EvalContext ctx(m.spec);
    Action a = definition_action(*m.spec, action);
    std::set<std::string> out;
    for (const State& s : successors(ctx, a, state_of(m, pre), limits)) {
        std::string text = state_text(*m.spec, s);
        std::replace(text.begin(), text.end(), '\n', ' ');
        out.insert(text);
    }
    return out;
}

std::string error_of(const TestModel& m, const std::string& action, const std::string& pre,
                     const EnumerationLimits& limits = {}) {
    EvalContext ctx(m.spec);
    try {
        successors(ctx, definition_action(*m.spec, action), state_of(m, pre), limits);
    } catch (const EvalFailure& e) {
        return e.diagnostic().format();
    }
    return "";
}

using Set = std::set<std::string>;

} // namespace

TEST_CASE("x' = e assigns an unbound x' and tests a bound one") {
    auto m = spec_of("Next == x' = x + 1 /\\ y' = 0 /\\ x' = 2");
    CHECK(next_of(m, "Next", "/\\ x = 1\n/\\ y = 5") == Set{"/\\ x = 2 /\\ y = 0"});
    CHECK(next_of(m, "Next", "/\\ x = 0\n/\\ y = 5").empty());
}

TEST_CASE("x' \\in S enumerates S when x' is unbound, else tests membership") {
    auto m = spec_of("A == x' \\in {1, 2, 3} /\\ y' = x'\n"
                     "B == x' = 7 /\\ x' \\in {1, 2} /\\ y' = 0");
    CHECK(next_of(m, "A", "/\\ x = 0\n/\\ y = 0") ==
          Set{"/\\ x = 1 /\\ y = 1", "/\\ x = 2 /\\ y = 2", "/\\ x = 3 /\\ y = 3"});
    CHECK(next_of(m, "B", "/\\ x = 0\n/\\ y = 0").empty());
}

TEST_CASE("UNCHANGED assigns through tuples and definitions") {
    auto m = spec_of("vars == <<x, y>>\nOnlyY == y\n"
                     "A == x' = 1 /\\ UNCHANGED <<y>>\n"
                     "B == UNCHANGED vars\n"
                     "C == y' = 3 /\\ UNCHANGED vars\n"
                     "D == x' = 2 /\\ UNCHANGED OnlyY");
    const std::string pre = "/\\ x = 0\n/\\ y = 3";
    CHECK(next_of(m, "A", pre) == Set{"/\\ x = 1 /\\ y = 3"});
    CHECK(next_of(m, "B", pre) == Set{"/\\ x = 0 /\\ y = 3"});
    CHECK(next_of(m, "C", pre) == Set{"/\\ x = 0 /\\ y = 3"});
    CHECK(next_of(m, "C", "/\\ x = 0\n/\\ y = 4").empty());
    CHECK(next_of(m, "D", pre) == Set{"/\\ x = 2 /\\ y = 3"});
}

TEST_CASE("disjunction and \\E branch; duplicate successors are merged") {
    auto m = spec_of("A == \\/ x' = 1 /\\ y' = 1\n     \\/ x' = 2 /\\ y' = 2\n"
                     "B == \\E i \\in {1, 2, 3} : x' = 0 /\\ y' = 0\n"
                     "C == \\E i \\in 1..3 : x' = i /\\ y' = i % 2");
    const std::string pre = "/\\ x = 0\n/\\ y = 0";
    CHECK(next_of(m, "A", pre) == Set{"/\\ x = 1 /\\ y = 1", "/\\ x = 2 /\\ y = 2"});
    EvalContext ctx(m.spec);
    CHECK(successors(ctx, definition_action(*m.spec, "B"), state_of(m, pre)).size() == 1);
    CHECK(next_of(m, "C", pre) ==
          Set{"/\\ x = 1 /\\ y = 1", "/\\ x = 2 /\\ y = 0", "/\\ x = 3 /\\ y = 1"});
}

TEST_CASE("IF and CASE pick branches by their guards; => guards its right side") {
    auto m = spec_of("A == IF x > 0 THEN x' = x - 1 /\\ y' = y ELSE x' = 10 /\\ y' = 1\n"
                     "B == CASE x = 0 -> x' = 5 /\\ y' = 0\n"
                     "       [] x = 1 -> x' = 6 /\\ y' = 0\n"
                     "       [] OTHER -> x' = 7 /\\ y' = 0\n"
                     "C == x' = 1 /\\ y' = 1 /\\ (x > 0 => x' = 2)");
    CHECK(next_of(m, "A", "/\\ x = 3\n/\\ y = 9") == Set{"/\\ x = 2 /\\ y = 9"});
    CHECK(next_of(m, "A", "/\\ x = 0\n/\\ y = 9") == Set{"/\\ x = 10 /\\ y = 1"});
    CHECK(next_of(m, "B", "/\\ x = 1\n/\\ y = 9") == Set{"/\\ x = 6 /\\ y = 0"});
    CHECK(next_of(m, "B", "/\\ x = 4\n/\\ y = 9") == Set{"/\\ x = 7 /\\ y = 0"});
    CHECK(next_of(m, "C", "/\\ x = 0\n/\\ y = 0") == Set{"/\\ x = 1 /\\ y = 1"});
    CHECK(next_of(m, "C", "/\\ x = 1\n/\\ y = 0").empty());
}

TEST_CASE("LET binds; its values are recomputed on each branch") {
    auto m = spec_of("A == LET v == x' * 10 IN x' \\in {1, 2} /\\ y' = v");
    CHECK(next_of(m, "A", "/\\ x = 0\n/\\ y = 0") ==
          Set{"/\\ x = 1 /\\ y = 10", "/\\ x = 2 /\\ y = 20"});
}

TEST_CASE("calls of user definitions are entered, primed arguments stay assignable") {
    auto m = spec_of("Set(v, e) == v = e\n"
                     "Guarded(A) == x = 0 /\\ A\n"
                     "Step(i) == x' = x + i /\\ y' = i\n"
                     "A == Set(x', 4) /\\ Set(y', x')\n"
                     "B == Guarded(x' = 1 /\\ y' = 2)\n"
                     "C == \\E i \\in {1, 2} : Step(i)");
    CHECK(next_of(m, "A", "/\\ x = 0\n/\\ y = 0") == Set{"/\\ x = 4 /\\ y = 4"});
    CHECK(next_of(m, "B", "/\\ x = 0\n/\\ y = 0") == Set{"/\\ x = 1 /\\ y = 2"});
    CHECK(next_of(m, "B", "/\\ x = 1\n/\\ y = 0").empty());
    CHECK(next_of(m, "C", "/\\ x = 5\n/\\ y = 0") ==
          Set{"/\\ x = 6 /\\ y = 1", "/\\ x = 7 /\\ y = 2"});
}

TEST_CASE("[A]_v, <<A>>_v and A \\cdot B") {
    auto m = spec_of("A == x' \\in {0, 1} /\\ y' = y\n"
                     "Box == [A]_<<x, y>>\n"
                     "Angle == <<A>>_<<x, y>>\n"
                     "Inc == x' = x + 1 /\\ y' = y\n"
                     "Dbl == x' = x * 2 /\\ y' = y + 1\n"
                     "Both == Inc \\cdot Dbl");
    CHECK(next_of(m, "Box", "/\\ x = 0\n/\\ y = 0") ==
          Set{"/\\ x = 0 /\\ y = 0", "/\\ x = 1 /\\ y = 0"});
    CHECK(next_of(m, "Angle", "/\\ x = 0\n/\\ y = 0") == Set{"/\\ x = 1 /\\ y = 0"});
    CHECK(next_of(m, "Both", "/\\ x = 1\n/\\ y = 0") == Set{"/\\ x = 4 /\\ y = 1"});
}

TEST_CASE("errors name the unassigned variable, the unbound primed variable and the bound") {
    auto m = spec_of("A == x' = 1\n"
                     "B == x' > 0 /\\ x' = 1 /\\ y' = 1\n"
                     "C == x' \\in 1..100 /\\ y' = 0");
    const std::string pre = "/\\ x = 0\n/\\ y = 0";
    const std::string unassigned = error_of(m, "A", pre);
    CHECK_THAT(unassigned, Catch::Contains("not completely specified by action A"));
    CHECK_THAT(unassigned, Catch::Contains("not assigned: y"));
    CHECK_THAT(error_of(m, "B", pre), Catch::Contains("x' is not bound"));
    EnumerationLimits limits;
    limits.max_states = 10;
    CHECK_THAT(error_of(m, "C", pre, limits), Catch::Contains("maximum of 10 states"));
    limits.max_states = 100;
    CHECK(error_of(m, "C", pre, limits).empty());
}

TEST_CASE("initial states: the same walk assigns the unprimed variables") {
    auto m = spec_of("Init == x \\in 1..3 /\\ y = x * 2 /\\ x # 2\nBad == x = 1\n"
                     "Early == x = y /\\ y = 1");
    EvalContext ctx(m.spec);
    auto states = initial_states(ctx, definition_action(*m.spec, "Init"));
    REQUIRE(states.size() == 2);
    CHECK(state_text(*m.spec, states[0]) == "/\\ x = 1\n/\\ y = 2");
    CHECK(state_text(*m.spec, states[1]) == "/\\ x = 3\n/\\ y = 6");
    CHECK_THROWS_WITH(initial_states(ctx, definition_action(*m.spec, "Bad")),
                      Catch::Contains("not assigned: y"));
    CHECK_THROWS_WITH(initial_states(ctx, definition_action(*m.spec, "Early")),
                      Catch::Contains("y is read before the initial predicate assigns it"));
}

TEST_CASE("actions with parameters: bound by the caller or split like TLC") {
    auto m =
        spec_of("CONSTANTS Clients, Resources\n"
                "Request(c, S) == x' = c /\\ y' = S\n"
                "Tick == x' = x /\\ y' = y\n"
                "Next == \\/ \\E c \\in Clients, S \\in SUBSET Resources \\ {{}} : Request(c, S)\n"
                "        \\/ Tick\n"
                "        \\/ \\E c \\in {x} : x' = c /\\ y' = y",
                "x, y", "CONSTANTS Clients = {c1, c2}\nResources = {r1}\n");
    EvalContext ctx(m.spec);
    std::vector<std::string> labels;
    for (const Action& a : split_actions(ctx, definition_action(*m.spec, "Next")))
        labels.push_back(a.label());
    CHECK(labels ==
          std::vector<std::string>{"Request(c1,{r1})", "Request(c2,{r1})", "Tick", "Next"});
    Action bound =
        definition_action(*m.spec, "Request", {Value::model_value("c2"), parse_value("{r1}")});
    CHECK(bound.label() == "Request(c2,{r1})");
    auto next = successors(ctx, bound, state_of(m, "/\\ x = c1\n/\\ y = {}"));
    REQUIRE(next.size() == 1);
    CHECK(state_text(*m.spec, next[0]) == "/\\ x = c2\n/\\ y = {r1}");
}

TEST_CASE("a SPECIFICATION formula gives the initial predicate and the next-state action") {
    auto m = spec_of("Init == x = 0 /\\ y = 0\nNext == x' = x + 1 /\\ y' = y\n"
                     "vars == <<x, y>>\n"
                     "Spec == Init /\\ [][Next]_vars /\\ WF_vars(Next)\n"
                     "Both == x = 0 /\\ Spec");
    SpecFormula f = spec_formula(*m.spec, "Spec");
    CHECK(f.next.label() == "Next");
    EvalContext ctx(m.spec);
    CHECK(initial_states(ctx, f.init).size() == 1);
    SpecFormula g = spec_formula(*m.spec, "Both");
    CHECK(g.init.conjuncts.size() == 1);
    CHECK(initial_states(ctx, g.init).size() == 1);
}

TEST_CASE("ENABLED A holds when A has a successor from the current state") {
    auto m = spec_of("A == x > 0 /\\ x' = x - 1 /\\ y' \\in {}\n"
                     "B == x > 0 /\\ x' = x - 1 /\\ y' = y\n"
                     "EnabledA == ENABLED A\nEnabledB == ENABLED B\n"
                     "C == ENABLED B /\\ x' = 9 /\\ y' = y");
    EvalContext ctx(m.spec);
    ctx.set_state(state_of(m, "/\\ x = 1\n/\\ y = 0"));
    CHECK_FALSE(ctx.evaluate("EnabledA").as_bool());
    CHECK(ctx.evaluate("EnabledB").as_bool());
    ctx.set_state(state_of(m, "/\\ x = 0\n/\\ y = 0"));
    CHECK_FALSE(ctx.evaluate("EnabledB").as_bool());
    // Inside an action's walk: the primed variables of the walk are kept around ENABLED.
    CHECK(next_of(m, "C", "/\\ x = 1\n/\\ y = 0") == Set{"/\\ x = 9 /\\ y = 0"});
    CHECK(next_of(m, "C", "/\\ x = 0\n/\\ y = 0").empty());
}
