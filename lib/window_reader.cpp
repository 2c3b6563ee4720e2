#include "lib/window_reader.hpp"

#include "lib/json_value_simdjson.hpp"
#include "lib/window_cut.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace tlatv::lib {

namespace {

using detail::JsonPath;
using detail::JsonValueFailure;
using detail::OndemandConverter;
using eval::Value;
namespace ondemand = simdjson::ondemand;

// What a top-level field of a line means in a given format.
enum class Field {
    Id,
    TraceId,
    Action,
    Actor,
    Input,
    Pre,
    Post,
    PreByNode,  // {"<node>": {"<var>": value}}: transposed to var -> [node -> value]
    PostByNode, // same for the post-state
    State,      // the state of a stream line
    Data,       // an object whose fields are named parameters
    Args,       // tlatv's args: object (named) or array (positional)
    Expect,
    Extra, // any other field: kept as a named parameter
};

struct FieldName {
    std::string_view key;
    Field field;
};

constexpr FieldName sysmobench_fields[] = {
    {"window_id", Field::Id},  {"trace_id", Field::TraceId}, {"action", Field::Action},
    {"actor", Field::Actor},   {"input", Field::Input},      {"data", Field::Data},
    {"pre_state", Field::Pre}, {"post_state", Field::Post},  {"expect", Field::Expect},
};
constexpr FieldName spec_mapped_fields[] = {
    {"id", Field::Id},       {"trace_id", Field::TraceId}, {"action", Field::Action},
    {"actor", Field::Actor}, {"input", Field::Input},      {"pre", Field::Pre},
    {"post", Field::Post},   {"expect", Field::Expect},
};
constexpr FieldName action_windows_fields[] = {
    {"window_id", Field::Id},          {"trace_id", Field::TraceId},
    {"event", Field::Action},          {"node", Field::Actor},
    {"input", Field::Input},           {"pre_state", Field::PreByNode},
    {"post_state", Field::PostByNode}, {"expect", Field::Expect},
};
constexpr FieldName stream_fields[] = {{"state", Field::State},
                                       {"action", Field::Action},
                                       {"data", Field::Data},
                                       {"expect", Field::Expect}};
constexpr FieldName tlatv_fields[] = {
    {"id", Field::Id},       {"trace_id", Field::TraceId}, {"action", Field::Action},
    {"actor", Field::Actor}, {"input", Field::Input},      {"args", Field::Args},
    {"pre", Field::Pre},     {"post", Field::Post},        {"expect", Field::Expect},
};

std::span<const FieldName> fields_of(WindowFormat format) {
    switch (format) {
    case WindowFormat::SysMoBench:
    case WindowFormat::JsSam:
        return sysmobench_fields;
    case WindowFormat::SpecMapped:
        return spec_mapped_fields;
    case WindowFormat::ActionWindows:
        return action_windows_fields;
    case WindowFormat::Stream:
        return stream_fields;
    case WindowFormat::Tlatv:
        return tlatv_fields;
    case WindowFormat::Auto:
        break;
    }
    return {};
}

// The field's meaning, or nullopt when the format does not allow it (only tlatv's own format is
// strict: a misspelt field there is a mistake, not extra information).
std::optional<Field> field_of(WindowFormat format, std::string_view key) {
    for (const FieldName& f : fields_of(format))
        if (f.key == key) return f.field;
    if (format == WindowFormat::Tlatv) return std::nullopt;
    return Field::Extra;
}

// The fields a line of the format must have.
std::span<const Field> required_fields(WindowFormat format) {
    static constexpr Field action_pre_post[] = {Field::Action, Field::Pre, Field::Post};
    static constexpr Field pre_post[] = {Field::Pre, Field::Post};
    static constexpr Field by_node[] = {Field::Action, Field::PreByNode, Field::PostByNode};
    static constexpr Field state[] = {Field::State};
    switch (format) {
    case WindowFormat::SysMoBench:
    case WindowFormat::JsSam:
    case WindowFormat::Tlatv:
        return action_pre_post;
    case WindowFormat::SpecMapped:
        return pre_post;
    case WindowFormat::ActionWindows:
        return by_node;
    case WindowFormat::Stream:
        return state;
    case WindowFormat::Auto:
        break;
    }
    return {};
}

std::string_view key_of_field(WindowFormat format, Field field) {
    for (const FieldName& f : fields_of(format))
        if (f.field == field) return f.key;
    return {};
}

constexpr std::uint32_t bit(Field field) {
    return std::uint32_t{1} << static_cast<unsigned>(field);
}

std::string allowed_keys(WindowFormat format) {
    std::string out;
    for (const FieldName& f : fields_of(format)) {
        if (!out.empty()) out += ", ";
        out += f.key;
    }
    return out;
}

// `windows_<Action>.ndjson` -> `<Action>`, as SysMoBench names spec-mapped window files.
std::string action_from_file_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    constexpr std::string_view prefix = "windows_";
    if (name.substr(0, prefix.size()) != prefix) return {};
    name.remove_prefix(prefix.size());
    const auto dot = name.find('.');
    return std::string(name.substr(0, dot));
}

