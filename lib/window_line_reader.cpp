#include "lib/window_line_reader.hpp"

#include <simdjson.h>

#include <atomic>
#include <cstring>

namespace tlatv::lib {

static_assert(line_padding_bytes >= simdjson::SIMDJSON_PADDING);

namespace {
std::atomic<std::int64_t> live_buffers{0};
std::atomic<std::int64_t> live_bytes{0};
} // namespace

LineBufferStats line_buffer_stats() {
    return {live_buffers.load(std::memory_order_relaxed),
            live_bytes.load(std::memory_order_relaxed)};
}

NdjsonLineReader::NdjsonLineReader(std::istream& input, std::size_t chunk_bytes,
                                   std::size_t max_line_bytes)
    : input_(input)
    , max_line_bytes_(max_line_bytes) {
    allocate(chunk_bytes == 0 ? default_chunk_bytes : chunk_bytes);
}

NdjsonLineReader::~NdjsonLineReader() {
    live_buffers.fetch_sub(1, std::memory_order_relaxed);
    live_bytes.fetch_sub(static_cast<std::int64_t>(capacity_ + line_padding_bytes),
                         std::memory_order_relaxed);
}

void NdjsonLineReader::allocate(std::size_t capacity) {
    // Uninitialised: only the bytes read are ever looked at (the buffer is 1 MiB by default).
    auto fresh = std::make_unique_for_overwrite<char[]>(capacity + line_padding_bytes);
    const std::size_t unread = end_ - begin_;
    if (data_) std::memcpy(fresh.get(), data_.get() + begin_, unread);
    // The padding is never part of a line; zero it so parsers read defined bytes.
    std::memset(fresh.get() + capacity, 0, line_padding_bytes);
    if (data_) {
        live_bytes.fetch_sub(static_cast<std::int64_t>(capacity_ + line_padding_bytes),
                             std::memory_order_relaxed);
    } else {
        live_buffers.fetch_add(1, std::memory_order_relaxed);
    }
    live_bytes.fetch_add(static_cast<std::int64_t>(capacity + line_padding_bytes),
                         std::memory_order_relaxed);
    data_ = std::move(fresh);
    capacity_ = capacity;
    end_ = unread;
    begin_ = 0;
}

bool NdjsonLineReader::refill() {
    if (at_end_) return false;
    if (begin_ > 0) {
        std::memmove(data_.get(), data_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    // The buffer is full of one unfinished line: grow it to fit that line.
    if (end_ == capacity_) allocate(capacity_ * 2);
    input_.read(data_.get() + end_, static_cast<std::streamsize>(capacity_ - end_));
    const auto got = static_cast<std::size_t>(input_.gcount());
    end_ += got;
    if (got == 0) {
        at_end_ = true;
        failed_ = input_.bad();
        return false;
    }
    return true;
}

NdjsonLine NdjsonLineReader::skip_long_line() {
    for (;;) {
        const char* start = data_.get() + begin_;
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
        if (newline != nullptr) {
            begin_ += static_cast<std::size_t>(newline - start) + 1;
            break;
        }
        begin_ = end_; // drop what is buffered: the buffer does not grow for this line
        if (!refill()) break;
    }
    scanned_ = 0;
    const std::size_t readable = capacity_ + line_padding_bytes - begin_;
    return NdjsonLine{std::string_view(data_.get() + begin_, 0), ++line_number_, readable, true};
}

std::optional<NdjsonLine> NdjsonLineReader::next() {
    for (;;) {
        const char* start = data_.get() + begin_;
        const auto* newline =
            static_cast<const char*>(std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_));
        std::size_t length = 0;
        std::size_t consumed = 0;
        if (newline != nullptr) {
            length = static_cast<std::size_t>(newline - start);
            consumed = length + 1;
            if (length > max_line_bytes_) return skip_long_line();
        } else {
            if (end_ - begin_ > max_line_bytes_) return skip_long_line();
            scanned_ = end_ - begin_; // stays valid relative to begin_ across refill()
            if (refill()) continue;
            if (begin_ == end_) return std::nullopt;
            length = consumed = end_ - begin_; // the last line has no newline
            if (length > max_line_bytes_) return skip_long_line();
        }
        start = data_.get() + begin_;
        begin_ += consumed;
        scanned_ = 0;
        if (length > 0 && start[length - 1] == '\r') --length;
        const std::size_t readable = capacity_ + line_padding_bytes - (start - data_.get());
        return NdjsonLine{std::string_view(start, length), ++line_number_, readable};
    }
}

} // namespace tlatv::lib
