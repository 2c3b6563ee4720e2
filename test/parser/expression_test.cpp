// Expressions: precedence, associativity, every construct, lexical forms.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::parser::test::expr_error;
using tlatv::parser::test::expr_sexpr;

TEST_CASE("precedence ranges decide grouping", "[expr][precedence]") {
    CHECK(expr_sexpr("a + b * c") == "(+ a (* b c))");
    CHECK(expr_sexpr("a * b + c") == "(+ (* a b) c)");
    CHECK(expr_sexpr("a + b + c") == "(+ (+ a b) c)");
    CHECK(expr_sexpr("a + b - c") == "(+ a (- b c))");
    CHECK(expr_sexpr("a - b + c") == "(+ (- a b) c)");
    CHECK(expr_sexpr("a - b - c") == "(- (- a b) c)");
    CHECK(expr_sexpr("-7 \\div 2") == "(-. (\\div 7 2))");
    CHECK(expr_sexpr("-a + b") == "(+ (-. a) b)");
    CHECK(expr_sexpr("-a ^ 2") == "(-. (^ a 2))");
    CHECK(expr_sexpr("a = b /\\ c # d") == "(/\\ (= a b) (# c d))");
    CHECK(expr_sexpr("a /\\ b \\/ c") == "error: <string>:1:8: error: `\\/` cannot be combined "
                                         "with `/\\` without parentheses (their precedence "
                                         "ranges overlap)\na /\\ b \\/ c\n       ^");
    CHECK(expr_sexpr("a => b => c").starts_with("error:"));
    CHECK(expr_sexpr("~a = b") == "(~ (= a b))");
    CHECK(expr_sexpr("~a /\\ b") == "(/\\ (~ a) b)");
    CHECK(expr_sexpr("a \\in S \\cup T") == "(\\in a (\\cup S T))");
    CHECK(expr_sexpr("1..N+1") == "(.. 1 (+ N 1))");
    CHECK(expr_sexpr("x' = x + 1") == "(= (' x) (+ x 1))");
    CHECK(expr_sexpr("f[x]' .a") == "(. (' (app f x)) a)");
    CHECK(expr_sexpr("a \\X b \\X c") == "(\\X a b c)");
    CHECK(expr_sexpr("(a \\X b) \\X c") == "(\\X (\\X a b) c)");
    CHECK(expr_sexpr("SUBSET S \\cup T") == "(\\cup (SUBSET S) T)");
    CHECK(expr_sexpr("SUBSET S \\ T") == "(\\ (SUBSET S) T)");
    CHECK(expr_sexpr("DOMAIN f \\cup T") == "(\\cup (DOMAIN f) T)");
    CHECK(expr_sexpr("UNION S \\in T") == "(\\in (UNION S) T)");
    CHECK(expr_sexpr("a + -b") == "(+ a (-. b))");
    CHECK(expr_sexpr("a - -b") == "(- a (-. b))");
    CHECK(expr_sexpr("- -b") == "(-. (-. b))");
    CHECK(expr_sexpr("~x'") == "(~ (' x))");
    CHECK(expr_sexpr("-x'") == "(-. (' x))");
    CHECK(expr_sexpr("[](x' = x)") == "([] (= (' x) x))");
    CHECK(expr_sexpr("UNCHANGED <<x>>") == "(UNCHANGED (tuple x))");
    CHECK(expr_sexpr("[]P => <>Q") == "(=> ([] P) (<> Q))");
    CHECK(expr_sexpr("P ~> Q") == "(~> P Q)");
    CHECK(expr_sexpr("ENABLED A /\\ B") == "(/\\ (ENABLED A) B)");
    CHECK(expr_sexpr("UNCHANGED <<x, y>>") == "(UNCHANGED (tuple x y))");
    CHECK(expr_sexpr("a \\cdot b") == "(\\cdot a b)");
    CHECK(expr_sexpr("a :> 1 @@ b :> 2") == "(@@ (:> a 1) (:> b 2))");
}

