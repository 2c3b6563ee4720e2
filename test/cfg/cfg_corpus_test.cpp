// Every TLC configuration in the shared corpus parses.
#include "parser/cfg_parse.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using tlatv::cfg::parse_config;

namespace {

std::string read_file(fs::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> corpus_configs() {
    std::vector<fs::path> files;
    fs::path const root = TLATV_SHARED_DIR;
    if (!fs::exists(root)) return files;
    for (auto const& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".cfg")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("every .cfg under shared/ parses") {
    auto const files = corpus_configs();
    REQUIRE_FALSE(files.empty()); // the corpus must be there: a silent pass would prove nothing

    std::size_t parsed = 0;
    std::vector<std::string> failures;
    for (auto const& file : files) {
        auto const result = parse_config(read_file(file), file.string());
        if (result.config)
            ++parsed;
        else
            failures.push_back(result.errors.front().format());
    }
    WARN("parsed " << parsed << " of " << files.size() << " .cfg files");
    for (auto const& failure : failures)
        UNSCOPED_INFO(failure);
    CHECK(failures.empty());
}

TEST_CASE("corpus configurations keep what TLC reads") {
    // Spot checks on real files, against what the file says.
    fs::path const dir =
        fs::path(TLATV_SHARED_DIR) / "corpus/specs/tlaplus+Examples/specifications";
    fs::path const disruptor = dir / "Disruptor/APDisruptor_MPMC.cfg";
    if (!fs::exists(disruptor)) FAIL("missing corpus file " << disruptor);
    auto const result = parse_config(read_file(disruptor), disruptor.string());
    REQUIRE(result.config);
    auto const& config = *result.config;
    CHECK(config.init->name == "Init");
    CHECK(config.next->name == "Next");
    REQUIRE(config.invariants.size() == 1);
    CHECK(config.invariants[0].name == "NoDataRaces");
    REQUIRE(config.replacements.size() == 2);
    CHECK(config.replacements[0].constant.name == "Writers");
    CHECK(config.replacements[0].replacement.name == "WritersVal");
    REQUIRE(config.assignments.size() == 3);
    CHECK(config.assignments[2].constant.name == "NULL");
    CHECK(config.assignments[2].value.text == "-1");
}

TEST_CASE("truncated corpus configurations give located errors, never exceptions") {
    // Cutting real files at many points exercises every "expected ..." path on real layouts.
    auto const files = corpus_configs();
    REQUIRE_FALSE(files.empty());
    std::size_t parses = 0;
    for (auto const& file : files) {
        std::string const text = read_file(file);
        for (std::size_t cut = 0; cut < text.size(); cut += 13) {
            std::string_view const prefix(text.data(), cut);
            tlatv::cfg::ConfigParse result;
            REQUIRE_NOTHROW(result = parse_config(prefix, "cut.cfg"));
            ++parses;
            if (result.config) continue;
            REQUIRE_FALSE(result.errors.empty());
            for (auto const& error : result.errors) {
                INFO(file << " cut at " << cut << ": " << error.format());
                CHECK(error.line > 0);
                CHECK(error.column > 0);
            }
        }
    }
    CHECK(parses > 1000);
}
