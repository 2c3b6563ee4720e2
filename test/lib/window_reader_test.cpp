#include "lib/window_cut.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::Value;
using namespace tlatv::lib;

namespace {

const Value& var(const State& state, const std::string& name) {
    auto it = state.find(name);
    if (it == state.end()) FAIL("no variable " << name);
    return it->second;
}

// A function keyed by strings, as JSON objects give them.
Value keyed(std::vector<std::pair<std::string, Value>> fields) {
    return Value::record(std::move(fields));
}
Value str(const char* s) {
    return Value::string(s);
}
Value num(std::int64_t i) {
    return Value::integer(i);
}

} // namespace

TEST_CASE("format detection from the first line's fields", "[windows]") {
    using Keys = std::vector<std::string>;
    CHECK(detect_window_format(Keys{"window_id", "trace_id", "action", "actor", "pre_state",
                                    "post_state"}) == WindowFormat::SysMoBench);
    CHECK(detect_window_format(Keys{"id", "trace_id", "node", "pre", "post", "input"}) ==
          WindowFormat::SpecMapped);
    CHECK(detect_window_format(Keys{"action", "data", "pre_state", "post_state"}) ==
          WindowFormat::JsSam);
    CHECK(detect_window_format(Keys{"state"}) == WindowFormat::Stream);
    CHECK(detect_window_format(Keys{"trace_id", "event", "node", "pre_state", "post_state"}) ==
          WindowFormat::ActionWindows);
    CHECK(detect_window_format(Keys{"action", "args", "pre", "post"}) == WindowFormat::Tlatv);
    CHECK_FALSE(detect_window_format(Keys{"h_ts", "msg"}));
    for (auto f : {WindowFormat::Auto, WindowFormat::SysMoBench, WindowFormat::SpecMapped,
                   WindowFormat::JsSam, WindowFormat::Stream, WindowFormat::ActionWindows,
                   WindowFormat::Tlatv})
        CHECK(parse_window_format(to_string(f)) == f);
    CHECK_FALSE(parse_window_format("csv"));
}

TEST_CASE("SysMoBench canonical windows", "[windows]") {
    const auto file = read_windows_from_string(
        R"({"window_id": 0, "trace_id": "trace_01", "seq": 0, "action": "TryAcquireBlocking", "actor": "1", "pre_state": {"lockState": "unlocked", "pc": {"0": "idle", "1": "idle"}}, "post_state": {"lockState": "unlocked", "pc": {"0": "idle", "1": "acquiring"}}}
{"window_id": 1, "trace_id": "trace_01", "action": "Release", "actor": "1", "pre_state": {}, "post_state": {"lockState": "locked"}, "input": {"k": 1}, "expect": "fail"}
)",
        "canonical.jsonl");
    REQUIRE_FALSE(file.error);
    CHECK(file.format == WindowFormat::SysMoBench);
    REQUIRE(file.windows.size() == 2);
    const Window& w = file.windows[0];
    CHECK(w.ok());
    CHECK(w.index == 1);
    CHECK(w.file == "canonical.jsonl");
    CHECK(w.id == "0");
    CHECK(w.trace_id == "trace_01");
    CHECK(w.action == "TryAcquireBlocking");
    CHECK(w.actor == Value::string("1"));
    REQUIRE(w.parameter("seq"));
    CHECK(*w.parameter("seq") == Value::integer(0));
    CHECK(var(w.pre, "lockState") == Value::string("unlocked"));
    CHECK(var(w.post, "pc") == keyed({{"0", str("idle")}, {"1", str("acquiring")}}));
    CHECK(w.expect == Expectation::Unspecified);
    const Window& w2 = file.windows[1];
    CHECK(w2.index == 2);
    CHECK(w2.pre.empty());
    CHECK(w2.post.size() == 1);
    CHECK(w2.input->to_string() == "[k |-> 1]");
    CHECK(w2.expect == Expectation::Fail);
}

