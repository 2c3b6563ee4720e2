// SysMoBench's windows validated through a mapping file (no TV module) give TLC's pass counts,
// and the report explains the failures with a cluster.
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/report.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
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

} // namespace

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
