// The modules tlatv ships as TLA+ source (evaluator/stdlib_modules.hpp): each parses, the
// resolver finds it, and its operators have their documented values.
#include "stdlib_test_support.hpp"

#include "evaluator/eval_expression.hpp"
#include "evaluator/stdlib_modules.hpp"
#include "parser/parse.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::Value;
using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;
using tlatv::eval::stdlib_test::value;

namespace {

void check(const std::string& expression, const std::string& expected,
           const std::vector<std::string>& extends) {
    INFO(expression);
    CHECK(eval(expression, extends) == value(expected));
}

} // namespace

TEST_CASE("every shipped module parses and has its name", "[stdlib]") {
    for (std::string_view name : tlatv::eval::stdlib_module_names()) {
        INFO(name);
        auto parse = tlatv::parser::parse_module(tlatv::eval::stdlib_module_source(name), "x.tla");
        REQUIRE(parse.errors.empty());
        const tlatv::ast::Module* m = tlatv::eval::stdlib_module(name);
        REQUIRE(m != nullptr);
        CHECK(m->name == name);
        CHECK(m->file == "<tlatv>/" + std::string(name) + ".tla");
    }
    CHECK(tlatv::eval::stdlib_module_names().size() == 7);
    CHECK(tlatv::eval::stdlib_module("Naturals") == nullptr);
    CHECK(tlatv::eval::stdlib_module("relation") == nullptr);
    CHECK(tlatv::eval::stdlib_module_source("Nope").empty());
}

TEST_CASE("Relation: properties of relations and of operators", "[stdlib][Relation]") {
    const std::vector<std::string> r = {"Naturals", "Relation"};
    check("IsReflexiveUnder(=, {1, 2, 3})", "TRUE", r);
    check("IsReflexiveUnder(<, {1, 2, 3})", "FALSE", r);
    check("IsIrreflexiveUnder(<, {1, 2, 3})", "TRUE", r);
    check("IsIrreflexiveUnder(<=, {1, 2, 3})", "FALSE", r);
    check("IsSymmetricUnder(=, {1, 2, 3})", "TRUE", r);
    check("IsSymmetricUnder(<, {1, 2, 3})", "FALSE", r);
    check("IsAntiSymmetricUnder(<=, {1, 2, 3})", "TRUE", r);
    check("IsAntiSymmetricUnder(LAMBDA x, y : TRUE, {1, 2})", "FALSE", r);
    check("IsAsymmetricUnder(<, {1, 2, 3})", "TRUE", r);
    check("IsAsymmetricUnder(<=, {1, 2, 3})", "FALSE", r);
    check("IsTransitiveUnder(<, 1..4)", "TRUE", r);
    check("IsTransitiveUnder(LAMBDA x, y : y = x + 1, 1..4)", "FALSE", r);
    check("IsStrictlyPartiallyOrderedUnder(<, 1..3)", "TRUE", r);
    check("IsStrictlyPartiallyOrderedUnder(<=, 1..3)", "FALSE", r);
    check("IsPartiallyOrderedUnder(\\subseteq, SUBSET {1, 2})", "TRUE", r);
    check("IsTotallyOrderedUnder(\\subseteq, SUBSET {1, 2})", "FALSE", r);
    check("IsTotallyOrderedUnder(<=, 1..3)", "TRUE", r);
    check("IsStrictlyTotallyOrderedUnder(<, 1..3)", "TRUE", r);
    check("IsStrictlyTotallyOrderedUnder(LAMBDA x, y : x \\subseteq y /\\ x # y, SUBSET {1, 2})",
          "FALSE", r);
    // The function forms.
    check("IsReflexive([p \\in {1, 2} \\X {1, 2} |-> p[1] = p[2]], {1, 2})", "TRUE", r);
    check("IsSymmetric([p \\in {1, 2} \\X {1, 2} |-> p = <<1, 2>>], {1, 2})", "FALSE", r);
}

