// Unit tests of the module loader on small specs written to a temporary directory.
#include "lib/module_loader.hpp"
#include "lib/standard_modules.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using tlatv::load_modules;
using tlatv::load_modules_from_text;

namespace {

// A fresh directory per test, removed afterwards.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("tlatv_loader_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path write(std::string const& relative, std::string const& text) const {
        fs::path const file = path_ / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }
    fs::path const& path() const { return path_; }

private:
    fs::path path_;
};

std::string module(std::string const& name, std::string const& body) {
    return "---- MODULE " + name + " ----\n" + body + "\n====\n";
}

std::string all_errors(tlatv::ModuleLoad const& load) {
    std::string out;
    for (auto const& error : load.errors)
        out += error.format() + "\n";
    return out;
}

} // namespace

TEST_CASE("standard modules: one sorted list, looked up by name") {
    CHECK(tlatv::is_standard_module("Naturals"));
    CHECK(tlatv::is_standard_module("SequencesExt"));
    CHECK(tlatv::find_standard_module("IOUtils")->provider ==
          tlatv::ModuleProvider::CommunityModules);
    CHECK(tlatv::find_standard_module("TLC")->provider == tlatv::ModuleProvider::Tlc);
    CHECK_FALSE(tlatv::is_standard_module("TLAPS"));
    CHECK_FALSE(tlatv::is_standard_module("Apalache"));
    CHECK_FALSE(tlatv::is_standard_module("naturals"));
    for (auto const& m : tlatv::standard_modules())
        CHECK(tlatv::is_standard_module(m.name));
}

TEST_CASE("a module with only standard imports") {
    TempDir dir;
    auto root = dir.write("Spec.tla", module("Spec", "EXTENDS Naturals, TLC\nInit == 1"));
    auto load = load_modules(root);
    INFO(all_errors(load));
    REQUIRE(load.spec);
    CHECK(load.spec->root == "Spec");
    CHECK(load.spec->modules.size() == 1);
    CHECK(load.spec->modules.at("Spec").path == root.string());
    CHECK_FALSE(load.spec->modules.at("Spec").standard_name);
    CHECK(load.spec->standard == std::set<std::string, std::less<>>{"Naturals", "TLC"});
    CHECK(load.spec->load_order == std::vector<std::string>{"Spec"});
}

TEST_CASE("EXTENDS and every form of INSTANCE are followed transitively") {
    TempDir dir;
    auto root = dir.write("Root.tla", module("Root", "EXTENDS A\n"
                                                     "INSTANCE B\n"
                                                     "I == INSTANCE C WITH x <- 1\n"
                                                     "P(y) == INSTANCE D\n"
                                                     "Op == LET L == INSTANCE E IN L!F\n"));
    dir.write("A.tla", module("A", "EXTENDS Sequences, F"));
    dir.write("B.tla", module("B", "X == 1"));
    dir.write("C.tla", module("C", "CONSTANT x"));
    dir.write("D.tla", module("D", "Y == 2"));
    dir.write("E.tla", module("E", "F == 3"));
    dir.write("F.tla", module("F", "EXTENDS Naturals"));
    auto load = load_modules(root);
    INFO(all_errors(load));
    REQUIRE(load.spec);
    CHECK(load.spec->modules.size() == 7);
    CHECK(load.spec->load_order == std::vector<std::string>{"F", "A", "B", "C", "D", "E", "Root"});
    CHECK(load.spec->standard == std::set<std::string, std::less<>>{"Naturals", "Sequences"});
}

TEST_CASE("nested modules are resolved inside the file") {
    TempDir dir;
    auto root = dir.write("Outer.tla", module("Outer", "EXTENDS Naturals\n"
                                                       "---- MODULE Inner ----\n"
                                                       "EXTENDS FiniteSets\nZ == 0\n====\n"
                                                       "I == INSTANCE Inner\n"));
    auto load = load_modules(root);
    INFO(all_errors(load));
    REQUIRE(load.spec);
    CHECK(load.spec->modules.size() == 1);
    CHECK(load.spec->standard.contains("FiniteSets"));
}

TEST_CASE("further modules after the root module in the same file (monolith specs)") {
    TempDir dir;
    auto root = dir.write("Mono.tla", module("Mono", "EXTENDS Common\nR == INSTANCE Other") + "\n" +
                                          module("Other", "EXTENDS Common") + "\n" +
                                          module("Common", "K == 1") +
                                          "\n---- CONFIG Mono ----\nINIT Init\n====\n");
    auto load = load_modules(root);
    INFO(all_errors(load));
    REQUIRE(load.spec);
    CHECK(load.spec->load_order == std::vector<std::string>{"Common", "Other", "Mono"});
    auto const& other = load.spec->modules.at("Other");
    CHECK(other.path == root.string());
    CHECK(other.module.span.begin.line == 6); // positions are those of the file
}

