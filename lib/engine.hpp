// The validation engine: a spec and windows cut from traces of the real system give, per action,
// how many observed transitions the spec reproduces, which it cannot (under-approximation) and
// where it allows more than the system does (over-approximation).
//
//     ModelOptions model_options;
//     model_options.config_file = "Spec.cfg";
//     ModelLoad load = load_model("Spec.tla", model_options);
//     ValidateOptions options;                       // threads, invariants, callbacks, limits
//     ValidationResult result = validate_windows(*load.model, "windows.ndjson", nullptr, options);
//     report::format_table(result.summary);          // lib/report.hpp
//
// Windows are read in bounded batches and checked in parallel in a task arena the engine owns
// (oneTBB's global controls are never touched), one EvalContext per worker. Verdicts come out in
// input order and do not depend on the number of threads. The engine never prints: progress and
// verdicts are callbacks.
#pragma once

#include "evaluator/action.hpp"
#include "evaluator/action_check.hpp"
#include "lib/mapping.hpp"
#include "lib/model.hpp"
#include "lib/window.hpp"
#include "lib/window_reader.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::engine {

// Why a window did not pass.
enum class FailureKind : std::uint8_t {
    None,
    Rejected,           // the spec cannot take the observed step (under-approximation)
    AcceptedImpossible, // the step is marked `"expect": "fail"` and the spec takes it
};

// A variable whose value in the closest successor differs from the window's post-state.
struct DifferingVariable {
    std::string variable;
    std::string observed; // TLC's printed form
    std::string spec;
};

// The diagnostic of a failing window, as text a person can act on.
struct FailureDiagnostic {
    // The first conjunct found false on the most advanced branch: where, its text, its operands.
    std::optional<Diagnostic> false_conjunct;
    std::vector<std::pair<std::string, std::string>> operand_values; // source text, value
    // The successor closest to the observed post-state.
    std::optional<std::string> closest_action;
    std::vector<DifferingVariable> differing;
    bool enabled = false; // some candidate action had a successor from the pre-state
};

// Over-approximation on one window: the outcomes (successors projected on the variables the
// window fixes) the spec allows from its pre-state, when that pre-state is fully known. Outcomes
// other than the observed one are extra only when the observed one is allowed too.
struct OutcomeAnalysis {
    std::size_t outcomes = 0;                      // distinct projected successors
    std::vector<lib::State> extra;                 // those other than the observed one (capped)
    std::size_t extra_count = 0;                   // how many there are in all
    std::vector<std::string> invariant_violations; // "Inv: <successor>" for violating successors
    std::size_t violating_successors = 0;
    std::optional<Diagnostic> error; // the enumeration failed (limits, evaluation errors)
};

struct WindowVerdict {
    std::uint64_t index = 0; // 1-based line of the window in its file
    std::optional<std::string> id;
    std::string event;  // as logged
    std::string action; // the spec action it is counted under (first candidate, or event)
    eval::Verdict verdict = eval::Verdict::Fail;
    FailureKind failure = FailureKind::None;
    lib::Expectation expect = lib::Expectation::Unspecified;
    std::optional<std::string> passed_by; // label of the action instance that took the step
    std::optional<Diagnostic> error;      // Verdict::Error
    std::optional<FailureDiagnostic> diagnostic;
    std::optional<OutcomeAnalysis> outcomes;
    // Pre-state features (`pc[actor] = "idle"`), for failure clusters. Printed only for the
    // verdicts given to ValidateOptions::on_verdict (printing them for every window took a sixth
    // of the engine's time).
    std::vector<std::string> features;
};

// A pre-state feature that sets failing windows of an action apart.
struct FailureCluster {
    std::string feature;
    std::size_t failing = 0; // failing windows with the feature
    std::size_t passing = 0; // passing windows with the feature
};

