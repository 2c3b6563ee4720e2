#include "lib/window_cut.hpp"

#include <fmt/format.h>

namespace tlatv::lib {

std::optional<Window> WindowCutter::push(TraceStep step) {
    if (!previous_) {
        previous_ = std::move(step);
        return std::nullopt;
    }
    Window window;
    window.index = window.line = step.line;
    window.file = file_;
    window.action = step.action;
    window.parameters = step.parameters;
    window.expect = step.expect;
    window.pre = previous_->state;
    window.post = step.state;
    if (step.error) {
        window.error = step.error;
    } else if (previous_->error) {
        window.error = Diagnostic{
            file_,
            static_cast<std::uint32_t>(step.line),
            0,
            fmt::format("the window's pre-state (line {}) could not be read", previous_->line),
            {}};
    }
    previous_ = std::move(step);
    return window;
}

std::vector<Window> cut_windows(std::vector<TraceStep> trace, const std::string& file) {
    std::vector<Window> windows;
    if (!trace.empty()) windows.reserve(trace.size() - 1);
    WindowCutter cutter(file);
    for (TraceStep& step : trace)
        if (auto window = cutter.push(std::move(step))) windows.push_back(std::move(*window));
    return windows;
}

} // namespace tlatv::lib
