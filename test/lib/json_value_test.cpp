#include "lib/json_value.hpp"
#include "lib/window.hpp"

#include "evaluator/value_bigint.hpp"
#include "evaluator/value_parse.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using tlatv::eval::Value;
using namespace tlatv::lib;

namespace {

Value convert(std::string_view json, const JsonOptions& options = {}) {
    JsonWarnings warnings;
    auto result = json_to_value(json, options, warnings);
    if (auto* error = std::get_if<JsonValueError>(&result))
        FAIL("unexpected error: " << error->describe());
    return std::get<Value>(result);
}

JsonValueError conversion_error(std::string_view json, const JsonOptions& options = {},
                                std::string_view prefix = {}) {
    JsonWarnings warnings;
    auto result = json_to_value(json, options, warnings, prefix);
    if (auto* value = std::get_if<Value>(&result))
        FAIL("expected an error, got " << value->to_string());
    return std::get<JsonValueError>(result);
}

} // namespace

TEST_CASE("JSON scalars follow TLC's conventions", "[json]") {
    CHECK(convert("true") == Value::boolean(true));
    CHECK(convert("false") == Value::boolean(false));
    CHECK(convert("42") == Value::integer(42));
    CHECK(convert("-7") == Value::integer(-7));
    CHECK(convert("-0") == Value::integer(0));
    CHECK(convert("\"StateLeader\"") == Value::string("StateLeader"));
    CHECK(convert("\"a\\\"b\\n\\u00e9\"") == Value::string("a\"b\n\xc3\xa9"));
    CHECK(convert("  2147483647 ") == Value::integer(2147483647));
    CHECK(convert("-2147483648") == Value::integer(-2147483648LL));
}

TEST_CASE("JSON objects are records, arrays tuples, {} the empty function", "[json]") {
    const Value record = convert(R"({"term": 1, "role": "Leader", "log": [1, 2]})");
    REQUIRE(record.is_record());
    CHECK(*record.field("term") == Value::integer(1));
    CHECK(*record.field("role") == Value::string("Leader"));
    CHECK(*record.field("log") == Value::tuple({Value::integer(1), Value::integer(2)}));
    CHECK(record.to_string() == R"([log |-> <<1, 2>>, role |-> "Leader", term |-> 1])");

    const Value empty_object = convert("{}");
    CHECK(empty_object.is_function());
    CHECK(empty_object.size() == 0);
    CHECK(empty_object == Value::tuple({}));
    CHECK(convert("[]") == Value::tuple({}));
    CHECK(convert(R"([[1], {"a": true}])").to_string() == "<<<<1>>, [a |-> TRUE]>>");
}

TEST_CASE("null is an error by default, with its path and column", "[json][errors]") {
    const JsonValueError error = conversion_error(R"({"votedFor": [1, 2, null]})", {}, "pre");
    CHECK(error.path == "pre.votedFor[3]");
    CHECK(error.column == 21);
    CHECK(error.message.find("null is not allowed") != std::string::npos);
    CHECK(error.message.find("--json-null") != std::string::npos);
    CHECK(error.describe().rfind("pre.votedFor[3]: null is not allowed", 0) == 0);
}

TEST_CASE("null can be a model value or a given value", "[json]") {
    JsonOptions as_model_value;
    as_model_value.null_policy = JsonNullPolicy::ModelValue;
    CHECK(convert("null", as_model_value) == Value::model_value("null"));
    CHECK(convert(R"({"holder": null})", as_model_value).field("holder")->is_model_value());

    JsonOptions as_given;
    as_given.null_policy = JsonNullPolicy::Given;
    as_given.null_value = Value::string("None");
    CHECK(convert("[null]", as_given) == Value::tuple({Value::string("None")}));
}

