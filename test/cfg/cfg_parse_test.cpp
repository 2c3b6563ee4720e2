// Unit tests of the .cfg parser: one section kind at a time, then the error messages.
#include "parser/cfg_parse.hpp"

#include <catch2/catch.hpp>

#include <string>

using tlatv::cfg::Config;
using tlatv::cfg::parse_config;
using Kind = tlatv::cfg::Value::Kind;

namespace {

Config parse_ok(std::string const& text) {
    auto result = parse_config(text, "test.cfg");
    INFO(text);
    for (auto const& error : result.errors)
        INFO(error.format());
    REQUIRE(result.errors.empty());
    REQUIRE(result.config);
    return std::move(*result.config);
}

std::string first_error(std::string const& text) {
    auto result = parse_config(text, "test.cfg");
    INFO(text);
    REQUIRE_FALSE(result.config);
    REQUIRE_FALSE(result.errors.empty());
    return result.errors.front().format();
}

} // namespace

TEST_CASE("an empty configuration parses to nothing") {
    auto config = parse_ok("  \n\\* only a comment\n(* and (* a nested *) one *)\n");
    CHECK_FALSE(config.specification);
    CHECK(config.assignments.empty());
    CHECK(config.checks_deadlock());
    CHECK(config.file == "test.cfg");
}

TEST_CASE("single-name sections") {
    auto config = parse_ok("SPECIFICATION Spec\nINIT Init NEXT Next\nVIEW v\nSYMMETRY Perms\n"
                           "ALIAS Al\nPOSTCONDITION Post\n_PERIODIC Per\n_RL_REWARD Rew\n");
    REQUIRE(config.specification);
    CHECK(config.specification->name == "Spec");
    CHECK(config.specification->span.begin.line == 1);
    CHECK(config.specification->span.begin.column == 15);
    CHECK(config.specification->span.end.column == 19);
    CHECK(config.init->name == "Init");
    CHECK(config.next->name == "Next");
    CHECK(config.next->span.begin.line == 2);
    CHECK(config.next->span.begin.column == 16);
    CHECK(config.view->name == "v");
    CHECK(config.symmetry->name == "Perms");
    CHECK(config.alias->name == "Al");
    CHECK(config.postcondition->name == "Post");
    CHECK(config.periodic->name == "Per");
    CHECK(config.rl_reward->name == "Rew");
}

TEST_CASE("list sections accept several names and accumulate when repeated") {
    auto config = parse_ok("INVARIANT TypeOK Safety\nINVARIANTS More\n"
                           "PROPERTY Live PROPERTIES P2 P3\n"
                           "CONSTRAINT Bound CONSTRAINTS B2\n"
                           "ACTION_CONSTRAINT AC ACTION_CONSTRAINTS AC2 AC3\n"
                           "INVARIANT\n  Last\n");
    REQUIRE(config.invariants.size() == 4);
    CHECK(config.invariants[0].name == "TypeOK");
    CHECK(config.invariants[1].name == "Safety");
    CHECK(config.invariants[2].name == "More");
    CHECK(config.invariants[3].name == "Last");
    CHECK(config.invariants[3].span.begin.line == 7);
    CHECK(config.invariants[3].span.begin.column == 3);
    REQUIRE(config.properties.size() == 3);
    CHECK(config.properties[2].name == "P3");
    REQUIRE(config.constraints.size() == 2);
    REQUIRE(config.action_constraints.size() == 3);
    CHECK(config.action_constraints[0].name == "AC");
}

TEST_CASE("an empty list section is allowed") {
    auto config = parse_ok("INVARIANT\nSPECIFICATION Spec\n");
    CHECK(config.invariants.empty());
    CHECK(config.specification->name == "Spec");
}

TEST_CASE("CHECK_DEADLOCK") {
    CHECK_FALSE(parse_ok("CHECK_DEADLOCK FALSE").checks_deadlock());
    CHECK(parse_ok("CHECK_DEADLOCK\n  TRUE").checks_deadlock());
    CHECK(parse_ok("CHECK_DEADLOCK TRUE").check_deadlock.has_value());
}

