// Bulleted /\ and \/ lists are grouped by column, as SANY does.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::parser::test::expr_error;
using tlatv::parser::test::expr_sexpr;

TEST_CASE("a simple conjunction list", "[junction]") {
    CHECK(expr_sexpr("/\\ a\n/\\ b\n/\\ c") == "(/\\list a b c)");
    CHECK(expr_sexpr("  /\\ a\n  /\\ b") == "(/\\list a b)");
    CHECK(expr_sexpr("/\\ a") == "(/\\list a)");
    CHECK(expr_sexpr("\\/ a\n\\/ b") == "(\\/list a b)");
}

TEST_CASE("an item continues over several lines right of its bullet", "[junction]") {
    CHECK(expr_sexpr("/\\ x = 1 +\n     2\n/\\ y") == "(/\\list (= x (+ 1 2)) y)");
    CHECK(expr_sexpr("/\\ x =\n 1\n/\\ y") == "(/\\list (= x 1) y)");
}

TEST_CASE("nested and mixed lists", "[junction]") {
    CHECK(expr_sexpr("/\\ \\/ a\n   \\/ b\n/\\ c") == "(/\\list (\\/list a b) c)");
    CHECK(expr_sexpr("\\/ /\\ a\n   /\\ b\n\\/ /\\ c\n   /\\ d") ==
          "(\\/list (/\\list a b) (/\\list c d))");
    CHECK(expr_sexpr("/\\ a\n/\\ \\/ b\n   \\/ c\n      /\\ d") ==
          "(/\\list a (\\/list b (/\\ c d)))");
    CHECK(expr_sexpr("/\\ /\\ a\n   /\\ b\n/\\ c") == "(/\\list (/\\list a b) c)");
}

TEST_CASE("a token left of the bullet ends the list", "[junction]") {
    // `=>` at column 1 ends the list, then applies to the whole list.
    CHECK(expr_sexpr(" /\\ a\n /\\ b\n=> c") == "(=> (/\\list a b) c)");
    // A bullet of the other kind at the same column ends the list too.
    CHECK(expr_sexpr("   /\\ a\n   /\\ b\n   \\/ c") == "(\\/ (/\\list a b) c)");
    // A deeper bullet of the same kind in infix position is an infix conjunction.
    CHECK(expr_sexpr("/\\ a\n   /\\ b") == "(/\\list (/\\ a b))");
    // A token at the bullet's column that is not a bullet cannot continue the item.
    CHECK(expr_error("/\\ a +\n1").find("1:") != std::string::npos);
}

TEST_CASE("IF, CASE, LET and quantifiers inside items", "[junction]") {
    CHECK(expr_sexpr("/\\ IF a\n   THEN b\n   ELSE c\n/\\ d") == "(/\\list (if a b c) d)");
    CHECK(expr_sexpr("/\\ IF a THEN /\\ b\n             /\\ c\n      ELSE d\n/\\ e") ==
          "(/\\list (if a (/\\list b c) d) e)");
    CHECK(expr_sexpr("/\\ CASE a -> 1\n     [] b -> 2\n/\\ c") ==
          "(/\\list (case a -> 1 b -> 2) c)");
    CHECK(expr_sexpr("/\\ LET x == 1\n   IN x > 0\n/\\ y") ==
          "(/\\list (let ((def x () 1)) (> x 0)) y)");
    CHECK(expr_sexpr("/\\ \\E i \\in S :\n     /\\ p(i)\n     /\\ q(i)\n/\\ r") ==
          "(/\\list (exists ((i \\in S)) (/\\list (p i) (q i))) r)");
}

TEST_CASE("a bullet list as an operand", "[junction]") {
    CHECK(expr_sexpr("x = /\\ a\n    /\\ b") == "(= x (/\\list a b))");
    CHECK(expr_sexpr("f(/\\ a\n  /\\ b, c)") == "(f (/\\list a b) c)");
    CHECK(expr_sexpr("(/\\ a\n /\\ b)") == "(/\\list a b)");
}

TEST_CASE("misaligned bullets", "[junction]") {
    // The second bullet is right of the first: infix conjunction inside the first item.
    CHECK(expr_sexpr("/\\ a\n /\\ b") == "(/\\list (/\\ a b))");
    // A bullet left of the list's column ends it; outside any list it is an infix operator.
    CHECK(expr_sexpr("  /\\ a\n /\\ b") == "(/\\ (/\\list a) b)");
}

TEST_CASE("errors caused by a token left of the bullet say so", "[junction][errors]") {
    CHECK(expr_error("/\\ x = (a\n+ b)") ==
          "<string>:2:1: error: expected `)` to close the parenthesis, found `+` (it is not "
          "right of the enclosing /\\ or \\/ bullet)");
    CHECK(expr_error("  /\\ x = 1 +\n  2") ==
          "<string>:2:3: error: expected an expression, found the number `2` (it is not right "
          "of the enclosing /\\ or \\/ bullet)");
}
