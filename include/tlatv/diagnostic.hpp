// A located message about bad input: a spec, a config, a trace or a window.
#pragma once

#include <cstdint>
#include <string>

namespace tlatv {

struct Diagnostic {
    std::string file;         // path as given, or "<string>" for in-memory text
    std::uint32_t line = 0;   // 1-based; 0 when the message has no location
    std::uint32_t column = 0; // 1-based, in code points
    std::string message;      // one line, no trailing period required
    std::string source_line;  // the text of `line`, for the caret display; may be empty

    // "file:line:col: error: message" followed, when source_line is known (and at most 512
    // bytes long), by the source line and a caret under `column`.
    std::string format() const;
};

} // namespace tlatv
