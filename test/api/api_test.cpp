// The C++ API (include/tlatv/): results as values, no exception escaping.
#include "tlatv/tlatv.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
const std::string example = std::string(TLATV_SOURCE_DIR) + "/examples/lockservice/";
const std::string free_lock = "/\\ holder = \"none\"\n/\\ waiting = <<>>";
} // namespace

TEST_CASE("a spec loads with its config and reports its variables") {
    auto spec = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    REQUIRE(spec.ok());
    CHECK(spec->module_name() == "LockService");
    CHECK(spec->variables() == std::vector<std::string>{"holder", "waiting"});
}

TEST_CASE("load errors are diagnostics, not exceptions") {
    auto missing = tlatv::Spec::load(example + "NoSuchSpec.tla");
    REQUIRE_FALSE(missing.ok());
    CHECK_FALSE(missing.errors().empty());
    auto bad_config = tlatv::Spec::load(example + "LockService.tla", {example + "nope.cfg"});
    REQUIRE_FALSE(bad_config.ok());
    CHECK(bad_config.error_text().find("nope.cfg") != std::string::npos);
}

TEST_CASE("successors and window checks through the API") {
    auto spec = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    REQUIRE(spec.ok());
    auto next = spec->successors(free_lock);
    REQUIRE(next.ok());
    CHECK(next.value().size() == 3);

    auto pass = spec->check(free_lock, "/\\ holder = \"c1\"\n/\\ waiting = <<>>", "Request");
    CHECK(pass.verdict == tlatv::Verdict::Pass);
    CHECK(pass.action == "Request(\"c1\")");

    auto fail = spec->check(free_lock, "/\\ holder = \"c1\"\n/\\ waiting = <<>>", "Release");
    CHECK(fail.verdict == tlatv::Verdict::Fail);
    CHECK_FALSE(fail.explanation.empty());

    auto partial = spec->check(free_lock, "/\\ holder = \"c3\"", "Next");
    CHECK(partial.verdict == tlatv::Verdict::Pass);
    CHECK(partial.unconstrained == std::vector<std::string>{"waiting"});

    auto error = spec->check(free_lock, "/\\ holder = \"c1\"", "NoSuchAction");
    CHECK(error.verdict == tlatv::Verdict::Error);
}

TEST_CASE("constant expressions evaluate to TLC's printed form") {
    CHECK(tlatv::evaluate("[a |-> 1, b |-> <<2>>]").value() == "[a |-> 1, b |-> <<2>>]");
    auto overflow = tlatv::evaluate("2147483647 + 1");
    CHECK_FALSE(overflow.ok());
    CHECK(tlatv::evaluate("2147483647 + 1", {"Integers"}, tlatv::IntegerMode::Exact).value() ==
          "2147483648");
}

TEST_CASE("a window set is validated per action through the API") {
    auto right = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    auto under =
        tlatv::Spec::load(example + "LockServiceUnder.tla", {example + "LockServiceUnder.cfg"});
    REQUIRE(right.ok());
    REQUIRE(under.ok());
    auto good = right->validate({example + "trace.ndjson", "", 2, {}});
    REQUIRE(good.ok());
    CHECK(good->all_pass());
    CHECK(good->windows == 196);
    auto bad = under->validate({example + "trace.ndjson", "", 1, {}});
    REQUIRE(bad.ok());
    CHECK_FALSE(bad->all_pass());
    REQUIRE(bad->actions.size() == 2);
    CHECK(bad->actions[0].action == "Release");
    CHECK(bad->actions[0].fails > 0);
    CHECK(bad->actions[1].action == "Request");
    CHECK(bad->actions[1].fails == 0);
    CHECK(bad->json.find("\"Release\"") != std::string::npos);
    auto missing = right->validate({example + "none.ndjson", "", 1, {}});
    CHECK_FALSE(missing.ok());
}

