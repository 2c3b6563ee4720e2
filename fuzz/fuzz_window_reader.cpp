// libFuzzer target: the NDJSON window reader (line buffer, format detection, JSON to values).
// The first byte picks the window format and the JSON policies, the rest is the file.
#include "lib/json_value.hpp"
#include "lib/window_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

tlatv::lib::WindowReaderOptions options_from(std::uint8_t selector) {
    using namespace tlatv::lib;
    WindowReaderOptions options;
    options.format = static_cast<WindowFormat>(selector % 7); // the seven WindowFormat values
    options.json.null_policy =
        (selector & 0x08) ? JsonNullPolicy::ModelValue : JsonNullPolicy::Reject;
    options.json.integer_policy = (selector & 0x10)   ? JsonIntegerPolicy::Exact
                                  : (selector & 0x20) ? JsonIntegerPolicy::Wrap32
                                                      : JsonIntegerPolicy::Reject;
    options.json.fraction_policy =
        (selector & 0x40) ? JsonFractionPolicy::Truncate : JsonFractionPolicy::Reject;
    // A small chunk makes lines cross chunk boundaries, which the default 1 MiB never does here.
    options.chunk_bytes = (selector & 0x80) ? 16 : NdjsonLineReader::default_chunk_bytes;
    return options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto options = options_from(data[0]);
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto file = tlatv::lib::read_windows_from_string(text, "fuzz.ndjson", options);
    for (const auto& window : file.windows)
        if (window.error) (void)window.error->format();
    // Each line on its own as a JSON document, as Json!ndJsonDeserialize reads it.
    tlatv::lib::JsonWarnings warnings;
    (void)tlatv::lib::json_to_value(text, options.json, warnings);
    return 0;
}
