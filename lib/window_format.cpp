#include "lib/window_format.hpp"

#include <algorithm>

namespace tlatv::lib {

namespace {
constexpr WindowFormat all_formats[] = {
    WindowFormat::Auto,  WindowFormat::SysMoBench, WindowFormat::SpecMapped,
    WindowFormat::JsSam, WindowFormat::Stream,     WindowFormat::ActionWindows,
    WindowFormat::Tlatv,
};
} // namespace

std::string_view to_string(WindowFormat format) {
    switch (format) {
    case WindowFormat::Auto:
        return "auto";
    case WindowFormat::SysMoBench:
        return "sysmobench";
    case WindowFormat::SpecMapped:
        return "spec-mapped";
    case WindowFormat::JsSam:
        return "js-sam";
    case WindowFormat::Stream:
        return "stream";
    case WindowFormat::ActionWindows:
        return "action-windows";
    case WindowFormat::Tlatv:
        return "tlatv";
    }
    return "auto";
}

std::optional<WindowFormat> parse_window_format(std::string_view name) {
    for (WindowFormat format : all_formats)
        if (to_string(format) == name) return format;
    return std::nullopt;
}

std::optional<WindowFormat> detect_window_format(std::span<const std::string> keys) {
    const auto has = [&](std::string_view key) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    if (has("pre") && has("post"))
        return has("action") ? WindowFormat::Tlatv : WindowFormat::SpecMapped;
    if (has("pre_state") && has("post_state")) {
        if (has("event")) return WindowFormat::ActionWindows;
        if (has("window_id")) return WindowFormat::SysMoBench;
        return WindowFormat::JsSam;
    }
    if (has("state")) return WindowFormat::Stream;
    return std::nullopt;
}

} // namespace tlatv::lib
