// SysMoBench's trace-validation modules, run natively.
//
// A module TV_<Action>.tla reads its windows with `ndJsonDeserialize("windows_<Action>.ndjson")`
// and picks one with `IOEnv.WINDOW_INDEX`; its Init is the window's pre-state, its Next one step
// of the action, and its invariant (NeverPost) is violated exactly when the window's post-state
// is reached. SysMoBench runs TLC once per window and counts the window as passing when TLC
// reports the invariant violated. tlatv decides the same thing for every index, in parallel: a
// window passes when some state reachable from Init (the initial states included) violates one
// of the cfg's invariants. Deadlocks are not errors (SysMoBench runs TLC without deadlock
// checking).
//
// As in TLC, the module's relative file names are resolved against the process's working
// directory; SysMoBench starts TLC in the module's folder, and so does `tlatv sysmobench`.
#pragma once

#include "evaluator/action.hpp"
#include "lib/model.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::sysmobench {

struct TvOptions {
    std::filesystem::path config_file; // empty: the module's name with .cfg
    // The windows file the module reads; empty: windows_<Action>.ndjson beside a module named
    // TV_<Action>.tla. Only used to count the windows.
    std::filesystem::path windows_file;
    std::vector<std::filesystem::path> search_path;
    unsigned threads = 0; // 0: every core
    // Distinct states explored per window before giving up (an error verdict).
    std::size_t max_states = 100'000;
    eval::EnumerationLimits limits{100'000, std::chrono::milliseconds(60'000)};
    // Called from the calling thread with the number of windows done so far.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

enum class TvVerdict : std::uint8_t {
    Pass,  // the invariant is violated: the window's post-state is reachable
    Fail,  // every reachable state satisfies the invariant
    Error, // evaluation failed or a limit was reached
};

struct TvWindowResult {
    std::uint64_t index = 0; // WINDOW_INDEX, 1-based
    TvVerdict verdict = TvVerdict::Fail;
    std::size_t states = 0;              // distinct states explored
    std::optional<std::string> violated; // Pass: the invariant violated
    std::optional<Diagnostic> error;     // Error
};

struct TvRun {
    std::vector<Diagnostic> errors; // the module, its cfg or its windows could not be used
    std::filesystem::path windows_file;
    std::vector<TvWindowResult> windows; // in index order
    unsigned threads = 1;

    bool ok() const { return errors.empty(); }
    std::size_t count(TvVerdict verdict) const;
};

// Runs the module over all its windows. Never throws on bad input, never prints.
TvRun run_tv_module(const std::filesystem::path& module_file, const TvOptions& options = {});

// The window indices of an NDJSON file as ndJsonDeserialize numbers them (non-blank lines);
// nullopt when the file cannot be read.
std::optional<std::size_t> count_ndjson_values(const std::filesystem::path& file);

std::string_view to_string(TvVerdict verdict);

} // namespace tlatv::sysmobench