// Outcomes the spec allows from a pre-state (for one action and its arguments) that the system
// never produced from it in any window.
struct UnobservedOutcomes {
    std::string action; // label
    lib::State pre;
    std::size_t windows = 0;          // windows that start in this pre-state with this action
    std::vector<lib::State> observed; // distinct observed outcomes
    std::vector<lib::State> never_seen;
};

struct ActionSummary {
    std::string action;
    std::size_t windows = 0;
    std::size_t passes = 0;
    std::size_t fails = 0; // rejected observed steps: under-approximation
    std::size_t errors = 0;
    // Over-approximation.
    std::size_t analysed = 0;                   // windows whose pre-state was fully known
    std::size_t with_extra_outcomes = 0;        // of those, windows where the spec allows more
    std::size_t extra_outcomes = 0;             // sum over those windows
    std::size_t accepted_impossible = 0;        // `"expect": "fail"` windows the spec takes
    std::size_t invariant_violations = 0;       // windows with a successor violating an invariant
    std::vector<UnobservedOutcomes> unobserved; // groups with outcomes never produced (capped)
    std::size_t unobserved_groups = 0;
    std::vector<FailureCluster> clusters;
    std::vector<std::uint64_t> failing_windows; // indices, capped
    std::vector<WindowVerdict> examples; // the first failing or erroneous windows, with diagnostics

    double pass_rate() const { return windows == 0 ? 0.0 : double(passes) / double(windows); }
};

struct ValidationSummary {
    std::size_t windows = 0, passes = 0, fails = 0, errors = 0;
    std::vector<ActionSummary> actions; // sorted by name
    lib::JsonWarnings json_warnings;
    std::vector<std::string> invariants;
    unsigned threads = 1;
    double seconds = 0;
};

struct ValidationResult {
    // Errors of the input as a whole (windows file, mapping): nothing was validated.
    std::vector<Diagnostic> input_errors;
    ValidationSummary summary;
    bool ok() const { return input_errors.empty(); }
};

struct Progress {
    std::size_t done = 0; // windows checked so far
};

struct ValidateOptions {
    unsigned threads = 0;         // 0: every core
    std::size_t batch_size = 512; // windows held in memory at a time
    eval::EnumerationLimits limits{100'000, std::chrono::milliseconds(10'000)};
    eval::EvalLimits eval_limits; // recursion depth of every evaluation
    bool diagnose = true;
    bool over_approximation = true;
    std::vector<std::string> invariants; // definitions checked on every successor enumerated
    std::size_t max_extra_outcomes = 5;  // kept per window / group for the report
    std::size_t max_groups = 100'000;    // pre-state groups tracked per action
    std::size_t max_failing_indices = 1000;
    std::size_t max_examples = 3; // failing windows kept per action with their diagnostics
    lib::WindowReaderOptions reader;
    // Called after each batch, from the calling thread.
    std::function<void(const Progress&)> progress;
    // Called with every verdict, in input order, from the calling thread.
    std::function<void(const WindowVerdict&)> on_verdict;
};

// Validates the windows in `windows_file` against the model, through `mapping` when given (its
// TLA+ values are resolved here against the spec). Never throws on bad input, never prints.
ValidationResult validate_windows(const Model& model, const std::string& windows_file,
                                  const lib::Mapping* mapping, const ValidateOptions& options);

// The next window of a stream, or nullopt at its end. Called from the validating thread.
using WindowSource = std::function<std::optional<lib::Window>()>;

// The same for windows from `next_window` (e.g. built in memory through the API): read a batch
// at a time, so that memory does not grow with the stream. An exception thrown by `next_window`
// or by a callback stops validation and propagates to the caller.
ValidationResult validate_window_stream(const Model& model, const WindowSource& next_window,
                                        const lib::Mapping* mapping,
                                        const ValidateOptions& options);

// The number of threads `threads` means (0: the hardware concurrency).
unsigned effective_threads(unsigned threads);

std::string_view to_string(eval::Verdict verdict);

} // namespace tlatv::engine
