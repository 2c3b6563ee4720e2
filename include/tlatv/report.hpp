// The per-action report of a validation run as data (docs/report-format.md gives the meaning of
// each figure); the same report as the CLI's table and as JSON.
#pragma once

#include "tlatv/verdict.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tlatv {

// A pre-state feature (`pc[actor] = "idle"`) that sets failing windows of an action apart.
struct FailureCluster {
    std::string feature;
    std::size_t failing = 0; // failing windows with the feature
    std::size_t passing = 0; // passing windows with the feature
};

struct ActionReport {
    std::string action;
    std::size_t windows = 0, passes = 0, fails = 0, errors = 0;
    // Over-approximation.
    std::size_t analysed = 0;             // windows whose pre-state was fully known
    std::size_t with_extra_outcomes = 0;  // of those, windows where the spec allows more
    std::size_t extra_outcomes = 0;       // the extra outcomes, summed over those windows
    std::size_t unobserved_groups = 0;    // pre-states with outcomes the system never produced
    std::size_t accepted_impossible = 0;  // windows expecting "fail" that the spec takes
    std::size_t invariant_violations = 0; // windows with a successor violating an invariant
    std::vector<FailureCluster> clusters;
    std::vector<std::uint64_t> failing_windows; // indices (capped)
    std::vector<WindowVerdict> examples;        // the first failing windows, with diagnostics

    double pass_rate() const { return windows == 0 ? 0.0 : double(passes) / double(windows); }
};

struct ValidationReport {
    std::size_t windows = 0, passes = 0, fails = 0, errors = 0;
    std::vector<ActionReport> actions; // sorted by name
    unsigned threads = 1;
    double seconds = 0;
    std::string table; // the report as the CLI prints it
    std::string json;  // the report as JSON (docs/report-format.md)
    bool all_pass() const { return fails == 0 && errors == 0; }
};

} // namespace tlatv
