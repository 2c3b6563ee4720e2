#include "lib/mapping_path.hpp"

#include <fmt/format.h>

#include <cctype>

namespace tlatv::lib {

namespace {
bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
} // namespace

std::string FieldPath::str() const {
    std::string out;
    for (const FieldPathSegment& s : segments) {
        if (s.index > 0)
            out += fmt::format("[{}]", s.index);
        else
            out += out.empty() ? s.name : "." + s.name;
    }
    return out;
}

FieldPath parse_field_path(std::string_view text) {
    FieldPath path;
    const auto fail = [&](std::string_view why) {
        path.segments.clear();
        path.error = fmt::format("\"{}\" is not a field path ({}); write e.g. actor, input.from, "
                                 "args[1] or pre.x",
                                 text, why);
        return path;
    };
    std::size_t i = 0;
    bool expect_name = true;
    while (i < text.size()) {
        if (expect_name) {
            const std::size_t begin = i;
            while (i < text.size() && is_name_char(text[i]))
                ++i;
            if (i == begin) return fail("a name is missing");
            path.segments.push_back({std::string(text.substr(begin, i - begin)), 0});
            expect_name = false;
        } else if (text[i] == '.') {
            ++i;
            expect_name = true;
        } else if (text[i] == '[') {
            const std::size_t begin = ++i;
            std::size_t index = 0;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
                if (index > 1'000'000'000) return fail("index too large");
                index = index * 10 + static_cast<std::size_t>(text[i] - '0');
                ++i;
            }
            if (i == begin || i >= text.size() || text[i] != ']') return fail("bad index");
            if (index == 0) return fail("indices start at 1");
            ++i;
            path.segments.push_back({{}, index});
        } else {
            return fail(fmt::format("unexpected '{}'", text[i]));
        }
    }
    if (expect_name) return fail(text.empty() ? "it is empty" : "a name is missing");
    return path;
}

} // namespace tlatv::lib
