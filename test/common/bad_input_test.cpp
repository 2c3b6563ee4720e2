// Hostile and malformed input (issue 8): every case gives an error value that says what is wrong
// and where (the line, the bound, the window), never a crash, an abort, a hang, or output of the
// library's own on stdout or stderr. Each input is written inline.
#include "evaluator/action_state.hpp"
#include "evaluator/eval_error.hpp"
#include "evaluator/spec.hpp"
#include "evaluator/value_parse.hpp"
#include "lib/engine.hpp"
#include "lib/model.hpp"
#include "lib/window_reader.hpp"
#include "parser/cfg_parse.hpp"
#include "parser/parse.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace tlatv;
namespace fs = std::filesystem;

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// A folder for the files of one test, removed with it.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        path_ = fs::temp_directory_path() / ("tlatv_bad_input_" + std::to_string(random()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
        return (path_ / name).string();
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Everything written to file descriptors 1 and 2 while it is alive (the library must write
// nothing: only the CLI prints).
class OutputCapture {
public:
    OutputCapture()
        : file_(std::tmpfile()) {
        std::cout.flush();
        std::fflush(nullptr);
        saved_out_ = dup(1);
        saved_err_ = dup(2);
        dup2(fileno(file_), 1);
        dup2(fileno(file_), 2);
    }
    ~OutputCapture() {
        restore();
        std::fclose(file_);
    }
    OutputCapture(const OutputCapture&) = delete;
    OutputCapture& operator=(const OutputCapture&) = delete;

    // Stops capturing and returns what was written.
    std::string finish() {
        restore();
        std::string text;
        std::rewind(file_);
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;)
            text.append(buffer, n);
        return text;
    }

private:
    void restore() {
        if (saved_out_ < 0) return;
        std::cout.flush();
        std::fflush(nullptr);
        dup2(saved_out_, 1);
        dup2(saved_err_, 2);
        close(saved_out_);
        close(saved_err_);
        saved_out_ = saved_err_ = -1;
    }

    std::FILE* file_;
    int saved_out_ = -1;
    int saved_err_ = -1;
};

// Runs `work` (which calls the library) and checks that it printed nothing.
template <typename Work>
auto silently(Work work) {
    OutputCapture capture;
    auto result = work();
    const std::string printed = capture.finish();
    INFO("the library printed: " << printed);
    CHECK(printed.empty());
    return result;
}

lib::WindowFile read_lines(const std::vector<std::string>& lines,
                           const lib::WindowReaderOptions& options = {}) {
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    return silently([&] { return lib::read_windows_from_string(text, "w.ndjson", options); });
}

const std::string kGoodWindow = R"({"action": "A", "pre": {"x": 0}, "post": {"x": 1}})";

std::string window_with_x(const std::string& json_value) {
    return R"({"action": "A", "pre": {"x": )" + json_value + R"(}, "post": {"x": 1}})";
}

// The error of window `index` (1-based line), which must have one.
std::string window_error(const lib::WindowFile& file, std::uint64_t line) {
    for (const auto& window : file.windows)
        if (window.index == line) {
            REQUIRE(window.error);
            CHECK(window.error->line == line);
            return window.error->format();
        }
    FAIL("no window at line " << line);
    return {};
}

// ---- Windows and traces (NDJSON) ----

TEST_CASE("deeply nested JSON in a window is an error on its line, not a stack overflow",
          "[bad-input][windows]") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    auto file = read_lines({kGoodWindow, window_with_x(deep), kGoodWindow});
    REQUIRE(file.windows.size() == 3);
    CHECK(contains(window_error(file, 2), "w.ndjson:2:"));
    CHECK(contains(window_error(file, 2), "nested more than 500 deep"));
    CHECK_FALSE(file.windows[0].error);
    CHECK_FALSE(file.windows[2].error);
    // Just under the bound reads.
    const std::string nested = std::string(400, '[') + std::string(400, ']');
    CHECK_FALSE(read_lines({window_with_x(nested)}).windows.at(0).error);
}

