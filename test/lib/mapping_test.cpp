#include "lib/mapping.hpp"
#include "lib/mapping_apply.hpp"
#include "lib/mapping_path.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::Value;
using namespace tlatv::lib;

namespace {

Mapping parse_ok(std::string_view text) {
    auto result = parse_mapping(text, "mapping.json");
    if (auto* errors = std::get_if<std::vector<tlatv::Diagnostic>>(&result))
        FAIL("unexpected error: " << errors->front().format());
    return std::get<Mapping>(std::move(result));
}

std::vector<tlatv::Diagnostic> parse_errors(std::string_view text) {
    auto result = parse_mapping(text, "mapping.json");
    if (std::holds_alternative<Mapping>(result)) FAIL("expected errors");
    return std::get<std::vector<tlatv::Diagnostic>>(std::move(result));
}

Window one_window(std::string_view line, WindowReaderOptions options = {}) {
    const WindowFile file = read_windows_from_string(line, "log.ndjson", options);
    REQUIRE(file.windows.size() == 1);
    REQUIRE(file.windows[0].ok());
    return file.windows[0];
}

const Value& var(const State& state, const std::string& name) {
    auto it = state.find(name);
    if (it == state.end()) FAIL("no variable " << name);
    return it->second;
}

// A stand-in for the evaluator: knows a few TLA+ texts.
Value evaluate_known(std::string_view text) {
    if (text == "n1") return Value::model_value("n1");
    if (text == "n2") return Value::model_value("n2");
    if (text == "{n1, n2}") return Value::set({Value::model_value("n1"), Value::model_value("n2")});
    if (text == "<<>>") return Value::tuple({});
    throw tlatv::eval::EvalError(fmt::format("unknown text {}", text));
}

constexpr std::string_view raft_mapping = R"({
  "comment": "log events and values of a raft implementation, in the spec's terms",
  "actions": {
    "HandleVote": {"action": "HandleRequestVote", "params": {"i": "actor", "m": {"from": "input"}}},
    "Timeout": [
      {"action": "BecomeCandidate", "params": {"i": "actor"}},
      {"action": "BecomePreCandidate", "params": {"i": "actor", "j": {"range": {"tla": "{n1, n2}"}}}}
    ],
    "Tick": "DoTick",
    "Send": {"action": "Send", "params": {"to": "input.to", "kind": {"value": "vote"},
                                          "who": {"tla": "n2"}, "first": "args[1]"}}
  },
  "variables": {"role": "state", "ts": null},
  "values": [
    {"log": "StateLeader", "spec": "Leader"},
    {"log": "StateFollower", "spec": "Follower"},
    {"log": "1", "spec": {"tla": "n1"}},
    {"log": "2", "spec": {"tla": "n2"}},
    {"log": 0, "spec": {"tla": "n1"}, "in": ["votedFor"]}
  ],
  "absent": {
    "messages": {"default": {"tla": "<<>>"}},
    "leader": {"default": {"json": {"tla": "not TLA+"}}},
    "requestType": {"range": ["blocking", "none"]}
  },
  "constants": {"Nodes": {"tla": "{n1, n2}"}, "MaxTerm": 10}
})";

} // namespace

TEST_CASE("mapping: every section is parsed", "[mapping]") {
    const Mapping m = parse_ok(raft_mapping);
    CHECK(m.file == "mapping.json");
    REQUIRE(m.actions.size() == 4);

    const auto& vote = m.actions.at("HandleVote");
    REQUIRE(vote.size() == 1);
    CHECK(vote[0].action == "HandleRequestVote");
    REQUIRE(vote[0].parameters.size() == 2);
    CHECK(vote[0].parameters[0].name == "i");
    CHECK(vote[0].parameters[0].source.kind == ParameterSource::Kind::Field);
    CHECK(vote[0].parameters[0].source.path == "actor");
    CHECK(vote[0].parameters[1].source.path == "input");
    CHECK(vote[0].where.line == 4);
    CHECK(vote[0].where.column == 19);

    const auto& timeout = m.actions.at("Timeout");
    REQUIRE(timeout.size() == 2);
    CHECK(timeout[1].action == "BecomePreCandidate");
    CHECK(timeout[1].parameters[1].source.kind == ParameterSource::Kind::Range);
    CHECK(timeout[1].parameters[1].source.value.tla_text == "{n1, n2}");
    CHECK_FALSE(timeout[1].parameters[1].source.value.resolved());

    CHECK(m.actions.at("Tick").at(0).action == "DoTick");
    CHECK(m.actions.at("Tick").at(0).parameters.empty());
    const auto& send = m.actions.at("Send").at(0).parameters;
    CHECK(send[1].source.kind == ParameterSource::Kind::Value);
    CHECK(*send[1].source.value.value == Value::string("vote"));
    CHECK(send[2].source.value.tla_text == "n2");

    CHECK(m.variables.at("role") == "state");
    CHECK_FALSE(m.variables.at("ts").has_value());

    REQUIRE(m.values.size() == 5);
    CHECK(m.values[0].log == Value::string("StateLeader"));
    CHECK(*m.values[0].spec.value == Value::string("Leader"));
    CHECK(m.values[2].spec.tla_text == "n1");
    CHECK(m.values[4].log == Value::integer(0));
    CHECK(m.values[4].in == std::vector<std::string>{"votedFor"});

    CHECK(m.absent.at("messages").default_value->tla_text == "<<>>");
    // {"json": ...} writes JSON that would otherwise read as TLA+ text.
    CHECK(*m.absent.at("leader").default_value->value ==
          Value::record({{"tla", Value::string("not TLA+")}}));
    CHECK(*m.absent.at("requestType").range->value ==
          Value::set({Value::string("blocking"), Value::string("none")}));

    CHECK(m.constants.at("Nodes").tla_text == "{n1, n2}");
    CHECK(*m.constants.at("MaxTerm").value == Value::integer(10));
}

