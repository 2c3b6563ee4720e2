// What validation says about one window, with the diagnostic of a failure as data: where the
// spec's action became false and on which values, and how far the spec's closest step is from
// the observed one. Values are in TLC's printed form.
#pragma once

#include "tlatv/diagnostic.hpp"
#include "tlatv/window.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tlatv {

enum class Verdict { Pass, Fail, Error };

// Why a window counts as failed.
enum class FailureKind {
    None,
    Rejected,           // the spec cannot take the observed step (under-approximation)
    AcceptedImpossible, // the window expects "fail" and the spec takes the step
};

// An operand of a false conjunct and its value, e.g. {"holder", "\"c1\""}.
struct OperandValue {
    std::string text;
    std::string value;
};

// The first conjunct found false on the most advanced branch of the action.
struct FalseConjunct {
    std::string file;
    std::uint32_t line = 0;   // 1-based
    std::uint32_t column = 0; // 1-based
    std::string text;         // the conjunct's source, on one line
    std::string source_line;  // the whole line it starts on, for a caret display
    std::vector<OperandValue> operands;
};

// A variable whose value in the closest successor differs from the window's post-state.
struct DifferingVariable {
    std::string variable;
    std::string observed;
    std::string spec;
};

// The successor of the pre-state closest to the observed post-state.
struct ClosestSuccessor {
    std::string action; // the action instance that gives it, e.g. Request("c1")
    std::vector<DifferingVariable> differing;
};

// Over-approximation on one window whose pre-state is fully known.
struct OutcomeAnalysis {
    std::size_t outcomes = 0;                // distinct outcomes the spec allows
    std::size_t extra = 0;                   // of those, other than the observed one
    std::vector<std::string> extra_examples; // a few of them, as JSON objects of variables
    std::vector<std::string> invariant_violations;
    std::optional<Diagnostic> error; // the enumeration failed
};

struct WindowVerdict {
    std::uint64_t index = 0;         // 1-based position in the file or stream
    std::string id;                  // the window's own id, when it has one
    std::string event;               // the action as logged
    std::string action;              // the spec action it is counted under
    std::vector<Argument> arguments; // as logged (TLA+ text), when the window came from the API
    Verdict verdict = Verdict::Fail;
    FailureKind failure = FailureKind::None;
    Expectation expect = Expectation::Unspecified;
    std::string passed_by; // Pass: the action instance that took the step, e.g. Request("c1")
    // Fail (Rejected): why.
    std::optional<FalseConjunct> false_conjunct;
    std::optional<ClosestSuccessor> closest;
    bool enabled = false; // some candidate action had a successor from the pre-state
    // Error: where and why the window could not be checked.
    std::optional<Diagnostic> error;
    std::optional<OutcomeAnalysis> outcomes;

    bool passed() const { return verdict == Verdict::Pass; }
};

} // namespace tlatv