TEST_CASE("Relation: closures and connectivity", "[stdlib][Relation]") {
    const std::vector<std::string> r = {"Naturals", "Relation"};
    const std::string chain = "LET S == {1, 2, 3} R == [p \\in S \\X S |-> p \\in {<<1, 2>>, "
                              "<<2, 3>>}] IN ";
    check(chain + "{p \\in S \\X S : TransitiveClosure(R, S)[p]}", "{<<1, 2>>, <<1, 3>>, <<2, 3>>}",
          r);
    check(chain + "{p \\in S \\X S : ReflexiveTransitiveClosure(R, S)[p]}",
          "{<<1, 1>>, <<1, 2>>, <<1, 3>>, <<2, 2>>, <<2, 3>>, <<3, 3>>}", r);
    check(chain + "IsConnected(R, S)", "FALSE", r);
    check(chain + "DOMAIN TransitiveClosure(R, S) = S \\X S", "TRUE", r);
    const std::string cycle = "LET S == {1, 2, 3} R == [p \\in S \\X S |-> p \\in {<<1, 2>>, "
                              "<<2, 3>>, <<3, 1>>}] IN ";
    check(cycle + "IsConnected(R, S)", "TRUE", r);
    check(cycle + "\\A p \\in S \\X S : TransitiveClosure(R, S)[p]", "TRUE", r);
    const std::string pair = "LET S == {1, 2, 3} R == [p \\in S \\X S |-> p \\in {<<1, 2>>, "
                             "<<2, 1>>}] IN ";
    check(pair + "{p \\in S \\X S : TransitiveClosure(R, S)[p]}",
          "{<<1, 1>>, <<1, 2>>, <<2, 1>>, <<2, 2>>}", r);
    check("TransitiveClosure([p \\in {} \\X {} |-> TRUE], {}) = <<>>", "TRUE", r);
}

TEST_CASE("Relation, Graphs, UndirectedGraphs: closures of larger relations",
          "[stdlib][Relation][Graphs][UndirectedGraphs]") {
    // A chain of 60 elements: every element reaches the later ones, 60 * 59 / 2 pairs.
    check("LET S == 1..60 R == [p \\in S \\X S |-> p[2] = p[1] + 1] "
          "C == TransitiveClosure(R, S) IN Cardinality({p \\in S \\X S : C[p]})",
          "1770", {"Naturals", "FiniteSets", "Relation"});
    check("LET S == 1..60 R == [p \\in S \\X S |-> p[2] = p[1] + 1] IN IsConnected(R, S)", "FALSE",
          {"Naturals", "Relation"});
    check("LET G == [node |-> 1..60, edge |-> {<<i, i + 1>> : i \\in 1..59} \\cup {<<60, 1>>}] IN "
          "IsStronglyConnected(G)",
          "TRUE", {"Naturals", "Graphs"});
    check("LET G == [node |-> 1..60, edge |-> {<<i, i + 1>> : i \\in 1..59}] IN "
          "IsTreeWithRoot(G, 60)",
          "TRUE", {"Naturals", "Graphs"});
    check("LET U == [node |-> 1..60, edge |-> {{i, i + 1} : i \\in (1..59) \\ {30}}] IN "
          "ConnectedComponents(U) = {1..30, 31..60}",
          "TRUE", {"Naturals", "UndirectedGraphs"});
    check("IsTreeWithRoot([node |-> {}, edge |-> {}], 1)", "TRUE", {"Graphs"});
}

TEST_CASE("Relation: its helper is LOCAL", "[stdlib][Relation]") {
    CHECK(error_of("RelationOf(=, {1})", {"Relation"}) != "");
    // A user module that defines the helper's name is not in conflict with it.
    CHECK(error_of("IsReflexiveUnder(=, {1})", {"Relation"}) == "");
}

TEST_CASE("Graphs: directed graphs", "[stdlib][Graphs]") {
    const std::vector<std::string> g = {"Graphs"};
    const std::string G = "LET G == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}] IN ";
    check(G + "IsDirectedGraph(G)", "TRUE", g);
    check("IsDirectedGraph([node |-> {1}, edge |-> {<<1, 2>>}])", "FALSE", g);
    check("IsDirectedGraph([node |-> {1}, edge |-> {}, extra |-> 1])", "FALSE", g);
    check(G + "Transpose(G)", "[node |-> {1, 2, 3}, edge |-> {<<2, 1>>, <<3, 2>>}]", g);
    check(G + "<<AreConnectedIn(1, 3, G), AreConnectedIn(3, 1, G), AreConnectedIn(2, 2, G), "
              "AreConnectedIn(1, 4, G)>>",
          "<<TRUE, FALSE, TRUE, FALSE>>", g);
    check(G + "SimplePath(G)", "{<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 3>>, <<1, 2, 3>>}", g);
    // (Membership in Path(G), an infinite set filter, is not checked here: the evaluator
    // answers it point-wise only for a filter named by an operator without arguments.)
    check(G + "LET C == ConnectionsIn(G) IN {p \\in G.node \\X G.node : C[p]}",
          "{<<1, 1>>, <<1, 2>>, <<1, 3>>, <<2, 2>>, <<2, 3>>, <<3, 3>>}", g);
    check(G + "IsStronglyConnected(G)", "FALSE", g);
    check("IsStronglyConnected([node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>, <<3, 1>>}])",
          "TRUE", g);
    check(G + "IsUndirectedGraph(G)", "FALSE", g);
    check("IsUndirectedGraph([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}])", "TRUE", g);
    check("DirectedSubgraph([node |-> {1}, edge |-> {<<1, 1>>}])",
          "{[node |-> {}, edge |-> {}], [node |-> {1}, edge |-> {}], "
          "[node |-> {1}, edge |-> {<<1, 1>>}]}",
          g);
    check("Cardinality(UndirectedSubgraph([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}]))", "5",
          {"Graphs", "FiniteSets"});
}