TEST_CASE("mapping: TLA+ values are resolved by a given evaluator", "[mapping]") {
    Mapping m = parse_ok(raft_mapping);
    CHECK(m.tla_values().size() == 7);
    CHECK(resolve_mapping_values(m, evaluate_known).empty());
    CHECK(*m.constants.at("Nodes").value ==
          Value::set({Value::model_value("n1"), Value::model_value("n2")}));
    CHECK(*m.values[2].spec.value == Value::model_value("n1"));

    Mapping bad = parse_ok(R"({"constants": {"N": {"tla": "1 +"}}})");
    const auto errors = resolve_mapping_values(bad, evaluate_known);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].format() == "mapping.json:1:21: error: cannot evaluate 1 +: unknown text 1 +");
}

TEST_CASE("mapping: validation errors are located and all reported", "[mapping][errors]") {
    const auto errors = parse_errors(R"({
  "actions": {
    "A": {"action": "Do", "parms": {}},
    "B": {"params": {"x": "actor"}},
    "C": {"action": "Do", "params": {"x": "input..to"}},
    "D": {"action": "Do", "params": {"x": {"from": "actor", "value": 1}}},
    "E": {"action": "1Do"},
    "F": []
  },
  "variables": {"x": 3},
  "values": [{"log": "a"}, {"log": "a", "spec": "b", "where": []}],
  "absent": {"y": {}, "z": {"default": 1, "range": [1]}},
  "constnts": {}
})");
    std::vector<std::string> formatted;
    for (const auto& e : errors)
        formatted.push_back(fmt::format("{}:{}: {}", e.line, e.column, e.message));
    const std::vector<std::string> expected = {
        R"(3:27: actions.A.parms: unknown field "parms" (fields: action, params))",
        R"(4:10: actions.B: a candidate needs an "action")",
        R"(5:43: actions.C.params.x: "input..to" is not a field path (a name is missing); )"
        R"(write e.g. actor, input.from, args[1] or pre.x)",
        "6:43: actions.D.params.x: a parameter source has exactly one of: from, value, tla, range",
        R"(7:21: actions.E.action: "1Do" is not a TLA+ identifier (action name))",
        "8:10: actions.F: an event needs at least one candidate action",
        "10:22: variables.x: a spec variable name must be a string",
        R"(11:14: values[1]: a value rename needs "log" and "spec")",
        R"(11:54: values[2].where: unknown field "where" (fields: log, spec, in))",
        R"(12:19: absent.y: an absent variable has either a "default" or a "range")",
        R"(12:28: absent.z: an absent variable has either a "default" or a "range")",
        R"(13:3: constnts: unknown section "constnts" (sections: actions, variables, values, )"
        R"(absent, constants, definitions, derived, constraints, comment))",
    };
    CHECK(formatted == expected);
    CHECK(errors[0].file == "mapping.json");
    CHECK(errors[0].source_line == R"(    "A": {"action": "Do", "parms": {}},)");
}

TEST_CASE("mapping: malformed JSON stops with one located error", "[mapping][errors]") {
    const auto errors = parse_errors("{\"actions\": {\"A\": \"Do\",\n \"B\": nul}}");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("actions.B") == 0);
    CHECK(errors[0].line == 2);
    CHECK(parse_errors("[1]")[0].message == "a mapping must be a JSON object");
    CHECK(parse_errors(R"({"actions": {"A": "Do", "A": "Do"}})")[0].message ==
          R"(actions.A: event "A" is mapped twice)");
    const auto missing = read_mapping("/nonexistent/mapping.json");
    REQUIRE(std::holds_alternative<std::vector<tlatv::Diagnostic>>(missing));
}

