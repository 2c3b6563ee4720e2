// SysMoBench's windows validated through a mapping file (no TV module) give TLC's pass counts,
// and the report explains the failures with a cluster.
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/report.hpp"
#include "lib/window_reader.hpp"

#include "expected_verdicts.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace tlatv;
using tlatv::test::expected_verdicts;

// A model loaded with its TLC configuration.
ModelOptions with_config(const std::filesystem::path& cfg) {
    ModelOptions options;
    options.config_file = cfg;
    return options;
}

const fs::path kSpin = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench/spin/ai_spec_1";
const fs::path kMappings = fs::path(TLATV_ENGINE_TEST_DIR) / "mappings";

std::size_t expected_passes(const fs::path& tsv) {
    std::ifstream in(tsv);
    std::string line;
    std::size_t passes = 0;
    while (std::getline(in, line))
        passes += line.find("\tpass\t") != std::string::npos ? 1 : 0;
    return passes;
}

// A SysMoBench TV module and the mapping file that says the same without TLA+ module.
struct TvCase {
    std::string folder; // under corpus/windows/sysmobench
    std::string action; // TV_<action>.tla, windows_<action>.ndjson
    std::string mapping;
};

const TvCase kTvCases[] = {
    {"etcd/ai_spec_1", "ClientProposal", "etcd_ai_spec_1_ClientProposal.json"},
    {"etcd/ai_spec_1", "ElectionTimeout", "etcd_ai_spec_1_ElectionTimeout.json"},
    {"etcd/ai_spec_1", "HandleAppendEntries", "etcd_ai_spec_1_HandleAppendEntries.json"},
    {"etcd/ai_spec_1", "HandleVoteRequest", "etcd_ai_spec_1_HandleVoteRequest.json"},
    {"etcd/ai_spec_2", "ClientRequest", "etcd_ai_spec_2_ClientRequest.json"},
    {"etcd/ai_spec_2", "HandleAppendEntriesRequest",
     "etcd_ai_spec_2_HandleAppendEntriesRequest.json"},
    {"etcd/ai_spec_2", "HandleVoteRequest", "etcd_ai_spec_2_HandleVoteRequest.json"},
    {"spin/ai_spec_1", "AcquireLock", "spin_AcquireLock.json"},
};

// What a TV module does that its mapping file cannot say, by module (listed by the test; see
// docs/mapping-format.md). Empty: every TV module of the corpus is expressed.
const std::map<std::string, std::string> kNotExpressible = {};

struct TvRun {
    engine::ValidationResult result;
    std::vector<engine::WindowVerdict> verdicts;
};

TvRun validate_through_mapping(const TvCase& c) {
    const fs::path folder = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench" / c.folder;
    fs::path spec;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".tla" && entry.path().stem().string().rfind("TV_", 0) != 0)
            spec = entry.path();
    TvRun run;
    auto load = load_model(spec, with_config(fs::path(spec).replace_extension(".cfg")));
    REQUIRE(load.model);
    auto parsed = lib::read_mapping((kMappings / c.mapping).string());
    if (auto* errors = std::get_if<std::vector<Diagnostic>>(&parsed))
        FAIL(errors->front().format());
    engine::ValidateOptions options;
    options.threads = 2;
    options.on_verdict = [&](const engine::WindowVerdict& v) { run.verdicts.push_back(v); };
    run.result = engine::validate_windows(*load.model,
                                          (folder / ("windows_" + c.action + ".ndjson")).string(),
                                          &std::get<lib::Mapping>(parsed), options);
    return run;
}

} // namespace

// Agreement with TLC's per-window verdicts through mapping files may only go up.
constexpr std::size_t kMappingAgreementFloor = 629;

