// Graphs (CommunityModules): ConnectionsIn natively, by Warshall's algorithm on a boolean matrix
// (see relation.cpp). The rest of the module is TLA+ source (evaluator/stdlib_modules.cpp);
// UndirectedGraphs computes its connectivity through this operator too.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

const Value& graph_field(Args a, std::string_view field) {
    const Value* v = a[0].is_function() ? a[0].field(field) : nullptr;
    if (v == nullptr) bad_argument("ConnectionsIn", 0, "a graph [node |-> N, edge |-> E]", a[0]);
    return *v;
}

// ConnectionsIn(G): [<<m, n>> \in G.node \X G.node |-> m = n or a path leads from m to n].
Value connections_in(Args a, const EvalOptions&) {
    const Value& nodes = graph_field(a, "node");
    const Value& edges = graph_field(a, "edge");
    if (!nodes.is_set() || !nodes.is_finite_set())
        bad_argument("ConnectionsIn", 0, "a graph whose nodes are a finite set", a[0]);
    if (!edges.is_set()) bad_argument("ConnectionsIn", 0, "a graph whose edges are a set", a[0]);
    auto elements = nodes.enumerate();
    const std::size_t n = elements.size();
    std::vector<char> reach(n * n, 0);
    for (std::size_t from = 0; from < n; ++from)
        for (std::size_t to = 0; to < n; ++to)
            reach[from * n + to] =
                from == to || edges.contains(Value::tuple({elements[from], elements[to]}));
    close_transitively(reach, n);
    return relation_on_pairs(elements, reach);
}

const Builtin kGraphs[] = {
    {"Graphs", "ConnectionsIn", 1, connections_in},
};

} // namespace

std::span<const Builtin> graphs_builtins() {
    return kGraphs;
}

} // namespace tlatv::eval::builtins
