// Paths into a window, as a mapping file names the source of an action parameter:
// `actor`, `input.from`, `node`, `args[1]`, `pre.votedFor[2]`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::lib {

struct FieldPathSegment {
    std::string name;      // a field name, when index == 0
    std::size_t index = 0; // `[n]`: 1-based
};

struct FieldPath {
    std::vector<FieldPathSegment> segments; // the first is always a name
    std::optional<std::string> error;       // set when the text is not a path

    std::string str() const;
};

FieldPath parse_field_path(std::string_view text);

} // namespace tlatv::lib
