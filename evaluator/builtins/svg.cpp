// SVG (CommunityModules): records describing SVG elements, their text, and layout helpers.
//
// An element is the record [name |-> "rect", attrs |-> [width |-> "10", ...], children |-> <<...>>,
// innerText |-> ""]. The constructors (Line, Circle, Rect, Text, Image, Group, Svg, SVGDoc) give
// their coordinates as attributes printed with ToString, merged with the caller's `attrs` (on a
// clash of names the constructor's own attribute wins, as the module's Merge keeps the first
// record's field). SVGElemToString prints an element as TLC's override does:
// `<name a='v' ...>innerText children</name>`, attribute names with `_` written `-`, attribute
// values single-quoted, `<<` and `>>` in the inner text escaped. Attributes come in the order of
// their names (TLC's own order of record fields may differ).
//
// NodeOfRingNetwork and PointOnLine compute in doubles and truncate, as TLC's overrides do.
// NodesOfDirectedMultiGraph needs a graph layout library and SVGSerialize writes a file: both are
// errors here.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

#include <cmath>
#include <numbers>

namespace tlatv::eval::builtins {

namespace {

Value element(Value name, Value attrs, Value children, Value inner_text) {
    return Value::record({{"name", std::move(name)},
                          {"attrs", std::move(attrs)},
                          {"children", std::move(children)},
                          {"innerText", std::move(inner_text)}});
}

// The module's Merge(r1, r2): the fields of both; r1's value where both have a field.
Value merge(std::vector<std::pair<Value, Value>> own, const Value& attrs, std::string_view op,
            std::size_t index, Args a) {
    if (!attrs.is_function()) bad_argument(op, index, "a record of attributes", a[index]);
    auto keys = attrs.keys();
    auto values = attrs.values();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        bool shadowed = false;
        for (const auto& [name, value] : own)
            if (name == keys[i]) shadowed = true;
        if (!shadowed) own.emplace_back(keys[i], values[i]);
    }
    return Value::function_from_pairs(std::move(own));
}

std::pair<Value, Value> printed(std::string_view name, const Value& v) {
    return {Value::string(name), Value::string(v.to_string())};
}

Value svg_elem(Args a, const EvalOptions&) {
    return element(a[0], a[1], a[2], a[3]);
}

Value line(Args a, const EvalOptions&) {
    Value attrs =
        merge({printed("x1", a[0]), printed("y1", a[1]), printed("x2", a[2]), printed("y2", a[3])},
              a[4], "Line", 4, a);
    return element(Value::string("line"), attrs, Value::tuple({}), Value::string(""));
}

Value circle(Args a, const EvalOptions&) {
    Value attrs =
        merge({printed("cx", a[0]), printed("cy", a[1]), printed("r", a[2])}, a[3], "Circle", 3, a);
    return element(Value::string("circle"), attrs, Value::tuple({}), Value::string(""));
}

Value rect(Args a, const EvalOptions&) {
    Value attrs = merge(
        {printed("x", a[0]), printed("y", a[1]), printed("width", a[2]), printed("height", a[3])},
        a[4], "Rect", 4, a);
    return element(Value::string("rect"), attrs, Value::tuple({}), Value::string(""));
}

Value text(Args a, const EvalOptions&) {
    Value attrs = merge({printed("x", a[0]), printed("y", a[1])}, a[3], "Text", 3, a);
    return element(Value::string("text"), attrs, Value::tuple({}), a[2]);
}

Value image(Args a, const EvalOptions&) {
    Value attrs = merge({{Value::string("xlink:href"), a[4]},
                         printed("x", a[0]),
                         printed("y", a[1]),
                         printed("width", a[2]),
                         printed("height", a[3])},
                        a[5], "Image", 5, a);
    return element(Value::string("image"), attrs, Value::tuple({}), Value::string(""));
}

Value group(Args a, const EvalOptions&) {
    return element(Value::string("g"), a[1], a[0], Value::string(""));
}

Value svg(Args a, const EvalOptions&) {
    return element(Value::string("svg"), a[1], a[0], Value::string(""));
}

// SVGDoc(children, x, y, width, height, attrs): a whole SVG document with the view box
// "x y width height" and the SVG namespaces.
Value svg_doc(Args a, const EvalOptions&) {
    const std::string view_box = fmt::format("{} {} {} {}", a[1].to_string(), a[2].to_string(),
                                             a[3].to_string(), a[4].to_string());
    Value attrs =
        merge({{Value::string("xmlns:xlink"), Value::string("http://www.w3.org/1999/xlink")},
               {Value::string("xmlns"), Value::string("http://www.w3.org/2000/svg")},
               {Value::string("viewBox"), Value::string(view_box)}},
              a[5], "SVGDoc", 5, a);
    return element(Value::string("svg"), attrs, a[0], Value::string(""));
}

const Value& element_field(const Value& elem, std::string_view field) {
    const Value* v = elem.is_function() ? elem.field(field) : nullptr;
    if (v == nullptr)
        fail("An SVG element must be a record with the field {}, but SVGElemToString was given: "
             "{}",
             field, brief(elem));
    return *v;
}

std::string_view string_field(const Value& elem, std::string_view field) {
    const Value& v = element_field(elem, field);
    if (!v.is_string())
        fail("The field {} of an SVG element must be a string, but it is: {}", field, brief(v));
    return v.as_string();
}

// `s` with every occurrence of `from` replaced by `to`.
std::string replaced(std::string_view s, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t next = s.find(from); next != std::string_view::npos; next = s.find(from, at)) {
        out.append(s.substr(at, next - at));
        out.append(to);
        at = next + from.size();
    }
    out.append(s.substr(at));
    return out;
}