constexpr std::size_t max_source_line_in_messages = 512;

// An error on `line` of the file `name`, quoting the line when it is short enough.
Diagnostic line_diagnostic(const std::string& name, const NdjsonLine& line, std::uint32_t column,
                           std::string message) {
    Diagnostic d;
    d.file = name;
    d.line = static_cast<std::uint32_t>(line.number);
    d.column = column;
    d.message = std::move(message);
    if (line.text.size() <= max_source_line_in_messages) d.source_line = std::string(line.text);
    return d;
}

// Decodes the fields of one line into a window (or a trace step for streams).
class LineDecoder {
public:
    LineDecoder(WindowFormat format, OndemandConverter& converter)
        : format_(format)
        , converter_(converter) {}

    // Throws JsonValueFailure. `state` receives the stream state (stream format only).
    void decode(ondemand::object object, const char* line_begin, Window& window, State& state) {
        std::uint32_t seen = 0;              // the known fields read so far
        std::vector<std::string> extra_keys; // and the others
        JsonPath path;
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(nullptr, path, error);
            auto [key, key_position] = converter_.key_of(field, path);
            const auto role = field_of(format_, key);
            if (!role)
                converter_.fail(key_position, path,
                                fmt::format("unknown field \"{}\" in the {} format (fields: {})",
                                            key, to_string(format_), allowed_keys(format_)));
            const bool duplicate =
                *role == Field::Extra
                    ? std::find(extra_keys.begin(), extra_keys.end(), key) != extra_keys.end()
                    : (seen & bit(*role)) != 0;
            if (duplicate)
                converter_.fail(key_position, path, fmt::format("duplicate field \"{}\"", key));
            if (*role == Field::Extra)
                extra_keys.push_back(key);
            else
                seen |= bit(*role);
            path.push_key(key);
            decode_field(*role, key, field.value(), path, window, state);
            path.pop();
        }
        for (Field required : required_fields(format_)) {
            if ((seen & bit(required)) != 0) continue;
            std::vector<std::string_view> names;
            for (Field f : required_fields(format_))
                names.push_back(key_of_field(format_, f));
            converter_.fail(line_begin, path,
                            fmt::format("missing field \"{}\" (a {} window needs: {})",
                                        key_of_field(format_, required), to_string(format_),
                                        fmt::join(names, ", ")));
        }
    }

