// Whole-trace validation as TLC does it for trace-validation specs: a breadth-first search over
// the trace spec's next-state relation, level by level, for a behaviour matching every log line.
// The trace spec says how states map to log lines (TLCGet("level") or a variable indexes the
// trace) and what acceptance is: a POSTCONDITION over TLCGet("stats"), or the TraceMatched
// property (some state has matched every line; see lib/trace_acceptance.hpp).
#pragma once

#include "evaluator/action.hpp"
#include "lib/model.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tlatv {

struct TraceOptions {
    // What IOEnv shows the spec (the caller chooses: command-line values, the process's own).
    std::map<std::string, std::string, std::less<>> environment;
    // Workers expanding each level; 0 means one per hardware thread.
    unsigned threads = 1;
    // Limits of one state's successor enumeration.
    eval::EnumerationLimits limits;
};

// The first false conjunct of one action of the Next for a state that has no matching successor.
struct ActionDiagnosis {
    std::string action;         // TLC's label
    std::size_t successors = 0; // successors of the action, before the constraints
    std::string false_conjunct; // `file:line:col` and operand values, when none
    std::string error;          // an evaluation error, when the walk failed
};

struct TraceResult {
    bool accepted = false;
    // TLCGet("stats") at the end of the run, as TLC defines it: the number of levels, distinct
    // states (after the VIEW), states generated (initial states and successors, before
    // deduplication), states left unexplored.
    std::size_t diameter = 0;
    std::size_t distinct = 0;
    std::size_t generated = 0;
    std::size_t queue = 0;
    std::vector<std::size_t> states_per_level; // distinct states per level, level 1 first
    bool exit_requested = false;               // TLCSet("exit", TRUE) stopped the search
    // When rejected: the log line no behaviour matches (with TraceMatched, the line the
    // furthest states wait for; with a POSTCONDITION, the level the search could not leave,
    // which TLCGet("level") indexes), the states waiting there, one of them in TLC's format,
    // and why each action of the Next fails for it.
    std::optional<std::size_t> rejected_line;
    std::size_t candidates = 0;
    std::string candidate_state;
    std::vector<ActionDiagnosis> diagnoses;
    // The acceptance criteria decided (`PROPERTY TraceMatched`, `POSTCONDITION TraceAccepted`).
    std::vector<std::string> criteria;
    // cfg entries the run did not check (refinement PROPERTIES, INVARIANTs), so callers can say
    // so.
    std::vector<std::string> unchecked;
};

// A trace spec this validator cannot run (no acceptance criterion it supports, ...).
struct TraceSetupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Runs the search. Throws TraceSetupError, eval::EvalFailure / eval::EvalError (evaluation errors
// of the spec, as TLC would report them). Never prints.
TraceResult validate_trace(const Model& model, const TraceOptions& options = {});

} // namespace tlatv
