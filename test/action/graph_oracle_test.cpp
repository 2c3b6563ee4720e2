// The state-graph oracle (shared/oracle/graphs, see its README.md): for every model, TLC's
// complete reachable state graph. Per model:
//   * initial states: tlatv's equal TLC's;
//   * successor sets: from each state, tlatv's successors equal TLC's (graph edges and the edges
//     cut by constraints), for Next and per action label;
//   * edges: every edge (pre, label, post) passes for its label's actions and for Next;
//   * negatives: every negative fails for its action (and for Next when no edge connects it).
// The default run looks at the first kDefaultStates states of each model (negatives: all);
// TLATV_FULL=1 looks at every state. Every model must pass, except those listed in kUnsupported
// (none at present), which must fail: a listed model that passes is to be taken off the list.
#include "evaluator/action.hpp"
#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"
#include "evaluator/value_parse.hpp"
#include "lib/json_value.hpp"
#include "model_support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;
using namespace tlatv::eval;

namespace {

constexpr std::size_t kDefaultStates = 150;
// The oracle's models (its README.md lists 48): fewer means the data is incomplete.
constexpr std::size_t kModels = 48;

// Models tlatv does not support yet, by name, with the reason. They are run and reported.
const std::map<std::string, std::string, std::less<>> kUnsupported = {};

struct StateHash {
    std::size_t operator()(const State& s) const {
        std::size_t h = 0;
        for (const Value& v : s)
            h = h * 1000003u ^ v.hash();
        return h;
    }
};
using StateSet = std::unordered_set<State, StateHash>;

struct Edge {
    std::size_t from = 0;
    const State* to = nullptr;
    std::string label;
    std::string action;
};

struct Negative {
    std::size_t from = 0, to = 0;
    std::string action;
    bool any_edge = true;
};

struct ModelOutcome {
    std::size_t states_checked = 0;
    std::size_t edges = 0, edges_ok = 0;
    std::size_t negatives = 0, negatives_ok = 0;
    std::size_t successor_sets = 0, successor_sets_equal = 0;
    bool init_equal = false;
    std::vector<std::string> problems;

