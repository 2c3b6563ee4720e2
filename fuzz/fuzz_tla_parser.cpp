// libFuzzer target: the TLA+ module parser and the expression parser on arbitrary text. Bad input
// must give diagnostics, never a crash, a hang or an exception.
#include "parser/parse.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto module = tlatv::parser::parse_module(text, "fuzz.tla");
    for (const auto& error : module.errors)
        (void)error.format();
    // A spec's text is also a (usually malformed) expression: covers the expression entry point
    // used by `tlatv eval`, state text and .cfg values.
    (void)tlatv::parser::parse_expression(text, "<fuzz>");
    return 0;
}