private:
    void decode_field(Field role, const std::string& key, ondemand::value value, JsonPath& path,
                      Window& window, State& state) {
        const char* position = detail::trim_token(value.raw_json_token()).data();
        switch (role) {
        case Field::Id:
            window.id = scalar_text(value, path);
            return;
        case Field::TraceId:
            window.trace_id = scalar_text(value, path);
            return;
        case Field::Action:
            window.action = string_of(value, path, "the action name");
            return;
        case Field::Actor:
            window.actor = converter_.convert(value, path);
            return;
        case Field::Input:
            window.input = converter_.convert(value, path);
            return;
        case Field::Pre:
            decode_state(value, path, window.pre);
            return;
        case Field::Post:
            decode_state(value, path, window.post);
            return;
        case Field::State:
            decode_state(value, path, state);
            return;
        case Field::PreByNode:
            decode_state_by_node(value, path, window.pre);
            return;
        case Field::PostByNode:
            decode_state_by_node(value, path, window.post);
            return;
        case Field::Expect: {
            const std::string text = string_of(value, path, "expect");
            if (text == "pass")
                window.expect = Expectation::Pass;
            else if (text == "fail")
                window.expect = Expectation::Fail;
            else
                converter_.fail(
                    position, path,
                    fmt::format("expect must be \"pass\" or \"fail\", not \"{}\"", text));
            return;
        }
        case Field::Data:
        case Field::Args:
            decode_arguments(role, key, value, path, window);
            return;
        case Field::Extra:
            window.parameters.push_back({key, converter_.convert(value, path)});
            return;
        }
    }

    void decode_arguments(Field role, const std::string& key, ondemand::value value, JsonPath& path,
                          Window& window) {
        const char* position = detail::trim_token(value.raw_json_token()).data();
        ondemand::json_type type;
        if (auto error = value.type().get(type)) converter_.fail(position, path, error);
        if (type == ondemand::json_type::object) {
            ondemand::object object;
            if (auto error = value.get_object().get(object)) converter_.fail(position, path, error);
            for (auto field_result : object) {
                ondemand::field field;
                if (auto error = std::move(field_result).get(field))
                    converter_.fail(position, path, error);
                std::string name_copy = converter_.key_of(field, path).name;
                path.push_key(name_copy);
                Value argument = converter_.convert(field.value(), path);
                path.pop();
                window.parameters.push_back({std::move(name_copy), std::move(argument)});
            }
            return;
        }
        if (role == Field::Args && type == ondemand::json_type::array) {
            ondemand::array array;
            if (auto error = value.get_array().get(array)) converter_.fail(position, path, error);
            std::size_t index = 0;
            for (auto element_result : array) {
                ondemand::value element;
                path.push_index(++index);
                if (auto error = std::move(element_result).get(element))
                    converter_.fail(position, path, error);
                window.parameters.push_back({{}, converter_.convert(element, path)});
                path.pop();
            }
            return;
        }
        if (role == Field::Args)
            converter_.fail(position, path,
                            "args must be an object (named) or an array (positional)");
        window.parameters.push_back({key, converter_.convert(value, path)});
    }

    ondemand::object object_of(ondemand::value value, const JsonPath& path, std::string_view what) {
        const char* position = detail::trim_token(value.raw_json_token()).data();
        ondemand::json_type type;
        if (auto error = value.type().get(type)) converter_.fail(position, path, error);
        if (type != ondemand::json_type::object)
            converter_.fail(position, path, fmt::format("{} must be a JSON object", what));
        ondemand::object object;
        if (auto error = value.get_object().get(object)) converter_.fail(position, path, error);
        return object;
    }

    std::string string_of(ondemand::value value, const JsonPath& path, std::string_view what) {
        const char* position = detail::trim_token(value.raw_json_token()).data();
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS)
            converter_.fail(position, path, fmt::format("{} must be a string", what));
        return std::string(text);
    }

    // An id as written: a string's text or a number's digits.
    std::string scalar_text(ondemand::value value, const JsonPath& path) {
        const std::string_view token = detail::trim_token(value.raw_json_token());
        ondemand::json_type type;
        if (auto error = value.type().get(type)) converter_.fail(token.data(), path, error);
        if (type == ondemand::json_type::string) return string_of(value, path, "an id");
        if (type == ondemand::json_type::number) {
            converter_.convert_number(token, path); // validates the token
            return std::string(token);
        }
        converter_.fail(token.data(), path, "an id must be a string or a number");
    }

    void decode_state(ondemand::value value, JsonPath& path, State& state) {
        ondemand::object object = object_of(value, path, "a state");
        for (auto field_result : object) {
            ondemand::field field;
            if (auto error = std::move(field_result).get(field))
                converter_.fail(nullptr, path, error);
            auto [variable, key_position] = converter_.key_of(field, path);
            if (state.count(variable) > 0)
                converter_.fail(key_position, path,
                                fmt::format("duplicate variable \"{}\"", variable));
            path.push_key(variable);
            Value v = converter_.convert(field.value(), path);
            path.pop();
            state.emplace(std::move(variable), std::move(v));
        }
    }

    // {"1": {"x": 1, "y": 2}, "2": {"x": 3}} -> x = [1 |-> 1, 2 |-> 3], y = [1 |-> 2], with the
    // node ids as strings (a mapping file renames them to spec values).
    void decode_state_by_node(ondemand::value value, JsonPath& path, State& state) {
        std::map<std::string, std::vector<std::pair<std::string, Value>>, std::less<>> by_variable;
        std::vector<std::string> nodes;
        ondemand::object object = object_of(value, path, "a state keyed by node");
        for (auto node_result : object) {
            ondemand::field node_field;
            if (auto error = std::move(node_result).get(node_field))
                converter_.fail(nullptr, path, error);
            auto [node, key_position] = converter_.key_of(node_field, path);
            if (std::find(nodes.begin(), nodes.end(), node) != nodes.end())
                converter_.fail(key_position, path, fmt::format("duplicate node \"{}\"", node));
            nodes.push_back(node);
            path.push_key(node);
            State node_state;
            decode_state(node_field.value(), path, node_state);
            path.pop();
            for (auto& [variable, v] : node_state)
                by_variable[variable].emplace_back(node, std::move(v));
        }
        for (auto& [variable, images] : by_variable)
            state.emplace(variable, Value::record(std::move(images)));
    }

    WindowFormat format_;
    OndemandConverter& converter_;
};

} // namespace

