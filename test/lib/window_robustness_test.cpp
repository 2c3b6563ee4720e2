// Malformed input never escapes as an exception or a crash: mutated real lines each give one
// window, well read or carrying an error. (Run under -DTLATV_SANITIZE=ON to catch memory errors.)
#include "lib/mapping.hpp"
#include "lib/window_reader.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace tlatv::lib;

namespace {

const std::string samples[] = {
    R"({"window_id": 0, "trace_id": "t", "seq": 0, "action": "Acquire", "actor": "1", "pre_state": {"lockState": "unlocked", "pc": {"0": "idle", "1": "idle"}}, "post_state": {"lockState": "locked", "pc": {"0": "idle", "1": "locked"}}})",
    R"({"id": 1, "trace_id": "q", "node": 2, "pre": {"currentTerm": [1, 1, 0], "votedFor": [1, "None", -3]}, "post": {"currentTerm": [1, 1, 1]}, "input": {"type": "MsgVote", "entries": [{"term": 1, "data": "d\"x"}]}})",
    R"({"trace_id": "c", "ts": 17, "event": "E", "node": "2", "pre_state": {"1": {"term": 1}, "2": {"term": 0}}, "post_state": {"1": {"term": 1}, "2": {"term": 1}}})",
    R"({"action": "Request", "args": {"c": "c1"}, "pre": {"holder": "none", "waiting": []}, "post": {"holder": "c1", "waiting": ["c2"]}, "expect": "pass"})",
};

// A mutation: replace, insert or delete one byte, or cut the line.
std::string mutate(const std::string& line, std::mt19937& random) {
    static const std::string alphabet = "{}[]\":,\\ 0123456789-.eEtrufalsn\x01\xff\xc3";
    std::string out = line;
    const int mutations = 1 + static_cast<int>(random() % 3);
    for (int m = 0; m < mutations && !out.empty(); ++m) {
        const std::size_t at = random() % out.size();
        const char c = alphabet[random() % alphabet.size()];
        switch (random() % 4) {
        case 0:
            out[at] = c;
            break;
        case 1:
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), c);
            break;
        case 2:
            out.erase(at, 1);
            break;
        case 3:
            out.resize(at);
            break;
        }
    }
    return out;
}

} // namespace

TEST_CASE("mutated window lines give one window each, read or in error", "[windows][errors]") {
    std::mt19937 random(20261125); // fixed: the same cases on every run
    std::size_t with_error = 0;
    std::size_t total = 0;
    for (const std::string& sample : samples) {
        WindowReaderOptions options;
        // Detect the layout on the intact line, then read mutated ones in that layout.
        options.format = read_windows_from_string(sample, "sample.ndjson").format;
        REQUIRE(options.format != WindowFormat::Auto);
        for (int i = 0; i < 1000; ++i) {
            const std::string line = mutate(sample, random);
            if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
            if (line.find('\n') != std::string::npos) continue; // one line stays one line
            WindowFile file;
            REQUIRE_NOTHROW(file = read_windows_from_string(line, "mutated.ndjson", options));
            INFO(line);
            REQUIRE_FALSE(file.error);
            REQUIRE(file.windows.size() == 1);
            if (file.windows[0].error) {
                ++with_error;
                CHECK(file.windows[0].error->line == 1);
                CHECK_FALSE(file.windows[0].error->message.empty());
            }
            ++total;
        }
    }
    // Most mutations break the line; some (e.g. a changed digit) do not.
    CHECK(with_error > total / 2);
    CHECK(with_error < total);
}

TEST_CASE("mutated mapping files give a mapping or located errors", "[mapping][errors]") {
    const std::string mapping =
        R"({"actions": {"E": [{"action": "A", "params": {"i": "actor", "m": {"range": [1, 2]}}}, "B"]}, "variables": {"x": "y", "z": null}, "values": [{"log": "1", "spec": {"tla": "n1"}, "in": ["x"]}], "absent": {"w": {"default": 0}}, "constants": {"N": 3}})";
    REQUIRE(std::holds_alternative<Mapping>(parse_mapping(mapping, "m.json")));
    std::mt19937 random(7);
    std::size_t rejected = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string text = mutate(mapping, random);
        MappingResult result;
        REQUIRE_NOTHROW(result = parse_mapping(text, "m.json"));
        if (auto* errors = std::get_if<std::vector<tlatv::Diagnostic>>(&result)) {
            INFO(text);
            REQUIRE_FALSE(errors->empty());
            for (const auto& e : *errors)
                CHECK_FALSE(e.message.empty());
            ++rejected;
        }
    }
    CHECK(rejected > 1000);
}

TEST_CASE("mutated JSON values convert or give an error, under every policy", "[json][errors]") {
    const std::string text =
        R"({"a": [1, -2.5e1, 4294967296, null, true], "b": {"c": "x\u00e9\n", "d": {}}, "e": 1e400})";
    JsonOptions lenient;
    lenient.null_policy = JsonNullPolicy::ModelValue;
    lenient.integer_policy = JsonIntegerPolicy::Exact;
    lenient.fraction_policy = JsonFractionPolicy::Truncate;
    JsonOptions tlc = lenient;
    tlc.integer_policy = JsonIntegerPolicy::Wrap32;
    std::mt19937 random(11);
    for (int i = 0; i < 2000; ++i) {
        const std::string mutated = mutate(text, random);
        for (const JsonOptions& options : {JsonOptions{}, lenient, tlc}) {
            JsonWarnings warnings;
            JsonValueResult result;
            REQUIRE_NOTHROW(result = json_to_value(mutated, options, warnings));
            if (auto* error = std::get_if<JsonValueError>(&result))
                CHECK_FALSE(error->message.empty());
        }
    }
}
