// libFuzzer target: the TLC .cfg parser, stand-alone and embedded in a TLA+ file.
#include "parser/cfg_parse.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto config = tlatv::cfg::parse_config(text, "fuzz.cfg");
    for (const auto& error : config.errors)
        (void)error.format();
    (void)tlatv::cfg::parse_embedded_config(text, "fuzz", "fuzz.tla");
    return 0;
}