TEST_CASE("every SysMoBench TV module through a mapping file gives TLC's verdicts") {
    std::size_t total = 0, agree = 0;
    for (const TvCase& c : kTvCases) {
        const std::string name = c.folder + "/TV_" + c.action;
        const fs::path folder = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench" / c.folder;
        const auto expected = expected_verdicts(folder / ("expected_TV_" + c.action + ".tsv"));
        REQUIRE(!expected.empty());
        TvRun run = validate_through_mapping(c);
        if (!run.result.ok()) FAIL(name + ": " + run.result.input_errors.front().format());
        const auto& s = run.result.summary;
        std::size_t module_agree = 0, tlc_passes = 0;
        std::string disagreements;
        for (const auto& v : run.verdicts) {
            const auto it = expected.find(v.index);
            REQUIRE(it != expected.end());
            tlc_passes += it->second == "pass" ? 1 : 0;
            if (engine::to_string(v.verdict) == it->second)
                ++module_agree;
            else if (disagreements.size() < 400)
                disagreements += fmt::format(
                    "\n    window {}: tlatv {}{}, TLC {}", v.index, engine::to_string(v.verdict),
                    v.error ? " (" + v.error->format() + ")" : std::string(), it->second);
        }
        CHECK(run.verdicts.size() == expected.size());
        total += expected.size();
        agree += module_agree;
        WARN(fmt::format("{} through {}: {}/{} windows agree with TLC, {} passes (TLC {}){}", name,
                         c.mapping, module_agree, expected.size(), s.passes, tlc_passes,
                         disagreements));
        const std::string table = report::format_table(s);
        if (std::getenv("TLATV_SHOW_REPORTS") != nullptr) WARN(table);

        // The report, per action: every pre-state is known, so every window is analysed for
        // over-approximation; in these TV modules the outcome of the action is determined by the
        // pre-state (one message handled, one leader proposing, one thread trying), so the spec
        // allows no outcome the system did not produce.
        REQUIRE(s.actions.size() == 1);
        const auto& a = s.actions.front();
        CHECK(a.action == c.action);
        CHECK(a.analysed == a.windows);
        CHECK(a.with_extra_outcomes == 0);
        CHECK(a.accepted_impossible == 0);
        CHECK(report::format_json(s, {}).find(fmt::format(
                  R"("over_approximation":{{"analysed":{},"with_extra_outcomes":0,)", a.windows)) !=
              std::string::npos);
        // When some windows pass and some fail, a cluster sets all the failing ones apart.
        if (a.fails > 0 && a.passes > 0) {
            const bool cluster =
                std::any_of(a.clusters.begin(), a.clusters.end(),
                            [&](const auto& k) { return k.failing == a.fails && k.passing == 0; });
            CHECK(cluster);
            CHECK(table.find(fmt::format("all {} failing windows have", a.fails)) !=
                  std::string::npos);
        }
    }
    std::string not_expressible;
    for (const auto& [module, what] : kNotExpressible)
        not_expressible += fmt::format("\n    {}: {}", module, what);
    WARN(fmt::format("total: {}/{} windows agree with TLC; {} TV modules do something a mapping "
                     "cannot express{}",
                     agree, total, kNotExpressible.size(), not_expressible));
    CHECK(total == 629);
    CHECK(agree >= kMappingAgreementFloor);
}

TEST_CASE("spin's AcquireLock windows through a mapping: TLC's pass count and the cluster") {
    auto load = load_model(kSpin / "spin.tla", with_config(kSpin / "spin.cfg"));
    REQUIRE(load.model);
    auto parsed = lib::read_mapping((kMappings / "spin_AcquireLock.json").string());
    REQUIRE(std::holds_alternative<lib::Mapping>(parsed));
    const auto& mapping = std::get<lib::Mapping>(parsed);

    engine::ValidateOptions options;
    options.threads = 2;
    std::vector<engine::WindowVerdict> verdicts;
    options.on_verdict = [&](const engine::WindowVerdict& v) { verdicts.push_back(v); };
    const std::string windows = (kSpin / "windows_AcquireLock.ndjson").string();
    auto result = engine::validate_windows(*load.model, windows, &mapping, options);
    REQUIRE(result.ok());
    const auto& s = result.summary;
    REQUIRE(s.actions.size() == 1);
    const auto& acquire = s.actions.front();
    CHECK(acquire.action == "AcquireLock");
    CHECK(s.errors == 0);
    CHECK(acquire.passes == expected_passes(kSpin / "expected_TV_AcquireLock.tsv"));
    CHECK(acquire.passes == 123);
    CHECK(acquire.fails == 87);

    // The failing windows are exactly those whose pre-state has pc[actor] = "idle".
    auto file = lib::read_windows(windows);
    std::set<std::uint64_t> idle, failing;
    for (const auto& w : file.windows) {
        REQUIRE(w.actor);
        if (*w.pre.at("pc").find(*w.actor) == eval::Value::string("idle")) idle.insert(w.index);
    }
    for (const auto& v : verdicts)
        if (v.verdict == eval::Verdict::Fail) failing.insert(v.index);
    CHECK(failing == idle);
    bool cluster = false;
    for (const auto& c : acquire.clusters)
        cluster =
            cluster || (c.feature == "pc[actor] = \"idle\"" && c.failing == 87 && c.passing == 0);
    CHECK(cluster);
    const std::string table = report::format_table(s);
    CHECK(table.find("all 87 failing windows have pc[actor] = \"idle\"") != std::string::npos);

    // Over-approximation figures: every pre-state is known once requestType has its default.
    CHECK(acquire.analysed == acquire.windows);
    const std::string json = report::format_json(s, {});
    CHECK(json.find("\"over_approximation\":{\"analysed\":210") != std::string::npos);
}

