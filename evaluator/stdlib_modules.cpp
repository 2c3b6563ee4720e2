#include "evaluator/stdlib_modules.hpp"

#include "parser/parse.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

namespace tlatv::eval {

namespace {

// A relation over S is a function R \in [S \X S -> BOOLEAN]; R[x, y] says x is related to y.
// The `...Under` variants take a binary operator instead.
constexpr std::string_view kRelation = R"tla(
---- MODULE Relation ----
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

IsReflexive(R, S) == \A x \in S : R[x, x]
IsIrreflexive(R, S) == \A x \in S : ~R[x, x]
IsSymmetric(R, S) == \A x, y \in S : R[x, y] <=> R[y, x]
IsAntiSymmetric(R, S) == \A x, y \in S : (R[x, y] /\ R[y, x]) => x = y
IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])
IsTransitive(R, S) == \A x, y, z \in S : (R[x, y] /\ R[y, z]) => R[x, z]

IsStrictlyPartiallyOrdered(R, S) ==
    IsIrreflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsPartiallyOrdered(R, S) ==
    IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsStrictlyTotallyOrdered(R, S) ==
    IsStrictlyPartiallyOrdered(R, S) /\ \A x, y \in S : x # y => (R[x, y] \/ R[y, x])
IsTotallyOrdered(R, S) ==
    IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]

LOCAL RelationOf(op(_, _), S) == [pair \in S \X S |-> op(pair[1], pair[2])]

IsReflexiveUnder(op(_, _), S) == IsReflexive(RelationOf(op, S), S)
IsIrreflexiveUnder(op(_, _), S) == IsIrreflexive(RelationOf(op, S), S)
IsSymmetricUnder(op(_, _), S) == IsSymmetric(RelationOf(op, S), S)
IsAntiSymmetricUnder(op(_, _), S) == IsAntiSymmetric(RelationOf(op, S), S)
IsAsymmetricUnder(op(_, _), S) == IsAsymmetric(RelationOf(op, S), S)
IsTransitiveUnder(op(_, _), S) == IsTransitive(RelationOf(op, S), S)
IsStrictlyPartiallyOrderedUnder(op(_, _), S) == IsStrictlyPartiallyOrdered(RelationOf(op, S), S)
IsPartiallyOrderedUnder(op(_, _), S) == IsPartiallyOrdered(RelationOf(op, S), S)
IsStrictlyTotallyOrderedUnder(op(_, _), S) == IsStrictlyTotallyOrdered(RelationOf(op, S), S)
IsTotallyOrderedUnder(op(_, _), S) == IsTotallyOrdered(RelationOf(op, S), S)

\* Warshall's algorithm: through[V][x, y] holds when a non-empty R-path leads from x to y
\* whose inner elements all lie in V; one element of V is added per step. (The builtin registry
\* replaces this definition by a native one, evaluator/builtins/relation.cpp.)
TransitiveClosure(R, S) ==
    LET through[V \in SUBSET S] ==
            IF V = {} THEN [pair \in S \X S |-> R[pair]]
            ELSE LET z == CHOOSE z \in V : TRUE
                     T == through[V \ {z}]
                 IN  [pair \in S \X S |-> T[pair] \/ (T[pair[1], z] /\ T[z, pair[2]])]
    IN  through[S]

ReflexiveTransitiveClosure(R, S) ==
    LET T == TransitiveClosure(R, S)
    IN  [pair \in S \X S |-> pair[1] = pair[2] \/ T[pair]]

\* Every element of S reaches every other one.
IsConnected(R, S) ==
    LET T == ReflexiveTransitiveClosure(R, S)
    IN  \A x, y \in S : T[x, y]
====
)tla";

// A directed graph is a record [node |-> N, edge |-> E] with E \subseteq N \X N.
constexpr std::string_view kGraphs = R"tla(
---- MODULE Graphs ----
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

IsDirectedGraph(G) ==
    /\ G = [node |-> G.node, edge |-> G.edge]
    /\ G.edge \subseteq G.node \X G.node

DirectedSubgraph(G) ==
    {H \in [node : SUBSET G.node, edge : SUBSET (G.node \X G.node)] :
        IsDirectedGraph(H) /\ H.edge \subseteq G.edge}

Transpose(G) == [node |-> G.node, edge |-> {<<e[2], e[1]>> : e \in G.edge}]

IsUndirectedGraph(G) ==
    IsDirectedGraph(G) /\ \A e \in G.edge : <<e[2], e[1]>> \in G.edge

UndirectedSubgraph(G) == {H \in DirectedSubgraph(G) : IsUndirectedGraph(H)}

LOCAL IsWalk(p, G) == p # <<>> /\ \A i \in 1..(Len(p) - 1) : <<p[i], p[i + 1]>> \in G.edge

Path(G) == {p \in Seq(G.node) : IsWalk(p, G)}

\* Paths that visit no node twice: at most Cardinality(G.node) long.
SimplePath(G) ==
    {p \in UNION {[1..n -> G.node] : n \in 1..Cardinality(G.node)} :
        IsWalk(p, G) /\ \A i, j \in DOMAIN p : p[i] = p[j] => i = j}

