// The lock-service example: the right spec passes every window, the under-approximating one
// fails exactly the hand-off Release windows, the over-approximating one allows extra outcomes
// for Release only. Also: parallel runs give the verdicts of a one-thread run.
#include "lib/engine.hpp"
#include "lib/report.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include <set>
#include <string>

namespace {

using namespace tlatv;

// A model loaded with its TLC configuration.
ModelOptions with_config(const std::filesystem::path& cfg) {
    ModelOptions options;
    options.config_file = cfg;
    return options;
}

const std::string kExample = std::string(TLATV_EXAMPLES_DIR) + "/lockservice/";
const std::string kTrace = kExample + "trace.ndjson";

struct Run {
    engine::ValidationResult result;
    std::vector<engine::WindowVerdict> verdicts;
    std::vector<std::size_t> progress; // windows done after each batch

    const engine::ActionSummary* action(std::string_view name) const {
        for (const auto& a : result.summary.actions)
            if (a.action == name) return &a;
        return nullptr;
    }
};

Run validate(const std::string& spec, unsigned threads = 2, std::size_t batch = 512) {
    auto load = load_model(kExample + spec + ".tla", with_config(kExample + spec + ".cfg"));
    REQUIRE(load.model);
    engine::ValidateOptions options;
    options.threads = threads;
    options.batch_size = batch;
    Run run;
    options.on_verdict = [&](const engine::WindowVerdict& v) { run.verdicts.push_back(v); };
    options.progress = [&](const engine::Progress& p) { run.progress.push_back(p.done); };
    run.result = engine::validate_windows(*load.model, kTrace, nullptr, options);
    REQUIRE(run.result.ok());
    return run;
}

// Release windows of the trace that hand the lock to a waiting client.
std::set<std::uint64_t> hand_offs() {
    auto file = lib::read_windows(kTrace);
    REQUIRE_FALSE(file.error);
    std::set<std::uint64_t> out;
    for (const auto& w : file.windows) {
        REQUIRE(w.ok());
        const auto* waiting = &w.pre.at("waiting");
        if (w.action == "Release" && waiting->size() > 0) out.insert(w.index);
    }
    return out;
}

} // namespace

TEST_CASE("the right lock-service spec takes every window") {
    Run run = validate("LockService");
    const auto& s = run.result.summary;
    CHECK(s.windows == 196);
    CHECK(s.passes == 196);
    CHECK(s.fails == 0);
    CHECK(s.errors == 0);
    REQUIRE(run.action("Request") != nullptr);
    REQUIRE(run.action("Release") != nullptr);
    for (const auto& a : s.actions) {
        CHECK(a.analysed == a.windows); // every pre-state is fully known
        CHECK(a.with_extra_outcomes == 0);
        CHECK(a.unobserved_groups == 0);
    }
}

TEST_CASE("the under-approximating spec fails exactly the hand-off Release windows") {
    Run run = validate("LockServiceUnder");
    const auto expected = hand_offs();
    REQUIRE(!expected.empty());
    std::set<std::uint64_t> failing;
    for (const auto& v : run.verdicts) {
        CHECK(v.verdict != eval::Verdict::Error);
        if (v.verdict == eval::Verdict::Fail) {
            failing.insert(v.index);
            CHECK(v.action == "Release");
            CHECK(v.failure == engine::FailureKind::Rejected);
            REQUIRE(v.diagnostic);
            // The spec's only successor frees the lock: holder differs from the observed one.
            REQUIRE(v.diagnostic->closest_action);
            bool holder_differs = false;
            for (const auto& d : v.diagnostic->differing)
                holder_differs = holder_differs || (d.variable == "holder" && d.spec == "\"none\"");
            CHECK(holder_differs);
        }
    }
    CHECK(failing == expected);
    const auto* release = run.action("Release");
    REQUIRE(release != nullptr);
    CHECK(release->fails == expected.size());
    CHECK(run.action("Request")->fails == 0);
    // A spec that cannot produce the observed outcome is not over-approximating there.
    CHECK(release->with_extra_outcomes == 0);
    CHECK(release->unobserved_groups == 0);
}

TEST_CASE("the over-approximating spec shows extra outcomes for Release only") {
    Run run = validate("LockServiceOver");
    const auto& s = run.result.summary;
    CHECK(s.fails == 0);
    CHECK(s.errors == 0);
    const auto* release = run.action("Release");
    const auto* request = run.action("Request");
    REQUIRE(release != nullptr);
    REQUIRE(request != nullptr);
    CHECK(release->with_extra_outcomes > 0);
    CHECK(release->unobserved_groups > 0);
    CHECK(request->with_extra_outcomes == 0);
    CHECK(request->unobserved_groups == 0);
    // Extra outcomes appear exactly where two or more clients wait.
    auto file = lib::read_windows(kTrace);
    for (const auto& v : run.verdicts) {
        REQUIRE(v.outcomes);
        const auto& w = file.windows.at(v.index - 1);
        const bool two_waiters = w.action == "Release" && w.pre.at("waiting").size() >= 2;
        CHECK((v.outcomes->extra_count > 0) == two_waiters);
    }
}

TEST_CASE("parallel validation gives the verdicts of a one-thread run, in input order") {
    for (const char* spec : {"LockServiceUnder", "LockServiceOver"}) {
        Run one = validate(spec, 1, 512);
        Run two = validate(spec, 2, 7); // small batches: many batch boundaries
        // Windows are read and checked batch by batch, never more than a batch at a time.
        REQUIRE(two.progress.size() == (196 + 6) / 7);
        for (std::size_t i = 0; i < two.progress.size(); ++i)
            CHECK(two.progress[i] == std::min<std::size_t>(196, 7 * (i + 1)));
        REQUIRE(one.verdicts.size() == two.verdicts.size());
        for (std::size_t i = 0; i < one.verdicts.size(); ++i) {
            CHECK(one.verdicts[i].index == i + 1);
            CHECK(report::format_verdict_line(one.verdicts[i]) ==
                  report::format_verdict_line(two.verdicts[i]));
        }
        CHECK(report::format_json(one.result.summary, {}).size() > 0);
        CHECK(report::format_table(one.result.summary) == report::format_table(two.result.summary));
    }
}
