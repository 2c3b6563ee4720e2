// SysMoBench's TV modules run natively (`tlatv sysmobench`), with 1 and 2 threads: every module
// under corpus/windows/sysmobench (629 windows in all), and each module alone. SysMoBench runs TLC
// once per window, about 1.1-1.3 s each.
#include "lib/sysmobench.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace tlatv;

const fs::path kCorpus = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench";

// The TV_*.tla modules of the corpus, in a stable order.
const std::vector<fs::path>& tv_modules() {
    static const std::vector<fs::path> modules = [] {
        std::vector<fs::path> out;
        std::error_code error;
        for (fs::recursive_directory_iterator it(kCorpus, error), end; !error && it != end;
             it.increment(error))
            if (it->is_regular_file() && it->path().extension() == ".tla" &&
                it->path().stem().string().rfind("TV_", 0) == 0)
                out.push_back(it->path());
        std::sort(out.begin(), out.end());
        return out;
    }();
    return modules;
}

// SysMoBench starts TLC in the module's folder, and the module names its windows file relative
// to it.
class InDirectory {
public:
    explicit InDirectory(const fs::path& dir)
        : previous_(fs::current_path()) {
        fs::current_path(dir);
    }
    ~InDirectory() { fs::current_path(previous_); }
    InDirectory(const InDirectory&) = delete;
    InDirectory& operator=(const InDirectory&) = delete;

private:
    fs::path previous_;
};

// Runs `modules`; returns the windows run, or 0 after reporting an error to `state`.
std::size_t run_modules(benchmark::State& state, const std::vector<fs::path>& modules) {
    sysmobench::TvOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    std::size_t windows = 0;
    for (const fs::path& module : modules) {
        InDirectory here(module.parent_path());
        const sysmobench::TvRun run = sysmobench::run_tv_module(module, options);
        if (!run.ok()) {
            state.SkipWithError(run.errors.front().message.c_str());
            return 0;
        }
        windows += run.windows.size();
    }
    return windows;
}

void set_counters(benchmark::State& state, std::size_t windows) {
    state.counters["windows"] = static_cast<double>(windows);
    state.counters["windows/s"] = benchmark::Counter(
        static_cast<double>(windows * state.iterations()), benchmark::Counter::kIsRate);
    // Seconds per window: the figure SysMoBench's TLC runs are compared with.
    state.counters["s/window"] =
        benchmark::Counter(static_cast<double>(windows * state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_TvAllModules(benchmark::State& state) {
    if (tv_modules().empty()) {
        state.SkipWithError("no TV modules; is TLATV_SHARED_DIR right?");
        return;
    }
    std::size_t windows = 0;
    for (auto _ : state)
        if ((windows = run_modules(state, tv_modules())) == 0) return;
    state.SetLabel(std::to_string(tv_modules().size()) + " modules");
    set_counters(state, windows);
}

void BM_TvModule(benchmark::State& state) {
    const auto index = static_cast<std::size_t>(state.range(1));
    if (index >= tv_modules().size()) {
        state.SkipWithError("no such TV module; is TLATV_SHARED_DIR right?");
        return;
    }
    const fs::path& module = tv_modules()[index];
    std::size_t windows = 0;
    for (auto _ : state)
        if ((windows = run_modules(state, {module})) == 0) return;
    state.SetLabel(fs::relative(module, kCorpus).string());
    set_counters(state, windows);
}

void module_arguments(benchmark::internal::Benchmark* bench) {
    for (int threads : {1, 2})
        for (std::size_t i = 0; i < tv_modules().size(); ++i)
            bench->Args({threads, static_cast<std::int64_t>(i)});
}

} // namespace

BENCHMARK(BM_TvAllModules)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TvModule)->Apply(module_arguments)->Unit(benchmark::kMillisecond)->UseRealTime();
