// Parse time of real specs from the shared corpus, split into lexing and the whole parse, and of
// every module of the corpus (manifest.tsv) in one go.
#include "parser/parse.hpp"
#include "parser/tla_lexer.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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

// Every module the corpus manifest lists (path in the first column), with its text.
std::vector<std::pair<std::string, std::string>> corpus_modules() {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string root = std::string(TLATV_SHARED_DIR) + "/corpus/specs/";
    std::ifstream manifest(root + "manifest.tsv");
    std::string line;
    std::getline(manifest, line); // header
    while (std::getline(manifest, line)) {
        const std::string path = line.substr(0, line.find('\t'));
        std::ifstream in(root + path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        out.emplace_back(path, text.str());
    }
    return out;
}

// The whole corpus; modules SANY rejects count too (the parser stops at their first error).
void BM_ParseCorpus(benchmark::State& state) {
    const auto modules = corpus_modules();
    if (modules.empty()) {
        state.SkipWithError("corpus manifest not found; is TLATV_SHARED_DIR right?");
        return;
    }
    std::size_t bytes = 0, lines = 0, parsed_ok = 0;
    for (const auto& [path, text] : modules) {
        bytes += text.size();
        lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    }
    for (auto _ : state) {
        parsed_ok = 0;
        for (const auto& [path, text] : modules) {
            tlatv::parser::ModuleParse parsed = tlatv::parser::parse_module(text, path);
            parsed_ok += parsed.module.has_value();
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.counters["modules"] = static_cast<double>(modules.size());
    state.counters["parsed"] = static_cast<double>(parsed_ok);
    state.counters["lines"] = static_cast<double>(lines);
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}

} // namespace

BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, raftkvs, kRaftKvs)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(lex, raftkvs, kRaftKvs)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, etcdraft, kEtcdRaft)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(lex, etcdraft, kEtcdRaft)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
