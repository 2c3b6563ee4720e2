// Reports of a validation: a table for a terminal, a JSON document (docs/report-format.md) and
// one NDJSON line per window verdict. Pure functions from results to text: the caller writes it.
#pragma once

#include "lib/engine.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace tlatv::report {

// Where the results came from, for the JSON report's header.
struct ReportSource {
    std::string spec;
    std::string config;
    std::string windows;
    std::string mapping;
};

// The per-action table, then per action its failure clusters, an example diagnostic and the
// over-approximation found. Plain text, no colour.
std::string format_table(const engine::ValidationSummary& summary);

// The whole summary as one JSON document (see docs/report-format.md).
std::string format_json(const engine::ValidationSummary& summary, const ReportSource& source);

// One verdict as a JSON object on one line (no newline):
// {"index": 3, "action": "Release", "verdict": "fail", ...}.
std::string format_verdict_line(const engine::WindowVerdict& verdict);

// A failing window's diagnostic for a person: the false conjunct with its place and values, or
// the closest successor and the variables that differ.
std::string format_diagnostic(const engine::WindowVerdict& verdict);

// One line of a progress display: "validate: 1200 windows" or, with a total,
// "sysmobench: [=====>    ] 120/629". No newline.
std::string format_progress(std::string_view what, std::size_t done, std::size_t total);

} // namespace tlatv::report
