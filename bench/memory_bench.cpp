// Peak memory of validating a long windows file: the engine streams the file in bounded batches,
// so the peak must not grow with the number of windows.
//
//     tlatv_memory_bench [--windows N] [--threads T]
//
// Writes N windows to a temporary file by replicating SysMoBench's spin AcquireLock windows (with
// fresh ids), validates them against spin.tla through the spin mapping, and prints one line:
// windows, threads, seconds, windows/s, and the process's peak resident set (getrusage) before
// and after the validation. Peak memory is a property of a process, so each size runs in its own
// process (bench/tables.sh runs 10^5, 10^6 and, with --huge, 10^7).
#include "lib/engine.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace tlatv;

const fs::path kSpinDir = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench/spin/ai_spec_1";
const fs::path kMapping = fs::path(TLATV_ENGINE_TEST_DIR) / "mappings/spin_AcquireLock.json";

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

// The source windows, each without its leading `{"id": <n>` (every line starts with it).
std::vector<std::string> window_tails(const fs::path& file) {
    std::vector<std::string> tails;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const auto comma = line.find(',');
        if (line.rfind("{\"id\":", 0) == 0 && comma != std::string::npos)
            tails.push_back(line.substr(comma));
    }
    return tails;
}

// Writes `count` windows cycling through `tails`, numbered 1..count.
bool write_windows(const fs::path& file, const std::vector<std::string>& tails,
                   std::uint64_t count) {
    std::ofstream out(file, std::ios::binary);
    std::string line;
    for (std::uint64_t i = 0; i < count && out; ++i) {
        line = fmt::format("{{\"id\": {}", i + 1);
        line += tails[i % tails.size()];
        line += '\n';
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    return static_cast<bool>(out);
}

std::uint64_t parse_count(const char* text) {
    std::uint64_t value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    if (std::from_chars(text, end, value).ptr != end) return 0;
    return value;
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t windows = 1'000'000;
    unsigned threads = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--windows")
            windows = parse_count(argv[i + 1]);
        else if (flag == "--threads")
            threads = static_cast<unsigned>(parse_count(argv[i + 1]));
        else
            windows = 0;
    }
    if (windows == 0 || threads == 0 || argc % 2 == 0) {
        std::fputs("usage: tlatv_memory_bench [--windows N] [--threads T]\n", stderr);
        return 2;
    }

    const auto tails = window_tails(kSpinDir / "windows_AcquireLock.ndjson");
    if (tails.empty()) {
        std::fputs("the spin windows were not found; is TLATV_SHARED_DIR right?\n", stderr);
        return 1;
    }
    char dir_template[] = "/tmp/tlatv-memory-bench-XXXXXX";
    if (mkdtemp(dir_template) == nullptr) {
        std::fputs("cannot make a temporary directory\n", stderr);
        return 1;
    }
    const fs::path dir = dir_template;
    const fs::path file = dir / "windows_AcquireLock.ndjson";
    const bool written = write_windows(file, tails, windows);
    const auto file_bytes = written ? fs::file_size(file) : 0;

    int status = 1;
    ModelOptions model_options;
    model_options.config_file = kSpinDir / "spin.cfg";
    auto load = load_model((kSpinDir / "spin.tla").string(), model_options);
    auto mapping = lib::read_mapping(kMapping.string());
    if (!written) {
        std::fputs("cannot write the windows file\n", stderr);
    } else if (!load.model || !std::holds_alternative<lib::Mapping>(mapping)) {
        std::fputs("the spin model or its mapping does not load\n", stderr);
    } else {
        const double rss_before = peak_rss_mb();
        engine::ValidateOptions options;
        options.threads = threads;
        const auto started = std::chrono::steady_clock::now();
        auto result = engine::validate_windows(*load.model, file.string(),
                                               &std::get<lib::Mapping>(mapping), options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!result.ok() || result.summary.windows != windows) {
            std::fputs("validation failed\n", stderr);
        } else {
            fmt::print("windows={} threads={} file_mb={:.1f} seconds={:.3f} windows_per_s={:.0f} "
                       "peak_rss_mb_before={:.1f} peak_rss_mb={:.1f} passes={}\n",
                       windows, threads, static_cast<double>(file_bytes) / 1e6, seconds,
                       static_cast<double>(windows) / seconds, rss_before, peak_rss_mb(),
                       result.summary.passes);
            status = 0;
        }
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    return status;
}
