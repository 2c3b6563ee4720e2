// Checking one window (pre-state, action, post-state) and enumerating the successors of a state,
// on two models of the state-graph oracle (shared/oracle/graphs): SimpleAllocator (functions of
// sets, \E over SUBSET) and ReadersWriters (sequences, records, many variables' UNCHANGED).
#include "evaluator/action.hpp"
#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"
#include "lib/model.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
using namespace tlatv;

namespace {

struct Fixture {
    Model model;
    std::unique_ptr<eval::EvalContext> ctx;
    eval::Action next;
    std::vector<eval::Action> pieces;
    eval::State pre;
    eval::PartialState post;
    std::string post_label;
};

// The value of `"key": "..."` in one line of the oracle's NDJSON, with JSON escapes undone.
std::string string_field(const std::string& line, const std::string& key) {
    const std::string start = "\"" + key + "\": \"";
    auto at = line.find(start);
    if (at == std::string::npos) throw std::runtime_error("no " + key);
    std::string out;
    for (std::size_t i = at + start.size(); i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            ++i;
            out += line[i] == 'n' ? '\n' : line[i];
        } else {
            out += line[i];
        }
    }
    return out;
}

// Loads the model and takes the window of its `edge`-th edge.
Fixture load(const std::string& name, const std::string& root, std::size_t edge) {
    const fs::path dir = fs::path(TLATV_SHARED_DIR) / "oracle" / "graphs" / name;
    ModelOptions options;
    options.config_file = dir / "oracle.cfg";
    ModelLoad load = load_model(dir / root, options);
    if (!load.model) throw std::runtime_error("model does not load: " + name);
    Fixture f{std::move(*load.model), nullptr, {}, {}, {}, {}, {}};
    f.ctx = std::make_unique<eval::EvalContext>(f.model.spec);
    f.next = eval::spec_formula(*f.model.spec, f.model.config->specification->name).next;
    f.pieces = eval::split_actions(*f.ctx, f.next);
    std::vector<std::string> states;
    std::ifstream in(dir / "graph.ndjson");
    std::string line;
    std::size_t edges = 0;
    while (std::getline(in, line)) {
        if (line.rfind("{\"id\"", 0) == 0) {
            states.push_back(string_field(line, "state"));
            continue;
        }
        if (edges++ < edge) continue;
        const auto from = std::stoul(line.substr(line.find("\"from\": ") + 8));
        const auto to = std::stoul(line.substr(line.find("\"to\": ") + 6));
        for (auto& v : eval::read_state_text(*f.model.spec, states.at(from)).state)
            f.pre.push_back(*v);
        f.post = eval::read_state_text(*f.model.spec, states.at(to)).state;
        f.post_label = string_field(line, "label");
        return f;
    }
    throw std::runtime_error("no such edge");
}

void check_window(benchmark::State& state, const Fixture& f, bool by_label) {
    std::vector<eval::Action> actions{f.next};
    if (by_label) actions = eval::select_actions(*f.ctx, f.next, f.post_label);
    eval::CheckOptions options;
    options.diagnose = false;
    const eval::PartialState pre(f.pre.begin(), f.pre.end());
    for (auto _ : state) {
        auto result = eval::check_window(*f.ctx, actions, pre, f.post, options);
        if (result.verdict != eval::Verdict::Pass) state.SkipWithError("the window does not pass");
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

void successors(benchmark::State& state, const Fixture& f) {
    std::size_t count = 0;
    for (auto _ : state) {
        auto next = eval::successors(*f.ctx, f.next, f.pre);
        count = next.size();
        benchmark::DoNotOptimize(next);
    }
    state.counters["successors"] = static_cast<double>(count);
    state.SetItemsProcessed(state.iterations());
}

const Fixture& allocator() {
    static const Fixture f = load("SimpleAllocator", "SimpleAllocator.tla", 200);
    return f;
}

const Fixture& readers_writers() {
    static const Fixture f = load("ReadersWriters", "MC.tla", 5000);
    return f;
}

void BM_CheckWindow_SimpleAllocator_Next(benchmark::State& s) {
    check_window(s, allocator(), false);
}
void BM_CheckWindow_SimpleAllocator_Label(benchmark::State& s) {
    check_window(s, allocator(), true);
}
void BM_Successors_SimpleAllocator(benchmark::State& s) {
    successors(s, allocator());
}
void BM_CheckWindow_ReadersWriters_Next(benchmark::State& s) {
    check_window(s, readers_writers(), false);
}
void BM_CheckWindow_ReadersWriters_Label(benchmark::State& s) {
    check_window(s, readers_writers(), true);
}
void BM_Successors_ReadersWriters(benchmark::State& s) {
    successors(s, readers_writers());
}

} // namespace

BENCHMARK(BM_CheckWindow_SimpleAllocator_Next);
BENCHMARK(BM_CheckWindow_SimpleAllocator_Label);
BENCHMARK(BM_Successors_SimpleAllocator);
BENCHMARK(BM_CheckWindow_ReadersWriters_Next);
BENCHMARK(BM_CheckWindow_ReadersWriters_Label);
BENCHMARK(BM_Successors_ReadersWriters);