TEST_CASE("huge integers in a window are errors on their line", "[bad-input][windows]") {
    auto file = read_lines({window_with_x("123456789012345678901234567890"),
                            window_with_x(std::string(100'000, '9')), kGoodWindow});
    REQUIRE(file.windows.size() == 3);
    CHECK(contains(window_error(file, 1), "outside TLC's 32-bit range"));
    CHECK(contains(window_error(file, 2), "w.ndjson:2:"));
    CHECK_FALSE(file.windows[2].error);
}

TEST_CASE("invalid UTF-8 in a window is an error on its line", "[bad-input][windows]") {
    auto file = read_lines({kGoodWindow, window_with_x("\"\xff\xfe\""), kGoodWindow});
    REQUIRE(file.windows.size() == 3);
    CHECK(contains(window_error(file, 2), "w.ndjson:2:"));
    CHECK(contains(window_error(file, 2), "UTF-8"));
    CHECK_FALSE(file.windows[2].error);
}

TEST_CASE("a line longer than the reader's limit is an error on its line, and is not held",
          "[bad-input][windows]") {
    lib::WindowReaderOptions options;
    options.chunk_bytes = 64;
    options.max_line_bytes = 1000;
    const std::string long_line = window_with_x('"' + std::string(50'000, 'a') + '"');
    std::string text = kGoodWindow + "\n" + long_line + "\n" + kGoodWindow + "\n" + long_line;
    std::istringstream input(text);
    lib::WindowReader reader(input, "w.ndjson", options);
    std::vector<lib::Window> windows;
    std::size_t largest_buffer = 0;
    silently([&] {
        while (auto window = reader.next()) {
            windows.push_back(std::move(*window));
            largest_buffer = std::max(largest_buffer, reader.buffer_bytes());
        }
        return 0;
    });
    REQUIRE(windows.size() == 4);
    CHECK_FALSE(windows[0].error);
    REQUIRE(windows[1].error);
    CHECK(windows[1].error->line == 2);
    CHECK(contains(windows[1].error->format(), "longer than 1000 bytes"));
    CHECK_FALSE(windows[2].error);
    REQUIRE(windows[3].error); // the last line, without a newline
    CHECK(windows[3].error->line == 4);
    CHECK_FALSE(reader.error());
    // The line buffer grew to about the limit, not to the 50 kB line.
    CHECK(largest_buffer < 8 * 1024 + 64 * 1024); // the JSON parser's buffers included
}

// ---- Specs and configurations ----

std::string module_error(const std::string& body) {
    auto parsed = silently(
        [&] { return parser::parse_module("---- MODULE M ----\n" + body + "\n====\n", "M.tla"); });
    REQUIRE_FALSE(parsed.module);
    REQUIRE_FALSE(parsed.errors.empty());
    return parsed.errors[0].format();
}

TEST_CASE("deep nesting in a spec is an error with its line", "[bad-input][spec]") {
    const std::string error =
        module_error("x == 1\ny == " + std::string(100'000, '(') + "1" + std::string(100'000, ')'));
    CHECK(contains(error, "M.tla:3:"));
    CHECK(contains(error, "nesting too deep"));
}

TEST_CASE("invalid UTF-8 in a spec is an error with its line", "[bad-input][spec]") {
    const std::string error = module_error("x == 1\ny == \xff\xfe 2");
    CHECK(contains(error, "M.tla:3:"));
}

TEST_CASE("an error on a very long spec line names the line and keeps the message short",
          "[bad-input][spec]") {
    std::string tuple = "<<1";
    for (int i = 0; i < 100'000; ++i)
        tuple += ", 1";
    const std::string error = module_error("x == 1\ny == " + tuple + " )");
    CHECK(contains(error, "M.tla:3:"));
    CHECK(error.size() < 2000);
}

// Found by fuzz_tla_parser (UBSan: signed overflow counting the level).
TEST_CASE("proof step levels too large to count do not overflow", "[bad-input][spec]") {
    auto parsed = silently([] {
        return parser::parse_module("---- MODULE M ----\nTHEOREM TRUE\n"
                                    "<311111111111111111>1. TRUE OBVIOUS\n"
                                    "<311111111111111111>2. QED OBVIOUS\n====\n",
                                    "M.tla");
    });
    INFO((parsed.errors.empty() ? "" : parsed.errors[0].format()));
    CHECK(parsed.module);
}

// Found by fuzz_cfg_parser: Spirit's character classes assert on bytes >= 0x80.
TEST_CASE("non-ASCII bytes in a .cfg are an error with their line", "[bad-input][cfg]") {
    auto parsed = silently(
        [] { return cfg::parse_config("CONSTANT N = 3\nCONSTANT S\xc3\xa9rvers = 1\n", "M.cfg"); });
    REQUIRE_FALSE(parsed.config);
    REQUIRE_FALSE(parsed.errors.empty());
    CHECK(contains(parsed.errors[0].format(), "M.cfg:2:"));
    // In comments and strings they are text like any other.
    auto commented = silently([] {
        return cfg::parse_config("\\* \xc2\xa9 2024\nCONSTANT N = \"\xc3\xa9\"\n", "M.cfg");
    });
    CHECK(commented.config);
}

TEST_CASE("deep nesting in a .cfg value is an error with its line", "[bad-input][cfg]") {
    const std::string text = "CONSTANT N = 3\nCONSTANT S = " + std::string(100'000, '{') +
                             std::string(100'000, '}') + "\n";
    auto parsed = silently([&] { return cfg::parse_config(text, "M.cfg"); });
    REQUIRE_FALSE(parsed.config);
    REQUIRE_FALSE(parsed.errors.empty());
    CHECK(contains(parsed.errors[0].format(), "M.cfg:2:"));
}

// ---- State text (TLC's printed states) ----

std::shared_ptr<const eval::CompiledSpec> two_variable_spec() {
    auto parsed = parser::parse_module("---- MODULE S ----\nVARIABLES x, y\n====\n", "S.tla");
    REQUIRE(parsed.module);
    auto compiled = eval::compile_spec(
        *parsed.module, [](std::string_view) -> const ast::Module* { return nullptr; });
    REQUIRE(compiled.spec);
    return compiled.spec;
}

TEST_CASE("deep nesting and huge integers in state text are errors with their line",
          "[bad-input][state]") {
    auto spec = two_variable_spec();
    const std::string deep =
        "/\\ x = 1\n/\\ y = " + std::string(100'000, '{') + std::string(100'000, '}');
    auto read = silently([&] { return eval::read_state_text(*spec, deep, "<state>"); });
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].line == 2);
    CHECK(contains(read.errors[0].format(), "nested"));

    // A huge integer reads exactly; malformed, it is an error of bounded length.
    const std::string digits(100'000, '9');
    auto huge = silently(
        [&] { return eval::read_state_text(*spec, "/\\ x = 1\n/\\ y = " + digits, "<state>"); });
    REQUIRE(huge.errors.empty());
    CHECK(huge.state[1]->to_string() == digits);
    auto malformed = silently([&] {
        return eval::read_state_text(*spec, "/\\ x = 1\n/\\ y = " + digits + "x", "<state>");
    });
    REQUIRE(malformed.errors.size() == 1);
    CHECK(malformed.errors[0].line == 2);
    CHECK(malformed.errors[0].format().size() < 1000);
}

// Found by fuzz_state_text: Boost read the digits of a big integer with leading zeros as octal,
// and threw (uncaught) on an 8 or a 9.
TEST_CASE("big integers with leading zeros read as decimal", "[bad-input][state]") {
    auto spec = two_variable_spec();
    auto read = silently([&] {
        return eval::read_state_text(*spec, "/\\ x = 0012\n/\\ y = -000015583360769367182903",
                                     "<state>");
    });
    REQUIRE(read.errors.empty());
    CHECK(read.state[0]->to_string() == "12");
    CHECK(read.state[1]->to_string() == "-15583360769367182903");
}

// ---- Bounds of evaluation, per window ----

const std::string kBoundsSpec = R"(---- MODULE Bounds ----
EXTENDS Naturals
VARIABLES x, y
RECURSIVE Depth(_)
Depth(n) == IF n = 0 THEN 0 ELSE 1 + Depth(n - 1)
Init == x = 0 /\ y = 0
Grow(n) == x' = n /\ y' \in 0..n
Deep(n) == x' = Depth(n) /\ y' = 0
Scan(n) == \E i \in 1..n : x' = i /\ y' = 0
Next == \E n \in 0..3 : Grow(n) \/ Deep(n) \/ Scan(n)
====
)";

std::string bounds_window(const std::string& action, long n, long post_x) {
    return R"({"action": ")" + action + R"(", "args": [)" + std::to_string(n) +
           R"(], "pre": {"x": 0, "y": 0}, "post": {"x": )" + std::to_string(post_x) + "}}";
}

struct BoundsRun {
    engine::ValidationResult result;
    std::vector<engine::WindowVerdict> verdicts;
};

BoundsRun validate_bounds(const std::vector<std::string>& lines, engine::ValidateOptions options) {
    TempDir dir;
    const std::string spec = dir.write("Bounds.tla", kBoundsSpec);
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    const std::string windows = dir.write("w.ndjson", text);
    auto load = silently([&] { return load_model(spec); });
    REQUIRE(load.model);
    BoundsRun run;
    options.threads = 2;
    options.on_verdict = [&](const engine::WindowVerdict& v) { run.verdicts.push_back(v); };
    run.result =
        silently([&] { return engine::validate_windows(*load.model, windows, nullptr, options); });
    REQUIRE(run.result.ok());
    REQUIRE(run.verdicts.size() == lines.size());
    return run;
}

TEST_CASE("a window that recurses too deep is an error naming the bound; the others are kept",
          "[bad-input][bounds]") {
    engine::ValidateOptions options;
    options.eval_limits.max_call_depth = 50;
    auto run = validate_bounds({bounds_window("Deep", 10, 10), bounds_window("Deep", 1000, 1000),
                                bounds_window("Grow", 3, 3)},
                               options);
    CHECK(run.verdicts[0].verdict == eval::Verdict::Pass);
    CHECK(run.verdicts[1].verdict == eval::Verdict::Error);
    CHECK(run.verdicts[1].index == 2);
    REQUIRE(run.verdicts[1].error);
    CHECK(contains(run.verdicts[1].error->message, "more than 50 nested calls"));
    CHECK(run.verdicts[2].verdict == eval::Verdict::Pass);
    // The report shows the window with its error.
    const auto& deep = run.result.summary.actions.at(0);
    CHECK(deep.action == "Deep");
    CHECK(deep.errors == 1);
    REQUIRE(deep.examples.size() == 1);
    CHECK(deep.examples[0].index == 2);
}

TEST_CASE("a window that runs out of time is an error naming the budget; the others are kept",
          "[bad-input][bounds]") {
    engine::ValidateOptions options;
    options.limits.time_budget = std::chrono::milliseconds(50);
    // No i in 1..10^9 gives x' = -1: the walk tries them all until the budget runs out.
    auto run =
        validate_bounds({bounds_window("Scan", 3, 2), bounds_window("Scan", 1'000'000'000, -1),
                         bounds_window("Scan", 3, 3)},
                        options);
    CHECK(run.verdicts[0].verdict == eval::Verdict::Pass);
    CHECK(run.verdicts[1].verdict == eval::Verdict::Error);
    REQUIRE(run.verdicts[1].error);
    CHECK(contains(run.verdicts[1].error->message, "time budget of 50 ms"));
    CHECK(run.verdicts[2].verdict == eval::Verdict::Pass);
}

TEST_CASE("a window with too many successors to analyse names the bound; its verdict stands",
          "[bad-input][bounds]") {
    engine::ValidateOptions options;
    options.limits.max_states = 100;
    // Grow(5000) takes the step; listing its 5001 outcomes for over-approximation stops at 100.
    auto run = validate_bounds({bounds_window("Grow", 3, 3), bounds_window("Grow", 5000, 5000),
                                bounds_window("Grow", 2, 2)},
                               options);
    CHECK(run.verdicts[0].verdict == eval::Verdict::Pass);
    CHECK(run.verdicts[1].verdict == eval::Verdict::Pass);
    REQUIRE(run.verdicts[1].outcomes);
    REQUIRE(run.verdicts[1].outcomes->error);
    CHECK(contains(run.verdicts[1].outcomes->error->message, "maximum of 100 states"));
    CHECK(run.verdicts[2].verdict == eval::Verdict::Pass);
    CHECK_FALSE(run.verdicts[2].outcomes->error);
}

// ---- Files and the environment ----

TEST_CASE("a spec checking windows reads no file and no environment variable", "[bad-input][io]") {
    TempDir dir;
    const std::string secret = dir.write("secret.json", "{\"token\": 42}\n");
    const std::string written = (dir.path() / "written.json").string();
    const std::string spec = dir.write("Io.tla", R"(---- MODULE Io ----
EXTENDS Naturals, IOUtils, Json
VARIABLE x
Init == x = 0
ReadJson == x' = JsonDeserialize(")" + secret + R"(").token
ReadEnv == x' = IF "HOME" \in DOMAIN IOEnv THEN 1 ELSE 0
Write == JsonSerialize(")" + written + R"(", <<1>>) /\ x' = 1
Next == ReadJson \/ ReadEnv \/ Write
====
)");
    const std::string windows =
        dir.write("w.ndjson", R"({"action": "ReadJson", "pre": {"x": 0}, "post": {"x": 42}}
{"action": "ReadEnv", "pre": {"x": 0}, "post": {"x": 0}}
{"action": "Write", "pre": {"x": 0}, "post": {"x": 1}}
)");
    auto load = silently([&] { return load_model(spec); });
    REQUIRE(load.model);
    std::vector<engine::WindowVerdict> verdicts;
    engine::ValidateOptions options;
    options.over_approximation = false;
    options.on_verdict = [&](const engine::WindowVerdict& v) { verdicts.push_back(v); };
    auto result =
        silently([&] { return engine::validate_windows(*load.model, windows, nullptr, options); });
    REQUIRE(result.ok());
    REQUIRE(verdicts.size() == 3);
    CHECK(verdicts[0].verdict == eval::Verdict::Error);
    REQUIRE(verdicts[0].error);
    CHECK(contains(verdicts[0].error->message, "does not allow"));
    // IOEnv is what the caller exposes: nothing, here (HOME is set in the test's environment).
    CHECK(verdicts[1].verdict == eval::Verdict::Pass);
    CHECK(verdicts[2].verdict == eval::Verdict::Error);
    CHECK_FALSE(fs::exists(written));
}

} // namespace