TEST_CASE("the search path is used after the root's directory") {
    TempDir dir;
    auto root = dir.write("spec/Spec.tla", module("Spec", "EXTENDS Lib, Shadowed"));
    dir.write("lib/Lib.tla", module("Lib", "L == 1"));
    dir.write("lib/Shadowed.tla", module("Shadowed", "S == \"lib\""));
    dir.write("spec/Shadowed.tla", module("Shadowed", "S == \"spec\""));
    auto load = load_modules(root, {dir.path() / "lib"});
    INFO(all_errors(load));
    REQUIRE(load.spec);
    CHECK(load.spec->modules.at("Lib").path == (dir.path() / "lib" / "Lib.tla").string());
    CHECK(load.spec->modules.at("Shadowed").path ==
          (dir.path() / "spec" / "Shadowed.tla").string());
}

TEST_CASE("a user's file takes precedence over a standard module of the same name") {
    TempDir dir;
    auto root = dir.write("Spec.tla", module("Spec", "EXTENDS Functions, Naturals"));
    dir.write("Functions.tla", module("Functions", "EXTENDS Folds\nRange(f) == {}"));
    dir.write("Folds.tla", module("Folds", "MapThenFoldSet(a, b, c, d, e) == 0"));
    auto load = load_modules(root);
    INFO(all_errors(load));
    REQUIRE(load.spec);
    REQUIRE(load.spec->modules.contains("Functions"));
    CHECK(load.spec->modules.at("Functions").standard_name);
    CHECK(load.spec->modules.at("Folds").standard_name);
    CHECK(load.spec->standard == std::set<std::string, std::less<>>{"Naturals"});
}

TEST_CASE("a missing module gives SANY's message at the import") {
    TempDir dir;
    auto root = dir.write("Top.tla", module("Top", "EXTENDS Naturals,\n  Mid"));
    dir.write("Mid.tla", module("Mid", "EXTENDS TLC, TLAPS\nX == 1\nI == INSTANCE Gone"));
    auto load = load_modules(root);
    CHECK_FALSE(load.spec);
    REQUIRE(load.errors.size() == 2);
    auto const mid = (dir.path() / "Mid.tla").string();
    CHECK(load.errors[0].format() ==
          mid + ":2:14: error: Cannot find source file for module TLAPS imported in module "
                "Mid.\nEXTENDS TLC, TLAPS\n             ^");
    CHECK(load.errors[1].file == mid);
    CHECK(load.errors[1].line == 4);
    CHECK(load.errors[1].column == 6);
    CHECK(load.errors[1].message ==
          "Cannot find source file for module Gone imported in module Mid.");
}

TEST_CASE("cycles are errors") {
    TempDir dir;
    auto root = dir.write("A.tla", module("A", "EXTENDS B"));
    dir.write("B.tla", module("B", "EXTENDS C"));
    dir.write("C.tla", module("C", "I == INSTANCE A"));
    auto load = load_modules(root);
    CHECK_FALSE(load.spec);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].message == "Circular dependency among modules: A -> B -> C -> A");
    CHECK(load.errors[0].file == (dir.path() / "C.tla").string());
    CHECK(load.errors[0].line == 2);

    auto self = load_modules_from_text(module("S", "EXTENDS S"), "<string>");
    REQUIRE(self.errors.size() == 1);
    CHECK(self.errors[0].message == "Circular dependency among modules: S -> S");
}

TEST_CASE("a file must hold the module it is named after") {
    TempDir dir;
    auto root = dir.write("Spec.tla", module("Spec", "EXTENDS Wrong"));
    dir.write("Wrong.tla", module("Right", "X == 1"));
    auto load = load_modules(root);
    CHECK_FALSE(load.spec);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].message ==
          "File name 'Wrong' does not match the name 'Right' of the top level module it "
          "contains.");
    CHECK(load.errors[0].line == 1);
    CHECK(load.errors[0].source_line == "---- MODULE Right ----");
}

TEST_CASE("parse errors of imported modules are reported with their file") {
    TempDir dir;
    auto root = dir.write("Spec.tla", module("Spec", "EXTENDS Bad"));
    dir.write("Bad.tla", module("Bad", "X == (1 +"));
    auto load = load_modules(root);
    CHECK_FALSE(load.spec);
    REQUIRE_FALSE(load.errors.empty());
    CHECK(load.errors[0].file == (dir.path() / "Bad.tla").string());
    CHECK(load.errors[0].line >= 2);
}

TEST_CASE("loading from text uses only the search path") {
    TempDir dir;
    dir.write("M.tla", module("M", "X == 1"));
    auto found = load_modules_from_text(module("T", "EXTENDS M"), "<string>", {dir.path()});
    INFO(all_errors(found));
    REQUIRE(found.spec);
    CHECK(found.spec->modules.at("T").path == "<string>");
    CHECK(found.spec->modules.contains("M"));

    auto missing = load_modules_from_text(module("T", "EXTENDS M"), "<string>");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].format() ==
          "<string>:2:9: error: Cannot find source file for module M imported in module T.\n"
          "EXTENDS M\n        ^");
}

TEST_CASE("an unreadable root file is an error, not an exception") {
    auto load = load_modules("/nonexistent/dir/Spec.tla");
    CHECK_FALSE(load.spec);
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].message == "cannot read the file");
}