TEST_CASE("constant assignments of every value kind") {
    auto config = parse_ok(R"(CONSTANTS
  N = 3
  Neg = -12
  S = {"a", "b"}
  B = TRUE
  F = FALSE
  A = A
  Server = {s1, s2, s3}
  Nested = {{1, 2}, {}, <<1, "x", <<>>>>}
  T = <<1, 2>>
  Big = 123456789012345678901234567890
  Esc = "say \"hi\""
CONSTANT Empty = {}
)");
    auto const& a = config.assignments;
    REQUIRE(a.size() == 12);

    CHECK(a[0].constant.name == "N");
    CHECK(a[0].value.kind == Kind::Integer);
    CHECK(a[0].value.text == "3");
    CHECK(a[0].value.span.begin.line == 2);
    CHECK(a[0].value.span.begin.column == 7);
    CHECK(a[0].span.begin.column == 3);
    CHECK(a[0].span.end.column == 8);

    CHECK(a[1].value.kind == Kind::Integer);
    CHECK(a[1].value.text == "-12");

    CHECK(a[2].value.kind == Kind::Set);
    REQUIRE(a[2].value.elements.size() == 2);
    CHECK(a[2].value.elements[0].kind == Kind::String);
    CHECK(a[2].value.elements[0].text == "a");
    CHECK(a[2].value.elements[1].text == "b");
    CHECK(a[2].value.elements[1].span.begin.column == 13);

    CHECK(a[3].value.kind == Kind::Boolean);
    CHECK(a[3].value.is_true());
    CHECK(a[4].value.kind == Kind::Boolean);
    CHECK_FALSE(a[4].value.is_true());

    CHECK(a[5].constant.name == "A");
    CHECK(a[5].value.kind == Kind::ModelValue);
    CHECK(a[5].value.text == "A");

    REQUIRE(a[6].value.elements.size() == 3);
    CHECK(a[6].value.elements[2].kind == Kind::ModelValue);
    CHECK(a[6].value.elements[2].text == "s3");

    auto const& nested = a[7].value;
    REQUIRE(nested.elements.size() == 3);
    CHECK(nested.elements[0].kind == Kind::Set);
    CHECK(nested.elements[0].elements.size() == 2);
    CHECK(nested.elements[1].kind == Kind::Set);
    CHECK(nested.elements[1].elements.empty());
    CHECK(nested.elements[2].kind == Kind::Tuple);
    REQUIRE(nested.elements[2].elements.size() == 3);
    CHECK(nested.elements[2].elements[1].text == "x");
    CHECK(nested.elements[2].elements[2].kind == Kind::Tuple);
    CHECK(nested.elements[2].elements[2].elements.empty());

    CHECK(a[8].value.kind == Kind::Tuple);
    REQUIRE(a[8].value.elements.size() == 2);
    CHECK(a[8].value.elements[1].text == "2");

    CHECK(a[9].value.text == "123456789012345678901234567890");
    CHECK(a[10].value.text == R"(say \"hi\")");
    CHECK(a[11].constant.name == "Empty");
    CHECK(a[11].value.elements.empty());
}

TEST_CASE("substitutions, module-scoped entries, qualified names and arguments") {
    auto config = parse_ok(R"(CONSTANTS
    Nil <- TraceNil
    CopyMaxAndExtend <- [abs]ABSCopyMaxAndExtend
    NoHash = [Nano]NoHashVal
    I!J!C = 4
    F(1, "a") = TRUE
    ChangeConfigurationInt <-SIMChangeConfigurationInt
)");
    REQUIRE(config.replacements.size() == 3);
    CHECK(config.replacements[0].constant.name == "Nil");
    CHECK(config.replacements[0].replacement.name == "TraceNil");
    CHECK(config.replacements[0].replacement.span.begin.line == 2);
    CHECK(config.replacements[0].replacement.span.begin.column == 12);
    CHECK(config.replacements[0].module.empty());
    CHECK(config.replacements[1].module == "abs");
    CHECK(config.replacements[1].replacement.name == "ABSCopyMaxAndExtend");
    CHECK(config.replacements[2].replacement.name == "SIMChangeConfigurationInt");

    REQUIRE(config.assignments.size() == 3);
    CHECK(config.assignments[0].module == "Nano");
    CHECK(config.assignments[0].value.kind == Kind::ModelValue);
    CHECK(config.assignments[0].value.text == "NoHashVal");
    CHECK(config.assignments[1].constant.name == "I!J!C");
    CHECK(config.assignments[2].constant.name == "F");
    REQUIRE(config.assignments[2].arguments.size() == 2);
    CHECK(config.assignments[2].arguments[1].kind == Kind::String);
}

TEST_CASE("sections run into each other without line breaks") {
    // TLC's tokenizer needs no separator between sections; corpus files rely on it.
    auto config = parse_ok("CONSTANT\nRM = {\"rm-0\", \"rm-1\"}CONSTANTS\n  Nil <- TraceNil\n"
                           "CHECK_DEADLOCK\n    FALSE\nSPECIFICATION\n    TraceSpec\n");
    CHECK(config.assignments.size() == 1);
    CHECK(config.replacements.size() == 1);
    CHECK(config.specification->name == "TraceSpec");
    CHECK_FALSE(config.checks_deadlock());
}

TEST_CASE("keywords are whole words") {
    auto config = parse_ok("INVARIANT INVARIANTly INITial\nCONSTANT CONSTANTS_X = 1");
    REQUIRE(config.invariants.size() == 2);
    CHECK(config.invariants[0].name == "INVARIANTly");
    CHECK(config.assignments.at(0).constant.name == "CONSTANTS_X");
}