TEST_CASE("overlapping precedence ranges are errors", "[expr][precedence]") {
    CHECK(expr_error("a \\div b * c") ==
          "<string>:1:10: error: `*` cannot be combined with `\\div` without parentheses "
          "(their precedence ranges overlap)");
    CHECK(expr_error("a + b % c") ==
          "<string>:1:7: error: `%` cannot be combined with `+` without parentheses (their "
          "precedence ranges overlap)");
    CHECK(expr_error("a = b = c") != "");
    CHECK(expr_error("a \\div (b * c)") == "");
    // As in SANY: prefix minus cannot follow an operator that binds tighter than it.
    CHECK(expr_error("a * -b") == "<string>:1:5: error: `-` cannot be combined with `*` "
                                  "without parentheses (their precedence ranges overlap)");
    CHECK(expr_error("a ^ -b") != "");
    CHECK(expr_error("a * (-b)") == "");
    // A prefix operator overlapping the next infix one.
    CHECK(expr_error("ENABLED a = b") != "");
    CHECK(expr_error("DOMAIN f + 1") != "");
    CHECK(expr_error("SUBSET S \\X T") != "");
    // A postfix operator right after ENABLED, UNCHANGED, [] or <>.
    CHECK(expr_error("UNCHANGED x'") == "<string>:1:12: error: `'` cannot be combined with "
                                        "`UNCHANGED` without parentheses (their precedence "
                                        "ranges overlap)");
}

TEST_CASE("synonyms map to one canonical spelling", "[expr][operators]") {
    CHECK(expr_sexpr("a \\land b") == "(/\\ a b)");
    CHECK(expr_sexpr("a ∧ b ∨ c").starts_with("error:"));
    CHECK(expr_sexpr("¬a ⇒ b") == "(=> (~ a) b)");
    CHECK(expr_sexpr("a \\equiv b") == "(<=> a b)");
    CHECK(expr_sexpr("a ⇔ b") == "(<=> a b)");
    CHECK(expr_sexpr("a /= b") == "(# a b)");
    CHECK(expr_sexpr("a ≠ b") == "(# a b)");
    CHECK(expr_sexpr("a =< b") == "(\\leq a b)");
    CHECK(expr_sexpr("a <= b") == "(\\leq a b)");
    CHECK(expr_sexpr("a ≤ b") == "(\\leq a b)");
    CHECK(expr_sexpr("a >= b") == "(\\geq a b)");
    CHECK(expr_sexpr("a ∈ S ∪ T ∩ U").starts_with("error:"));
    CHECK(expr_sexpr("a ∈ S ∪ T") == "(\\in a (\\cup S T))");
    CHECK(expr_sexpr("a \\union b") == "(\\cup a b)");
    CHECK(expr_sexpr("a \\intersect b") == "(\\cap a b)");
    CHECK(expr_sexpr("∀ x ∈ S : ∃ y ∈ T : x ≥ y") ==
          "(forall ((x \\in S)) (exists ((y \\in T)) (\\geq x y)))");
    CHECK(expr_sexpr("⟨1, 2⟩") == "(tuple 1 2)");
    CHECK(expr_sexpr("S × T") == "(\\X S T)");
    CHECK(expr_sexpr("[x ∈ S ↦ x]") == "(fun ((x \\in S)) x)");
    CHECK(expr_sexpr("[S → T]") == "(funset S T)");
    CHECK(expr_sexpr("□P") == "([] P)");
    CHECK(expr_sexpr("◇P") == "(<> P)");
    CHECK(expr_sexpr("a \\circ b") == "(\\o a b)");
    CHECK(expr_sexpr("a (+) b") == "(\\oplus a b)");
    CHECK(expr_sexpr("a \\subseteq b") == "(\\subseteq a b)");
    CHECK(expr_sexpr("a ⊆ b") == "(\\subseteq a b)");
}