\* ConnectionsIn(G)[m, n]: a path leads from m to n (every node reaches itself), by Warshall's
\* algorithm over the nodes allowed inside paths. (The builtin registry replaces this definition
\* by a native one, evaluator/builtins/graphs.cpp.)
ConnectionsIn(G) ==
    LET through[V \in SUBSET G.node] ==
            IF V = {} THEN [m, n \in G.node |-> m = n \/ <<m, n>> \in G.edge]
            ELSE LET u == CHOOSE u \in V : TRUE
                     C == through[V \ {u}]
                 IN  [m, n \in G.node |-> C[m, n] \/ (C[m, u] /\ C[u, n])]
    IN  through[G.node]

AreConnectedIn(m, n, G) ==
    m \in G.node /\ n \in G.node /\ ConnectionsIn(G)[m, n]

IsStronglyConnected(G) ==
    LET C == ConnectionsIn(G)
    IN  \A m, n \in G.node : C[m, n]

\* Edges point towards the root r, which has none leaving it; every other node has exactly one.
IsTreeWithRoot(G, r) ==
    /\ IsDirectedGraph(G)
    /\ \A e \in G.edge : /\ e[1] # r
                         /\ \A f \in G.edge : e[1] = f[1] => e = f
    /\ LET C == ConnectionsIn(G) IN \A n \in G.node : r \in G.node /\ C[n, r]
====
)tla";

// An undirected graph is a record [node |-> N, edge |-> E] whose edges are sets {a, b} of
// nodes ({a} is a loop).
constexpr std::string_view kUndirectedGraphs = R"tla(
---- MODULE UndirectedGraphs ----
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

IsUndirectedGraph(G) ==
    /\ G = [node |-> G.node, edge |-> G.edge]
    /\ \A e \in G.edge : \E a, b \in G.node : e = {a, b}

IsLoopFreeUndirectedGraph(G) ==
    /\ G = [node |-> G.node, edge |-> G.edge]
    /\ \A e \in G.edge : \E a, b \in G.node : a # b /\ e = {a, b}

UndirectedSubgraph(G) ==
    {H \in [node : SUBSET G.node, edge : SUBSET G.edge] : IsUndirectedGraph(H)}

LOCAL IsWalk(p, G) == p # <<>> /\ \A i \in 1..(Len(p) - 1) : {p[i], p[i + 1]} \in G.edge

Path(G) == {p \in Seq(G.node) : IsWalk(p, G)}

\* Paths that visit no node twice: at most Cardinality(G.node) long.
SimplePath(G) ==
    {p \in UNION {[1..n -> G.node] : n \in 1..Cardinality(G.node)} :
        IsWalk(p, G) /\ \A i, j \in DOMAIN p : p[i] = p[j] => i = j}

LOCAL Directed == INSTANCE Graphs

\* Reach(G)[m, n]: a path leads from m to n; an edge {a, b} leads both ways.
LOCAL Reach(G) ==
    Directed!ConnectionsIn([node |-> G.node,
                            edge |-> {e \in G.node \X G.node : {e[1], e[2]} \in G.edge}])

AreConnectedIn(m, n, G) == m \in G.node /\ n \in G.node /\ Reach(G)[m, n]

\* The maximal non-empty sets of nodes connected among themselves.
ConnectedComponents(G) ==
    LET C == Reach(G)
    IN  {{n \in G.node : C[m, n]} : m \in G.node}

IsStronglyConnected(G) == ConnectedComponents(G) = {G.node}

\* Every undirected graph whose set of nodes is S.
UndirectedGraphs(S) == [node : {S}, edge : SUBSET {{s, t} : <<s, t>> \in S \X S}]
====
)tla";

// Vector clocks are functions from nodes to naturals; a node missing from a clock's domain
// counts as 0.
constexpr std::string_view kVectorClocks = R"tla(
---- MODULE VectorClocks ----
EXTENDS Naturals, Sequences, Functions

LOCAL Aligned(c, D) == [d \in D |-> IF d \in DOMAIN c THEN c[d] ELSE 0]

LOCAL HappenedBefore(v, w) ==
    /\ \A d \in DOMAIN v : v[d] <= w[d]
    /\ \E d \in DOMAIN v : v[d] < w[d]

LOCAL Concurrent(v, w) ==
    \E d, e \in DOMAIN v : d # e /\ v[d] < w[d] /\ v[e] > w[e]

\* No entry of the log comes after one whose clock it happened before.
IsCausalOrder(log, clock(_)) ==
    \A i \in 1..Len(log) : \A j \in 1..(i - 1) :
        LET D == DOMAIN clock(log[i]) \cup DOMAIN clock(log[j])
            later == Aligned(clock(log[i]), D)
            earlier == Aligned(clock(log[j]), D)
        IN  HappenedBefore(earlier, later) \/ Concurrent(earlier, later)