TEST_CASE("spec-mapped windows take the action from the file name", "[windows]") {
    const auto file = read_windows_from_string(
        R"({"id": 1, "trace_id": "check_quorum", "node": 2, "pre": {"currentTerm": [1, 1, 0]}, "post": {"currentTerm": [1, 1, 1]}, "input": {"type": "MsgVote", "from": 1}})",
        "dir/windows_HandleVoteRequest.ndjson");
    REQUIRE(file.windows.size() == 1);
    const Window& w = file.windows[0];
    CHECK(file.format == WindowFormat::SpecMapped);
    CHECK(w.ok());
    CHECK(w.action == "HandleVoteRequest");
    CHECK(w.id == "1");
    CHECK(*w.parameter("node") == Value::integer(2));
    CHECK(w.input->field("type")->as_string() == "MsgVote");
    CHECK(var(w.post, "currentTerm").to_string() == "<<1, 1, 1>>");

    WindowReaderOptions named;
    named.action = "Vote";
    CHECK(read_windows_from_string(R"({"pre": {}, "post": {}})", "w.ndjson", named)
              .windows.at(0)
              .action == "Vote");
}

TEST_CASE("JS-SAM event windows spread data into parameters", "[windows]") {
    JsonOptions json;
    json.null_policy = JsonNullPolicy::ModelValue;
    WindowReaderOptions options;
    options.json = json;
    const auto file = read_windows_from_string(
        R"({"action": "AcquireLock", "data": {"thread": 0, "callType": "lock"}, "pre_state": {"lockHeld": false, "lockHolder": null}, "post_state": {"lockHeld": true, "lockHolder": 0}}
{"action": "Noise", "pre_state": {"lockHeld": false}, "post_state": {"lockHeld": false}})",
        "events.ndjson", options);
    CHECK(file.format == WindowFormat::JsSam);
    REQUIRE(file.windows.size() == 2);
    const Window& w = file.windows[0];
    CHECK(w.ok());
    REQUIRE(w.parameters.size() == 2);
    CHECK(w.parameters[0].name == "thread");
    CHECK(w.parameters[0].value == Value::integer(0));
    CHECK(w.parameters[1].name == "callType");
    CHECK(var(w.pre, "lockHolder") == Value::model_value("null"));
    CHECK(file.windows[1].parameters.empty());
}

TEST_CASE("stream lines are cut into windows of consecutive states", "[windows]") {
    const auto file = read_windows_from_string(R"({"state": {"x": 0}}
{"action": "Inc", "data": {"by": 1}, "state": {"x": 1}}

{"action": "Inc", "data": {"by": 2}, "state": {"x": 3}, "expect": "fail"}
)",
                                               "stream.ndjson");
    CHECK(file.format == WindowFormat::Stream);
    REQUIRE(file.windows.size() == 2);
    CHECK(file.windows[0].index == 2);
    CHECK(file.windows[0].action == "Inc");
    CHECK(var(file.windows[0].pre, "x") == Value::integer(0));
    CHECK(var(file.windows[0].post, "x") == Value::integer(1));
    CHECK(file.windows[1].index == 4); // blank lines keep their number
    CHECK(*file.windows[1].parameter("by") == Value::integer(2));
    CHECK(file.windows[0].expect == Expectation::Unspecified);
    CHECK(file.windows[1].expect == Expectation::Fail);
    CHECK(var(file.windows[1].pre, "x") == Value::integer(1));
    CHECK(var(file.windows[1].post, "x") == Value::integer(3));
}

TEST_CASE("a bad stream state spoils the windows on both sides, not the others", "[windows]") {
    const auto file = read_windows_from_string(R"({"state": {"x": 0}}
{"action": "A", "state": {"x": 1}}
{"action": "B", "state": {"x": null}}
{"action": "C", "state": {"x": 3}}
{"action": "D", "state": {"x": 4}})",
                                               "stream.ndjson");
    REQUIRE(file.windows.size() == 4);
    CHECK(file.windows[0].ok());
    REQUIRE(file.windows[1].error);
    CHECK(file.windows[1].error->line == 3);
    CHECK(file.windows[1].error->message.find("state.x: null is not allowed") == 0);
    REQUIRE(file.windows[2].error);
    CHECK(file.windows[2].error->message == "the window's pre-state (line 3) could not be read");
    CHECK(file.windows[3].ok());
    CHECK(var(file.windows[3].pre, "x") == Value::integer(3));
}

