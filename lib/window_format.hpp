// The NDJSON layouts tlatv reads windows from (see docs/windows-format.md).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tlatv::lib {

enum class WindowFormat : std::uint8_t {
    Auto,          // detect from the first line of each file
    SysMoBench,    // window_id, trace_id, action, actor, pre_state, post_state, input
    SpecMapped,    // id, pre, post, input, extra fields (what SysMoBench's TV modules read)
    JsSam,         // action, data, pre_state, post_state
    Stream,        // one state per line: {"state": {...}, "action": ..., "data": ...}
    ActionWindows, // event, node, pre_state / post_state keyed by node id
    Tlatv,         // tlatv's own: action, args, pre, post, expect
};

// "sysmobench", "spec-mapped", "js-sam", "stream", "action-windows", "tlatv", "auto".
std::string_view to_string(WindowFormat format);
std::optional<WindowFormat> parse_window_format(std::string_view name);

// The format whose fields a line with these top-level keys has, or nullopt.
std::optional<WindowFormat> detect_window_format(std::span<const std::string> keys);

} // namespace tlatv::lib