void append_element(std::string& out, const Value& elem, int depth) {
    if (depth > 1000) fail("SVGElemToString: elements nested more than 1000 deep");
    const std::string_view name = string_field(elem, "name");
    out += '<';
    out += name;
    const Value& attrs = element_field(elem, "attrs");
    if (!attrs.is_function())
        fail("The attrs of an SVG element must be a record, but they are: {}", brief(attrs));
    auto keys = attrs.keys();
    auto values = attrs.values();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].is_string() || !values[i].is_string())
            fail("The attrs of an SVG element must map names to strings, but they are: {}",
                 brief(attrs));
        out +=
            fmt::format(" {}='{}'", replaced(keys[i].as_string(), "_", "-"), values[i].as_string());
    }
    out += '>';
    out += replaced(replaced(string_field(elem, "innerText"), "<<", "&lt;&lt;"), ">>", "&gt;&gt;");
    const Value& children = element_field(elem, "children");
    if (!children.is_function())
        fail("The children of an SVG element must be a sequence, but they are: {}",
             brief(children));
    for (const Value& child : children.values())
        append_element(out, child, depth + 1);
    out += fmt::format("</{}>", name);
}

Value svg_elem_to_string(Args a, const EvalOptions&) {
    std::string out;
    append_element(out, a[0], 0);
    return Value::string(out);
}

std::int64_t truncated(double d, std::string_view op) {
    if (!(std::abs(d) < 2147483648.0)) fail("{}: the coordinate {} does not fit in 32 bits", op, d);
    return static_cast<std::int64_t>(d);
}

Value point(std::int64_t x, std::int64_t y) {
    return Value::record({{"x", Value::integer(x)}, {"y", Value::integer(y)}});
}

// The n-th of m points evenly spaced on the circle of radius r around (cx, cy).
Value node_of_ring_network(Args a, const EvalOptions&) {
    constexpr std::string_view op = "NodeOfRingNetwork";
    const double cx = static_cast<double>(small_int_arg(op, a, 0));
    const double cy = static_cast<double>(small_int_arg(op, a, 1));
    const double r = static_cast<double>(small_int_arg(op, a, 2));
    const double n = static_cast<double>(small_int_arg(op, a, 3));
    const std::int64_t m = small_int_arg(op, a, 4);
    if (m == 0) bad_argument(op, 4, "a non-zero number of nodes", a[4]);
    const double angle = 2.0 * std::numbers::pi / static_cast<double>(m) * n;
    return point(truncated(cx + r * std::cos(angle), op), truncated(cy + r * std::sin(angle), op));
}

std::int64_t coordinate(const Value& p, std::string_view name, std::string_view op,
                        std::size_t index, Args a) {
    const Value* v = p.is_function() ? p.field(name) : nullptr;
    if (v == nullptr || !v->is_int() || v->is_big_int())
        bad_argument(op, index, "a record [x |-> Int, y |-> Int]", a[index]);
    return v->as_int();
}

// The point at 1/segment of the way from `from` to `to`.
Value point_on_line(Args a, const EvalOptions&) {
    constexpr std::string_view op = "PointOnLine";
    const std::int64_t fx = coordinate(a[0], "x", op, 0, a);
    const std::int64_t fy = coordinate(a[0], "y", op, 0, a);
    const std::int64_t tx = coordinate(a[1], "x", op, 1, a);
    const std::int64_t ty = coordinate(a[1], "y", op, 1, a);
    const std::int64_t segment = small_int_arg(op, a, 2);
    const double s = static_cast<double>(segment);
    return point(truncated(static_cast<double>(fx) + static_cast<double>(tx - fx) / s, op),
                 truncated(static_cast<double>(fy) + static_cast<double>(ty - fy) / s, op));
}

Value nodes_of_directed_multi_graph(Args, const EvalOptions&) {
    fail("NodesOfDirectedMultiGraph is not supported by tlatv: TLC computes it with a graph "
         "layout library.");
}

Value svg_serialize(Args a, const EvalOptions&) {
    fail("SVGSerialize needs file access (it writes the file {}{}.svg); tlatv does not write "
         "files unless allowed, and SVG's operators are never allowed to.",
         a[1].is_string() ? std::string(a[1].as_string()) : a[1].to_string(), a[2].to_string());
}

constexpr std::string_view M = "SVG";

const Builtin kSvg[] = {
    {M, "SVGElem", 4, svg_elem},
    {M, "Line", 5, line},
    {M, "Circle", 4, circle},
    {M, "Rect", 5, rect},
    {M, "Text", 4, text},
    {M, "Image", 6, image},
    {M, "Group", 2, group},
    {M, "Svg", 2, svg},
    {M, "SVGDoc", 6, svg_doc},
    {M, "SVGElemToString", 1, svg_elem_to_string},
    {M, "NodeOfRingNetwork", 5, node_of_ring_network},
    {M, "NodesOfDirectedMultiGraph", 3, nodes_of_directed_multi_graph},
    {M, "PointOnLine", 3, point_on_line},
    {M, "SVGSerialize", 3, svg_serialize},
};

} // namespace

std::span<const Builtin> svg_builtins() {
    return kSvg;
}

} // namespace tlatv::eval::builtins