namespace {

tlatv::Spec load_example(const std::string& name) {
    auto spec = tlatv::Spec::load(example + name + ".tla", {example + name + ".cfg"});
    REQUIRE(spec.ok());
    return std::move(spec).value();
}

// A request by `client` on a free lock, as the service logs it.
tlatv::Window take_free_lock(const std::string& client) {
    tlatv::Window w;
    w.action = "Request";
    w.arguments.push_back({"c", tlatv::Value::string(client)});
    w.pre = tlatv::State::json(R"({"holder": "none", "waiting": []})");
    w.post = tlatv::State()
                 .set("holder", tlatv::Value::string(client))
                 .set("waiting", tlatv::Value::sequence({}));
    return w;
}

// The hand-off from c1 to the first waiting client c2.
tlatv::Window hand_off() {
    tlatv::Window w;
    w.action = "Release";
    w.arguments.push_back({"c", tlatv::Value::json("\"c1\"")});
    w.pre = tlatv::State::tla("/\\ holder = \"c1\"\n/\\ waiting = <<\"c2\">>");
    w.post = tlatv::State::tla("/\\ holder = \"c2\" /\\ waiting = <<>>");
    w.id = "hand-off";
    return w;
}

const std::string counter_module = R"(---- MODULE Counter ----
EXTENDS Naturals, Bounds
VARIABLE n
Init == n = 0
Inc == n < Limit /\ n' = n + 1
Next == Inc
Bound == Limit
====
)";

} // namespace

TEST_CASE("values built in code read as TLC prints them") {
    CHECK(tlatv::Value::string("a\"b").text() == "\"a\\\"b\"");
    CHECK(tlatv::Value::sequence({tlatv::Value::integer(1), tlatv::Value::json("\"x\"")}).text() ==
          "<<1, \"x\">>");
    CHECK(tlatv::Value::set({tlatv::Value::integer(2), tlatv::Value::integer(1)}).text() ==
          "{1, 2}");
    CHECK(tlatv::Value::record({{"a", tlatv::Value::boolean(true)}}).text() == "[a |-> TRUE]");
    auto bad = tlatv::Value::sequence({tlatv::Value::json("{oops")});
    CHECK(bad.form() == tlatv::Value::Form::Invalid);
    CHECK(tlatv::Value::model_value("not a name").form() == tlatv::Value::Form::Invalid);
}

TEST_CASE("a spec loads from text, with its config and in-memory modules") {
    tlatv::SpecText text;
    text.module = counter_module;
    text.config = "CONSTANT Limit = 2\nINIT Init\nNEXT Next\n";
    text.modules["Bounds"] = "---- MODULE Bounds ----\nCONSTANT Limit\n====\n";
    auto spec = tlatv::Spec::load_text(text);
    REQUIRE(spec.ok());
    CHECK(spec->module_name() == "Counter");
    CHECK(spec->evaluate("Bound").value() == "2");
    CHECK(spec->successors("/\\ n = 1").value() == std::vector<std::string>{"n = 2"});
    CHECK(spec->successors("/\\ n = 2").value().empty());

    SECTION("evaluation errors name the in-memory module, not where it is kept") {
        auto failed = spec->successors("/\\ n = \"one\"");
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.errors().front().file == "Counter.tla");
    }
    SECTION("a module neither in memory nor on the search path is reported") {
        tlatv::SpecText alone = text;
        alone.modules.clear();
        auto missing = tlatv::Spec::load_text(alone);
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error_text().find("Bounds") != std::string::npos);
        CHECK(missing.errors().front().file == "Counter.tla"); // not the private directory
    }
    SECTION("errors in the text are located in the module's name") {
        tlatv::SpecText broken = text;
        broken.modules["Bounds"] = "---- MODULE Bounds ----\nCONSTANT\n====\n";
        auto failed = tlatv::Spec::load_text(broken);
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.errors().front().file == "Bounds.tla");
        CHECK(failed.errors().front().line == 3);
    }
    SECTION("a module name that is not one is refused") {
        tlatv::SpecText escaping = text;
        escaping.modules["../Bounds"] = "";
        CHECK_FALSE(tlatv::Spec::load_text(escaping).ok());
    }
    SECTION("the config text is parsed as a .cfg file") {
        tlatv::SpecText bad_config = text;
        bad_config.config = "CONSTANT Limit =\n";
        CHECK_FALSE(tlatv::Spec::load_text(bad_config).ok());
    }
}

