#include "tlatv/diagnostic.hpp"

#include <catch2/catch.hpp>

TEST_CASE("a diagnostic prints file:line:col and a caret under the column") {
    tlatv::Diagnostic d{"Spec.tla", 3, 5, "unexpected token", "  x == +"};
    CHECK(d.format() == "Spec.tla:3:5: error: unexpected token\n  x == +\n    ^");
}

TEST_CASE("a diagnostic without a location prints only the message") {
    tlatv::Diagnostic d{"", 0, 0, "no such file", ""};
    CHECK(d.format() == "error: no such file");
}

TEST_CASE("the caret counts code points, not bytes") {
    tlatv::Diagnostic d{"S.tla", 1, 4, "bad", "\xE2\x88\x80x y"};
    CHECK(d.format() == "S.tla:1:4: error: bad\n\xE2\x88\x80x y\n   ^");
}
