#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::stdlib_test::error_of;
using tlatv::eval::stdlib_test::eval;
using tlatv::eval::stdlib_test::value;

namespace {
const std::vector<std::string> kSvg = {"Integers", "SVG"};

void check(const std::string& expression, const std::string& expected) {
    INFO(expression);
    CHECK(eval(expression, kSvg) == value(expected));
}
} // namespace

TEST_CASE("SVG: element constructors", "[stdlib][SVG]") {
    check("Rect(1, 2, 3, 4, <<>>)",
          "[name |-> \"rect\", attrs |-> [x |-> \"1\", y |-> \"2\", width |-> \"3\", "
          "height |-> \"4\"], children |-> <<>>, innerText |-> \"\"]");
    check("Circle(5, 6, 7, [fill |-> \"red\"]).attrs",
          "[cx |-> \"5\", cy |-> \"6\", r |-> \"7\", fill |-> \"red\"]");
    check("Line(0, 1, 2, -3, <<>>).attrs",
          "[x1 |-> \"0\", y1 |-> \"1\", x2 |-> \"2\", y2 |-> \"-3\"]");
    check("Text(1, 2, \"hi\", <<>>)",
          "[name |-> \"text\", attrs |-> [x |-> \"1\", y |-> \"2\"], children |-> <<>>, "
          "innerText |-> \"hi\"]");
    check("Image(1, 2, 3, 4, \"a.png\", <<>>).attrs",
          "(\"xlink:href\" :> \"a.png\" @@ \"x\" :> \"1\" @@ \"y\" :> \"2\" @@ "
          "\"width\" :> \"3\" @@ \"height\" :> \"4\")");
    check("Group(<<Rect(0, 0, 1, 1, <<>>)>>, [id |-> \"g\"]).children[1].name", "\"rect\"");
    check("Svg(<<>>, <<>>).name", "\"svg\"");
    check("SVGElem(\"x\", <<>>, <<>>, \"t\")",
          "[name |-> \"x\", attrs |-> <<>>, children |-> <<>>, innerText |-> \"t\"]");
    // The constructor's own attribute wins over the caller's of the same name.
    check("Rect(1, 2, 3, 4, [x |-> \"9\", fill |-> \"red\"]).attrs.x", "\"1\"");
    check("SVGDoc(<<>>, 0, -20, 100, 50, <<>>).attrs.viewBox", "\"0 -20 100 50\"");
}

TEST_CASE("SVG: SVGElemToString", "[stdlib][SVG]") {
    check("SVGElemToString(Rect(1, 2, 3, 4, [fill |-> \"red\"]))",
          "\"<rect fill='red' height='4' width='3' x='1' y='2'></rect>\"");
    check("SVGElemToString(Text(0, 0, \"a<<b>>\", <<>>))",
          "\"<text x='0' y='0'>a&lt;&lt;b&gt;&gt;</text>\"");
    check("SVGElemToString(Group(<<Circle(5, 5, 1, [stroke_width |-> \"2\"]), "
          "Svg(<<>>, <<>>)>>, <<>>))",
          "\"<g><circle cx='5' cy='5' r='1' stroke-width='2'></circle><svg></svg></g>\"");
    CHECK(error_of("SVGElemToString(1)", kSvg).find("An SVG element must be a record") == 0);
    CHECK(error_of("SVGElemToString(SVGElem(\"g\", [a |-> 1], <<>>, \"\"))", kSvg)
              .find("The attrs of an SVG element must map names to strings") == 0);
}

TEST_CASE("SVG: layout helpers truncate as TLC's overrides do", "[stdlib][SVG]") {
    check("NodeOfRingNetwork(10, 10, 5, 0, 4)", "[x |-> 15, y |-> 10]");
    check("NodeOfRingNetwork(10, 10, 5, 2, 4)", "[x |-> 5, y |-> 10]");
    check("NodeOfRingNetwork(100, 100, 50, 1, 8)", "[x |-> 135, y |-> 135]");
    // -2.5 truncates to -2 (not -3 as \div would give).
    check("PointOnLine([x |-> 0, y |-> 0], [x |-> 10, y |-> -5], 2)", "[x |-> 5, y |-> -2]");
    CHECK(error_of("NodeOfRingNetwork(0, 0, 1, 0, 0)", kSvg) != "");
}

TEST_CASE("SVG: operators that need a file or a layout library are errors", "[stdlib][SVG]") {
    CHECK(error_of("SVGSerialize(Svg(<<>>, <<>>), \"frame_\", 3)", kSvg) ==
          "SVGSerialize needs file access (it writes the file frame_3.svg); tlatv does not write "
          "files unless allowed, and SVG's operators are never allowed to.");
    CHECK(error_of("NodesOfDirectedMultiGraph({1}, {}, [algo |-> \"Sugiyama\"])", kSvg)
              .find("NodesOfDirectedMultiGraph is not supported by tlatv") == 0);
}