TEST_CASE("column numbers count code points") {
    auto config = parse_ok("(* \xC3\xA9\xC3\xA9 *) INIT Init");
    CHECK(config.init->span.begin.column == 15);
    CHECK(config.init->span.begin.offset == 16);
}

TEST_CASE("syntax errors give file:line:col and what was expected") {
    CHECK(first_error("SPECIFICATION") ==
          "test.cfg:1:14: error: expected a name, found end of file\nSPECIFICATION\n"
          "             ^");
    CHECK(first_error("CONSTANTS\n  N 3\n") ==
          "test.cfg:2:5: error: expected `=` or `<-`, found `3`\n  N 3\n    ^");
    CHECK(first_error("CONSTANTS N = \n") ==
          "test.cfg:2:1: error: expected a value, found end of file");
    CHECK(first_error("CONSTANTS S = {1, 2\nINIT Init") ==
          "test.cfg:2:1: error: expected `}`, found `INIT`\nINIT Init\n^");
    CHECK(first_error("CONSTANTS S = <<1, 2}") ==
          "test.cfg:1:21: error: expected `>>`, found `}`\nCONSTANTS S = <<1, 2}\n"
          "                    ^");
    CHECK(first_error("CONSTANTS S = \"abc\nINIT I") ==
          "test.cfg:1:19: error: expected `\"`, found end of line\nCONSTANTS S = \"abc\n"
          "                  ^");
    CHECK(first_error("CONSTANTS C <- 3") ==
          "test.cfg:1:16: error: expected an operator name, found `3`\nCONSTANTS C <- 3\n"
          "               ^");
    CHECK(first_error("CONSTANTS C <- [M Op") ==
          "test.cfg:1:19: error: expected `]`, found `Op`\nCONSTANTS C <- [M Op\n"
          "                  ^");
    CHECK(first_error("CHECK_DEADLOCK yes") ==
          "test.cfg:1:16: error: expected TRUE or FALSE, found `yes`\nCHECK_DEADLOCK yes\n"
          "               ^");
    CHECK(first_error("INIT Init\nFOO Bar") ==
          "test.cfg:2:1: error: expected a configuration keyword, found `FOO`\nFOO Bar\n^");
    CHECK(first_error("INIT Init\n(* never closed") ==
          "test.cfg:2:1: error: expected a configuration keyword, found an unterminated "
          "comment `(*`\n(* never closed\n^");
    CHECK(first_error("CONSTANTS F(1 = 2") ==
          "test.cfg:1:15: error: expected `)`, found `=`\nCONSTANTS F(1 = 2\n"
          "              ^");
}

TEST_CASE("keywords TLC allows once are rejected the second time") {
    CHECK(first_error("SPECIFICATION A\n\nSPECIFICATION B") ==
          "test.cfg:3:1: error: keyword SPECIFICATION appears twice (first at line 1)\n"
          "SPECIFICATION B\n^");
    CHECK(first_error("CHECK_DEADLOCK TRUE CHECK_DEADLOCK FALSE") ==
          "test.cfg:1:21: error: keyword CHECK_DEADLOCK appears twice (first at line 1)\n"
          "CHECK_DEADLOCK TRUE CHECK_DEADLOCK FALSE\n                    ^");
    auto result = parse_config("INIT A\nNEXT B\nINIT C\nNEXT D\n", "m.cfg");
    REQUIRE(result.errors.size() == 2);
    CHECK(result.errors[1].line == 4);
}

TEST_CASE("arguments are not allowed on a replaced operator") {
    CHECK(first_error("CONSTANTS\n F(1) <- G") ==
          "test.cfg:2:2: error: `F(...)` cannot be replaced with `<-`; write `F <- Op`\n"
          " F(1) <- G\n ^");
}

TEST_CASE("a configuration embedded in a TLA+ file") {
    std::string const tla = "---- MODULE M ----\nInit == TRUE\n====\n"
                            "---- CONFIG Other ----\nINIT Wrong\n====\n"
                            "----- CONFIG M -----\r\nINIT Init\nCONSTANT N = 2\n"
                            "======\nNEXT Ignored\n";
    auto result = tlatv::cfg::parse_embedded_config(tla, "M", "M.tla");
    REQUIRE(result.config);
    CHECK(result.config->init->name == "Init");
    CHECK(result.config->init->span.begin.line == 8);
    CHECK(result.config->assignments.size() == 1);
    CHECK_FALSE(result.config->next);

    auto missing = tlatv::cfg::parse_embedded_config(tla, "Absent", "M.tla");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].format() ==
          "M.tla: error: no `---- CONFIG Absent ----` block in the file");

    auto bad =
        tlatv::cfg::parse_embedded_config(tla + "---- CONFIG B ----\nINIT\n====\n", "B", "M.tla");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].line == 14);
}
