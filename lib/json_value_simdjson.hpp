// Internal: converting simdjson On-Demand values to TLA+ values. Only the readers of windows and
// mapping files include this header (simdjson.h is heavy and must not leak into public headers).
#pragma once

#include "lib/json_value.hpp"

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tlatv::lib::detail {

// Where a conversion stands inside a document: `pre.votedFor[2]`. Indices are 1-based, as a
// TLA+ spec would index the tuple.
class JsonPath {
public:
    // The key's text must outlive its segment (it is not copied: paths are built per value).
    void push_key(std::string_view key) { segments_.push_back({key, 0}); }
    void push_index(std::size_t one_based) { segments_.push_back({{}, one_based}); }
    void pop() { segments_.pop_back(); }
    bool empty() const { return segments_.empty(); }
    std::size_t depth() const { return segments_.size(); }
    // Back to an earlier depth, after a failure left segments pushed.
    void truncate(std::size_t depth) { segments_.resize(depth); }
    std::string str() const;

private:
    struct Segment {
        std::string_view key;  // used when index == 0
        std::size_t index = 0; // 1-based array index, 0 for a key
    };
    std::vector<Segment> segments_;
};

// Internal exception of the converter; the readers catch it at the line boundary and turn it into
// a diagnostic. Never escapes the library.
struct JsonValueFailure {
    JsonValueError error;
    bool malformed_json = false; // simdjson failed: the rest of the document cannot be read
};

// The string values of a reader, made once and shared: logs repeat the same few strings (states,
// node names, record keys) on every line, and a shared value costs a reference count instead of
// an allocation. Bounded, so that a file of distinct strings does not grow it. One per thread.
class StringValues {
public:
    eval::Value get(std::string_view text);
    std::size_t size() const { return values_.size(); }

private:
    static constexpr std::size_t kMaxEntries = 4096;
    static constexpr std::size_t kMaxLength = 64; // longer strings are rarely repeated
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string, eval::Value, Hash, std::equal_to<>> values_;
};

// A field's unescaped key and where its opening quote is (for messages).
struct FieldKey {
    std::string name;
    const char* position;
};

// Converts the values of one document. `text_begin` is the first byte of the document's text, for
// columns.
class OndemandConverter {
public:
    // `strings`, when given, shares string values across documents (see StringValues).
    OndemandConverter(const JsonOptions& options, JsonWarnings& warnings, const char* text_begin,
                      StringValues* strings = nullptr)
        : options_(options)
        , warnings_(warnings)
        , text_begin_(text_begin)
        , strings_(strings) {}

    // Throws JsonValueFailure.
    eval::Value convert(simdjson::ondemand::value value, JsonPath& path);
    // A whole document (which may be a scalar). Throws JsonValueFailure.
    eval::Value convert_document(simdjson::ondemand::document& document, JsonPath& path);

    // The value of a number token (`-12`, `1.5e3`) under the options. Throws JsonValueFailure.
    eval::Value convert_number(std::string_view token, const JsonPath& path);

    // Reads the key of `field` (before its value). Throws JsonValueFailure.
    FieldKey key_of(simdjson::ondemand::field& field, const JsonPath& path) const;

    // 1-based column of a pointer into the document text, 0 when outside it.
    std::uint32_t column_of(const char* position) const;

    [[noreturn]] void fail(const char* position, const JsonPath& path, std::string message) const;
    // Fails with simdjson's message for `error` at `position`.
    [[noreturn]] void fail(const char* position, const JsonPath& path,
                           simdjson::error_code error) const;

    // An object already opened by the caller (`position`: its opening brace).
    eval::Value convert_object(simdjson::ondemand::object object, const char* position,
                               JsonPath& path);

private:
    eval::Value convert_array(simdjson::ondemand::array array, JsonPath& path);
    eval::Value convert_null(const char* position, const JsonPath& path);
    eval::Value string_value(std::string_view text);

    const JsonOptions& options_;
    JsonWarnings& warnings_;
    const char* text_begin_;
    StringValues* strings_;
};

// The token without the whitespace that simdjson's raw_json_token() keeps after it.
std::string_view trim_token(std::string_view token);

} // namespace tlatv::lib::detail
