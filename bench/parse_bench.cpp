// Parse time of real specs from the shared corpus, split into lexing and the whole parse.
#include "parser/parse.hpp"
#include "parser/tla_lexer.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

const char* const kRaftKvs = "/corpus/specs/specula-org_SysMoBench@7bae250/tla_eval/core/"
                             "trace_generation/raftkvs/raftkvs.tla";
const char* const kEtcdRaft = "/corpus/specs/etcd-io+raft/tla/etcdraft.tla";

std::string read_spec(const char* relative) {
    std::ifstream in(std::string(TLATV_SHARED_DIR) + relative, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void parse(benchmark::State& state, const char* relative) {
    const std::string text = read_spec(relative);
    if (text.empty()) {
        state.SkipWithError("spec not found; is TLATV_SHARED_DIR right?");
        return;
    }
    for (auto _ : state) {
        tlatv::parser::ModuleParse parsed = tlatv::parser::parse_module(text, relative);
        if (!parsed.module) {
            state.SkipWithError(parsed.errors.at(0).format().c_str());
            return;
        }
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}

void lex(benchmark::State& state, const char* relative) {
    const std::string text = read_spec(relative);
    if (text.empty()) {
        state.SkipWithError("spec not found; is TLATV_SHARED_DIR right?");
        return;
    }
    for (auto _ : state) {
        std::vector<tlatv::parser::Token> tokens = tlatv::parser::lex_module(text);
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}

} // namespace

BENCHMARK_CAPTURE(parse, raftkvs, kRaftKvs)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(lex, raftkvs, kRaftKvs)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, etcdraft, kEtcdRaft)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(lex, etcdraft, kEtcdRaft)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
