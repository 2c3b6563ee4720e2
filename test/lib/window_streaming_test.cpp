// Streaming: window files are read through one bounded buffer. Memory is measured by counting the
// live line buffers and their bytes, not by timing.
#include "lib/window_line_reader.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using tlatv::eval::Value;
using namespace tlatv::lib;

namespace {

std::vector<std::pair<std::uint64_t, std::string>> all_lines(const std::string& text,
                                                             std::size_t chunk) {
    std::istringstream input(text);
    NdjsonLineReader reader(input, chunk);
    std::vector<std::pair<std::uint64_t, std::string>> lines;
    while (auto line = reader.next()) {
        CHECK(line->readable >= line->text.size() + line_padding_bytes);
        lines.emplace_back(line->number, std::string(line->text));
    }
    return lines;
}

// A window file of `count` lines in tlatv's format, written to a temporary file.
std::filesystem::path write_window_file(std::size_t count, const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() /
                      fmt::format("tlatv_{}_{}.ndjson", name, static_cast<long>(::getpid()));
    std::ofstream out(path);
    for (std::size_t i = 0; i < count; ++i)
        out << fmt::format(R"({{"action": "Step", "args": {{"i": {0}}}, "pre": {{"x": {0}, )"
                           R"("log": ["a", "b"]}}, "post": {{"x": {1}, "log": ["a", "b", "c"]}}}})",
                           i, i + 1)
            << '\n';
    return path;
}

struct Measured {
    std::size_t windows = 0;
    std::size_t errors = 0;
    std::int64_t max_live_buffers = 0;
    std::int64_t max_live_bytes = 0;
    std::size_t max_reader_bytes = 0;
    std::int64_t last_x = -1;
};

Measured stream(const std::filesystem::path& path, std::size_t chunk) {
    WindowReaderOptions options;
    options.chunk_bytes = chunk;
    WindowReader reader(path.string(), options);
    Measured m;
    while (auto window = reader.next()) {
        ++m.windows;
        if (!window->ok()) ++m.errors;
        m.last_x = window->post.at("x").as_int();
        const LineBufferStats stats = line_buffer_stats();
        m.max_live_buffers = std::max(m.max_live_buffers, stats.live_buffers);
        m.max_live_bytes = std::max(m.max_live_bytes, stats.live_bytes);
        m.max_reader_bytes = std::max(m.max_reader_bytes, reader.buffer_bytes());
    }
    CHECK_FALSE(reader.error());
    return m;
}

} // namespace

TEST_CASE("line reader: chunk boundaries, CRLF, blank and unterminated lines", "[streaming]") {
    const std::string text = "first\r\n\nsecond line\nthird";
    for (std::size_t chunk : {1, 2, 3, 7, 64, 1024}) {
        INFO("chunk " << chunk);
        const auto lines = all_lines(text, chunk);
        REQUIRE(lines.size() == 4);
        CHECK(lines[0] == std::pair<std::uint64_t, std::string>{1, "first"});
        CHECK(lines[1] == std::pair<std::uint64_t, std::string>{2, ""});
        CHECK(lines[2] == std::pair<std::uint64_t, std::string>{3, "second line"});
        CHECK(lines[3] == std::pair<std::uint64_t, std::string>{4, "third"});
    }
    CHECK(all_lines("", 16).empty());
    CHECK(all_lines("a\n", 16).size() == 1);
}

TEST_CASE("line reader: the buffer grows only to the longest line", "[streaming]") {
    const std::string long_line(10'000, 'x');
    std::istringstream input("short\n" + long_line + "\nshort\n");
    NdjsonLineReader reader(input, 256);
    CHECK(reader.buffer_capacity() == 256);
    CHECK(reader.next()->text == "short");
    CHECK(reader.next()->text == long_line);
    const std::size_t grown = reader.buffer_capacity();
    CHECK(grown >= long_line.size());
    CHECK(grown <= 4 * long_line.size());
    CHECK(reader.next()->text == "short");
    CHECK_FALSE(reader.next());
    CHECK(reader.buffer_capacity() == grown);
}

TEST_CASE("10^5 windows are streamed through one bounded buffer", "[streaming]") {
    REQUIRE(line_buffer_stats().live_buffers == 0); // no other reader is alive
    constexpr std::size_t chunk = 64 * 1024;
    const auto big = write_window_file(100'000, "big");
    const auto small = write_window_file(1'000, "small");
    REQUIRE(std::filesystem::file_size(big) > 50 * chunk); // many chunks

    const Measured m = stream(big, chunk);
    CHECK(m.windows == 100'000);
    CHECK(m.errors == 0);
    CHECK(m.last_x == 100'000);
    // One reader, one buffer, never grown: the lines are shorter than a chunk.
    CHECK(m.max_live_buffers == 1);
    CHECK(m.max_live_bytes == static_cast<std::int64_t>(chunk + line_padding_bytes));
    // The reader's own account (line buffer + JSON parser) does not depend on the file length.
    const Measured s = stream(small, chunk);
    CHECK(s.windows == 1'000);
    CHECK(s.max_live_bytes == m.max_live_bytes);
    // The parser's share follows the longest line (a few bytes longer in the big file).
    CHECK(m.max_reader_bytes <= s.max_reader_bytes + 64);
    CHECK(m.max_reader_bytes <= chunk + line_padding_bytes + 1024);

    CHECK(line_buffer_stats().live_buffers == 0);
    std::filesystem::remove(big);
    std::filesystem::remove(small);
}