TEST_CASE("action_windows.jsonl states keyed by node are transposed per variable", "[windows]") {
    const auto file = read_windows_from_string(
        R"({"trace_id": "t", "ts": 17, "event": "HandleVote", "node": "2", "pre_state": {"1": {"term": 1, "role": "StateLeader"}, "2": {"term": 0, "role": "StateFollower"}}, "post_state": {"1": {"term": 1}, "2": {"term": 1}}, "input": {"from": 1}, "window_id": 0})",
        "action_windows.jsonl");
    CHECK(file.format == WindowFormat::ActionWindows);
    REQUIRE(file.windows.size() == 1);
    const Window& w = file.windows[0];
    CHECK(w.ok());
    CHECK(w.action == "HandleVote");
    CHECK(w.actor == Value::string("2"));
    CHECK(w.id == "0");
    CHECK(*w.parameter("ts") == Value::integer(17));
    CHECK(var(w.pre, "term") == keyed({{"1", num(1)}, {"2", num(0)}}));
    CHECK(var(w.pre, "role") == keyed({{"1", str("StateLeader")}, {"2", str("StateFollower")}}));
    CHECK(var(w.post, "term") == keyed({{"1", num(1)}, {"2", num(1)}}));
    CHECK(w.post.count("role") == 0);
}

TEST_CASE("tlatv's own format: named or positional args, expect, strict fields", "[windows]") {
    const auto file = read_windows_from_string(
        R"({"action": "Request", "args": {"c": "c1"}, "pre": {"holder": "none", "waiting": []}, "post": {"holder": "c1", "waiting": []}}
{"action": "Send", "args": [1, "m"], "pre": {}, "post": {}, "expect": "fail", "id": "w2"}
{"action": "Send", "argz": [1], "pre": {}, "post": {}}
{"action": "Send", "pre": {}, "post": {}, "expect": "maybe"}
{"action": "Send", "args": 3, "pre": {}, "post": {}}
{"action": 3, "pre": {}, "post": {}}
{"action": "Send", "pre": {}}
{"action": "Send", "pre": {}, "post": {}, "pre": {}})",
        "mine.ndjson");
    CHECK(file.format == WindowFormat::Tlatv);
    REQUIRE(file.windows.size() == 8);
    CHECK(file.windows[0].ok());
    CHECK(*file.windows[0].parameter("c") == Value::string("c1"));
    CHECK(var(file.windows[0].post, "waiting") == Value::tuple({}));
    CHECK(file.windows[1].ok());
    CHECK(file.windows[1].id == "w2");
    CHECK(file.windows[1].expect == Expectation::Fail);
    REQUIRE(file.windows[1].parameters.size() == 2);
    CHECK(file.windows[1].parameters[0].name.empty());
    CHECK(file.windows[1].parameters[1].value == Value::string("m"));

    const auto message = [&](std::size_t i) { return file.windows.at(i).error.value().message; };
    CHECK(message(2).find("unknown field \"argz\" in the tlatv format") == 0);
    CHECK(file.windows[2].error->column == 20);
    CHECK(message(3) == R"(expect: expect must be "pass" or "fail", not "maybe")");
    CHECK(message(4).find("args: args must be an object") == 0);
    CHECK(message(5) == "action: the action name must be a string");
    CHECK(message(6).find("missing field \"post\"") == 0);
    CHECK(message(7) == "duplicate field \"pre\"");
    CHECK(file.error_count() == 6);
}

TEST_CASE("malformed lines carry file, line and column and do not stop the others",
          "[windows][errors]") {
    const auto file = read_windows_from_string(
        R"({"action": "A", "args": {}, "pre": {"x": 1}, "post": {"x": 2}}
{"action": "A", "args": {}, "pre": {"x": 1}, "post": {"x": 2.5}}
not json at all
{"action": "A", "args": {}, "pre": {"x": [1, 2}, "post": {}}
[1, 2]
{"action": "A", "args": {}, "pre": {"x": 1}, "post": {"x": 2}} trailing
{"action": "A", "args": {}, "pre": {"x": 1}, "post": {"x": 3}})",
        "bad.ndjson");
    REQUIRE_FALSE(file.error);
    REQUIRE(file.windows.size() == 7);
    CHECK(file.windows[0].ok());
    CHECK(file.windows[6].ok());
    CHECK(var(file.windows[6].post, "x") == Value::integer(3));

    const tlatv::Diagnostic& fraction = *file.windows[1].error;
    CHECK(fraction.file == "bad.ndjson");
    CHECK(fraction.line == 2);
    CHECK(fraction.column == 60);
    CHECK(fraction.message.find("post.x: number 2.5 is not an integer") == 0);
    CHECK(fraction.format().find("bad.ndjson:2:60: error: post.x: number 2.5") == 0);

    CHECK(file.windows[2].error->line == 3);
    CHECK(file.windows[2].error->message == "a window line must be a JSON object");
    CHECK(file.windows[3].error->line == 4);
    CHECK(file.windows[4].error->message == "a window line must be a JSON object");
    CHECK(file.windows[5].error->message.find("the line does not end with the end of its JSON "
                                              "object") == 0);
    CHECK(file.windows[5].error->column == 71);
}

