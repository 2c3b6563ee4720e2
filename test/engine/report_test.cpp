// Reports: verdict lines and the JSON document are well-formed JSON with the documented fields.
#include "lib/report.hpp"

#include <catch2/catch.hpp>
#include <simdjson.h>

namespace {

using namespace tlatv;

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& text) {
    simdjson::dom::element doc;
    REQUIRE(parser.parse(text).get(doc) == simdjson::SUCCESS);
    return doc;
}

} // namespace

TEST_CASE("a failing verdict line carries its diagnostic") {
    engine::WindowVerdict v;
    v.index = 4;
    v.action = "Release";
    v.event = "Release";
    v.verdict = eval::Verdict::Fail;
    v.failure = engine::FailureKind::Rejected;
    engine::FailureDiagnostic d;
    d.false_conjunct = Diagnostic{"Spec.tla", 12, 5, "this conjunct is false: holder = c", {}};
    d.operand_values = {{"holder", "\"c1\""}, {"c", "\"c2\""}};
    d.closest_action = "Release(\"c1\")";
    d.differing = {{"holder", "\"c2\"", "\"none\""}};
    v.diagnostic = d;
    simdjson::dom::parser parser;
    auto doc = parse(parser, report::format_verdict_line(v));
    CHECK(std::string_view(doc["verdict"]) == "fail");
    CHECK(int64_t(doc["index"]) == 4);
    CHECK(std::string_view(doc["diagnostic"]["false_conjunct"]["file"]) == "Spec.tla");
    CHECK(int64_t(doc["diagnostic"]["false_conjunct"]["line"]) == 12);
    CHECK(std::string_view(doc["diagnostic"]["closest"]["differing"].at(0)["spec"]) == "\"none\"");
    const std::string text = report::format_diagnostic(v);
    CHECK(text.find("Spec.tla:12:5") != std::string::npos);
    CHECK(text.find("holder: observed \"c2\", spec \"none\"") != std::string::npos);
}

TEST_CASE("the JSON report of a summary parses and names its format") {
    engine::ValidationSummary s;
    s.windows = 2;
    s.passes = 1;
    s.fails = 1;
    engine::ActionSummary a;
    a.action = "A \"quoted\"";
    a.windows = 2;
    a.passes = 1;
    a.fails = 1;
    a.clusters.push_back({"pc[actor] = \"idle\"", 1, 0});
    s.actions.push_back(a);
    simdjson::dom::parser parser;
    auto doc = parse(parser, report::format_json(s, {"S.tla", "S.cfg", "w.ndjson", ""}));
    CHECK(std::string_view(doc["format"]) == "tlatv-report/1");
    CHECK(std::string_view(doc["actions"].at(0)["action"]) == "A \"quoted\"");
    CHECK(std::string_view(doc["actions"].at(0)["clusters"].at(0)["feature"]) ==
          "pc[actor] = \"idle\"");
    CHECK(double(doc["actions"].at(0)["pass_rate"]) == Approx(0.5));
}
