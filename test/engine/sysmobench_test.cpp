// SysMoBench's TV modules run natively give TLC's verdict per window (expected_TV_*.tsv).
#include "lib/sysmobench.hpp"

#include "expected_verdicts.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace tlatv;
using tlatv::test::expected_verdicts;

const fs::path kCorpus = fs::path(TLATV_SHARED_DIR) / "corpus/windows/sysmobench";

// Agreement with TLC may only go up: raise this when more windows agree.
constexpr std::size_t kAgreementFloor = 629;

std::vector<fs::path> tv_modules() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus))
        if (entry.is_regular_file() && entry.path().extension() == ".tla" &&
            entry.path().stem().string().rfind("TV_", 0) == 0)
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// TLC resolves the module's relative file names against the working directory, and
// SysMoBench starts it in the module's folder.
class InDirectory {
public:
    explicit InDirectory(const fs::path& dir)
        : previous_(fs::current_path()) {
        fs::current_path(dir);
    }
    ~InDirectory() { fs::current_path(previous_); }

private:
    fs::path previous_;
};

} // namespace

TEST_CASE("SysMoBench TV modules give TLC's verdict on every window") {
    const auto modules = tv_modules();
    REQUIRE(modules.size() == 8);
    std::size_t total = 0, agree = 0;
    std::vector<std::string> unsupported;
    for (const fs::path& module : modules) {
        const auto expected = expected_verdicts(module.parent_path() /
                                                ("expected_" + module.stem().string() + ".tsv"));
        REQUIRE(!expected.empty());
        total += expected.size();
        sysmobench::TvOptions options;
        options.threads = 2;
        sysmobench::TvRun run;
        {
            InDirectory here(module.parent_path());
            run = sysmobench::run_tv_module(module, options);
        }
        const std::string name = fs::relative(module, kCorpus).string();
        if (!run.ok()) {
            unsupported.push_back(fmt::format("{}: {}", name, run.errors.front().format()));
            continue;
        }
        std::size_t module_agree = 0;
        std::string disagreements;
        for (const auto& w : run.windows) {
            auto it = expected.find(w.index);
            if (it == expected.end()) continue;
            if (sysmobench::to_string(w.verdict) == it->second)
                ++module_agree;
            else if (disagreements.size() < 600)
                disagreements += fmt::format(
                    "\n    window {}: tlatv {} ({}), TLC {}", w.index,
                    sysmobench::to_string(w.verdict),
                    w.error ? w.error->format() : fmt::format("{} states", w.states), it->second);
        }
        CHECK(run.windows.size() == expected.size());
        agree += module_agree;
        WARN(fmt::format("{}: {}/{} windows agree with TLC{}", name, module_agree, expected.size(),
                         disagreements));
    }
    for (const auto& reason : unsupported)
        WARN("not supported yet: " + reason);
    WARN(fmt::format("total: {}/{} windows agree with TLC", agree, total));
    CHECK(total == 629);
    CHECK(agree >= kAgreementFloor);
}

TEST_CASE("a TV module's errors are reported, not thrown") {
    sysmobench::TvOptions options;
    options.windows_file = kCorpus / "spin/ai_spec_1/no_such_windows.ndjson";
    auto run = sysmobench::run_tv_module(kCorpus / "spin/ai_spec_1/TV_AcquireLock.tla", options);
    REQUIRE_FALSE(run.ok());
    CHECK(run.errors.front().message.find("cannot read") != std::string::npos);

    auto missing = sysmobench::run_tv_module(kCorpus / "spin/ai_spec_1/TV_Nothing.tla");
    CHECK_FALSE(missing.ok());
}