TEST_CASE("spin's raw windows against the reference spec: several actions, one table") {
    const fs::path spin = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench/spin";
    auto load =
        load_model(spin / "reference_spec/spin.tla", with_config(spin / "reference_spec/spin.cfg"));
    REQUIRE(load.model);
    auto parsed = lib::read_mapping((kMappings / "spin_reference.json").string());
    REQUIRE(std::holds_alternative<lib::Mapping>(parsed));
    engine::ValidateOptions options;
    options.threads = 2;
    options.invariants = {"MutualExclusion"};
    std::vector<engine::WindowVerdict> verdicts;
    options.on_verdict = [&](const engine::WindowVerdict& v) { verdicts.push_back(v); };
    const std::string windows = (spin / "action_windows.jsonl").string();
    auto result =
        engine::validate_windows(*load.model, windows, &std::get<lib::Mapping>(parsed), options);
    REQUIRE(result.ok());
    CHECK(result.summary.windows == 543);
    CHECK(result.summary.errors == 0);
    CHECK(result.summary.actions.size() == 3); // TryAcquire, ReleaseLock, and AcquireSuccess
                                               // (two candidate actions: counted by event)

    // TryAcquire(t) needs pc[t] = "idle" and the lock held: the windows failing are exactly
    // those where the log's pre-state has neither.
    auto file = lib::read_windows(windows);
    std::set<std::uint64_t> expected, failing;
    for (const auto& w : file.windows) {
        if (w.action != "TryAcquireBlocking") continue;
        const bool idle = *w.pre.at("pc").find(*w.actor) == eval::Value::string("idle");
        const bool held = w.pre.at("lockState") == eval::Value::string("locked");
        if (!idle || !held) expected.insert(w.index);
    }
    for (const auto& v : verdicts) {
        if (v.verdict == eval::Verdict::Fail) failing.insert(v.index);
        REQUIRE(v.outcomes);
        CHECK(v.outcomes->violating_successors == 0);
    }
    CHECK(failing == expected);
}

namespace {

// Files written for one test in a directory of their own.
class ScratchFiles {
public:
    explicit ScratchFiles(const std::string& name)
        : dir_(fs::temp_directory_path() / ("tlatv_mapping_" + name)) {
        fs::create_directories(dir_);
    }
    ~ScratchFiles() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name) << text;
        return (dir_ / name).string();
    }

private:
    fs::path dir_;
};

const fs::path kCounter = fs::path(TLATV_ENGINE_TEST_DIR) / "data";

// Counter.tla: Add(n) needs mode = "run" and sets x' = x + n.
constexpr const char* kCounterWindows =
    R"({"action": "Add", "pre_state": {"x": 0}, "post_state": {"even": true}, "who": "run"}
{"action": "Add", "pre_state": {"x": 4}, "post_state": {"even": false}, "who": "run"}
{"action": "Add", "pre_state": {"x": 5}, "post_state": {"even": true}, "who": "run"}
{"action": "Add", "pre_state": {"x": 1}, "post_state": {"even": true}, "who": "stopped"}
{"action": "Add", "pre_state": {"x": 1}, "post_state": {"even": true}, "who": "run"}
)";

engine::ValidationResult validate_counter(const std::string& windows, const std::string& mapping,
                                          std::vector<engine::WindowVerdict>* verdicts = nullptr) {
    auto load = load_model(kCounter / "Counter.tla", with_config(kCounter / "Counter.cfg"));
    REQUIRE(load.model);
    auto parsed = lib::read_mapping(mapping);
    if (auto* errors = std::get_if<std::vector<Diagnostic>>(&parsed))
        FAIL(errors->front().format());
    engine::ValidateOptions options;
    options.threads = 2;
    if (verdicts != nullptr)
        options.on_verdict = [verdicts](const engine::WindowVerdict& v) { verdicts->push_back(v); };
    return engine::validate_windows(*load.model, windows, &std::get<lib::Mapping>(parsed), options);
}

} // namespace