// ---- WindowLines ----

NdjsonLine WindowLines::operator[](std::size_t i) const {
    const Entry& e = entries_[i];
    return NdjsonLine{std::string_view(text_.data() + e.offset, e.size), e.number,
                      text_.size() - e.offset, e.too_long};
}

void WindowLines::clear() {
    text_.clear();
    entries_.clear();
}

void WindowLines::append(const NdjsonLine& line) {
    text_.resize(text_.size() - std::min(text_.size(), line_padding_bytes)); // drop the padding
    entries_.push_back(Entry{text_.size(), line.text.size(), line.number, line.too_long});
    text_.append(line.text);
    text_.append(line_padding_bytes, '\0');
}

// ---- WindowLineDecoder ----

struct WindowLineDecoder::Impl {
    std::string name;
    WindowFormat format;
    JsonOptions json;
    std::size_t max_line_bytes;
    std::string spec_mapped_action;
    ondemand::parser parser;
    detail::StringValues strings;
    JsonWarnings warnings;

    Diagnostic diagnostic(const NdjsonLine& line, std::uint32_t column, std::string message) const {
        return line_diagnostic(name, line, column, std::move(message));
    }

    // Decodes one line; errors become the window's error. `stream_state` receives the state of a
    // stream line.
    void decode(const NdjsonLine& line, Window& window, State& stream_state) {
        window.file = name;
        window.index = window.line = line.number;
        if (line.too_long) {
            window.error = diagnostic(
                line, 0,
                fmt::format("the line is longer than {} bytes, the limit of a window line",
                            max_line_bytes));
            return;
        }
        if (format == WindowFormat::SpecMapped) window.action = spec_mapped_action;
        OndemandConverter converter(json, warnings, line.text.data(), &strings);
        JsonPath path;
        ondemand::document document;
        bool iterated = false; // a default document must not be asked for its location
        try {
            // simdjson would only say "ended early" for these; name the problem instead.
            const auto first = line.text.find_first_not_of(" \t");
            const auto last = line.text.find_last_not_of(" \t");
            if (line.text[first] != '{')
                converter.fail(line.text.data() + first, path,
                               "a window line must be a JSON object");
            if (line.text[last] != '}')
                converter.fail(line.text.data() + last, path,
                               "the line does not end with the end of its JSON object "
                               "(unterminated, or followed by other text)");
            if (auto e =
                    parser.iterate(line.text.data(), line.text.size(), line.readable).get(document))
                converter.fail(nullptr, path, e);
            iterated = true;
            ondemand::object object;
            if (auto e = document.get_object().get(object)) {
                if (e == simdjson::INCORRECT_TYPE)
                    converter.fail(line.text.data(), path, "a window line must be a JSON object");
                converter.fail(nullptr, path, e);
            }
            // Format not yet known: this line is malformed (detection found no object).
            if (format == WindowFormat::Auto)
                converter.fail(line.text.data(), path, "a window line must be a JSON object");
            LineDecoder(format, converter).decode(object, line.text.data(), window, stream_state);
            const char* trailing = nullptr;
            if (document.current_location().get(trailing) == simdjson::SUCCESS)
                converter.fail(trailing, path, "unexpected text after the JSON object");
        } catch (const JsonValueFailure& failure) {
            std::uint32_t column = failure.error.column;
            if (column == 0 && iterated) {
                const char* location = nullptr;
                if (document.current_location().get(location) == simdjson::SUCCESS)
                    column = converter.column_of(location);
            }
            window.error = diagnostic(line, column, failure.error.describe());
        } catch (const eval::EvalError& e) {
            window.error = diagnostic(line, 0, e.what());
        }
    }
};