TEST_CASE("integers beyond 32 bits: error, TLC's wrap, or exact", "[json][errors]") {
    const JsonValueError error = conversion_error(R"({"ts": 1775859112840150887})");
    CHECK(error.path == "ts");
    CHECK(error.column == 8);
    CHECK(error.message.find("outside TLC's 32-bit range") != std::string::npos);
    CHECK(conversion_error("2147483648").message.find("32-bit") != std::string::npos);
    CHECK(conversion_error("-2147483649").message.find("32-bit") != std::string::npos);

    JsonOptions wrap;
    wrap.integer_policy = JsonIntegerPolicy::Wrap32;
    JsonWarnings warnings;
    auto wrapped =
        json_to_value("[2147483648, 4294967297, -2147483649, 1775859112840150887]", wrap, warnings);
    REQUIRE(std::holds_alternative<Value>(wrapped));
    // Java's (int) of the long / BigInteger.intValue(): the low 32 bits, two's complement.
    CHECK(std::get<Value>(wrapped).to_string() ==
          fmt::format("<<-2147483648, 1, 2147483647, {}>>",
                      static_cast<std::int32_t>(1775859112840150887LL & 0xFFFFFFFFLL)));
    CHECK(warnings.wrapped_integers == 4);

    JsonOptions exact;
    exact.integer_policy = JsonIntegerPolicy::Exact;
    CHECK(convert("1775859112840150887", exact) == Value::integer(1775859112840150887LL));
    const Value huge = convert("-123456789012345678901234567890", exact);
    CHECK(huge.is_big_int());
    CHECK(tlatv::eval::to_big_int(huge) == tlatv::eval::BigInt("-123456789012345678901234567890"));
}

TEST_CASE("fractions: error by default, truncated toward zero on request", "[json][errors]") {
    const JsonValueError error = conversion_error(R"({"x": [1, 2.5]})");
    CHECK(error.path == "x[2]");
    CHECK(error.message.find("not an integer") != std::string::npos);
    CHECK(conversion_error("1.0").message.find("not an integer") != std::string::npos);
    CHECK(conversion_error("1e3").message.find("not an integer") != std::string::npos);

    JsonOptions truncate;
    truncate.fraction_policy = JsonFractionPolicy::Truncate;
    JsonWarnings warnings;
    auto result =
        json_to_value("[2.9, -2.9, 0.5, 1e3, 1.5E+2, 25e-1, -0.0, 7E-300]", truncate, warnings);
    REQUIRE(std::holds_alternative<Value>(result));
    CHECK(std::get<Value>(result).to_string() == "<<2, -2, 0, 1000, 150, 2, 0, 0>>");
    CHECK(warnings.truncated_fractions == 8);

    // A truncated fraction is still subject to the integer policy.
    CHECK(conversion_error("3e10", truncate).message.find("32-bit") != std::string::npos);
    CHECK(conversion_error("1e99999", truncate).message.find("too large") != std::string::npos);
}

TEST_CASE("malformed JSON is reported, not guessed", "[json][errors]") {
    CHECK(conversion_error(R"({"a": 01})").message.find("malformed number") != std::string::npos);
    CHECK(conversion_error(R"({"a": tru})").message.find("invalid JSON") != std::string::npos);
    CHECK(conversion_error(R"({"a": 1} x)").message.find("unexpected text") != std::string::npos);
    CHECK(conversion_error(R"({"a": 1, "a": 2})").message.find("duplicate key \"a\"") !=
          std::string::npos);
    CHECK_FALSE(conversion_error(R"({"a": [1, 2)").message.empty());
    CHECK_FALSE(conversion_error("").message.empty());
    CHECK_FALSE(conversion_error("\"\xff\"").message.empty()); // invalid UTF-8
}

TEST_CASE("paths quote keys that are not identifiers", "[json][errors]") {
    const JsonValueError error = conversion_error(R"({"pre_state": {"1": {"votedFor": null}}})");
    CHECK(error.path == R"(pre_state["1"].votedFor)");
}

