// Operators of the language itself that need their operands evaluated: equality, set algebra,
// membership, SUBSET, UNION, DOMAIN, \X and the constants TRUE, FALSE, BOOLEAN, STRING.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

Value eq(Args a, const EvalOptions&) {
    return Value::boolean(equals(a[0], a[1]));
}
Value neq(Args a, const EvalOptions&) {
    return Value::boolean(!equals(a[0], a[1]));
}
Value in(Args a, const EvalOptions&) {
    return Value::boolean(a[1].contains(a[0]));
}
Value notin(Args a, const EvalOptions&) {
    return Value::boolean(!a[1].contains(a[0]));
}

const Value& set_operand(std::string_view op, const Value& v) {
    if (!v.is_set())
        fail("Attempted to evaluate an expression of the form S {} T where an operand is not a "
             "set: {}",
             op, brief(v));
    return v;
}

// TLC refuses to build a set union with more elements than this (its default maximal set size).
constexpr std::int64_t kTlcMaxUnionSize = 1'000'000;

// TLC computes S \cup T at once when one operand is an enumerated set or an interval (trying
// S first), and keeps it symbolic otherwise; the union of the empty set and any value is that
// value, even a non-set (`{} \cup 4` is 4).
bool reducible(const Value& v) {
    return v.is_set() && (v.set_form() == SetForm::Enumerated || v.set_form() == SetForm::Interval);
}

Value reducible_union(const Value& x, const Value& y, const EvalOptions& o) {
    // (An unordered set, see Value::set, is never empty.)
    if (!x.is_unordered_set() && x.cardinality() == 0) return y;
    if (!reducible(y)) return Value::symbolic_union(x, y);
    Value u = Value::set_union(x, y);
    const auto size = static_cast<std::int64_t>(u.elements_in_tlc_order().size());
    if (o.int_mode == IntMode::Tlc32 && size > kTlcMaxUnionSize)
        fail("Attempted to construct a set with too many elements (>{}).", kTlcMaxUnionSize);
    return u;
}

Value cup(Args a, const EvalOptions& o) {
    if (reducible(a[0])) return reducible_union(a[0], a[1], o);
    if (reducible(a[1])) return reducible_union(a[1], a[0], o);
    return Value::symbolic_union(a[0], a[1]);
}
Value cap(Args a, const EvalOptions&) {
    return Value::set_intersection(set_operand("\\cap", a[0]), set_operand("\\cap", a[1]));
}
Value setminus(Args a, const EvalOptions&) {
    return Value::set_difference(set_operand("\\", a[0]), set_operand("\\", a[1]));
}

Value subseteq(Args a, const EvalOptions&) {
    const Value& s = set_operand("\\subseteq", a[0]);
    if (!a[1].is_set()) {
        // TLC reports the failed membership test of the first element.
        for (const Value& x : s.enumerate())
            a[1].contains(x);
        return Value::boolean(true);
    }
    if (!s.is_finite_set())
        fail("Attempted to evaluate an expression of form S \\subseteq T, but S was not "
             "enumerable.");
    for (const Value& x : s.enumerate())
        if (!a[1].contains(x)) return Value::boolean(false);
    return Value::boolean(true);
}

Value subset(Args a, const EvalOptions&) {
    if (!a[0].is_set()) fail("Attempted to apply SUBSET to the non-set {}", brief(a[0]));
    return Value::subset(a[0]);
}

Value union_(Args a, const EvalOptions&) {
    if (!a[0].is_set())
        fail("Attempted to enumerate UNION(s), but s is not a set: {}", brief(a[0]));
    const Value u = Value::union_of(a[0]);
    // TLC enumerates UNION eagerly; keep it symbolic only when that is impossible.
    if (a[0].is_finite_set()) {
        for (const Value& member : a[0].enumerate())
            if (!member.is_set() || !member.is_finite_set())
                fail("Attempted to enumerate UNION(s), but some element of s is nonenumerable.");
        return u.normalized();
    }
    return u;
}

Value domain(Args a, const EvalOptions&) {
    if (!a[0].is_function())
        fail("Attempted to apply the operator DOMAIN to a non-function (a {})", kind_name(a[0]));
    return a[0].domain();
}

Value times(Args a, const EvalOptions&) {
    for (const Value& s : a)
        if (!s.is_set())
            fail("Attempted to compute a Cartesian product with the non-set {}", brief(s));
    Value product = Value::product(std::vector<Value>(a.begin(), a.end()));
    return product.is_finite_set() ? product.normalized() : product;
}

Value true_(Args, const EvalOptions&) {
    return Value::boolean(true);
}
Value false_(Args, const EvalOptions&) {
    return Value::boolean(false);
}
Value boolean_(Args, const EvalOptions&) {
    return Value::boolean_set();
}
Value string_(Args, const EvalOptions&) {
    return Value::string_set();
}

constexpr std::string_view L = kLanguageModule;

const Builtin kLanguage[] = {
    {L, "=", 2, eq},
    {L, "#", 2, neq},
    {L, "\\in", 2, in},
    {L, "\\notin", 2, notin},
    {L, "\\cup", 2, cup},
    {L, "\\cap", 2, cap},
    {L, "\\", 2, setminus},
    {L, "\\subseteq", 2, subseteq},
    {L, "SUBSET", 1, subset},
    {L, "UNION", 1, union_},
    {L, "DOMAIN", 1, domain},
    {L, "\\X", kVariadic, times},
    {L, "TRUE", 0, true_},
    {L, "FALSE", 0, false_},
    {L, "BOOLEAN", 0, boolean_},
    {L, "STRING", 0, string_},
};

} // namespace

std::span<const Builtin> language_builtins() {
    return kLanguage;
}

} // namespace tlatv::eval::builtins