WindowLineDecoder::WindowLineDecoder(std::string name, WindowFormat format,
                                     const WindowReaderOptions& options, std::string action)
    : impl_(std::make_unique<Impl>()) {
    impl_->name = std::move(name);
    impl_->format = format;
    impl_->json = options.json;
    impl_->max_line_bytes = options.max_line_bytes;
    impl_->spec_mapped_action = std::move(action);
}

WindowLineDecoder::~WindowLineDecoder() = default;

Window WindowLineDecoder::decode(const NdjsonLine& line) {
    Window window;
    State unused;
    impl_->decode(line, window, unused);
    return window;
}

const JsonWarnings& WindowLineDecoder::warnings() const {
    return impl_->warnings;
}

// ---- WindowReader ----

struct WindowReader::Impl {
    std::string name;
    WindowReaderOptions options;
    std::unique_ptr<std::ifstream> owned_input;
    std::istream* input = nullptr;
    std::optional<NdjsonLineReader> lines;
    ondemand::parser parser; // for detecting the format
    WindowFormat format = WindowFormat::Auto;
    std::optional<Diagnostic> error;
    std::optional<WindowCutter> cutter; // stream format only
    std::string spec_mapped_action;
    // The first line, read to detect the format and not yet returned. Valid until the next call
    // of lines->next().
    std::optional<NdjsonLine> pending;
    // Decodes this reader's own windows; made when the format is known.
    std::unique_ptr<WindowLineDecoder> decoder;
    JsonWarnings no_warnings;

    Diagnostic diagnostic(const NdjsonLine& line, std::uint32_t column, std::string message) const {
        return line_diagnostic(name, line, column, std::move(message));
    }

    // Detects the format from the keys of `line`. Returns false (and sets `error`) when the line
    // is a JSON object of no known format; a line that is not JSON is left to decode() to report.
    bool detect(const NdjsonLine& line) {
        ondemand::document document;
        if (parser.iterate(line.text.data(), line.text.size(), line.readable).get(document))
            return true;
        ondemand::object object;
        if (document.get_object().get(object)) return true;
        std::vector<std::string> keys;
        for (auto field_result : object) {
            ondemand::field field;
            if (std::move(field_result).get(field)) return true;
            std::string_view key;
            if (field.unescaped_key().get(key)) return true;
            keys.emplace_back(key);
        }
        if (auto detected = detect_window_format(keys)) {
            format = *detected;
            return true;
        }
        error = diagnostic(line, 1,
                           fmt::format("cannot tell the window format from the fields of this "
                                       "line ({}); name it with --window-format",
                                       fmt::join(keys, ", ")));
        return false;
    }

    // The next non-blank line, the format detected on the first one; nullopt at the end or
    // after a file-level error.
    std::optional<NdjsonLine> next_line() {
        if (error || !lines) return std::nullopt;
        if (pending) return std::exchange(pending, std::nullopt);
        while (auto line = lines->next()) {
            if (line->too_long) return line; // its window is an error (see decode())
            if (line->text.find_first_not_of(" \t") == std::string_view::npos) continue;
            if (format == WindowFormat::Auto && !detect(*line)) return std::nullopt;
            return line;
        }
        if (lines->failed()) error = Diagnostic{name, 0, 0, "cannot read the file", {}};
        return std::nullopt;
    }

    WindowLineDecoder& line_decoder() {
        if (!decoder)
            decoder =
                std::make_unique<WindowLineDecoder>(name, format, options, spec_mapped_action);
        // A malformed first line leaves the format to be detected on a later one.
        decoder->impl_->format = format;
        return *decoder;
    }

