// Every module of the shared corpus that SANY accepts (or rejects only for a missing module or a
// semantic error) must parse.
#include "test_support.hpp"

#include "parser/parse.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using tlatv::parser::test::read_file;

namespace {

struct ManifestRow {
    std::string path;
    std::string sany;
};

std::vector<ManifestRow> read_manifest(const fs::path& manifest) {
    std::vector<ManifestRow> rows;
    std::istringstream in(read_file(manifest));
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        ManifestRow row;
        std::string lines;
        std::getline(fields, row.path, '\t');
        std::getline(fields, lines, '\t');
        std::getline(fields, row.sany, '\t');
        if (!row.path.empty()) rows.push_back(row);
    }
    return rows;
}

// Parses every module whose verdict is `verdict`; returns the failures' diagnostics.
std::vector<std::string> parse_all(const std::string& verdict, int& total) {
    const fs::path specs = fs::path(TLATV_SHARED_DIR) / "corpus" / "specs";
    std::vector<std::string> failures;
    total = 0;
    for (const ManifestRow& row : read_manifest(specs / "manifest.tsv")) {
        if (row.sany != verdict) continue;
        ++total;
        std::string text = read_file(specs / row.path);
        tlatv::parser::ModuleParse parsed = tlatv::parser::parse_module(text, row.path);
        if (!parsed.module) failures.push_back(parsed.errors.at(0).format());
    }
    return failures;
}

void check_verdict(const std::string& verdict) {
    int total = 0;
    std::vector<std::string> failures = parse_all(verdict, total);
    REQUIRE(total > 0);
    for (const std::string& failure : failures)
        UNSCOPED_INFO(failure);
    INFO((total - int(failures.size())) << "/" << total << " " << verdict << " modules parse");
    CHECK(failures.empty());
}

} // namespace

TEST_CASE("every module SANY accepts parses", "[corpus]") {
    check_verdict("ok");
}

TEST_CASE("proof modules SANY rejects only for a missing module parse", "[corpus]") {
    check_verdict("missing_module");
}

TEST_CASE("modules with semantic errors only still parse", "[corpus]") {
    check_verdict("semantic_error");
}

TEST_CASE("the 19,448-line raftkvs.tla parses", "[corpus]") {
    const fs::path path = fs::path(TLATV_SHARED_DIR) / "corpus" / "specs" /
                          "specula-org_SysMoBench@7bae250" / "tla_eval" / "core" /
                          "trace_generation" / "raftkvs" / "raftkvs.tla";
    std::string text = read_file(path);
    REQUIRE(text.size() > 100000);
    tlatv::parser::ModuleParse parsed = tlatv::parser::parse_module(text, path.string());
    INFO((parsed.errors.empty() ? std::string() : parsed.errors[0].format()));
    REQUIRE(parsed.module);
    CHECK(parsed.module->name == "raftkvs");
    CHECK(parsed.module->units.size() > 90);
}