TEST_CASE("Graphs: trees", "[stdlib][Graphs]") {
    const std::vector<std::string> g = {"Graphs"};
    const std::string T = "LET T == [node |-> {1, 2, 3}, edge |-> {<<1, 3>>, <<2, 3>>}] IN ";
    check(T + "IsTreeWithRoot(T, 3)", "TRUE", g);
    check(T + "IsTreeWithRoot(T, 1)", "FALSE", g);
    check("IsTreeWithRoot([node |-> {1, 2}, edge |-> {<<1, 2>>, <<1, 1>>}], 2)", "FALSE", g);
    check("IsTreeWithRoot([node |-> {1, 2, 3}, edge |-> {<<1, 2>>}], 2)", "FALSE", g);
}

TEST_CASE("UndirectedGraphs", "[stdlib][UndirectedGraphs]") {
    const std::vector<std::string> u = {"UndirectedGraphs", "FiniteSets"};
    const std::string U = "LET U == [node |-> {1, 2, 3, 4}, edge |-> {{1, 2}, {2, 3}}] IN ";
    check(U + "IsUndirectedGraph(U)", "TRUE", u);
    check("IsUndirectedGraph([node |-> {1}, edge |-> {{1, 2}}])", "FALSE", u);
    check("IsUndirectedGraph([node |-> {1}, edge |-> {{1}}])", "TRUE", u);
    check("IsLoopFreeUndirectedGraph([node |-> {1}, edge |-> {{1}}])", "FALSE", u);
    check("IsLoopFreeUndirectedGraph([node |-> {1, 2}, edge |-> {{1, 2}}])", "TRUE", u);
    check(U + "ConnectedComponents(U)", "{{4}, {1, 2, 3}}", u);
    check(U + "<<AreConnectedIn(3, 1, U), AreConnectedIn(1, 4, U), AreConnectedIn(4, 4, U)>>",
          "<<TRUE, FALSE, TRUE>>", u);
    check(U + "IsStronglyConnected(U)", "FALSE", u);
    check("IsStronglyConnected([node |-> {1, 2}, edge |-> {{1, 2}}])", "TRUE", u);
    check("SimplePath([node |-> {1, 2}, edge |-> {{1, 2}}])", "{<<1>>, <<2>>, <<1, 2>>, <<2, 1>>}",
          u);
    check("Cardinality(UndirectedGraphs({1, 2}))", "8", u);
    check("[node |-> {1, 2}, edge |-> {{1}, {2}}] \\in UndirectedGraphs({1, 2})", "TRUE", u);
    check("Cardinality(UndirectedSubgraph([node |-> {1, 2}, edge |-> {{1, 2}}]))", "5", u);
}

TEST_CASE("VectorClocks", "[stdlib][VectorClocks]") {
    const std::vector<std::string> v = {"VectorClocks"};
    check("IsCausalOrder(<<[a |-> 1, b |-> 0], [a |-> 1, b |-> 1]>>, LAMBDA c : c)", "TRUE", v);
    check("IsCausalOrder(<<[a |-> 1, b |-> 1], [a |-> 1, b |-> 0]>>, LAMBDA c : c)", "FALSE", v);
    // A node missing from a clock counts as 0.
    check("IsCausalOrder(<<[a |-> 1], [a |-> 1, b |-> 1]>>, LAMBDA c : c)", "TRUE", v);
    check("IsCausalOrder(<<[a |-> 1, b |-> 1], [a |-> 1]>>, LAMBDA c : c)", "FALSE", v);
    // Concurrent clocks may come in either order.
    check("IsCausalOrder(<<[a |-> 2, b |-> 0], [a |-> 0, b |-> 2]>>, LAMBDA c : c)", "TRUE", v);
    check("IsCausalOrder(<<[a |-> 0, b |-> 2], [a |-> 2, b |-> 0]>>, LAMBDA c : c)", "TRUE", v);
    // Two nodes: a's second event is concurrent with b's first, which received a's first; b's
    // second received a's second.
    const std::string log =
        "LET a1 == [n |-> \"a\", vc |-> [a |-> 1, b |-> 0]] "
        "    b1 == [n |-> \"b\", vc |-> [a |-> 1, b |-> 1]] "
        "    a2 == [n |-> \"a\", vc |-> [a |-> 2, b |-> 0]] "
        "    b2 == [n |-> \"b\", vc |-> [a |-> 2, b |-> 2]] "
        "    sorted == CausalOrder(<<b2, a2, b1, a1>>, LAMBDA l : l.vc, LAMBDA l : l.n, "
        "                          LAMBDA c : DOMAIN c) IN ";
    check(log + "sorted = <<a1, b1, a2, b2>>", "TRUE", v);
    check(log + "IsCausalOrder(sorted, LAMBDA l : l.vc)", "TRUE", v);
    check(log + "IsCausalOrder(<<b2, a2, b1, a1>>, LAMBDA l : l.vc)", "FALSE", v);
    check("CausalOrder(<<>>, LAMBDA l : l, LAMBDA l : l, LAMBDA c : DOMAIN c)", "<<>>", v);
    // VectorClocks extends Functions, as CommunityModules' module does.
    check("Range(<<1, 2, 2>>)", "{1, 2}", v);
}