TEST_CASE("a mapping's constants, definitions, derived variables and constraints") {
    ScratchFiles files("features");
    const std::string windows = files.write("windows.ndjson", kCounterWindows);
    // even is not a variable of Counter: the log records whether x is even. Max is 3 in
    // Counter.cfg; the mapping makes it 5. A step must keep x within Max.
    const std::string mapping = files.write("mapping.json", R"json({
  "constants": {"Max": 5},
  "definitions": {"Mode": "w.who", "Steps(k)": "1..k"},
  "actions": {"Add": {"action": "Add", "params": {"n": {"range": {"tla": "Steps(Max)"}}}}},
  "absent": {"mode": {"default": {"tla": "Mode"}}},
  "derived": {"even": "x % 2 = 0"},
  "constraints": ["x' <= Max"]
})json");
    std::vector<engine::WindowVerdict> verdicts;
    auto result = validate_counter(windows, mapping, &verdicts);
    if (!result.ok()) FAIL(result.input_errors.front().format());
    REQUIRE(verdicts.size() == 5);
    using eval::Verdict;
    CHECK(verdicts[0].verdict == Verdict::Pass); // 0 + 2
    CHECK(verdicts[1].verdict == Verdict::Pass); // 4 + 1 = 5: within Max = 5, not Counter.cfg's 3
    CHECK(verdicts[2].verdict == Verdict::Fail); // 5 + n is beyond Max
    CHECK(verdicts[3].verdict == Verdict::Fail); // w.who makes mode "stopped"
    CHECK(verdicts[4].verdict == Verdict::Pass);
    CHECK(verdicts[3].features ==
          std::vector<std::string>{"mode = \"stopped\"", "x = 1"}); // the spec's pre-state

    // Over-approximation: outcomes are the derived variable's values, over the steps the
    // constraint admits: from 0, x' in 1..5 is odd or even (one extra outcome); from 4 only 5;
    // from 1, x' in 2..5 (one extra).
    const auto& add = result.summary.actions.front();
    CHECK(add.analysed == 5);
    CHECK(add.with_extra_outcomes == 2);
    CHECK(add.extra_outcomes == 2);
    REQUIRE(verdicts[0].outcomes);
    CHECK(verdicts[0].outcomes->outcomes == 2);
    CHECK(verdicts[0].outcomes->extra ==
          std::vector<lib::State>{{{"even", eval::Value::boolean(false)}}});
    REQUIRE(verdicts[1].outcomes);
    CHECK(verdicts[1].outcomes->outcomes == 1);
    REQUIRE(verdicts[2].outcomes);
    CHECK(verdicts[2].outcomes->outcomes == 0);
}

TEST_CASE("a mapping's TLA+ errors point into the mapping file") {
    ScratchFiles files("errors");
    const std::string windows = files.write("windows.ndjson", kCounterWindows);
    const auto first_error = [&](const std::string& mapping_text) {
        const std::string mapping = files.write("mapping.json", mapping_text);
        auto result = validate_counter(windows, mapping);
        REQUIRE_FALSE(result.ok());
        return result.input_errors.front();
    };
    // A syntax error, after an escape: the column is the file's.
    auto syntax = first_error("{\n  \"derived\": {\"even\": \"x \\\\in Nat /\\\\ x %% 2\"}\n}");
    CHECK(syntax.file.find("mapping.json") != std::string::npos);
    CHECK(syntax.line == 2);
    CHECK(syntax.column == 39); // `x %% 2` in the file, past two escaped backslashes

    auto unknown = first_error(R"({"derived": {"even": "y = 1"}})");
    CHECK(unknown.line == 1);
    CHECK(unknown.column == 23);
    CHECK(unknown.message.find('y') != std::string::npos);

    auto constant = first_error(R"({"constants": {"Min": 1}})");
    CHECK(constant.message == "constants.Min: Min is not a constant of module Counter");

    auto defined = first_error(R"({"definitions": {"Add": "1"}})");
    CHECK(defined.message == "definitions.Add: module Counter already defines Add");

    // An error on one window is that window's error, located in the mapping.
    const std::string mapping =
        files.write("mapping.json", R"({"absent": {"mode": {"default": {"tla": "w.nosuch"}}}})");
    std::vector<engine::WindowVerdict> verdicts;
    auto result = validate_counter(windows, mapping, &verdicts);
    REQUIRE(result.ok());
    REQUIRE(verdicts.size() == 5);
    REQUIRE(verdicts[0].verdict == eval::Verdict::Error);
    CHECK(verdicts[0].error->message.find(
              "mapping.json:1:42: Attempted to access nonexistent field 'nosuch' of record") !=
          std::string::npos);
}