    bool ok() const {
        return problems.empty() && init_equal && edges == edges_ok && negatives == negatives_ok &&
               successor_sets == successor_sets_equal;
    }
    void problem(std::string text) {
        if (problems.size() < 5) problems.push_back(std::move(text));
    }
};

Value read_json(const std::string& line) {
    tlatv::lib::JsonWarnings warnings;
    tlatv::lib::JsonOptions options;
    // expected.json has nulls and timings; neither is used here.
    options.null_policy = tlatv::lib::JsonNullPolicy::ModelValue;
    options.fraction_policy = tlatv::lib::JsonFractionPolicy::Truncate;
    auto result = tlatv::lib::json_to_value(line, options, warnings);
    if (auto* error = std::get_if<tlatv::lib::JsonValueError>(&result))
        throw std::runtime_error("oracle JSON does not read: " + error->describe());
    return std::get<Value>(result);
}

const Value& field(const Value& record, std::string_view name) {
    const Value* v = record.field(name);
    if (v == nullptr) throw std::runtime_error(fmt::format("oracle line without {}", name));
    return *v;
}

std::string text_field(const Value& record, std::string_view name) {
    return std::string(field(record, name).as_string());
}

std::vector<std::string> read_lines(const fs::path& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    return lines;
}

State full_state(const CompiledSpec& spec, const std::string& text) {
    StateRead read = read_state_text(spec, text);
    if (!read.errors.empty())
        throw std::runtime_error("state does not read: " + read.errors[0].format());
    State s;
    for (std::size_t i = 0; i < read.state.size(); ++i) {
        if (!read.state[i])
            throw std::runtime_error("state without " + spec.variables()[i].name + ": " + text);
        s.push_back(*read.state[i]);
    }
    return s;
}

std::string describe(const CompiledSpec& spec, const State& s) {
    std::string text = state_text(spec, s);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

PartialState partial(const State& s) {
    return PartialState(s.begin(), s.end());
}

// A label with its parameter values printed by tlatv: TLC prints a record's fields in the order
// it first met their names, tlatv in its canonical order; the values are the same.
std::string canonical_label(const std::string& label) {
    const auto open = label.find('(');
    if (open == std::string::npos || label.back() != ')') return label;
    const Value params = parse_value("<<" + label.substr(open + 1, label.size() - open - 2) + ">>");
    std::string out = label.substr(0, open + 1);
    for (std::size_t i = 0; i < params.items().size(); ++i)
        out += (i > 0 ? "," : "") + params.items()[i].to_string();
    return out + ")";
}

ModelOutcome run_model(const fs::path& dir, std::size_t state_limit) {
    ModelOutcome out;
    std::ifstream expected_file(dir / "expected.json");
    std::ostringstream expected_text;
    expected_text << expected_file.rdbuf();
    const Value expected = read_json(expected_text.str());
    std::set<std::string, std::less<>> whole_labels;
    for (const Value& l : field(expected, "whole_next_labels").items())
        whole_labels.insert(std::string(l.as_string()));

    test::TestModel model =
        test::load_test_model(dir / text_field(expected, "root_module"), dir / "oracle.cfg");
    if (!model.spec) {
        out.problem("does not compile: " + model.error);
        return out;
    }
    const CompiledSpec& spec = *model.spec;
    EvalContext ctx(model.spec);
    SpecFormula formula = test::configured_formula(model);
    std::vector<Action> pieces = split_actions(ctx, formula.next);
    std::map<std::string, std::vector<Action>, std::less<>> by_label, by_name;
    for (const Action& a : pieces) {
        by_label[a.label()].push_back(a);
        by_name[a.name].push_back(a);
    }

    // The graph.
    std::vector<State> states;
    std::vector<bool> initial;
    std::vector<Edge> edges;
    for (const std::string& line : read_lines(dir / "graph.ndjson")) {
        Value record = read_json(line);
        if (record.field("id") != nullptr) {
            states.push_back(full_state(spec, text_field(record, "state")));
            initial.push_back(field(record, "init").as_bool());
        } else {
            edges.push_back({static_cast<std::size_t>(field(record, "from").as_int()),
                             &states.at(static_cast<std::size_t>(field(record, "to").as_int())),
                             canonical_label(text_field(record, "label")),
                             text_field(record, "action")});
        }
    }
    std::vector<State> excluded;
    if (fs::exists(dir / "constraint_edges.ndjson")) {
        std::vector<Edge> cut;
        for (const std::string& line : read_lines(dir / "constraint_edges.ndjson")) {
            Value record = read_json(line);
            if (record.field("xid") != nullptr) {
                excluded.push_back(full_state(spec, text_field(record, "state")));
                continue;
            }
            Edge e{static_cast<std::size_t>(field(record, "from").as_int()), nullptr,
                   canonical_label(text_field(record, "label")), text_field(record, "action")};
            if (const Value* x = record.field("to_x"))
                e.to = reinterpret_cast<const State*>(static_cast<std::uintptr_t>(x->as_int()) + 1);
            else
                e.to = &states.at(static_cast<std::size_t>(field(record, "to").as_int()));
            cut.push_back(e);
        }
        // `to_x` refers to `excluded`, read completely only now.
        for (Edge& e : cut) {
            const auto raw = reinterpret_cast<std::uintptr_t>(e.to);
            if (raw <= excluded.size()) e.to = &excluded.at(raw - 1);
            edges.push_back(e);
        }
    }
    const bool whole_only = std::all_of(
        edges.begin(), edges.end(), [&](const Edge& e) { return whole_labels.count(e.label) > 0; });

    // Initial states.
    {
        StateSet mine, theirs;
        // TLC keeps only the initial states that satisfy the state constraints.
        std::vector<std::string> constraints;
        if (model.config)
            for (const auto& c : model.config->constraints)
                constraints.push_back(c.name);
        for (State& s : initial_states(ctx, formula.init)) {
            ctx.set_state(s);
            const bool kept =
                std::all_of(constraints.begin(), constraints.end(),
                            [&](const std::string& c) { return ctx.evaluate(c).as_bool(); });
            ctx.clear_states();
            if (kept) mine.insert(std::move(s));
        }
        for (std::size_t i = 0; i < states.size(); ++i)
            if (initial[i]) theirs.insert(states[i]);
        out.init_equal = mine == theirs;
        if (!out.init_equal)
            out.problem(
                fmt::format("initial states: tlatv {} vs TLC {}", mine.size(), theirs.size()));
    }

    // Successor sets, for Next and per label.
    const std::size_t limit = std::min(state_limit, states.size());
    out.states_checked = limit;
    std::vector<std::map<std::string, StateSet, std::less<>>> expected_by_label(limit);
    std::vector<StateSet> expected_next(limit);
    for (const Edge& e : edges) {
        if (e.from >= limit) continue;
        expected_next[e.from].insert(*e.to);
        if (!whole_only) expected_by_label[e.from][e.label].insert(*e.to);
    }
    for (std::size_t id = 0; id < limit; ++id) {
        ++out.successor_sets;
        std::vector<State> next = successors(ctx, formula.next, states[id]);
        StateSet mine(next.begin(), next.end());
        bool equal = mine == expected_next[id] && mine.size() == next.size();
        if (!equal)
            out.problem(fmt::format("state {}: Next gives {} successors, TLC {}", id, mine.size(),
                                    expected_next[id].size()));
        if (!whole_only) {
            std::map<std::string, StateSet, std::less<>> by;
            for (const Action& a : pieces)
                for (State& s : successors(ctx, a, states[id]))
                    by[a.label()].insert(std::move(s));
            std::erase_if(by, [](const auto& entry) { return entry.second.empty(); });
            if (by != expected_by_label[id]) {
                equal = false;
                std::string labels;
                for (const auto& [l, s] : by)
                    if (!expected_by_label[id].count(l) || expected_by_label[id].at(l) != s)
                        labels += fmt::format(" {}({} vs {})", l, s.size(),
                                              expected_by_label[id].count(l)
                                                  ? expected_by_label[id].at(l).size()
                                                  : 0);
                for (const auto& [l, s] : expected_by_label[id])
                    if (!by.count(l)) labels += fmt::format(" {}(0 vs {})", l, s.size());
                out.problem(fmt::format("state {}: per-label successors differ:{}", id, labels));
            }
        }
        if (equal) ++out.successor_sets_equal;
    }

    // Edges pass for their label and for Next.
    CheckOptions quick;
    quick.diagnose = false;
    const std::vector<Action> next_only{formula.next};
    for (const Edge& e : edges) {
        if (e.from >= limit) continue;
        ++out.edges;
        const std::vector<Action>* mine = &next_only;
        if (!whole_labels.count(e.label)) {
            auto it = by_label.find(e.label);
            if (it == by_label.end()) {
                out.problem("no action is labelled " + e.label);
                continue;
            }
            mine = &it->second;
        }
        CheckResult by_action =
            check_window(ctx, *mine, partial(states[e.from]), partial(*e.to), quick);
        CheckResult by_next =
            check_window(ctx, next_only, partial(states[e.from]), partial(*e.to), quick);
        if (by_action.verdict == Verdict::Pass && by_next.verdict == Verdict::Pass) {
            ++out.edges_ok;
        } else {
            out.problem(fmt::format("edge {} -{}-> {}: {}", e.from, e.label, describe(spec, *e.to),
                                    by_action.error ? by_action.error->format()
                                    : by_next.error ? by_next.error->format()
                                                    : std::string("rejected")));
        }
    }

    // Negatives fail for their action, and for Next when no edge connects them.
    for (const std::string& line : read_lines(dir / "negatives.ndjson")) {
        Value record = read_json(line);
        Negative n{static_cast<std::size_t>(field(record, "from").as_int()),
                   static_cast<std::size_t>(field(record, "to").as_int()),
                   text_field(record, "action"), field(record, "any_edge").as_bool()};
        ++out.negatives;
        const std::vector<Action>* mine = &next_only;
        if (!whole_labels.count(n.action)) {
            auto it = by_name.find(n.action);
            if (it == by_name.end()) {
                out.problem("no action is named " + n.action);
                continue;
            }
            mine = &it->second;
        }
        const PartialState pre = partial(states.at(n.from)), post = partial(states.at(n.to));
        CheckResult by_action = check_window(ctx, *mine, pre, post, quick);
        bool ok = by_action.verdict == Verdict::Fail;
        if (ok && !n.any_edge)
            ok = check_window(ctx, next_only, pre, post, quick).verdict == Verdict::Fail;
        if (ok) {
            ++out.negatives_ok;
        } else {
            out.problem(
                fmt::format("negative {} -{}-> {}: {}", n.from, n.action, n.to,
                            by_action.error ? by_action.error->format() : std::string("accepted")));
        }
    }
    return out;
}

} // namespace

TEST_CASE("state-graph oracle: edges, negatives, successor sets and initial states") {
    const fs::path root = fs::path(TLATV_SHARED_DIR) / "oracle" / "graphs";
    if (!fs::exists(root)) FAIL("the graph oracle is missing: " << root);
    const char* full = std::getenv("TLATV_FULL");
    const std::size_t limit =
        full != nullptr && std::string_view(full) == "1" ? SIZE_MAX : kDefaultStates;
    const char* only = std::getenv("TLATV_GRAPH_MODEL");

    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory()) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());

    fmt::print("{:<28} {:>7} {:>15} {:>13} {:>15} {:>5}  {}\n", "model", "states", "edges ok",
               "negatives ok", "successor sets", "init", "status");
    std::size_t supported_ok = 0, supported = 0;
    for (const fs::path& dir : dirs) {
        const std::string name = dir.filename().string();
        if (only != nullptr && name != only) continue;
        const auto start = std::chrono::steady_clock::now();
        ModelOutcome outcome;
        try {
            outcome = run_model(dir, limit);
        } catch (const EvalFailure& e) {
            outcome.problem(e.diagnostic().format());
        } catch (const std::exception& e) {
            outcome.problem(e.what());
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        auto unsupported = kUnsupported.find(name);
        std::string status = outcome.ok() ? "ok" : "FAILS";
        if (unsupported != kUnsupported.end())
            status = outcome.ok() ? "passes (remove it from the unsupported list)"
                                  : "unsupported: " + unsupported->second;
        fmt::print("{:<28} {:>7} {:>7}/{:<7} {:>6}/{:<6} {:>7}/{:<7} {:>5}  {} ({:.1f}s)\n", name,
                   outcome.states_checked, outcome.edges_ok, outcome.edges, outcome.negatives_ok,
                   outcome.negatives, outcome.successor_sets_equal, outcome.successor_sets,
                   outcome.init_equal ? "=" : "!=", status, seconds);
        for (const auto& p : outcome.problems)
            fmt::print("    {}\n", p);
        INFO(name);
        if (unsupported != kUnsupported.end()) {
            CHECK_FALSE(outcome.ok());
            continue;
        }
        ++supported;
        if (outcome.ok()) ++supported_ok;
        CHECK(outcome.ok());
    }
    fmt::print("supported models passing: {}/{}\n", supported_ok, supported);
    if (only == nullptr) {
        // All of them: a model dropped from the run or failing counts against the figure.
        CHECK(dirs.size() >= kModels);
        CHECK(supported + kUnsupported.size() == dirs.size());
        CHECK(supported_ok == supported);
    }
}
