// Windows validated per second through validate_windows (what `tlatv validate` runs), with 1 and 2
// threads: the lock-service example's trace (196 small windows, over-approximation on), and
// SysMoBench's spin AcquireLock (210 windows) and etcd HandleAppendEntries (154 windows) windows
// through their mappings.
#include "lib/engine.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

#include <string>
#include <variant>

namespace {

using namespace tlatv;

// A model loaded with its TLC configuration.
ModelOptions with_config(const std::filesystem::path& cfg) {
    ModelOptions options;
    options.config_file = cfg;
    return options;
}

void run(benchmark::State& state, const std::string& spec, const std::string& cfg,
         const std::string& windows, const std::string& mapping_file,
         bool over_approximation = true) {
    auto load = load_model(spec, with_config(cfg));
    if (!load.model) {
        state.SkipWithError("the spec does not load");
        return;
    }
    std::optional<lib::Mapping> mapping;
    if (!mapping_file.empty()) {
        auto parsed = lib::read_mapping(mapping_file);
        if (!std::holds_alternative<lib::Mapping>(parsed)) {
            state.SkipWithError(("the mapping does not load: " + mapping_file).c_str());
            return;
        }
        mapping = std::get<lib::Mapping>(parsed);
    }
    engine::ValidateOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    options.over_approximation = over_approximation;
    std::size_t windows_checked = 0;
    for (auto _ : state) {
        auto result =
            engine::validate_windows(*load.model, windows, mapping ? &*mapping : nullptr, options);
        if (!result.ok()) {
            state.SkipWithError(result.input_errors.front().message.c_str());
            return;
        }
        windows_checked += result.summary.windows;
    }
    state.counters["windows/s"] =
        benchmark::Counter(static_cast<double>(windows_checked), benchmark::Counter::kIsRate);
}

void BM_LockService(benchmark::State& state) {
    const std::string dir = std::string(TLATV_EXAMPLES_DIR) + "/lockservice/";
    run(state, dir + "LockServiceOver.tla", dir + "LockServiceOver.cfg", dir + "trace.ndjson", "");
}

void BM_SpinAcquireLock(benchmark::State& state) {
    const std::string dir =
        std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/spin/ai_spec_1/";
    run(state, dir + "spin.tla", dir + "spin.cfg", dir + "windows_AcquireLock.ndjson",
        std::string(TLATV_ENGINE_TEST_DIR) + "/mappings/spin_AcquireLock.json");
}

// The same without the over-approximation analysis (`--no-over-approximation`): only the check
// that the spec can take each observed step.
void BM_SpinAcquireLockCheckOnly(benchmark::State& state) {
    const std::string dir =
        std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/spin/ai_spec_1/";
    run(state, dir + "spin.tla", dir + "spin.cfg", dir + "windows_AcquireLock.ndjson",
        std::string(TLATV_ENGINE_TEST_DIR) + "/mappings/spin_AcquireLock.json", false);
}

void BM_EtcdHandleAppendEntries(benchmark::State& state) {
    const std::string dir =
        std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/etcd/ai_spec_1/";
    run(state, dir + "etcdraft.tla", dir + "etcdraft.cfg",
        dir + "windows_HandleAppendEntries.ndjson",
        std::string(TLATV_ENGINE_TEST_DIR) + "/mappings/etcd_ai_spec_1_HandleAppendEntries.json");
}

} // namespace

BENCHMARK(BM_LockService)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SpinAcquireLock)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SpinAcquireLockCheckOnly)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_EtcdHandleAppendEntries)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
