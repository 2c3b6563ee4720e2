// Cutting a trace of states into windows: each pair of consecutive states is one window, labelled
// with the action logged with the second state.
#pragma once

#include "lib/window.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tlatv::lib {

// One state of a trace and the step that led to it (the first step of a trace has no action).
struct TraceStep {
    State state;
    std::string action;
    std::vector<Parameter> parameters;
    Expectation expect = Expectation::Unspecified; // of the window ending in this state
    std::uint64_t line = 0;                        // where the state was read, 1-based
    // Set when the state could not be read; the windows on either side of it carry an error.
    std::optional<Diagnostic> error;
};

// Cuts a trace incrementally, holding only the previous state (for streamed traces).
class WindowCutter {
public:
    explicit WindowCutter(std::string file = {})
        : file_(std::move(file)) {}

    // The window that ends in `step`, or nullopt for the first step.
    std::optional<Window> push(TraceStep step);

private:
    std::string file_;
    std::optional<TraceStep> previous_;
};

// Windows (steps[i-1], steps[i]) for i = 1 .. n-1, indexed by the line of steps[i].
std::vector<Window> cut_windows(std::vector<TraceStep> trace, const std::string& file = {});

} // namespace tlatv::lib
