// Contexts of one run share the JSON files they read (evaluator/json_file_cache.hpp).
#include "evaluator/eval_expression.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace tlatv::eval;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_with(const std::string& expr, const std::shared_ptr<JsonFileCache>& cache) {
    const std::vector<std::string> extends = {"Json"};
    ExpressionSetup setup;
    setup.configure = [&](EvalContext& ctx) {
        ctx.allow_file_access = true;
        ctx.json_files = cache;
    };
    ExpressionResult result = evaluate_expression(expr, extends, setup);
    if (!result.value) return "error: " + result.errors.at(0).message;
    return result.value->to_string();
}

} // namespace

TEST_CASE("contexts sharing a JSON file cache read each file once", "[eval][files]") {
    const auto dir = std::filesystem::temp_directory_path() / "tlatv-json-file-cache-test";
    std::filesystem::create_directories(dir);
    const std::string file = (dir / "w.ndjson").string();
    const std::string nd = "ndJsonDeserialize(\"" + file + "\")";
    const std::string whole = "JsonDeserialize(\"" + file + "\")";

    auto cache = std::make_shared<JsonFileCache>();
    write(file, "{\"a\": 1}\n");
    CHECK(read_with(nd, cache) == "<<[a |-> 1]>>");
    write(file, "{\"a\": 2}\n");
    // The second context of the run gets what the first read; without the cache, the new text.
    CHECK(read_with(nd, cache) == "<<[a |-> 1]>>");
    CHECK(read_with(nd, nullptr) == "<<[a |-> 2]>>");
    // The two operators read the same file differently and are cached apart.
    CHECK(read_with(whole, cache) == "[a |-> 2]");

    // A file that fails to read is not cached: once it exists, it is read.
    const std::string missing = (dir / "missing.ndjson").string();
    const std::string nd_missing = "ndJsonDeserialize(\"" + missing + "\")";
    CHECK(read_with(nd_missing, cache).starts_with("error: "));
    write(missing, "[1, 2]\n");
    CHECK(read_with(nd_missing, cache) == "<<<<1, 2>>>>");
    std::filesystem::remove_all(dir);
}