TEST_CASE("numbers in every form", "[expr][lexical]") {
    CHECK(expr_sexpr("42") == "42");
    CHECK(expr_sexpr("007") == "7");
    CHECK(expr_sexpr("\\b101") == "5");
    CHECK(expr_sexpr("\\B101") == "5");
    CHECK(expr_sexpr("\\o17") == "15");
    CHECK(expr_sexpr("\\O17") == "15");
    CHECK(expr_sexpr("\\h1F") == "31");
    CHECK(expr_sexpr("\\HfF") == "255");
    CHECK(expr_sexpr("\\h10000000000000000") == "18446744073709551616");
    CHECK(expr_sexpr("1.5") == "1.5");
    CHECK(expr_sexpr("1..2") == "(.. 1 2)");
    CHECK(expr_sexpr("a \\o b") == "(\\o a b)");
}

TEST_CASE("strings with escapes", "[expr][lexical]") {
    CHECK(expr_sexpr(R"("abc")") == R"("abc")");
    CHECK(expr_sexpr(R"("a\"b\\c\nd\te\rf\fg")") == R"("a\"b\\c\nd\te\rf\fg")");
    CHECK(expr_sexpr(R"x("(* not a comment *)")x") == R"x("(* not a comment *)")x");
    CHECK(expr_error(R"("abc)") == "<string>:1:1: error: unterminated string");
    CHECK(expr_error(R"("a\qb")") ==
          "<string>:1:3: error: unknown escape sequence in string (use \\\" \\\\ \\n \\t \\r "
          "or \\f)");
}

TEST_CASE("comments", "[expr][lexical]") {
    CHECK(expr_sexpr("a (* one (* nested *) comment *) + b \\* to the end\n") == "(+ a b)");
    CHECK(expr_error("a (* (* *) b") == "<string>:1:3: error: unterminated comment: `(*` without "
                                        "a matching `*)`");
}

TEST_CASE("quantifiers and binders", "[expr]") {
    CHECK(expr_sexpr("\\A x \\in S : P") == "(forall ((x \\in S)) P)");
    CHECK(expr_sexpr("\\E x, y \\in S : P") == "(exists ((x y \\in S)) P)");
    CHECK(expr_sexpr("\\E x \\in S, y \\in T : P") == "(exists ((x \\in S) (y \\in T)) P)");
    CHECK(expr_sexpr("\\E <<x, y>> \\in S : P") == "(exists ((<<x y>> \\in S)) P)");
    CHECK(expr_sexpr("\\A x, y : P") == "(forall ((x y)) P)");
    CHECK(expr_sexpr("CHOOSE x \\in S : P") == "(choose ((x \\in S)) P)");
    CHECK(expr_sexpr("CHOOSE x : P") == "(choose ((x)) P)");
    CHECK(expr_sexpr("\\EE x, y : P") == "(EE ((x y)) P)");
    CHECK(expr_sexpr("\\A x \\in S : P /\\ Q") == "(forall ((x \\in S)) (/\\ P Q))");
}

TEST_CASE("sets, functions, records, tuples", "[expr]") {
    CHECK(expr_sexpr("{}") == "(set)");
    CHECK(expr_sexpr("{1, 2, 3}") == "(set 1 2 3)");
    CHECK(expr_sexpr("{x \\in S : x > 1}") == "(filter ((x \\in S)) (> x 1))");
    CHECK(expr_sexpr("{<<x, y>> \\in S : x > y}") == "(filter ((<<x y>> \\in S)) (> x y))");
    CHECK(expr_sexpr("{x + 1 : x \\in S}") == "(setmap (+ x 1) ((x \\in S)))");
    CHECK(expr_sexpr("{x : x \\in S, y \\in T}") == "(setmap x ((x \\in S) (y \\in T)))");
    CHECK(expr_sexpr("{x \\in S}") == "(set (\\in x S))");
    CHECK(expr_sexpr("[x \\in S, y \\in T |-> x + y]") == "(fun ((x \\in S) (y \\in T)) (+ x y))");
    CHECK(expr_sexpr("[x, y \\in S |-> x]") == "(fun ((x y \\in S)) x)");
    CHECK(expr_sexpr("[<<x, y>> \\in S |-> x]") == "(fun ((<<x y>> \\in S)) x)");
    CHECK(expr_sexpr("[S -> T]") == "(funset S T)");
    CHECK(expr_sexpr("[a |-> 1, b |-> 2]") == "(record (a 1) (b 2))");
    CHECK(expr_sexpr("[a : S, b : T]") == "(recordset (a S) (b T))");
    CHECK(expr_sexpr("r.a.b") == "(. (. r a) b)");
    CHECK(expr_sexpr("f[a, b]") == "(app f a b)");
    CHECK(expr_sexpr("f[a][b]") == "(app (app f a) b)");
    CHECK(expr_sexpr("<<>>") == "(tuple)");
    CHECK(expr_sexpr("<<1, <<2>>>>") == "(tuple 1 (tuple 2))");
}

TEST_CASE("EXCEPT", "[expr]") {
    CHECK(expr_sexpr("[f EXCEPT ![a][b] = e]") == "(except f (! [a] [b] e))");
    CHECK(expr_sexpr("[f EXCEPT !.f = e]") == "(except f (! .f e))");
    CHECK(expr_sexpr("[f EXCEPT ![a, b] = @ + 1]") == "(except f (! [a b] (+ @ 1)))");
    CHECK(expr_sexpr("[f EXCEPT ![1] = 2, ![2].x = 3]") == "(except f (! [1] 2) (! [2] .x 3))");
    CHECK(expr_sexpr("[r EXCEPT !.a = 1]") == "(except r (! .a 1))");
}

TEST_CASE("control expressions", "[expr]") {
    CHECK(expr_sexpr("IF a THEN b ELSE c") == "(if a b c)");
    CHECK(expr_sexpr("IF a THEN b ELSE c + 1") == "(if a b (+ c 1))");
    CHECK(expr_sexpr("CASE a -> 1 [] b -> 2") == "(case a -> 1 b -> 2)");
    CHECK(expr_sexpr("CASE a -> 1 [] OTHER -> 3") == "(case a -> 1 (other 3))");
    CHECK(expr_sexpr("LET x == 1 IN x") == "(let ((def x () 1)) x)");
    CHECK(expr_sexpr("LET f[i \\in S] == i g(a, b) == a IN f") ==
          "(let ((fundef f ((i \\in S)) i) (def g (a b) a)) f)");
    CHECK(expr_sexpr("LET RECURSIVE F(_) F(n) == F(n) IN F(1)") ==
          "(let ((recursive (F/1)) (def F (n) (F n))) (F 1))");
    CHECK(expr_sexpr("LAMBDA x, y : x + y") == "(lambda (x y) (+ x y))");
    CHECK(expr_sexpr("lbl :: x + 1") == "(label lbl (+ x 1))");
    CHECK(expr_sexpr("lbl(a, b) :: a + b") == "(label lbl (a b) (+ a b))");
}

TEST_CASE("actions and temporal formulas", "[expr]") {
    CHECK(expr_sexpr("[Next]_vars") == "([]_ Next vars)");
    CHECK(expr_sexpr("[][Next]_<<x, y>>") == "([] ([]_ Next (tuple x y)))");
    CHECK(expr_sexpr("<<A>>_v") == "(<<>>_ A v)");
    CHECK(expr_sexpr("WF_vars(Next)") == "(WF vars Next)");
    CHECK(expr_sexpr("SF_<<x>>(A)") == "(SF (tuple x) A)");
    CHECK(expr_sexpr("Init /\\ [][Next]_vars /\\ WF_vars(Next)") ==
          "(/\\ (/\\ Init ([] ([]_ Next vars))) (WF vars Next))");
    CHECK(expr_sexpr("P -+-> Q") == "(-+-> P Q)");
    CHECK(expr_sexpr("\\AA x : P") == "(AA ((x)) P)");
}

TEST_CASE("operator applications", "[expr]") {
    CHECK(expr_sexpr("Op(1, 2)") == "(Op 1 2)");
    CHECK(expr_sexpr("F(LAMBDA x : x + 1)") == "(F (lambda (x) (+ x 1)))");
    CHECK(expr_sexpr("F(+)") == "(F (opref +))");
    CHECK(expr_sexpr("F(+, \\cup)") == "(F (opref +) (opref \\cup))");
    CHECK(expr_sexpr("I!Op(1)") == "(I!Op 1)");
    CHECK(expr_sexpr("I!J!x") == "(I!J!x)");
    CHECK(expr_sexpr("P(1)!Op") == "(P(1)!Op)");
    CHECK(expr_sexpr("Seq(S)") == "(Seq S)");
}

TEST_CASE("nesting is limited instead of overflowing the stack", "[expr][limits]") {
    std::string deep(10000, '(');
    deep += "1";
    deep += std::string(10000, ')');
    CHECK(expr_error(deep).find("nesting too deep") != std::string::npos);
    std::string ok(200, '(');
    ok += "1";
    ok += std::string(200, ')');
    CHECK(expr_sexpr(ok) == "1");
    std::string brackets;
    for (int i = 0; i < 5000; ++i)
        brackets += "{";
    CHECK(expr_error(brackets).find("nesting too deep") != std::string::npos);
}

TEST_CASE("long operator chains are limited too", "[expr][limits]") {
    std::string sum = "1";
    for (int i = 0; i < 100000; ++i)
        sum += " + 1";
    CHECK(expr_error(sum).find("nesting too deep") != std::string::npos);
    std::string negations(100000, '~');
    CHECK(expr_error(negations + "x").find("nesting too deep") != std::string::npos);
    std::string primes = "x" + std::string(100000, '\'');
    CHECK(expr_error(primes).find("nesting too deep") != std::string::npos);
    // A chain operator costs half a bracketed level: TLC evaluates 500-term sums.
    std::string moderate = "1";
    for (int i = 0; i < 990; ++i)
        moderate += " + 1";
    CHECK(expr_error(moderate) == "");
    for (int i = 0; i < 200; ++i)
        moderate += " + 1";
    CHECK(expr_error(moderate).find("nesting too deep") != std::string::npos);
}

TEST_CASE("nesting just under the limit parses", "[expr][limits]") {
    std::string deep(490, '(');
    deep += "1";
    deep += std::string(490, ')');
    CHECK(expr_sexpr(deep) == "1");
    std::string lists;
    for (int i = 0; i < 300; ++i)
        lists += "/\\ ";
    lists += "x";
    CHECK(expr_error(lists) == "");
}

TEST_CASE("less common Unicode spellings", "[expr][operators]") {
    CHECK(expr_sexpr("1‥3") == "(.. 1 3)");
    CHECK(expr_sexpr("a ● b") == "(\\bullet a b)");
    CHECK(expr_sexpr("a ‖ b") == "(|| a b)");
    CHECK(expr_sexpr("r⁺") == "(^+ r)");
    CHECK(expr_sexpr("x ≔ 1") == "(:= x 1)");
}

TEST_CASE("every kind of nesting is limited", "[expr][limits]") {
    auto nest = [](const std::string& open, const std::string& close, int n) {
        std::string s;
        for (int i = 0; i < n; ++i)
            s += open;
        s += "1";
        for (int i = 0; i < n; ++i)
            s += close;
        return s;
    };
    for (int n : {400, 10000}) {
        const bool too_deep = n > 500;
        for (const std::string& text :
             {nest("{", "}", n), nest("[a |-> ", "]", n), nest("LET x == ", " IN x", n / 2),
              nest("IF a THEN ", " ELSE 2", n), nest("f[", "]", n), nest("<<", ">>", n),
              nest("\\E x \\in S : ", "", n), nest("CASE a -> ", "", n), nest("/\\ ", "", n)}) {
            INFO(text.substr(0, 40) << " nested " << n << " times");
            CHECK((expr_error(text).find("nesting too deep") != std::string::npos) == too_deep);
        }
    }
}
