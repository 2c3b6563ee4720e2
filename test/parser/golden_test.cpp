// Golden files: each golden/NAME.tla is parsed and its S-expression compared with NAME.expect.
// Set TLATV_UPDATE_GOLDEN=1 to rewrite the .expect files after reviewing a change.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;
using namespace tlatv::parser::test;

TEST_CASE("golden modules", "[golden]") {
    const fs::path dir = TLATV_PARSER_GOLDEN_DIR;
    const bool update = std::getenv("TLATV_UPDATE_GOLDEN") != nullptr;
    int count = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".tla") continue;
        ++count;
        std::string actual =
            module_sexpr(read_file(entry.path()), entry.path().filename().string()) + "\n";
        fs::path expect_path = entry.path();
        expect_path.replace_extension(".expect");
        if (update) {
            std::ofstream(expect_path, std::ios::binary) << actual;
            continue;
        }
        INFO("golden file " << entry.path().filename().string());
        REQUIRE(fs::exists(expect_path));
        CHECK(actual == read_file(expect_path));
    }
    CHECK(count >= 8);
}