TEST_CASE("one window built in code: pass, fail with its diagnostic, error") {
    const tlatv::Spec spec = load_example("LockService");
    auto pass = spec.check_window(take_free_lock("c2"));
    REQUIRE(pass.ok());
    CHECK(pass->verdict == tlatv::Verdict::Pass);
    CHECK(pass->passed_by == "Request(\"c2\")");
    CHECK(pass->index == 1);
    REQUIRE(pass->arguments.size() == 1);
    CHECK(pass->arguments[0].name == "c");
    CHECK(pass->arguments[0].value.text() == "\"c2\"");
    REQUIRE(pass->outcomes.has_value());
    CHECK(pass->outcomes->extra == 0);

    const tlatv::Spec under = load_example("LockServiceUnder");
    auto fail = under.check_window(hand_off());
    REQUIRE(fail.ok());
    CHECK(fail->verdict == tlatv::Verdict::Fail);
    CHECK(fail->failure == tlatv::FailureKind::Rejected);
    CHECK(fail->id == "hand-off");
    CHECK(fail->action == "Release");
    REQUIRE(fail->closest.has_value());
    CHECK(fail->closest->action == "Release(\"c1\")");
    REQUIRE(fail->closest->differing.size() == 2);
    CHECK(fail->closest->differing[0].variable == "holder");
    CHECK(fail->closest->differing[0].observed == "\"c2\"");
    CHECK(fail->closest->differing[0].spec == "\"none\"");
    CHECK(fail->closest->differing[1].variable == "waiting");
    CHECK(fail->closest->differing[1].spec == "<<\"c2\">>");

    tlatv::Window unreadable = hand_off();
    unreadable.post = tlatv::State::json(R"({"holder": null})");
    auto error = spec.check_window(unreadable);
    REQUIRE(error.ok());
    CHECK(error->verdict == tlatv::Verdict::Error);
    REQUIRE(error->error.has_value());
    CHECK(error->error->message.find("post-state") != std::string::npos);
    CHECK(error->error->message.find("null") != std::string::npos);

    tlatv::Window unknown = take_free_lock("c1");
    unknown.action = "Grab";
    auto no_action = spec.check_window(unknown);
    REQUIRE(no_action.ok());
    CHECK(no_action->verdict == tlatv::Verdict::Error);
    CHECK(no_action->error->message.find("Grab") != std::string::npos);
}

TEST_CASE("a false conjunct is reported with its place, text and operand values") {
    const tlatv::Spec spec = load_example("LockService");
    tlatv::Window w;
    w.action = "Release";
    w.arguments.push_back({"c", tlatv::Value::string("c2")});
    w.pre = tlatv::State::tla("/\\ holder = \"c1\"\n/\\ waiting = <<>>");
    w.post = tlatv::State::tla("/\\ holder = \"none\"\n/\\ waiting = <<>>");
    auto fail = spec.check_window(w);
    REQUIRE(fail.ok());
    REQUIRE(fail->verdict == tlatv::Verdict::Fail);
    REQUIRE(fail->false_conjunct.has_value());
    CHECK(fail->false_conjunct->file.find("LockService.tla") != std::string::npos);
    CHECK(fail->false_conjunct->line == 32);
    CHECK(fail->false_conjunct->text == "holder = c");
    bool holder_shown = false;
    for (const auto& operand : fail->false_conjunct->operands)
        holder_shown = holder_shown || (operand.text == "holder" && operand.value == "\"c1\"");
    CHECK(holder_shown);
}