TEST_CASE("values to JSON with TLC's ToJson conventions", "[json]") {
    CHECK(value_to_json(Value::boolean(true)) == "true");
    CHECK(value_to_json(Value::integer(-3)) == "-3");
    CHECK(value_to_json(Value::string("a\"b\\\n\x01")) == R"("a\"b\\\n\u0001")");
    CHECK(value_to_json(Value::model_value("n1")) == R"("n1")");
    CHECK(value_to_json(Value::tuple({Value::integer(1), Value::string("x")})) == R"([1,"x"])");
    CHECK(value_to_json(Value::tuple({})) == "[]");
    CHECK(value_to_json(Value::record({{"b", Value::integer(2)}, {"a", Value::boolean(false)}})) ==
          R"({"a":false,"b":2})");
    CHECK(value_to_json(Value::set({Value::integer(3), Value::integer(1)})) == "[1,3]");
    CHECK(value_to_json(Value::interval(2, 4)) == "[2,3,4]");
    // A function on model values: keys are printed TLA+ values.
    CHECK(value_to_json(Value::function_from_pairs(
              {{Value::model_value("n1"), Value::integer(0)},
               {Value::model_value("n2"), Value::integer(1)}})) == R"({"n1":0,"n2":1})");
    CHECK(value_to_json(Value::function_from_pairs({{Value::integer(2), Value::string("a")},
                                                    {Value::integer(5), Value::string("b")}})) ==
          R"({"2":"a","5":"b"})");
    CHECK_THROWS_AS(value_to_json(Value::nat()), tlatv::eval::EvalError);
}

TEST_CASE("JSON round-trips through values", "[json]") {
    const std::string text = R"({"log":[{"data":"dummy","term":1}],"term":3,"voted":true})";
    CHECK(value_to_json(convert(text)) == text);
}

TEST_CASE("policy names round-trip", "[json]") {
    for (auto p : {JsonNullPolicy::Reject, JsonNullPolicy::ModelValue, JsonNullPolicy::Given})
        CHECK(parse_json_null_policy(to_string(p)) == p);
    for (auto p : {JsonIntegerPolicy::Reject, JsonIntegerPolicy::Wrap32, JsonIntegerPolicy::Exact})
        CHECK(parse_json_integer_policy(to_string(p)) == p);
    for (auto p : {JsonFractionPolicy::Reject, JsonFractionPolicy::Truncate})
        CHECK(parse_json_fraction_policy(to_string(p)) == p);
    CHECK_FALSE(parse_json_null_policy("nil"));
}

TEST_CASE("states to JSON for reports", "[json]") {
    State state;
    state.emplace("x", Value::integer(1));
    state.emplace("log", Value::tuple({Value::string("a")}));
    state.emplace("we\"ird", Value::boolean(true));
    CHECK(state_to_json(state) == R"({"log":["a"],"we\"ird":true,"x":1})");
    CHECK(state_to_json({}) == "{}");
}

// TLC's answers for ToJson on constant values (shared/oracle/expr): the argument is read back
// with the reader of TLC's printed form, so only literal arguments are checked here.
TEST_CASE("value_to_json agrees with TLC's ToJson on the oracle", "[json][corpus]") {
    const std::string path = std::string(TLATV_SHARED_DIR) + "/oracle/expr/expressions.ndjson";
    JsonOptions options;
    options.null_policy = JsonNullPolicy::ModelValue; // "value": null where TLC failed
    std::ifstream input(path);
    REQUIRE(input);
    std::size_t checked = 0;
    std::size_t errors_checked = 0;
    std::string line;
    while (std::getline(input, line)) {
        JsonWarnings warnings;
        auto parsed = json_to_value(line, options, warnings);
        REQUIRE(std::holds_alternative<Value>(parsed));
        const Value& record = std::get<Value>(parsed);
        const std::string_view expr = record.field("expr")->as_string();
        if (expr.substr(0, 7) != "ToJson(" || expr.back() != ')') continue;
        Value argument;
        try {
            argument = tlatv::eval::parse_value(expr.substr(7, expr.size() - 8));
        } catch (const tlatv::eval::EvalError&) {
            continue; // not a literal, e.g. [x \in 2..3 |-> x]
        }
        INFO(expr);
        const Value& expected = *record.field("value");
        if (expected.is_model_value()) { // TLC reported an error
            CHECK_THROWS_AS(value_to_json(argument), tlatv::eval::EvalError);
            ++errors_checked;
        } else {
            CHECK(value_to_json(argument) ==
                  tlatv::eval::parse_value(expected.as_string()).as_string());
            ++checked;
        }
    }
    CHECK(checked == 31);
    CHECK(errors_checked == 1); // ToJson(Nat)
}
