// The real window files under shared/corpus/windows: every file is read, with exact counts of the
// windows in it (each line one window; `wc -l` and the expected_TV_*.tsv files agree) and
// spot-checked fields.
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

#include <string>

using tlatv::eval::Value;
using namespace tlatv::lib;

namespace {

const std::string corpus = std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/";

WindowFile read(const std::string& relative, const WindowReaderOptions& options = {}) {
    WindowFile file = read_windows(corpus + relative, options);
    if (file.error) FAIL(file.error->format());
    return file;
}

WindowReaderOptions nulls_as_model_values() {
    WindowReaderOptions options;
    options.json.null_policy = JsonNullPolicy::ModelValue;
    return options;
}

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

TEST_CASE("corpus: spec-mapped etcd windows", "[windows][corpus]") {
    struct Expected {
        const char* file;
        std::size_t windows;
        const char* action;
    };
    const Expected files[] = {
        {"etcd/ai_spec_1/windows_ClientProposal.ndjson", 29, "ClientProposal"},
        {"etcd/ai_spec_1/windows_ElectionTimeout.ndjson", 11, "ElectionTimeout"},
        {"etcd/ai_spec_1/windows_HandleAppendEntries.ndjson", 154, "HandleAppendEntries"},
        {"etcd/ai_spec_1/windows_HandleVoteRequest.ndjson", 21, "HandleVoteRequest"},
        {"etcd/ai_spec_2/windows_ClientRequest.ndjson", 29, "ClientRequest"},
        {"etcd/ai_spec_2/windows_HandleAppendEntriesRequest.ndjson", 154,
         "HandleAppendEntriesRequest"},
        {"etcd/ai_spec_2/windows_HandleVoteRequest.ndjson", 21, "HandleVoteRequest"},
        {"spin/ai_spec_1/windows_AcquireLock.ndjson", 210, "AcquireLock"},
    };
    for (const Expected& e : files) {
        INFO(e.file);
        const WindowFile file = read(e.file);
        CHECK(file.format == WindowFormat::SpecMapped);
        CHECK(file.windows.size() == e.windows);
        CHECK(file.error_count() == 0);
        for (std::size_t i = 0; i < file.windows.size(); ++i) {
            // SysMoBench numbers its windows from 1, as the TV modules index them.
            CHECK(file.windows[i].index == i + 1);
            CHECK(file.windows[i].id == std::to_string(i + 1));
            CHECK(file.windows[i].action == e.action);
        }
    }

    const WindowFile append = read("etcd/ai_spec_2/windows_HandleAppendEntriesRequest.ndjson");
    const Window& last = append.windows.at(153);
    CHECK(last.trace_id == "normal_election");
    CHECK(*last.parameter("node") == Value::integer(3));
    CHECK(var(last.pre, "commitIndex").to_string() == "<<5, 5, 4>>");
    CHECK(var(last.post, "commitIndex").to_string() == "<<5, 5, 5>>");
    CHECK(var(last.pre, "state").to_string() == R"(<<"Leader", "Follower", "Follower">>)");
    CHECK(last.input->to_string() == R"([commitIndex |-> 5, entries |-> <<>>, from |-> 1, )"
                                     R"(prevLogIndex |-> 5, prevLogTerm |-> 1, term |-> 1, )"
                                     R"(to |-> 3, type |-> "MsgApp"])");
    CHECK(last.pre.size() == 6);

    const WindowFile timeout = read("etcd/ai_spec_1/windows_ElectionTimeout.ndjson");
    const Window& w11 = timeout.windows.at(10);
    CHECK_FALSE(w11.input);
    CHECK(var(w11.post, "votedFor").to_string() == R"(<<1, "None", "None">>)");
    CHECK(w11.pre.count("logLastTerm") == 0); // partial states stay partial

    const WindowFile lock = read("spin/ai_spec_1/windows_AcquireLock.ndjson");
    CHECK(lock.windows.at(209).actor == Value::integer(1));
    CHECK(var(lock.windows.at(209).post, "pc").to_string() == R"(<<"locked", "idle", "idle">>)");
}

TEST_CASE("corpus: SysMoBench canonical spin windows", "[windows][corpus]") {
    const WindowFile file = read("spin/action_windows.jsonl");
    CHECK(file.format == WindowFormat::SysMoBench);
    REQUIRE(file.windows.size() == 543);
    CHECK(file.error_count() == 0);
    const Window& last = file.windows.back();
    CHECK(last.index == 543);
    CHECK(last.id == "542");
    CHECK(last.trace_id == "trace_20");
    CHECK(last.action == "Release");
    CHECK(last.actor == Value::string("0"));
    CHECK(*last.parameter("seq") == Value::integer(58));
    CHECK(var(last.pre, "lockState") == Value::string("locked"));
    CHECK(var(last.post, "pc") ==
          keyed({{"0", str("idle")}, {"1", str("idle")}, {"2", str("idle")}}));
}

TEST_CASE("corpus: etcd action_windows.jsonl (raw, keyed by node)", "[windows][corpus]") {
    // Every line has a nanosecond timestamp beyond 32 bits: an error unless asked for.
    const WindowFile strict = read("etcd/action_windows.jsonl");
    CHECK(strict.format == WindowFormat::ActionWindows);
    REQUIRE(strict.windows.size() == 154);
    CHECK(strict.error_count() == 154);
    CHECK(strict.windows[0].error->message.find("ts: integer 1775859112840150887 is outside") == 0);
    CHECK(strict.windows[0].error->line == 1);

    WindowReaderOptions exact;
    exact.json.integer_policy = JsonIntegerPolicy::Exact;
    const WindowFile file = read("etcd/action_windows.jsonl", exact);
    REQUIRE(file.windows.size() == 154);
    CHECK(file.error_count() == 0);
    const Window& w = file.windows.at(99);
    CHECK(w.index == 100);
    CHECK(w.trace_id == "leader_change");
    CHECK(w.action == "HandleAppendEntriesRequest");
    CHECK(w.actor == Value::string("3"));
    CHECK(*w.parameter("ts") == Value::integer(1775859112835464670LL));
    CHECK(var(w.pre, "state") == keyed({{"1", str("StateLeader")},
                                        {"2", str("StateFollower")},
                                        {"3", str("StateFollower")}}));
    CHECK(var(w.pre, "logLen") == keyed({{"1", num(2)}, {"2", num(2)}, {"3", num(1)}}));
    CHECK(w.pre.size() == 6);
}

TEST_CASE("corpus: JS-SAM events and stream", "[windows][corpus]") {
    // These files log absent holders as null, which TLC would reject.
    const WindowFile strict = read("js_sam/spin-events.ndjson");
    CHECK(strict.error_count() == 2);

    const WindowFile events = read("js_sam/spin-events.ndjson", nulls_as_model_values());
    CHECK(events.format == WindowFormat::JsSam);
    REQUIRE(events.windows.size() == 3);
    CHECK(events.error_count() == 0);
    CHECK(events.windows[2].action == "Noise");
    CHECK(events.windows[2].parameters.empty());
    CHECK(var(events.windows[0].pre, "callType") ==
          keyed({{"0", Value::model_value("null")}, {"1", Value::model_value("null")}}));

    const WindowFile spin = read("spin/spin_2thread.ndjson", nulls_as_model_values());
    CHECK(spin.format == WindowFormat::JsSam);
    REQUIRE(spin.windows.size() == 8);
    CHECK(spin.error_count() == 0);
    CHECK(*spin.windows[1].parameter("callType") == Value::string("try"));
    CHECK(var(spin.windows[7].post, "lockHolder") == Value::model_value("null"));

    const WindowFile stream = read("js_sam/spin-stream.ndjson", nulls_as_model_values());
    CHECK(stream.format == WindowFormat::Stream);
    REQUIRE(stream.windows.size() == 6); // 7 states
    CHECK(stream.error_count() == 0);
    for (std::size_t i = 0; i < 6; ++i)
        CHECK(stream.windows[i].index == i + 2);
    CHECK(stream.windows[0].action == "AcquireLock");
    CHECK(var(stream.windows[0].pre, "lockHeld") == Value::boolean(false));
    CHECK(var(stream.windows[0].post, "lockHeld") == Value::boolean(true));
    CHECK(stream.windows[5].action == "ReleaseLock");
    CHECK(*stream.windows[5].parameter("thread") == Value::integer(1));
    // Consecutive windows share the state between them.
    for (std::size_t i = 1; i < 6; ++i)
        CHECK(stream.windows[i].pre == stream.windows[i - 1].post);
}

TEST_CASE("corpus: the lock service example in tlatv's own format", "[windows][corpus]") {
    const WindowFile file =
        read_windows(std::string(TLATV_SOURCE_DIR) + "/examples/lockservice/trace.ndjson");
    REQUIRE_FALSE(file.error);
    CHECK(file.format == WindowFormat::Tlatv);
    CHECK(file.windows.size() == 196);
    CHECK(file.error_count() == 0);
    CHECK(file.windows[0].action == "Request");
    CHECK(*file.windows[0].parameter("c") == Value::string("c1"));
}