TEST_CASE("a window set built in code gives per-window verdicts and the per-action report") {
    const tlatv::Spec under = load_example("LockServiceUnder");
    std::vector<tlatv::Window> windows{take_free_lock("c1"), hand_off(), take_free_lock("c3")};
    std::vector<tlatv::WindowVerdict> verdicts;
    auto report = under.validate_windows(
        windows, {}, [&](const tlatv::WindowVerdict& v) { verdicts.push_back(v); });
    REQUIRE(report.ok());
    CHECK(report->windows == 3);
    CHECK(report->passes == 2);
    CHECK(report->fails == 1);
    REQUIRE(verdicts.size() == 3);
    CHECK(verdicts[0].index == 1);
    CHECK(verdicts[1].index == 2);
    CHECK(verdicts[1].verdict == tlatv::Verdict::Fail);
    CHECK(verdicts[1].arguments.at(0).value.text() == "\"c1\"");
    REQUIRE(report->actions.size() == 2);
    const tlatv::ActionReport& release = report->actions[0];
    CHECK(release.action == "Release");
    CHECK(release.windows == 1);
    CHECK(release.fails == 1);
    CHECK(release.failing_windows == std::vector<std::uint64_t>{2});
    REQUIRE(release.examples.size() == 1);
    CHECK(release.examples[0].closest.has_value());
    CHECK(report->actions[1].passes == 2);
    CHECK(report->json.find("\"Release\"") != std::string::npos);
    CHECK(report->table.find("Release") != std::string::npos);
}

TEST_CASE("a stream is validated a batch at a time, verdicts as they are produced") {
    const tlatv::Spec spec = load_example("LockService");
    const std::size_t total = 2000;
    std::size_t produced = 0;
    std::size_t delivered = 0;
    std::size_t most_ahead = 0; // windows produced and not yet answered
    tlatv::ValidateOptions options;
    options.batch_size = 64;
    options.threads = 2;
    auto report = spec.validate_stream(
        [&]() -> std::optional<tlatv::Window> {
            if (produced == total) return std::nullopt;
            ++produced;
            most_ahead = std::max(most_ahead, produced - delivered);
            return take_free_lock(produced % 2 ? "c1" : "c2");
        },
        options,
        [&](const tlatv::WindowVerdict& v) {
            ++delivered;
            CHECK(v.index == delivered);
        });
    REQUIRE(report.ok());
    CHECK(report->windows == total);
    CHECK(report->all_pass());
    CHECK(delivered == total);
    CHECK(most_ahead <= options.batch_size);
}

TEST_CASE("failures in every entry point are values, never exceptions") {
    const tlatv::Spec spec = load_example("LockService");
    CHECK_FALSE(spec.evaluate("NoSuchDefinition").ok());
    CHECK_FALSE(spec.successors("/\\ holder = ").ok());
    CHECK(spec.check("/\\ holder = ", "", "Next").verdict == tlatv::Verdict::Error);
    CHECK_FALSE(tlatv::evaluate("1 +").ok());
    CHECK_FALSE(tlatv::Spec::load_text({}).ok());

    tlatv::ValidateOptions bad_mapping;
    bad_mapping.mapping_file = example + "no-such-mapping.json";
    CHECK_FALSE(spec.check_window(take_free_lock("c1"), bad_mapping).ok());
    tlatv::ValidateOptions bad_invariant;
    bad_invariant.invariants = {"NoSuchInvariant"};
    auto refused = spec.validate_windows({take_free_lock("c1")}, bad_invariant);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error_text().find("NoSuchInvariant") != std::string::npos);

    auto source_throws = spec.validate_stream(
        []() -> std::optional<tlatv::Window> { throw std::runtime_error("the log went away"); });
    REQUIRE_FALSE(source_throws.ok());
    CHECK(source_throws.error_text().find("the log went away") != std::string::npos);

    auto callback_throws =
        spec.validate_windows({take_free_lock("c1")}, {}, [](const tlatv::WindowVerdict&) {
            throw std::runtime_error("consumer failed");
        });
    REQUIRE_FALSE(callback_throws.ok());
    CHECK(callback_throws.error_text().find("consumer failed") != std::string::npos);

    auto missing_file = spec.validate({example + "none.ndjson"});
    CHECK_FALSE(missing_file.ok());
}

TEST_CASE("a windows file reports each verdict with its arguments") {
    const tlatv::Spec spec = load_example("LockService");
    std::size_t count = 0;
    bool arguments_seen = true;
    auto report =
        spec.validate({example + "trace.ndjson", "", 2, {}}, [&](const tlatv::WindowVerdict& v) {
            ++count;
            arguments_seen =
                arguments_seen && v.arguments.size() == 1 && v.arguments[0].name == "c";
        });
    REQUIRE(report.ok());
    CHECK(count == 196);
    CHECK(arguments_seen);
    CHECK(report->actions.at(0).analysed > 0);
}
