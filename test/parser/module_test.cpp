// Module-level behaviour that golden files do not show well: spans, file names, threads.
#include "test_support.hpp"

#include "parser/parse.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using tlatv::parser::parse_expression;
using tlatv::parser::parse_module;
using tlatv::parser::test::module_error;
using tlatv::parser::test::module_sexpr;

TEST_CASE("spans carry line, code-point column and byte offset", "[module][spans]") {
    auto parsed = parse_module("---- MODULE M ----\nOp ≜ a +\n   b\n====\n", "m.tla");
    REQUIRE(parsed.module);
    const auto& def = std::get<tlatv::ast::OperatorDef>(parsed.module->units.at(0).node);
    CHECK(def.span.begin.line == 2);
    CHECK(def.span.begin.column == 1);
    const tlatv::ast::Expr& body = def.body;
    CHECK(body.name == "+");
    CHECK(body.span.begin.line == 2);
    CHECK(body.span.begin.column == 6); // `≜` is one column though three bytes
    CHECK(body.span.begin.offset == 26);
    CHECK(body.span.end.line == 3);
    CHECK(body.span.end.column == 5);
    CHECK(body.args.at(1).span.begin.column == 4);
    CHECK(parsed.module->file == "m.tla");
}

TEST_CASE("parse_expression columns are relative to the text", "[module][spans]") {
    auto parsed = parse_expression("  /\\ a\n  /\\ b", "<expr>");
    REQUIRE(parsed.expr);
    CHECK(parsed.expr->span.begin.column == 3);
    CHECK(parsed.expr->args.size() == 2);
}

TEST_CASE("separators, LOCAL and declarations", "[module]") {
    CHECK(module_sexpr("---- MODULE M ----\nCONSTANT N\n----\nVARIABLE x\n-------\n"
                       "LOCAL Op == 1\nLOCAL INSTANCE Naturals\n====\n") ==
          "(module M\n  (constants (N))\n  (variables (x))\n  (local-def Op () 1)\n"
          "  (local (instance Naturals)))");
    CHECK(module_sexpr("---- MODULE M ----\nCONSTANTS A, B(_), _ \\prec _, -. _\n====") ==
          "(module M\n  (constants (A B/1 \\prec/2 -./1)))");
    CHECK(module_sexpr("---- MODULE M ----\nASSUME N \\in Nat\nASSUMPTION A == TRUE\n====") ==
          "(module M\n  (assume _ (\\in N Nat))\n  (assume A TRUE))");
}

TEST_CASE("text after the closing ==== is ignored", "[module]") {
    CHECK(module_sexpr("---- MODULE M ----\nx == 1\n====\n---- MODULE N ----\ny == ?\n") ==
          "(module M\n  (def x () 1))");
}

TEST_CASE("proof syntax is checked, then dropped", "[module][proofs]") {
    CHECK(module_error("---- MODULE M ----\nTHEOREM T == TRUE\n<1>1. TRUE\n  OBVIOUS\n"
                       "<1> QED BY <1>1\n====\n") == "");
    CHECK(module_error("---- MODULE M ----\nTHEOREM TRUE\nPROOF\n<1> TAKE x \\in S\n"
                       "<1> PICK y \\in S : y = x\n  BY DEFS Foo, Bar\n<1> WITNESS 1, 2\n"
                       "<1> HAVE x > 0\n<1> CASE x = 1\n<1> HIDE DEF Foo\n<1> QED\n====\n") == "");
    CHECK(module_error("---- MODULE M ----\nTHEOREM TRUE\nBY ONLY MODULE Naturals\n====\n") == "");
    CHECK(module_error("---- MODULE M ----\nTHEOREM ASSUME NEW x, NEW CONSTANT F(_), "
                       "NEW VARIABLE v, x > 0\nPROVE x # 0\nOBVIOUS\n====\n") == "");
    CHECK(module_error("---- MODULE M ----\nTHEOREM TRUE\n<1>1. TRUE\n  BY\n====\n") != "");
    CHECK(module_error("---- MODULE M ----\nTHEOREM TRUE\n<1> QED\n  PROOF\n====\n") ==
          "test.tla:5:1: error: expected BY, OBVIOUS, OMITTED or a proof step, found `====`");
}

TEST_CASE("parsing is safe from several threads at once", "[module][threads]") {
    const std::string text = "---- MODULE M ----\nOp(x) == /\\ x \\in 1..10\n"
                             "         /\\ \\E y \\in {1, 2} : x # y\n====\n";
    const std::string expected = module_sexpr(text);
    std::vector<std::thread> threads;
    std::vector<int> good(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i)
                good[std::size_t(t)] += module_sexpr(text) == expected;
        });
    for (std::thread& thread : threads)
        thread.join();
    for (int count : good)
        CHECK(count == 200);
}

TEST_CASE("instance substitutions of operators", "[module]") {
    CHECK(module_sexpr("---- MODULE M ----\nINSTANCE A WITH Plus <- +, - <- \\ominus, x <- -1\n"
                       "I == INSTANCE A WITH F <- LAMBDA a : a, y <- - 2\n====") ==
          "(module M\n  (instance A (<- Plus (opref +)) (<- - (opref \\ominus)) (<- x (-. 1)))\n"
          "  (instance-def I () (instance A (<- F (lambda (a) a)) (<- y (-. 2)))))");
}

TEST_CASE("CRLF line endings and a byte-order mark", "[module]") {
    CHECK(
        module_sexpr("\xEF\xBB\xBF---- MODULE M ----\r\nOp ==\r\n  /\\ a\r\n  /\\ b\r\n====\r\n") ==
        "(module M\n  (def Op () (/\\list a b)))");
    CHECK(module_error("---- MODULE M ----\r\nOp == 1 +\r\n====\r\n") ==
          "test.tla:3:1: error: expected an expression, found `====`");
}
