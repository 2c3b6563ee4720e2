#include "lib/state_text.hpp"

#include <catch2/catch.hpp>

using tlatv::split_state_text;

TEST_CASE("a bulleted state gives one entry per variable, in order") {
    auto split = split_state_text("/\\ big = 0\n/\\ small = 3");
    REQUIRE(split.error.empty());
    REQUIRE(split.entries.size() == 2);
    CHECK(split.entries[0].variable == "big");
    CHECK(split.entries[0].value_text == "0");
    CHECK(split.entries[1].variable == "small");
    CHECK(split.entries[1].value_text == "3");
    CHECK(split.entries[1].line == 2);
    CHECK(split.entries[1].column == 12);
}

TEST_CASE("a single-variable state has no bullet") {
    auto split = split_state_text("hr = 11");
    REQUIRE(split.error.empty());
    REQUIRE(split.entries.size() == 1);
    CHECK(split.entries[0].variable == "hr");
    CHECK(split.entries[0].value_text == "11");
}

TEST_CASE("wrapped values continue on the following lines") {
    auto split =
        split_state_text("/\\ votes = ( a1 :> {<<0, v1>>} @@\n  a2 :> {} )\n/\\ x = \"a = b\"");
    REQUIRE(split.error.empty());
    REQUIRE(split.entries.size() == 2);
    CHECK(split.entries[0].value_text == "( a1 :> {<<0, v1>>} @@\n  a2 :> {} )");
    CHECK(split.entries[1].value_text == "\"a = b\"");
}

TEST_CASE("several variables may share a line, as in `/\\ x = 1 /\\ y = {1, 2}`") {
    auto split = split_state_text("/\\ x = 1 /\\ y = {1, 2} /\\ z = <<\"/\\\\\">>");
    REQUIRE(split.error.empty());
    REQUIRE(split.entries.size() == 3);
    CHECK(split.entries[0].value_text == "1");
    CHECK(split.entries[1].variable == "y");
    CHECK(split.entries[1].value_text == "{1, 2}");
    CHECK(split.entries[1].column == 17);
    CHECK(split.entries[2].value_text == "<<\"/\\\\\">>");
}

TEST_CASE("malformed state text is reported with its line") {
    CHECK(split_state_text("").error == "the state text is empty");
    CHECK(split_state_text("/\\ x == 1").error == "line 1: expected `/\\ variable = value`");
    CHECK(split_state_text("/\\ x = 1\n/\\ = 2").error ==
          "line 2: expected `/\\ variable = value`");
    CHECK(split_state_text("x = 1\n/\\ y = 2").error ==
          "line 2: a state of several variables needs a `/\\ ` before each");
}
