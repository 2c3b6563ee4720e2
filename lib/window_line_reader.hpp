// Reads NDJSON text line by line through one bounded buffer, so that memory does not grow with
// the file: the buffer holds one chunk, and grows only to fit the longest line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string_view>

namespace tlatv::lib {

// Bytes after the end of every line that a JSON parser may read (simdjson's SIMDJSON_PADDING;
// checked where simdjson is included).
inline constexpr std::size_t line_padding_bytes = 64;

struct NdjsonLine {
    std::string_view text; // without the newline and a trailing '\r'
    std::uint64_t number;  // 1-based line number in the input
    std::size_t readable;  // bytes readable from text.data(): >= text.size() + line_padding_bytes
    // The line was longer than the reader's limit: it was skipped, `text` is empty.
    bool too_long = false;
};

// Live line buffers of every reader in the process: the tests use it to check that reading a
// long file keeps one bounded buffer alive.
struct LineBufferStats {
    std::int64_t live_buffers = 0;
    std::int64_t live_bytes = 0;
};
LineBufferStats line_buffer_stats();

class NdjsonLineReader {
public:
    static constexpr std::size_t default_chunk_bytes = std::size_t{1} << 20;
    // Longer lines are skipped (reported as `too_long`) rather than held: the buffer, and so the
    // reader's memory, never grows beyond about twice this.
    static constexpr std::size_t default_max_line_bytes = std::size_t{64} << 20;

    // Reads from `input`, which must outlive the reader.
    explicit NdjsonLineReader(std::istream& input, std::size_t chunk_bytes = default_chunk_bytes,
                              std::size_t max_line_bytes = default_max_line_bytes);
    ~NdjsonLineReader();
    NdjsonLineReader(const NdjsonLineReader&) = delete;
    NdjsonLineReader& operator=(const NdjsonLineReader&) = delete;

    // The next line (blank lines included), or nullopt at the end of the input. The text stays
    // valid until the next call.
    std::optional<NdjsonLine> next();

    // True when reading stopped on an I/O error rather than at the end of the input.
    bool failed() const { return failed_; }
    // Bytes the buffer holds now (without padding).
    std::size_t buffer_capacity() const { return capacity_; }

private:
    void allocate(std::size_t capacity);
    // Moves the unread bytes to the front, grows the buffer when it is full of one line, and
    // reads more input. Returns false at the end of the input.
    bool refill();
    // Drops the rest of the current line, which is longer than max_line_bytes_, reading on to
    // its newline, and returns it as a `too_long` line.
    NdjsonLine skip_long_line();

    std::istream& input_;
    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0; // usable bytes; the allocation has line_padding_bytes more
    std::size_t begin_ = 0;    // first unread byte
    std::size_t end_ = 0;      // one past the last byte read
    std::size_t scanned_ = 0;  // bytes from begin_ known to hold no newline
    std::size_t max_line_bytes_;
    std::uint64_t line_number_ = 0;
    bool at_end_ = false;
    bool failed_ = false;
};

} // namespace tlatv::lib