TEST_CASE("VectorClocks: CausalOrder needs every event in the log", "[stdlib][VectorClocks]") {
    const std::vector<std::string> v = {"VectorClocks"};
    CHECK(error_of("CausalOrder(<<[n |-> \"a\", vc |-> [a |-> 1, b |-> 1]]>>, LAMBDA l : l.vc, "
                   "LAMBDA l : l.n, LAMBDA c : DOMAIN c)",
                   v) ==
          "CausalOrder: a clock counts events of \"b\", which has no entry in the log");
    CHECK(error_of("CausalOrder(<<[n |-> \"a\", vc |-> [a |-> 1]], [n |-> \"b\", vc |-> [a |-> 3, "
                   "b |-> 1]]>>, LAMBDA l : l.vc, LAMBDA l : l.n, LAMBDA c : DOMAIN c)",
                   v) ==
          "CausalOrder: a clock says \"a\" was at time 3, but the log holds 1 entries "
          "of it (the log must hold every event, numbered from 1)");
}

TEST_CASE("DyadicRationals", "[stdlib][DyadicRationals]") {
    const std::vector<std::string> d = {"DyadicRationals"};
    check("<<Zero, One>>", "<<[num |-> 0, den |-> 1], [num |-> 1, den |-> 1]>>", d);
    check("Half(One)", "[num |-> 1, den |-> 2]", d);
    check("Half(Half(One))", "[num |-> 1, den |-> 4]", d);
    check("Add(Half(One), Half(Half(One)))", "[num |-> 3, den |-> 4]", d);
    check("Add(Half(One), Half(One))", "[num |-> 1, den |-> 1]", d);
    check("Add(Half(Half(One)), Half(Half(One)))", "[num |-> 1, den |-> 2]", d);
    check("Add(Zero, Half(One))", "[num |-> 1, den |-> 2]", d);
    check("Add(Half(One), Zero)", "[num |-> 1, den |-> 2]", d);
    check("Half(Zero)", "[num |-> 0, den |-> 1]", d);
    check("<<PrettyPrint(Zero), PrettyPrint(One), PrettyPrint(Half(Half(One)))>>",
          "<<\"0\", \"1\", \"1/4\">>", d);
    check("<<IsDyadicRational([num |-> 1, den |-> 8]), IsDyadicRational([num |-> 1, den |-> 6])>>",
          "<<TRUE, FALSE>>", d);
    // Reduce is LOCAL, as in CommunityModules.
    CHECK(error_of("Reduce(One)", d) != "");
}

TEST_CASE("a module file of the user's takes precedence over a shipped one", "[stdlib]") {
    auto own = tlatv::parser::parse_module(
        "---- MODULE Relation ----\nIsReflexive(R, S) == 42\n====", "Relation.tla");
    REQUIRE(own.module);
    tlatv::eval::ExpressionSetup setup;
    setup.modules = [&](std::string_view name) -> const tlatv::ast::Module* {
        return name == "Relation" ? &*own.module : nullptr;
    };
    const std::vector<std::string> extends = {"Relation"};
    auto result = tlatv::eval::evaluate_expression("IsReflexive(1, 2)", extends, setup);
    REQUIRE(result.value);
    CHECK(*result.value == Value::integer(42));
}

TEST_CASE("Combinatorics", "[stdlib][Combinatorics]") {
    const std::vector<std::string> c = {"Combinatorics"};
    check("<<factorial[0], factorial[1], factorial[5], factorial[12]>>", "<<1, 1, 120, 479001600>>",
          c);
    check("<<choose(5, 0), choose(5, 2), choose(5, 5), choose(10, 3)>>", "<<1, 10, 1, 120>>", c);
    // factorial[13] exceeds TLC's 32-bit integers.
    CHECK(error_of("factorial[13]", c) != "");
    CHECK(error_of("choose(2, 3)", c) != "");
}