    // Peeks at the first line so that the format is known.
    void detect_format() {
        if (format == WindowFormat::Auto && !pending) pending = next_line();
    }

    std::optional<Window> next() {
        while (auto line = next_line()) {
            if (format == WindowFormat::Stream && !cutter) cutter.emplace(name);
            Window window;
            State stream_state;
            line_decoder().impl_->decode(*line, window, stream_state);
            if (format != WindowFormat::Stream || !cutter) return window;
            TraceStep step{std::move(stream_state),
                           std::move(window.action),
                           std::move(window.parameters),
                           window.expect,
                           line->number,
                           std::move(window.error)};
            if (auto cut = cutter->push(std::move(step))) return cut;
        }
        return std::nullopt;
    }
};

WindowReader::WindowReader(const std::string& path, WindowReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->name = path;
    impl_->options = std::move(options);
    impl_->owned_input = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*impl_->owned_input) {
        impl_->error = Diagnostic{path, 0, 0, "cannot open the file", {}};
        return;
    }
    impl_->input = impl_->owned_input.get();
    impl_->lines.emplace(*impl_->input, impl_->options.chunk_bytes, impl_->options.max_line_bytes);
    impl_->format = impl_->options.format;
    impl_->spec_mapped_action =
        impl_->options.action.empty() ? action_from_file_name(path) : impl_->options.action;
}

WindowReader::WindowReader(std::istream& input, std::string name, WindowReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->name = std::move(name);
    impl_->options = std::move(options);
    impl_->input = &input;
    impl_->lines.emplace(input, impl_->options.chunk_bytes, impl_->options.max_line_bytes);
    impl_->format = impl_->options.format;
    impl_->spec_mapped_action =
        impl_->options.action.empty() ? action_from_file_name(impl_->name) : impl_->options.action;
}

WindowReader::~WindowReader() = default;

std::optional<Window> WindowReader::next() {
    return impl_->next();
}

bool WindowReader::lines_are_windows() {
    impl_->detect_format();
    // Not when the format is still unknown (empty or unreadable file): next() says why.
    return impl_->format != WindowFormat::Auto && impl_->format != WindowFormat::Stream;
}

bool WindowReader::read_lines(WindowLines& lines, std::size_t max_lines) {
    lines.clear();
    while (lines.size() < max_lines) {
        auto line = impl_->next_line();
        if (!line) break;
        lines.append(*line);
    }
    return !lines.empty();
}

std::unique_ptr<WindowLineDecoder> WindowReader::line_decoder() const {
    return std::make_unique<WindowLineDecoder>(impl_->name, impl_->format, impl_->options,
                                               impl_->spec_mapped_action);
}
const std::optional<Diagnostic>& WindowReader::error() const {
    return impl_->error;
}
WindowFormat WindowReader::format() const {
    return impl_->format;
}
const JsonWarnings& WindowReader::warnings() const {
    return impl_->decoder ? impl_->decoder->warnings() : impl_->no_warnings;
}

std::size_t WindowReader::buffer_bytes() const {
    std::size_t bytes = impl_->parser.capacity();
    if (impl_->decoder) bytes += impl_->decoder->impl_->parser.capacity();
    if (impl_->lines) bytes += impl_->lines->buffer_capacity() + line_padding_bytes;
    return bytes;
}

// ---- Whole files ----

std::size_t WindowFile::error_count() const {
    std::size_t n = 0;
    for (const Window& w : windows)
        if (w.error) ++n;
    return n;
}

namespace {
WindowFile drain(WindowReader& reader) {
    WindowFile file;
    while (auto window = reader.next())
        file.windows.push_back(std::move(*window));
    file.format = reader.format();
    file.warnings = reader.warnings();
    file.error = reader.error();
    return file;
}
} // namespace

WindowFile read_windows(const std::string& path, const WindowReaderOptions& options) {
    WindowReader reader(path, options);
    return drain(reader);
}

WindowFile read_windows_from_string(std::string_view text, const std::string& name,
                                    const WindowReaderOptions& options) {
    std::istringstream input{std::string(text)};
    WindowReader reader(input, name, options);
    return drain(reader);
}

} // namespace tlatv::lib
