// Syntax errors are reported once, with exact positions.
#include "test_support.hpp"

#include "parser/parse.hpp"

#include <catch2/catch.hpp>

using tlatv::parser::test::module_error;

TEST_CASE("module structure errors", "[errors]") {
    CHECK(module_error("nothing here") == "test.tla:1:1: error: no `---- MODULE` line found");
    CHECK(module_error("---- MODULE M ----\nx == 1\n") ==
          "test.tla:3:1: error: expected `====` to end module M, found the end of the input");
    CHECK(module_error("---- MODULE M ----\nFoo(x) 1\n====\n") ==
          "test.tla:2:8: error: expected `==` after the operator name, found the number `1`");
    CHECK(module_error("---- MODULE M ----\nFoo(x == 1\n====\n") ==
          "test.tla:2:7: error: expected `)` to close the parameter list, found `==`");
    CHECK(module_error("---- MODULE ----\n====\n") ==
          "test.tla:1:13: error: expected a module name after MODULE, found `----`");
}

TEST_CASE("expression errors inside modules", "[errors]") {
    CHECK(module_error("---- MODULE M ----\nx == IF a THEN b\n====\n") ==
          "test.tla:3:1: error: expected `ELSE` after the THEN branch, found `====`");
    CHECK(module_error("---- MODULE M ----\nx == [a |-> 1\n====\n") ==
          "test.tla:3:1: error: expected `]` to close the record, found `====`");
    CHECK(module_error("---- MODULE M ----\nx == {1, 2\n====\n") ==
          "test.tla:3:1: error: expected `}` to close the set, found `====`");
    CHECK(module_error("---- MODULE M ----\nx == 1 +\n====\n") ==
          "test.tla:3:1: error: expected an expression, found `====`");
    CHECK(module_error("---- MODULE M ----\nx == a ? b\n====\n") ==
          "test.tla:2:8: error: unexpected character `?`");
    CHECK(module_error("---- MODULE M ----\nx == \"abc\n====\n") ==
          "test.tla:2:6: error: unterminated string");
    CHECK(module_error("---- MODULE M ----\nx == a ∧ b ∨ c\n====\n") ==
          "test.tla:2:12: error: `∨` cannot be combined with `∧` without parentheses "
          "(their precedence ranges overlap)");
}

TEST_CASE("the diagnostic shows the source line and a caret", "[errors]") {
    auto parsed = tlatv::parser::parse_module("---- MODULE M ----\nx == 1 + * 2\n====\n", "m.tla");
    REQUIRE(!parsed.module);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].format() ==
          "m.tla:2:10: error: expected an expression, found `*`\nx == 1 + * 2\n         ^");
}

TEST_CASE("bad input never crashes", "[errors]") {
    const char* inputs[] = {"",
                            "----",
                            "---- MODULE",
                            "---- MODULE M",
                            "---- MODULE M ----",
                            "---- MODULE M ----\n(*",
                            "---- MODULE M ----\nx == (((((\n====",
                            "---- MODULE M ----\n\xff\xfe\n====",
                            "---- MODULE M ----\nx ==",
                            "---- MODULE M ----\nTHEOREM\n===="};
    for (const char* input : inputs) {
        auto parsed = tlatv::parser::parse_module(input, "bad.tla");
        CHECK(!parsed.module);
        CHECK(parsed.errors.size() == 1);
    }
}
