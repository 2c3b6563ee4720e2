// Every expression of the shared TLC oracle parses with parse_expression (TLC evaluated all of
// them; the few it rejects fail at evaluation or number conversion, not in SANY's grammar).
#include "test_support.hpp"

#include "parser/parse.hpp"

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("every oracle expression parses", "[oracle]") {
    const fs::path path = fs::path(TLATV_SHARED_DIR) / "oracle" / "expr" / "expressions.ndjson";
    simdjson::padded_string json = simdjson::padded_string::load(path.string());
    simdjson::ondemand::parser reader;
    simdjson::ondemand::document_stream docs = reader.iterate_many(json);
    int total = 0;
    int failed = 0;
    for (auto doc : docs) {
        std::string_view id = doc["id"].get_string().value();
        std::string expr(doc["expr"].get_string().value());
        ++total;
        tlatv::parser::ExpressionParse parsed = tlatv::parser::parse_expression(expr, id);
        if (!parsed.expr) {
            ++failed;
            UNSCOPED_INFO(parsed.errors.at(0).format());
        }
    }
    INFO((total - failed) << "/" << total << " oracle expressions parse");
    CHECK(total > 4000);
    CHECK(failed == 0);
}
