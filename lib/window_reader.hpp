// Reading windows from NDJSON files, streamed: one window at a time through one bounded line
// buffer, so that memory does not grow with the file.
//
//     WindowReader reader("windows.ndjson", options);
//     while (auto window = reader.next()) { ... window->error ... }
//     if (reader.error()) { ... the file as a whole failed ... }
//
// A reader is used by one thread at a time; the windows it returns are independent values. To
// decode in parallel, read raw lines with read_lines() and give them to one WindowLineDecoder per
// thread.
#pragma once

#include "lib/json_value.hpp"
#include "lib/window.hpp"
#include "lib/window_format.hpp"
#include "lib/window_line_reader.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::lib {

struct WindowReaderOptions {
    WindowFormat format = WindowFormat::Auto;
    JsonOptions json;
    std::size_t chunk_bytes = NdjsonLineReader::default_chunk_bytes;
    // A longer line is not read: its window is an error naming the line.
    std::size_t max_line_bytes = NdjsonLineReader::default_max_line_bytes;
    // The action of spec-mapped windows, which do not name it. Empty: taken from a file name of
    // the form `windows_<Action>.ndjson`.
    std::string action;
};

// Window lines read ahead and not decoded yet: a batch of lines copied back to back, each readable
// with line_padding_bytes after it (a JSON parser may read that far).
class WindowLines {
public:
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    NdjsonLine operator[](std::size_t i) const;
    void clear();
    void append(const NdjsonLine& line);

private:
    struct Entry {
        std::size_t offset;
        std::size_t size;
        std::uint64_t number;
        bool too_long;
    };
    std::string text_; // the lines, then line_padding_bytes of zeros
    std::vector<Entry> entries_;
};

// Decodes window lines of one file whose format is known; one per thread (it owns a JSON parser
// and the string values it shares between windows).
class WindowLineDecoder {
public:
    // `name` stands for the file in messages; `action` is the action of spec-mapped windows.
    WindowLineDecoder(std::string name, WindowFormat format, const WindowReaderOptions& options,
                      std::string action);
    ~WindowLineDecoder();
    WindowLineDecoder(const WindowLineDecoder&) = delete;
    WindowLineDecoder& operator=(const WindowLineDecoder&) = delete;

    // The window of one line; a malformed line gives a window whose `error` says why.
    Window decode(const NdjsonLine& line);
    // The lossy conversions the JSON options allowed so far.
    const JsonWarnings& warnings() const;

private:
    friend class WindowReader;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class WindowReader {
public:
    // Reads the file at `path`. A file that cannot be opened gives no windows and an error().
    WindowReader(const std::string& path, WindowReaderOptions options);
    // Reads `input` (which must outlive the reader); `name` stands for the file in messages.
    WindowReader(std::istream& input, std::string name, WindowReaderOptions options);
    ~WindowReader();
    WindowReader(const WindowReader&) = delete;
    WindowReader& operator=(const WindowReader&) = delete;

    // The next window, or nullopt at the end (or after a file-level error). A malformed line
    // gives a window whose `error` says why; reading goes on after it.
    std::optional<Window> next();

    // True when every line holds one window, so that lines can be decoded apart from the reader
    // (read_lines()): every format but the stream format, whose windows span two lines. Reads
    // the first line to detect the format when it is not given; false when it cannot be told.
    bool lines_are_windows();
    // Reads up to `max_lines` window lines into `lines` (replacing its contents) without decoding
    // them; false at the end of the file. Only when lines_are_windows().
    bool read_lines(WindowLines& lines, std::size_t max_lines);
    // A decoder for this file's lines (its format must be known: after lines_are_windows()).
    std::unique_ptr<WindowLineDecoder> line_decoder() const;

    // Why the file as a whole could not be read (cannot open, format not recognised, I/O
    // error), if it could not.
    const std::optional<Diagnostic>& error() const;
    // The format in use: the one given, or the one detected (Auto before the first line).
    WindowFormat format() const;
    // The lossy conversions JSON options allowed so far (in windows this reader decoded).
    const JsonWarnings& warnings() const;
    // Bytes held by the reader's buffers (line buffer and JSON parser): bounded by the chunk
    // size and the longest line, whatever the length of the file.
    std::size_t buffer_bytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A whole (small) window file in memory.
struct WindowFile {
    std::vector<Window> windows;
    WindowFormat format = WindowFormat::Auto;
    JsonWarnings warnings;
    std::optional<Diagnostic> error; // file-level error, as WindowReader::error()

    // Windows that carry an error.
    std::size_t error_count() const;
};

WindowFile read_windows(const std::string& path, const WindowReaderOptions& options = {});
WindowFile read_windows_from_string(std::string_view text, const std::string& name,
                                    const WindowReaderOptions& options = {});

} // namespace tlatv::lib
