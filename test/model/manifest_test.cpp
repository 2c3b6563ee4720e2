// `tlatv parse` against SANY over the whole spec corpus (shared/corpus/specs/manifest.tsv):
// parse, load the imports, resolve every name. Every module SANY accepts must be accepted; every
// module SANY rejects with a parse or semantic error should be rejected, and each disagreement is
// listed. Missing-module rows are checked by the loader's own test (test/cfg).
#include "lib/model.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Row {
    std::string path;
    std::string sany;
    std::string first_error;
};

std::vector<Row> read_manifest(const fs::path& file) {
    std::vector<Row> rows;
    std::ifstream in(file);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream stream(line);
        std::string field;
        while (std::getline(stream, field, '\t')) fields.push_back(field);
        if (fields.size() >= 4) rows.push_back({fields[0], fields[2], fields[3]});
    }
    return rows;
}

std::string first_message(const tlatv::ModelLoad& load) {
    return load.errors.empty() ? std::string("(no message)") : load.errors.front().format();
}

} // namespace

TEST_CASE("every module SANY accepts is accepted, and SANY's rejections are rejected") {
    const fs::path specs = fs::path(TLATV_SHARED_DIR) / "corpus/specs";
    const auto rows = read_manifest(specs / "manifest.tsv");
    REQUIRE(rows.size() > 300);

    std::size_t ok_total = 0, ok_accepted = 0, bad_total = 0, bad_rejected = 0;
    std::vector<std::string> ok_failures, bad_accepted;
    for (const auto& row : rows) {
        if (row.sany == "missing_module") continue; // test/cfg checks these against the loader
        const auto load = tlatv::load_model(specs / row.path);
        if (row.sany == "ok") {
            ++ok_total;
            if (load.model)
                ++ok_accepted;
            else
                ok_failures.push_back(row.path + "\n    " + first_message(load));
        } else {
            ++bad_total;
            if (!load.model)
                ++bad_rejected;
            else
                bad_accepted.push_back(row.path + " (SANY: " + row.first_error + ")");
        }
    }
    std::string report = "modules SANY accepts, accepted: " + std::to_string(ok_accepted) + "/" +
                         std::to_string(ok_total) +
                         "\nmodules SANY rejects, rejected: " + std::to_string(bad_rejected) +
                         "/" + std::to_string(bad_total);
    for (const auto& f : ok_failures) report += "\n  wrongly rejected: " + f;
    for (const auto& f : bad_accepted) report += "\n  wrongly accepted: " + f;
    WARN(report);
    // The goal is every module SANY accepts. Until the CommunityModules that tlatv does not build
    // in yet (listed above and in README.md) are there, this floor keeps what works from
    // regressing; raise it with every module that starts to resolve.
    constexpr std::size_t accepted_floor = 272;
    CHECK(ok_accepted >= accepted_floor);
    // Rejections SANY makes that tlatv misses are listed above; none are known today.
    CHECK(bad_accepted.empty());
}