TEST_CASE("two objects on one line are an error", "[windows][errors]") {
    const auto file = read_windows_from_string(
        R"({"action": "A", "pre": {}, "post": {}} {"action": "B", "pre": {}, "post": {}})",
        "w.ndjson");
    REQUIRE(file.windows.size() == 1);
    REQUIRE(file.windows[0].error);
    CHECK(file.windows[0].error->message == "unexpected text after the JSON object");
    CHECK(file.windows[0].error->column == 40);
}

TEST_CASE("a malformed first line does not hide the format of the next", "[windows][errors]") {
    const auto file = read_windows_from_string(R"({"action": "A", "pre": {
{"action": "A", "pre": {}, "post": {}})",
                                               "w.ndjson");
    CHECK(file.format == WindowFormat::Tlatv);
    REQUIRE(file.windows.size() == 2);
    CHECK_FALSE(file.windows[0].ok());
    CHECK(file.windows[1].ok());
}

TEST_CASE("file-level errors: unknown format, missing file", "[windows][errors]") {
    const auto unknown = read_windows_from_string(R"({"h_ts": "4", "msg": {}})", "log.ndjson");
    REQUIRE(unknown.error);
    CHECK(unknown.error->line == 1);
    CHECK(unknown.error->message.find("cannot tell the window format") == 0);
    CHECK(unknown.error->message.find("h_ts, msg") != std::string::npos);
    CHECK(unknown.windows.empty());

    WindowReaderOptions forced;
    forced.format = WindowFormat::Tlatv;
    const auto wrong_format =
        read_windows_from_string(R"({"h_ts": "4", "msg": {}})", "log.ndjson", forced);
    REQUIRE(wrong_format.windows.size() == 1);
    CHECK(wrong_format.windows[0].error->message.find("unknown field \"h_ts\"") == 0);

    const auto directory = read_windows(std::string(TLATV_SHARED_DIR));
    REQUIRE(directory.error);
    CHECK(directory.windows.empty());
    CHECK(directory.error->message == "cannot read the file");

    const auto missing = read_windows("/nonexistent/windows.ndjson");
    REQUIRE(missing.error);
    CHECK(missing.error->format() == "/nonexistent/windows.ndjson: error: cannot open the file");
}

TEST_CASE("cut_windows pairs consecutive states", "[windows]") {
    std::vector<TraceStep> trace;
    for (int i = 0; i < 4; ++i) {
        TraceStep step;
        step.state.emplace("x", Value::integer(i));
        step.action = i == 0 ? "" : "Next";
        step.parameters.push_back({"i", Value::integer(i)});
        step.line = static_cast<std::uint64_t>(i + 1);
        trace.push_back(std::move(step));
    }
    const auto windows = cut_windows(trace, "trace.ndjson");
    REQUIRE(windows.size() == 3);
    for (std::size_t k = 0; k < windows.size(); ++k) {
        CHECK(windows[k].index == k + 2);
        CHECK(windows[k].action == "Next");
        CHECK(windows[k].file == "trace.ndjson");
        CHECK(var(windows[k].pre, "x") == Value::integer(static_cast<std::int64_t>(k)));
        CHECK(var(windows[k].post, "x") == Value::integer(static_cast<std::int64_t>(k + 1)));
        CHECK(*windows[k].parameter("i") == Value::integer(static_cast<std::int64_t>(k + 1)));
    }
    CHECK(cut_windows({}).empty());
    CHECK(cut_windows(std::vector<TraceStep>(1)).empty());
}
