// What accepting a trace means for a trace spec, read from its cfg (not a public header).
//
// Trace specs state acceptance in one of two ways:
// - a POSTCONDITION over TLCGet("stats") (TwoPhase, KeyValueStore, EWD998), evaluated once the
//   search is over;
// - the property TraceMatched (etcd raft, CCF):
//       [](l <= Len(TraceLog) => [](TLCGet("queue") = 1 \/ l > Len(TraceLog)))
//   TLC evaluates the liveness predicates of a state after enqueuing its successors, so the
//   property fails when the search runs out of states (the queue is empty) while some state
//   still waits for a log line. What it decides is whether some behaviour matches every line:
//   the trace is accepted when the search reaches a state where the inner disjunct
//   (`l > Len(TraceLog)`) holds, and rejected at the line the furthest states wait for
//   (the `l` of `l <= Len(TraceLog)`).
//   The queue test itself depends on TLC's single worker and its exploration order (TLC would
//   also report a violation when two states happened to be queued at once with `= 1`), so
//   tlatv decides the criterion it stands for rather than the queue's size.
#pragma once

#include "evaluator/action.hpp"
#include "lib/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tlatv::trace_detail {

// The parts of a TraceMatched-shaped property `[](P => [](Q \/ D))`, Q testing TLCGet("queue").
struct TraceMatchedProperty {
    std::string name;
    eval::Action pending;             // P: some log line is still to be matched
    std::vector<eval::Action> done;   // the disjuncts D: every line is matched
    std::optional<eval::Action> line; // E when P is `E <= N`: the line a state waits for
};

struct Acceptance {
    std::string postcondition; // empty when none
    std::optional<TraceMatchedProperty> trace_matched;
    // cfg entries the search does not check (refinement properties, invariants), for notes.
    std::vector<std::string> unchecked;
};

// Reads the cfg's POSTCONDITION and PROPERTIES. Throws TraceSetupError for a property whose
// shape is neither TraceMatched's nor a refinement formula `Init /\ [][Next]_v`, and when there
// is no acceptance criterion at all.
Acceptance read_acceptance(const Model& model);

} // namespace tlatv::trace_detail