TEST_CASE("mapping: a range of values of different kinds is a set, as in TLC", "[mapping]") {
    // TLC keeps such a set unnormalised ({1, "a"}); one bad entry still does not hide the next.
    const auto errors = parse_errors(
        R"({"actions": {"A": {"action": "Do", "params": {"x": {"range": [1, "a"]}}}, "B": 3}})");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "actions.B: a candidate action must be a JSON object");
    const Mapping m =
        parse_ok(R"({"actions": {"A": {"action": "Do", "params": {"x": {"range": [1, "a"]}}}}})");
    CHECK(m.actions.at("A").at(0).parameters.at(0).source.value.value->is_set());
}

TEST_CASE("field paths", "[mapping]") {
    const FieldPath p = parse_field_path("pre.votedFor[2].x");
    REQUIRE_FALSE(p.error);
    REQUIRE(p.segments.size() == 4);
    CHECK(p.segments[0].name == "pre");
    CHECK(p.segments[2].index == 2);
    CHECK(p.str() == "pre.votedFor[2].x");
    for (const char* bad : {"", ".a", "a.", "a[0]", "a[", "a[x]", "a b", "[1]"})
        CHECK(parse_field_path(bad).error);
}

TEST_CASE("mapping applied: renames, absent variables, candidates and parameters", "[mapping]") {
    Mapping m = parse_ok(raft_mapping);
    REQUIRE(resolve_mapping_values(m, evaluate_known).empty());
    const MappingApplier applier(m);

    const Window vote = one_window(
        R"({"action": "HandleVote", "actor": "2", "input": {"from": "1", "term": 3}, "pre": {"role": {"1": "StateLeader", "2": "StateFollower"}, "votedFor": {"1": 0, "2": 1}, "ts": 5, "requestType": "x"}, "post": {"role": {"1": "StateLeader", "2": "StateLeader"}}})");
    const SpecWindow spec = applier.apply(vote);
    REQUIRE(spec.ok());
    CHECK(spec.event == "HandleVote");
    CHECK(spec.index == 1);
    const Value n1 = Value::model_value("n1");
    const Value n2 = Value::model_value("n2");
    // Variables renamed and dropped; node ids renamed in function domains too.
    CHECK(spec.pre.count("role") == 0);
    CHECK(spec.pre.count("ts") == 0);
    CHECK(var(spec.pre, "state") == Value::function_from_pairs({{n1, Value::string("Leader")},
                                                                {n2, Value::string("Follower")}}));
    // Scoped rename: 0 -> n1 in votedFor only; 1 (an integer) is not the string "1".
    CHECK(var(spec.pre, "votedFor") ==
          Value::function_from_pairs({{n1, n1}, {n2, Value::integer(1)}}));
    // Absent variables: defaults in the pre-state, ranges aside; logged ones stay as logged.
    CHECK(var(spec.pre, "messages") == Value::tuple({}));
    CHECK(var(spec.pre, "leader") == Value::record({{"tla", Value::string("not TLA+")}}));
    CHECK(var(spec.pre, "requestType") == Value::string("x"));
    CHECK(spec.pre_ranges.empty());
    CHECK(spec.post.count("messages") == 0);
    CHECK(var(spec.post, "state") == Value::function_from_pairs({{n1, Value::string("Leader")},
                                                                 {n2, Value::string("Leader")}}));

    REQUIRE(spec.candidates.size() == 1);
    const SpecAction& action = spec.candidates[0];
    CHECK(action.action == "HandleRequestVote");
    REQUIRE(action.parameters.size() == 2);
    CHECK(action.parameters[0].name == "i");
    CHECK(action.parameters[0].value == n2);
    CHECK(action.parameters[1].value == Value::record({{"from", n1}, {"term", Value::integer(3)}}));

    const SpecWindow timeout =
        applier.apply(one_window(R"({"action": "Timeout", "actor": "1", "pre": {}, "post": {}})"));
    REQUIRE(timeout.ok());
    REQUIRE(timeout.candidates.size() == 2);
    CHECK(timeout.candidates[0].action == "BecomeCandidate");
    CHECK(timeout.candidates[1].parameters[1].kind == BoundParameter::Kind::Range);
    CHECK(timeout.candidates[1].parameters[1].value == Value::set({n1, n2}));
    CHECK(timeout.pre_ranges.at("requestType") ==
          Value::set({Value::string("blocking"), Value::string("none")}));

    const SpecWindow send = applier.apply(one_window(
        R"({"action": "Send", "args": ["first", 2], "input": {"to": "2"}, "pre": {}, "post": {}})"));
    REQUIRE(send.ok());
    const auto& p = send.candidates.at(0).parameters;
    CHECK(p[0].value == n2); // input.to, renamed
    CHECK(p[1].value == Value::string("vote"));
    CHECK(p[2].value == n2);
    CHECK(p[3].value == Value::string("first"));

    // An event the mapping does not name is the spec action of that name, parameters unbound.
    const SpecWindow other =
        applier.apply(one_window(R"({"action": "Crash", "pre": {}, "post": {}})"));
    REQUIRE(other.candidates.size() == 1);
    CHECK(other.candidates[0].action == "Crash");
    CHECK(other.candidates[0].parameters.empty());
}

