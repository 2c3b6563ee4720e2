// The expression oracle (shared/oracle/expr): TLC's value or error for 4,257 constant
// expressions. Each expression is evaluated as `E == <expr>` in a module extending the entry's
// modules; a `value` entry is compared as a value with TLC's printed value (itself evaluated), an
// `error` entry must give an error. Agreement is printed per category and must not regress.
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace tlatv::eval;

namespace {

struct Entry {
    std::string id;
    std::string category;
    std::vector<std::string> extends;
    std::string expr;
    std::optional<std::string> value;
};

std::vector<Entry> read_entries(const std::filesystem::path& path) {
    std::vector<Entry> entries;
    simdjson::padded_string text = simdjson::padded_string::load(path.string()).value();
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream docs = parser.iterate_many(text).value();
    for (auto doc : docs) {
        simdjson::ondemand::object object = doc.get_object().value();
        Entry e;
        for (auto field : object) {
            std::string_view key = field.unescaped_key().value();
            simdjson::ondemand::value v = field.value().value();
            if (key == "id")
                e.id = std::string(std::string_view(v.get_string().value()));
            else if (key == "category")
                e.category = std::string(std::string_view(v.get_string().value()));
            else if (key == "expr")
                e.expr = std::string(std::string_view(v.get_string().value()));
            else if (key == "value" && !v.is_null())
                e.value = std::string(std::string_view(v.get_string().value()));
            else if (key == "extends")
                for (auto m : v.get_array())
                    e.extends.emplace_back(std::string_view(m.get_string().value()));
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

// TLC's printed value needs TLC (`:>`, `@@`, Any), Integers (negative numbers) and Sequences
// (Seq(S)) to be read back.
std::vector<std::string> value_extends(const Entry& e) {
    std::vector<std::string> extends = e.extends;
    for (const char* m : {"Integers", "Sequences", "TLC"})
        if (std::find(extends.begin(), extends.end(), m) == extends.end()) extends.push_back(m);
    return extends;
}

bool same_value(const Value& a, const Value& b) {
    try {
        return equals(a, b);
    } catch (const EvalError&) {
        return a.to_string() == b.to_string();
    }
}

struct Tally {
    int agree = 0;
    int total = 0;
};

} // namespace

TEST_CASE("TLC expression oracle", "[oracle]") {
    const std::filesystem::path path =
        std::filesystem::path(TLATV_SHARED_DIR) / "oracle/expr/expressions.ndjson";
    if (!std::filesystem::exists(path)) {
        WARN("oracle not found: " << path);
        return;
    }
    std::vector<Entry> entries = read_entries(path);
    REQUIRE(entries.size() > 4000);

    std::map<std::string, Tally> by_category;
    std::map<std::string, int> unknown_operators;
    std::vector<std::string> disagreements;
    const std::regex unknown(R"(Unknown operator: `([^']+)')");
    int agree = 0;
    for (const Entry& e : entries) {
        ExpressionResult got = evaluate_expression(e.expr, e.extends);
        bool ok = false;
        std::string detail;
        if (!got.value) {
            std::string message = got.errors.empty() ? "" : got.errors[0].message;
            std::smatch m;
            if (std::regex_search(message, m, unknown)) ++unknown_operators[m[1]];
            ok = !e.value.has_value();
            detail = "error: " + message;
        } else if (e.value) {
            std::string expected_text = *e.value == "ANY" ? "Any" : *e.value;
            // TLC prints -2147483648, which as a literal is the negation of a number too big
            // for TLC's reader; read the printed values with exact integers.
            ExpressionSetup exact;
            exact.int_mode = IntMode::Exact;
            ExpressionResult expected = evaluate_expression(expected_text, value_extends(e), exact);
            ok = expected.value && same_value(*got.value, *expected.value);
            detail = got.value->to_string();
            if (!expected.value)
                detail += " (TLC's value does not evaluate: " +
                          (expected.errors.empty() ? "" : expected.errors[0].message) + ")";
        } else {
            detail = got.value->to_string();
        }
        Tally& t = by_category[e.category];
        ++t.total;
        if (ok) {
            ++t.agree;
            ++agree;
        } else {
            disagreements.push_back(e.id + ": " + e.expr +
                                    "\n    TLC: " + (e.value ? *e.value : std::string("error")) +
                                    "\n    tlatv: " + detail);
        }
    }

    std::cout << "Expression oracle agreement by category:\n";
    for (const auto& [category, t] : by_category)
        std::cout << "  " << category << ": " << t.agree << " / " << t.total << "\n";
    std::cout << "  overall: " << agree << " / " << entries.size() << "\n";
    if (!unknown_operators.empty()) {
        std::cout << "Operators reported unknown:";
        for (const auto& [name, count] : unknown_operators)
            std::cout << " " << name << "(" << count << ")";
        std::cout << "\n";
    }
    if (const char* dump = std::getenv("TLATV_ORACLE_DISAGREEMENTS")) {
        std::ofstream out(dump);
        for (const auto& d : disagreements)
            out << d << "\n";
    }
    // Every entry must agree; the disagreements are listed above (and in the dump file).
    for (const auto& d : disagreements)
        UNSCOPED_INFO(d);
    CHECK(static_cast<std::size_t>(agree) == entries.size());
}
