// load_model: a spec, the modules it imports and its TLC configuration, compiled together.
#include "evaluator/eval.hpp"
#include "lib/model.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

// A scratch folder with the given files, removed at the end of the test.
class Folder {
public:
    explicit Folder(const std::string& name)
        : path_(fs::temp_directory_path() / ("tlatv-model-test-" + name)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~Folder() { fs::remove_all(path_); }
    fs::path write(const std::string& file, const std::string& text) const {
        std::ofstream(path_ / file) << text;
        return path_ / file;
    }

private:
    fs::path path_;
};

} // namespace

TEST_CASE("a configuration gives constants values and replaces definitions, also in instances") {
    Folder folder("replace");
    folder.write("Inner.tla",
                 "---- MODULE Inner ----\nEXTENDS Naturals\nLimit == 100\nCapped(x) == x <= Limit\n====\n");
    auto spec = folder.write("Outer.tla", "---- MODULE Outer ----\nEXTENDS Naturals\n"
                                          "CONSTANTS N, Servers\nI == INSTANCE Inner\n"
                                          "SmallLimit == 3\nCheck == I!Capped(N)\n"
                                          "Count == N + 1\n====\n");
    auto cfg = folder.write("Outer.cfg", "CONSTANTS\n  N = 5\n  Servers = {s1, s2}\n"
                                         "  Limit <- [Inner] SmallLimit\n");
    auto load = tlatv::load_model(spec, {cfg, {}, tlatv::eval::IntMode::Tlc32});
    INFO((load.errors.empty() ? std::string() : load.errors[0].format()));
    REQUIRE(load.errors.empty());
    REQUIRE(load.model);
    tlatv::eval::EvalContext ctx(load.model->spec);
    CHECK(ctx.evaluate("Count").to_string() == "6");
    CHECK(ctx.evaluate("Check").to_string() == "FALSE"); // 5 <= 3 with the replacement
}

TEST_CASE("configuration errors are located in the .cfg") {
    Folder folder("errors");
    auto spec = folder.write("S.tla", "---- MODULE S ----\nCONSTANT N\n====\n");
    auto cfg = folder.write("S.cfg", "CONSTANT\n  N = 3000000000\n");
    auto load = tlatv::load_model(spec, {cfg, {}, tlatv::eval::IntMode::Tlc32});
    REQUIRE_FALSE(load.model);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].line == 2);
    CHECK(load.errors[0].message.find("32 bits") != std::string::npos);

    auto exact = tlatv::load_model(spec, {cfg, {}, tlatv::eval::IntMode::Exact});
    CHECK(exact.model);

    auto missing = tlatv::load_model(
        spec, {folder.write("x", "").parent_path() / "none.cfg", {}, tlatv::eval::IntMode::Tlc32});
    REQUIRE_FALSE(missing.model);
    CHECK(missing.errors[0].message == "cannot read the configuration file");
}