\* A reordering of the log's entries that is causally ordered by their clocks. The builtin
\* registry replaces this definition by a native one (evaluator/builtins/vectorclocks.cpp) that
\* needs node and domain too; this one states the meaning.
CausalOrder(log, clock(_), node(_), domain(_)) ==
    CHOOSE ordered \in {f \in [1..Len(log) -> Range(log)] : Range(f) = Range(log)} :
        IsCausalOrder(ordered, clock)
====
)tla";

// Counting: factorials and binomial coefficients.
constexpr std::string_view kCombinatorics = R"tla(
---- MODULE Combinatorics ----
EXTENDS Naturals

factorial[n \in Nat] == IF n = 0 THEN 1 ELSE factorial[n - 1] * n

\* The number of ways to choose k of n things (k <= n).
choose(n, k) == factorial[n] \div (factorial[k] * factorial[n - k])
====
)tla";

// Dyadic rationals p / 2^k as records [num |-> p, den |-> 2^k], kept reduced.
constexpr std::string_view kDyadicRationals = R"tla(
---- MODULE DyadicRationals ----
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

LOCAL Rational(n, d) == [num |-> n, den |-> d]

\* Euclid's algorithm on non-negative integers; gcd(0, d) = d.
LOCAL Gcd(a, b) ==
    LET gcd[x \in Nat, y \in Nat] == IF y = 0 THEN x ELSE gcd[y, x % y]
    IN  gcd[IF a < 0 THEN -a ELSE a, b]

LOCAL Reduce(p) ==
    LET g == Gcd(p.num, p.den)
    IN  IF g = 1 THEN p ELSE Rational(p.num \div g, p.den \div g)

IsDyadicRational(r) == \E i \in 0..r.den : 2^i = r.den

Zero == Rational(0, 1)

One == Rational(1, 1)

\* Both denominators are powers of two, so the larger one is a common multiple.
Add(p, q) ==
    IF p = Zero THEN q
    ELSE LET d == IF p.den >= q.den THEN p.den ELSE q.den
         IN  Reduce(Rational(p.num * (d \div p.den) + q.num * (d \div q.den), d))

Half(p) == Reduce(Rational(p.num, p.den * 2))

PrettyPrint(p) ==
    IF p = Zero THEN "0"
    ELSE IF p = One THEN "1"
    ELSE ToString(p.num) \o "/" \o ToString(p.den)
====
)tla";

// CommunityModules' FunctionTheorems states facts about Functions' operators (restriction,
// range, inverse, injections, surjections and bijections, folds) as THEOREMs for the TLA+ proof
// system; it defines no operator. A model checker neither proves nor evaluates theorems, so
// tlatv's text keeps only what a spec extending it sees besides them: the modules it extends.
// A spec naming one of its theorems in an expression gets "Unknown operator".
constexpr std::string_view kFunctionTheorems = R"tla(
---- MODULE FunctionTheorems ----
EXTENDS Functions, Integers, FiniteSets
====
)tla";

struct Source {
    std::string_view name;
    std::string_view text;
};

constexpr std::array<Source, 7> kSources{{
    {"Combinatorics", kCombinatorics},
    {"DyadicRationals", kDyadicRationals},
    {"FunctionTheorems", kFunctionTheorems},
    {"Graphs", kGraphs},
    {"Relation", kRelation},
    {"UndirectedGraphs", kUndirectedGraphs},
    {"VectorClocks", kVectorClocks},
}};

constexpr auto kNames = [] {
    std::array<std::string_view, kSources.size()> names{};
    for (std::size_t i = 0; i < kSources.size(); ++i)
        names[i] = kSources[i].name;
    return names;
}();

constexpr bool sorted_by_name() {
    for (std::size_t i = 1; i < kSources.size(); ++i)
        if (!(kSources[i - 1].name < kSources[i].name)) return false;
    return true;
}
static_assert(sorted_by_name(), "keep kSources sorted by name");

// Every shipped module, parsed once (a function-local static: initialised thread-safely).
// A text that fails to parse is left out, so the resolver reports the module as missing; the
// stdlib tests parse every text.
const std::map<std::string_view, ast::Module>& parsed_modules() {
    static const std::map<std::string_view, ast::Module> modules = [] {
        std::map<std::string_view, ast::Module> parsed;
        for (const Source& source : kSources) {
            const std::string file = "<tlatv>/" + std::string(source.name) + ".tla";
            auto result = parser::parse_module(source.text, file);
            if (result.module && result.module->name == source.name)
                parsed.emplace(source.name, std::move(*result.module));
        }
        return parsed;
    }();
    return modules;
}

} // namespace

const ast::Module* stdlib_module(std::string_view name) {
    if (stdlib_module_source(name).empty()) return nullptr;
    const auto& modules = parsed_modules();
    auto it = modules.find(name);
    return it == modules.end() ? nullptr : &it->second;
}

std::string_view stdlib_module_source(std::string_view name) {
    auto it = std::lower_bound(kSources.begin(), kSources.end(), name,
                               [](const Source& s, std::string_view key) { return s.name < key; });
    if (it == kSources.end() || it->name != name) return {};
    return it->text;
}

std::span<const std::string_view> stdlib_module_names() {
    return kNames;
}

} // namespace tlatv::eval