TEST_CASE("mapping applied: problems become the window's error", "[mapping][errors]") {
    Mapping m = parse_ok(raft_mapping);
    {
        // Unresolved TLA+ text.
        const SpecWindow spec =
            MappingApplier(m).apply(one_window(R"({"action": "Tick", "pre": {}, "post": {}})"));
        REQUIRE(spec.error);
        CHECK(spec.error->message ==
              "the mapping's TLA+ value <<>> (mapping.json:22:29) has not been evaluated");
    }
    REQUIRE(resolve_mapping_values(m, evaluate_known).empty());
    const MappingApplier applier(m);
    const SpecWindow no_input = applier.apply(
        one_window(R"({"action": "HandleVote", "actor": "1", "pre": {}, "post": {}})"));
    REQUIRE(no_input.error);
    CHECK(no_input.error->message ==
          "parameter m of HandleRequestVote (mapping.json:4:81): the window has no input");
    CHECK(no_input.error->line == 1);

    const SpecWindow no_field = applier.apply(one_window(
        R"({"action": "Send", "args": ["a"], "input": {"from": 1}, "pre": {}, "post": {}})"));
    REQUIRE(no_field.error);
    CHECK(no_field.error->message.find("parameter to of Send") == 0);
    CHECK(no_field.error->message.find("input.to: [from |-> 1] has no field to") !=
          std::string::npos);

    const SpecWindow clash = applier.apply(
        one_window(R"({"action": "Tick", "pre": {"role": 1, "state": 2}, "post": {}})"));
    REQUIRE(clash.error);
    CHECK(clash.error->message ==
          "two pre-state variables of the log map to the spec variable state");

    // A window that could not be read keeps its own error.
    const WindowFile broken = read_windows_from_string(
        R"({"action": "Tick", "pre": {"x": null}, "post": {}})", "log.ndjson");
    const SpecWindow kept = applier.apply(broken.windows.at(0));
    REQUIRE(kept.error);
    CHECK(kept.error->message.find("pre.x: null is not allowed") == 0);
}

TEST_CASE("identity mapping", "[mapping]") {
    const Window w =
        one_window(R"({"action": "Inc", "args": {"by": 1}, "pre": {"x": 1}, "post": {"x": 2}})");
    const SpecWindow spec = identity_mapping(w);
    REQUIRE(spec.ok());
    CHECK(spec.pre == w.pre);
    CHECK(spec.post == w.post);
    REQUIRE(spec.candidates.size() == 1);
    CHECK(spec.candidates[0].action == "Inc");
}

TEST_CASE("corpus: a mapping turns etcd's raw action windows into the TV module's windows",
          "[mapping][corpus]") {
    // action_windows.jsonl logs states keyed by node id "1".."3" and votedFor 0 for "none";
    // SysMoBench's TV_HandleAppendEntries (ai_spec_1) reads tuples indexed by node and "None".
    const Mapping m = parse_ok(R"({
      "actions": {"HandleAppendEntriesRequest":
                    {"action": "HandleAppendEntries", "params": {"i": "actor", "m": "input"}}},
      "variables": {},
      "values": [{"log": "1", "spec": 1}, {"log": "2", "spec": 2}, {"log": "3", "spec": 3},
                 {"log": 0, "spec": "None", "in": ["votedFor"]}]
    })");
    const std::string dir = std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/etcd/";
    WindowReaderOptions exact;
    exact.json.integer_policy = JsonIntegerPolicy::Exact; // nanosecond timestamps
    const WindowFile raw = read_windows(dir + "action_windows.jsonl", exact);
    const WindowFile tv = read_windows(dir + "ai_spec_1/windows_HandleAppendEntries.ndjson");
    REQUIRE(raw.windows.size() == 154);
    REQUIRE(tv.windows.size() == 154);
    const MappingApplier applier(m);
    std::size_t same = 0;
    for (std::size_t i = 0; i < raw.windows.size(); ++i) {
        const SpecWindow spec = applier.apply(raw.windows[i]);
        REQUIRE(spec.ok());
        const Window& expected = tv.windows[i];
        const auto& params = spec.candidates.at(0).parameters;
        if (spec.pre == expected.pre && spec.post == expected.post &&
            params.at(0).value == *expected.parameter("node") &&
            params.at(1).value == *expected.input && spec.trace_id == expected.trace_id)
            ++same;
    }
    CHECK(same == 154);
}
