// VectorClocks (CommunityModules): CausalOrder natively. The rest of the module is TLA+ source
// (evaluator/stdlib_modules.cpp); its definition of CausalOrder, a CHOOSE among all reorderings
// of the log, cannot be evaluated on logs of more than a few lines.
//
// CausalOrder(log, clock(_), node(_), domain(_)) reorders the entries of a log collected from
// several nodes so that an entry comes after every entry whose event happened before it, as TLC's
// override does (after ShiViz):
//   1. the entries of each node (node(entry)) are sorted by the node's own time,
//      clock(entry)[node(entry)];
//   2. walking each node's entries in that order, an entry depends on the entry of node h at
//      time clock(entry)[h] (h in domain(clock(entry))) when that time is later than what the
//      node knew of h so far. Times count the events of a node from 1, without gaps: the log must
//      hold every event (an entry at time t of node h is the t-th entry of h);
//   3. the result takes, round after round and node after node, the first remaining entry of a
//      node once all the entries it depends on are taken.
// Nodes are visited in the canonical order of their ids (TLC visits them in hash order), so
// among concurrent events the order may differ from TLC's; either is causally ordered.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

#include <algorithm>
#include <map>

namespace tlatv::eval::builtins {

namespace {

struct LogEntry {
    Value value;
    Value clock;
    Value time; // the node's own time
    std::vector<Value> hosts;
    std::vector<std::size_t> dependents; // indices of the entries that depend on this one
    std::size_t pending = 0;             // dependencies not yet taken
};

struct ValueLess {
    bool operator()(const Value& a, const Value& b) const { return compare(a, b) < 0; }
};

Value causal_order(Args a, const EvalOptions&) {
    constexpr std::string_view op = "CausalOrder";
    const Value& log = a[0];
    if (!log.is_function() || !log.is_sequence()) bad_argument(op, 0, "a sequence", log);
    const Value& clock_of = operator_arg(op, a, 1, 1);
    const Value& node_of = operator_arg(op, a, 2, 1);
    const Value& domain_of = operator_arg(op, a, 3, 1);

    std::vector<LogEntry> entries;
    std::map<Value, std::vector<std::size_t>, ValueLess> by_node; // entry indices per node
    for (const Value& item : log.items()) {
        LogEntry e;
        e.value = item;
        e.clock = call(clock_of, {item});
        Value node = call(node_of, {item});
        if (!e.clock.is_function())
            fail("CausalOrder: the clock of a log entry must be a function, but it is: {}",
                 brief(e.clock));
        e.time = e.clock.apply(node);
        Value domain = call(domain_of, {e.clock});
        if (!domain.is_set() || !domain.is_finite_set())
            fail("CausalOrder: the domain of a clock must be a finite set, but it is: {}",
                 brief(domain));
        auto hosts = domain.enumerate();
        e.hosts.assign(hosts.begin(), hosts.end());
        by_node[node].push_back(entries.size());
        entries.push_back(std::move(e));
    }

    // 1. Each node's entries by its own time (stable: equal times keep the log's order).
    for (auto& [node, list] : by_node)
        std::stable_sort(list.begin(), list.end(), [&](std::size_t x, std::size_t y) {
            return compare(entries[x].time, entries[y].time) < 0;
        });

    // 2. Dependencies.
    for (const auto& [node, list] : by_node) {
        std::map<Value, Value, ValueLess> known;
        for (const auto& other : by_node)
            known.emplace(other.first, Value::integer(0));
        for (std::size_t index : list) {
            LogEntry& e = entries[index];
            known[node] = e.time;
            for (const Value& host : e.hosts) {
                const Value time = e.clock.apply(host);
                auto k = known.find(host);
                if (k == known.end())
                    fail("CausalOrder: a clock counts events of {}, which has no entry in the log",
                         brief(host));
                if (compare(k->second, time) >= 0) continue;
                k->second = time;
                const std::vector<std::size_t>& of_host = by_node.at(host);
                if (!time.is_int() || time.as_int() < 1 ||
                    static_cast<std::uint64_t>(time.as_int()) > of_host.size())
                    fail("CausalOrder: a clock says {} was at time {}, but the log holds {} "
                         "entries of it (the log must hold every event, numbered from 1)",
                         brief(host), brief(time), of_host.size());
                const std::size_t parent = of_host[static_cast<std::size_t>(time.as_int() - 1)];
                entries[parent].dependents.push_back(index);
                ++e.pending;
            }
        }
    }

    // 3. Take the first entries whose dependencies are all taken, node after node.
    std::map<Value, std::size_t, ValueLess> next; // position of each node's first remaining entry
    for (const auto& [node, list] : by_node)
        next.emplace(node, 0);
    std::vector<Value> sorted;
    sorted.reserve(entries.size());
    for (std::size_t round = 0; round < entries.size(); ++round) {
        for (auto& [node, position] : next) {
            const std::vector<std::size_t>& list = by_node.at(node);
            if (position == list.size() || entries[list[position]].pending != 0) continue;
            LogEntry& e = entries[list[position++]];
            for (std::size_t d : e.dependents)
                --entries[d].pending;
            sorted.push_back(e.value);
        }
    }
    if (sorted.size() != entries.size())
        fail("CausalOrder: the clocks of the log are not consistent: {} of its {} entries wait "
             "for each other",
             entries.size() - sorted.size(), entries.size());
    return Value::tuple(std::move(sorted));
}

const Builtin kVectorClocks[] = {
    {"VectorClocks", "CausalOrder", 4, causal_order},
};

} // namespace

std::span<const Builtin> vectorclocks_builtins() {
    return kVectorClocks;
}

} // namespace tlatv::eval::builtins
