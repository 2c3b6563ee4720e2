// Relation (CommunityModules): TransitiveClosure natively, by Warshall's algorithm on a boolean
// matrix. The rest of the module is TLA+ source (evaluator/stdlib_modules.cpp); evaluated there,
// the closure costs far more than the matrix's O(n^3) steps.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

void close_transitively(std::vector<char>& reach, std::size_t n) {
    for (std::size_t via = 0; via < n; ++via)
        for (std::size_t from = 0; from < n; ++from) {
            if (!reach[from * n + via]) continue;
            for (std::size_t to = 0; to < n; ++to)
                if (reach[via * n + to]) reach[from * n + to] = 1;
        }
}

Value relation_on_pairs(std::span<const Value> elements, const std::vector<char>& holds) {
    const std::size_t n = elements.size();
    std::vector<std::pair<Value, Value>> pairs;
    pairs.reserve(n * n);
    for (std::size_t from = 0; from < n; ++from)
        for (std::size_t to = 0; to < n; ++to)
            pairs.emplace_back(Value::tuple({elements[from], elements[to]}),
                               Value::boolean(holds[from * n + to] != 0));
    return Value::function_from_pairs(std::move(pairs));
}

namespace {

// TransitiveClosure(R, S): [<<x, y>> \in S \X S |-> a non-empty R-path leads from x to y].
Value transitive_closure(Args a, const EvalOptions&) {
    constexpr std::string_view op = "TransitiveClosure";
    const Value& relation = function_arg(op, a, 0);
    auto elements = finite_set_arg(op, a, 1).enumerate();
    const std::size_t n = elements.size();
    std::vector<char> reach(n * n, 0);
    for (std::size_t from = 0; from < n; ++from)
        for (std::size_t to = 0; to < n; ++to) {
            Value related = relation.apply(Value::tuple({elements[from], elements[to]}));
            if (!related.is_bool())
                fail("The relation passed to TransitiveClosure should map pairs to booleans, but "
                     "it maps {} to: {}",
                     brief(Value::tuple({elements[from], elements[to]})), brief(related));
            reach[from * n + to] = related.as_bool() ? 1 : 0;
        }
    close_transitively(reach, n);
    return relation_on_pairs(elements, reach);
}

const Builtin kRelation[] = {
    {"Relation", "TransitiveClosure", 2, transitive_closure},
};

} // namespace

std::span<const Builtin> relation_builtins() {
    return kRelation;
}

} // namespace tlatv::eval::builtins
