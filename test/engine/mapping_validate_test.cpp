// SysMoBench's windows validated through a mapping file (no TV module) give TLC's pass counts,
// and the report explains the failures with a cluster.
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/report.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace tlatv;

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

// TLC's verdict per window index, from expected_TV_<Action>.tsv (window, verdict, tlc_exit).
std::map<std::uint64_t, std::string> expected_verdicts(const fs::path& tsv) {
    std::map<std::uint64_t, std::string> out;
    std::ifstream in(tsv);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::uint64_t index = 0;
        std::string verdict;
        if (fields >> index >> verdict) out[index] = verdict;
    }
    return out;
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

// Agreement with TLC's per-window verdicts through mapping files may only go up. etcd ai_spec_1
// HandleVoteRequest (21 windows) needs TLC's unnormalised mixed-type sets (`votedFor[n] \in
// {None, m.from}` with None a string and m.from an integer), as its TV module does.
constexpr std::size_t kMappingAgreementFloor = 608;

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
