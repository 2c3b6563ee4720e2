// Sets: enumerated sets, intervals and the lazy set forms (membership, enumeration, size).
#include "evaluator/value.hpp"
#include "evaluator/value_internal.hpp"
#include "evaluator/value_node.hpp"

#include <algorithm>
#include <limits>

namespace tlatv::eval {

using namespace detail;

namespace {

// Sets larger than this are refused when they would be materialized element by element.
constexpr std::int64_t kMaxEnumeratedSize = 50'000'000;

const SetNode& set_node(const Value& s) {
    if (!s.is_set()) fail("Expected a set, but instead got: {}", brief(s));
    return node_as<SetNode>(s);
}

Value make_lazy(SetForm form, Value a = {}, Value b = {}) {
    auto* n = new LazySetNode(form);
    n->a = std::move(a);
    n->b = std::move(b);
    return Value(Kind::Set, 0, n);
}

const LazySetNode& lazy_node(const Value& s) {
    return node_as<LazySetNode>(s);
}

void require_set(const Value& v, std::string_view what) {
    if (!v.is_set())
        fail("The argument of {} should be a set, but instead it is: {}", what, brief(v));
}

std::int64_t checked_mul(std::int64_t x, std::int64_t y, const Value& set) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(x, y, &r)) fail("The set {} has too many elements", brief(set));
    return r;
}

std::int64_t checked_pow(std::int64_t base, std::int64_t exponent, const Value& set) {
    std::int64_t r = 1;
    for (std::int64_t i = 0; i < exponent && r != 0; ++i)
        r = checked_mul(r, base, set);
    return r;
}

void check_enumerable_size(std::int64_t n, const Value& set) {
    if (n > kMaxEnumeratedSize)
        fail("Attempted to enumerate the set {} with {} elements, more than the limit of {}",
             brief(set), n, kMaxEnumeratedSize);
}

// Calls visit with each combination picking one element of each list (odometer order).
template <typename Visit>
void for_each_combination(const std::vector<std::span<const Value>>& choices, Visit visit) {
    for (const auto& c : choices)
        if (c.empty()) return;
    std::vector<std::size_t> index(choices.size(), 0);
    std::vector<Value> pick(choices.size());
    for (;;) {
        for (std::size_t i = 0; i < choices.size(); ++i)
            pick[i] = choices[i][index[i]];
        visit(pick);
        std::size_t i = choices.size();
        for (;;) {
            if (i == 0) return;
            --i;
            if (++index[i] < choices[i].size()) break;
            index[i] = 0;
        }
    }
}

[[noreturn]] void membership_error(const Value& x, const Value& s) {
    fail("Attempted to check if the value: {} is an element of {}.", brief(x), brief(s));
}

bool function_set_contains(const Value& s, const Value& x) {
    const auto& n = lazy_node(s);
    if (!x.is_function()) membership_error(x, s);
    if (!equals(x.domain(), n.a)) return false;
    for (const Value& v : x.values())
        if (!n.b.contains(v)) return false;
    return true;
}

bool record_set_contains(const Value& s, const Value& x) {
    const auto& n = lazy_node(s);
    if (!x.is_function()) membership_error(x, s);
    if (x.is_sequence() && x.size() == 0) return false;
    if (!x.is_record()) membership_error(x, s);
    auto keys = x.keys();
    if (keys.size() != n.fields.size()) return false;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].as_string() != n.fields[i]) return false;
    auto vals = x.values();
    for (std::size_t i = 0; i < vals.size(); ++i)
        if (!n.parts[i].contains(vals[i])) return false;
    return true;
}

bool product_contains(const Value& s, const Value& x) {
    const auto& n = lazy_node(s);
    if (!x.is_function())
        fail("Attempted to check if non-tuple {} is in the set of tuples: ({})", brief(x),
             brief(s));
    if (!x.is_sequence()) return false;
    auto items = x.items();
    if (items.size() != n.parts.size()) return false;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!n.parts[i].contains(items[i])) return false;
    return true;
}

bool seq_set_contains(const Value& s, const Value& x) {
    const auto& n = lazy_node(s);
    if (!x.is_function() || !x.is_sequence()) membership_error(x, s);
    for (const Value& v : x.items())
        if (!n.a.contains(v)) return false;
    return true;
}

bool subset_contains(const Value& s, const Value& x) {
    const auto& n = lazy_node(s);
    if (!x.is_set() || !x.is_finite_set())
        fail("Attempted to check if the non-enumerable value {} is element of {}", brief(x),
             brief(s));
    for (const Value& e : x.enumerate())
        if (!n.a.contains(e)) return false;
    return true;
}

std::vector<Value> sorted_by_order(std::vector<Value> v) {
    std::sort(v.begin(), v.end(), [](const Value& a, const Value& b) { return compare(a, b) < 0; });
    return v;
}

std::vector<Value> subset_elements(const Value& s) {
    auto base = lazy_node(s).a.enumerate();
    if (base.size() > 40) fail("Attempted to enumerate {}: too many elements", brief(s));
    std::int64_t count = std::int64_t{1} << base.size();
    check_enumerable_size(count, s);
    std::vector<Value> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t mask = 0; mask < count; ++mask) {
        std::vector<Value> members;
        for (std::size_t i = 0; i < base.size(); ++i)
            if (mask & (std::int64_t{1} << i)) members.push_back(base[i]);
        out.push_back(set_from_sorted(std::move(members)));
    }
    return sorted_by_order(std::move(out));
}

std::vector<Value> union_elements(const Value& s) {
    std::vector<Value> all;
    for (const Value& member : lazy_node(s).a.enumerate()) {
        if (!member.is_set() || !member.is_finite_set())
            fail("Attempted to enumerate UNION(s), but some element of s is nonenumerable.");
        auto elems = member.enumerate();
        all.insert(all.end(), elems.begin(), elems.end());
    }
    auto set = Value::set(std::move(all));
    auto elems = set.enumerate();
    return {elems.begin(), elems.end()};
}

std::vector<Value> function_set_elements(const Value& s) {
    const auto& n = lazy_node(s);
    check_enumerable_size(s.cardinality(), s);
    auto domain = n.a.enumerate();
    auto range = n.b.enumerate();
    std::vector<std::span<const Value>> choices(domain.size(), range);
    std::vector<Value> out;
    for_each_combination(choices, [&](const std::vector<Value>& pick) {
        out.push_back(Value::function(n.a, pick));
    });
    return sorted_by_order(std::move(out));
}

std::vector<Value> record_set_elements(const Value& s) {
    const auto& n = lazy_node(s);
    check_enumerable_size(s.cardinality(), s);
    std::vector<std::span<const Value>> choices;
    for (const Value& part : n.parts)
        choices.push_back(part.enumerate());
    std::vector<Value> out;
    for_each_combination(choices, [&](const std::vector<Value>& pick) {
        std::vector<std::pair<std::string, Value>> fields;
        for (std::size_t i = 0; i < pick.size(); ++i)
            fields.emplace_back(n.fields[i], pick[i]);
        out.push_back(Value::record(std::move(fields)));
    });
    return sorted_by_order(std::move(out));
}

std::vector<Value> product_elements(const Value& s) {
    const auto& n = lazy_node(s);
    check_enumerable_size(s.cardinality(), s);
    std::vector<std::span<const Value>> choices;
    for (const Value& part : n.parts)
        choices.push_back(part.enumerate());
    std::vector<Value> out;
    for_each_combination(
        choices, [&](const std::vector<Value>& pick) { out.push_back(Value::tuple(pick)); });
    return sorted_by_order(std::move(out));
}

template <typename Keep>
std::vector<Value> kept_elements(const Value& base, Keep keep) {
    std::vector<Value> out;
    for (const Value& x : base.enumerate())
        if (keep(x)) out.push_back(x);
    return out;
}

bool predicate_holds(const Operator& predicate, const Value& x) {
    const Value args[1] = {x};
    Value r = predicate.call(args);
    if (!r.is_bool())
        fail("The predicate of a set filter returned the non-boolean value {}", brief(r));
    return r.as_bool();
}

std::vector<Value> merged(std::span<const Value> a, std::span<const Value> b) {
    std::vector<Value> out;
    out.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        int c = compare_fast(a[i], b[j]);
        if (c < 0) {
            out.push_back(a[i++]);
        } else if (c > 0) {
            out.push_back(b[j++]);
        } else {
            out.push_back(a[i++]);
            ++j;
        }
    }
    out.insert(out.end(), a.begin() + static_cast<std::ptrdiff_t>(i), a.end());
    out.insert(out.end(), b.begin() + static_cast<std::ptrdiff_t>(j), b.end());
    return out;
}

std::vector<Value> compute_elements(const Value& s) {
    const auto& node = set_node(s);
    if (!s.is_finite_set()) fail("Attempted to enumerate the infinite set {}", brief(s));
    switch (node.form) {
    case SetForm::Enumerated:
        return node_as<EnumSetNode>(s).elements;
    case SetForm::Interval: {
        const auto& iv = node_as<IntervalNode>(s);
        std::vector<Value> out;
        if (iv.low <= iv.high) {
            check_enumerable_size(iv.high - iv.low + 1, s);
            out.reserve(static_cast<std::size_t>(iv.high - iv.low + 1));
            for (std::int64_t i = iv.low;; ++i) {
                out.push_back(Value::integer(i));
                if (i == iv.high) break;
            }
        }
        return out;
    }
    case SetForm::Subset:
        return subset_elements(s);
    case SetForm::Union:
        return union_elements(s);
    case SetForm::FunctionSet:
        return function_set_elements(s);
    case SetForm::RecordSet:
        return record_set_elements(s);
    case SetForm::Product:
        return product_elements(s);
    case SetForm::Filter: {
        const auto& n = lazy_node(s);
        return kept_elements(n.a, [&](const Value& x) { return predicate_holds(*n.predicate, x); });
    }
    case SetForm::Cup: {
        const auto& n = lazy_node(s);
        return merged(n.a.enumerate(), n.b.enumerate());
    }
    case SetForm::Cap: {
        const auto& n = lazy_node(s);
        if (n.a.is_finite_set())
            return kept_elements(n.a, [&](const Value& x) { return n.b.contains(x); });
        return kept_elements(n.b, [&](const Value& x) { return n.a.contains(x); });
    }
    case SetForm::Diff: {
        const auto& n = lazy_node(s);
        return kept_elements(n.a, [&](const Value& x) { return !n.b.contains(x); });
    }
    case SetForm::Nat:
    case SetForm::Int:
    case SetForm::String:
    case SetForm::SeqSet:
    case SetForm::Any:
        break;
    }
    fail("Attempted to enumerate the infinite set {}", brief(s));
}

Value make_enumerated(std::vector<Value> sorted_unique) {
    auto* n = new EnumSetNode;
    n->elements = std::move(sorted_unique);
    return Value(Kind::Set, 0, n);
}

const EnumSetNode* unordered_node(const Value& s) {
    if (!s.is_set()) return nullptr;
    const auto& node = node_as<SetNode>(s);
    if (node.form != SetForm::Enumerated) return nullptr;
    const auto& n = node_as<EnumSetNode>(s);
    return n.unordered_error ? &n : nullptr;
}

// TLC needs the order of an unordered set: it fails as its normalization does.
[[noreturn]] void fail_unordered(const EnumSetNode& n) {
    throw EvalError(*n.unordered_error);
}

// The elements of `base` (in TLC's order) for which keep holds, as a set: the order of an
// ordinary set carries over, the elements of an unordered one are ordered anew.
template <typename Keep>
Value kept_set(const Value& base, Keep keep) {
    std::vector<Value> out;
    for (const Value& x : base.elements_in_tlc_order())
        if (keep(x)) out.push_back(x);
    if (base.is_unordered_set()) return Value::set(std::move(out));
    return make_enumerated(std::move(out));
}

// TLC's union of a finite set with an unordered one (SetEnumValue.cup): an empty left operand
// gives the right one; otherwise the left's elements, then those of the right (enumerated, so
// an unordered right operand fails) that the left does not contain.
Value union_with_unordered(const Value& a, const Value& b) {
    if (!a.is_unordered_set() && a.cardinality() == 0) return b;
    auto left = a.elements_in_tlc_order();
    std::vector<Value> out(left.begin(), left.end());
    for (const Value& y : b.enumerate())
        if (!a.contains(y)) out.push_back(y);
    return Value::set(std::move(out));
}

} // namespace

// ---- Construction ----

Value set_from_sorted(std::vector<Value> elements) {
    return make_enumerated(std::move(elements));
}

Value Value::set(std::vector<Value> elements) {
    // Sets of small integers are the common case: sort the numbers themselves.
    bool all_small_ints = std::all_of(elements.begin(), elements.end(), [](const Value& v) {
        return v.is_int() && !(v.flags() & 1u);
    });
    if (all_small_ints) {
        std::vector<std::int64_t> numbers;
        numbers.reserve(elements.size());
        for (const Value& v : elements)
            numbers.push_back(v.as_int_unchecked());
        if (!std::is_sorted(numbers.begin(), numbers.end()))
            std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        elements.resize(numbers.size());
        for (std::size_t i = 0; i < numbers.size(); ++i)
            elements[i] = integer(numbers[i]);
        return make_enumerated(std::move(elements));
    }
    // The elements are sorted through a permutation so that, when TLC cannot order them, they
    // are still in the order given (TLC's search order for the unordered set).
    auto less = [](const Value& a, const Value& b) { return compare_fast(a, b) < 0; };
    try {
        if (!std::is_sorted(elements.begin(), elements.end(), less)) {
            std::vector<std::uint32_t> order(elements.size());
            for (std::uint32_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
                return less(elements[i], elements[j]);
            });
            std::vector<Value> sorted;
            sorted.reserve(elements.size());
            for (std::uint32_t i : order)
                if (sorted.empty() || compare_fast(sorted.back(), elements[i]) != 0)
                    sorted.push_back(elements[i]);
            elements = std::move(sorted);
        } else {
            // is_sorted compared these neighbours already: no comparison here can fail.
            auto last =
                std::unique(elements.begin(), elements.end(),
                            [](const Value& a, const Value& b) { return compare_fast(a, b) == 0; });
            elements.erase(last, elements.end());
        }
    } catch (const EvalError& e) {
        auto* n = new EnumSetNode;
        n->elements = std::move(elements);
        n->unordered_error = std::make_unique<const std::string>(e.what());
        return Value(Kind::Set, 0, n);
    }
    return make_enumerated(std::move(elements));
}

Value Value::empty_set() {
    static const Value empty = make_enumerated({});
    return empty;
}

Value Value::interval(std::int64_t low, std::int64_t high) {
    return Value(Kind::Set, 0, new IntervalNode(low, high));
}

Value Value::nat() {
    static const Value v = make_lazy(SetForm::Nat);
    return v;
}

Value Value::int_set() {
    static const Value v = make_lazy(SetForm::Int);
    return v;
}

Value Value::string_set() {
    static const Value v = make_lazy(SetForm::String);
    return v;
}

Value Value::any() {
    static const Value v = make_lazy(SetForm::Any);
    return v;
}

Value Value::boolean_set() {
    static const Value v = make_enumerated({boolean(false), boolean(true)});
    return v;
}

Value Value::subset(const Value& base) {
    require_set(base, "SUBSET");
    return make_lazy(SetForm::Subset, base);
}

Value Value::union_of(const Value& set_of_sets) {
    require_set(set_of_sets, "UNION");
    return make_lazy(SetForm::Union, set_of_sets);
}

Value Value::function_set(const Value& domain, const Value& range) {
    require_set(domain, "[S -> T]");
    require_set(range, "[S -> T]");
    return make_lazy(SetForm::FunctionSet, domain, range);
}

Value Value::record_set(std::vector<std::pair<std::string, Value>> fields) {
    std::sort(fields.begin(), fields.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    auto* n = new LazySetNode(SetForm::RecordSet);
    Value result(Kind::Set, 0, n);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0 && fields[i - 1].first == fields[i].first)
            fail("The field {} appears twice in a set of records", fields[i].first);
        require_set(fields[i].second, "[a : S]");
        n->fields.push_back(fields[i].first);
        n->parts.push_back(std::move(fields[i].second));
    }
    return result;
}

Value Value::product(std::vector<Value> factors) {
    if (factors.empty()) fail("Internal error: a Cartesian product needs at least one factor");
    for (const Value& f : factors)
        require_set(f, "\\X");
    auto* n = new LazySetNode(SetForm::Product);
    n->parts = std::move(factors);
    return Value(Kind::Set, 0, n);
}

Value Value::seq_set(const Value& base) {
    require_set(base, "Seq");
    return make_lazy(SetForm::SeqSet, base);
}

Value Value::filter(const Value& base, std::shared_ptr<const Operator> predicate) {
    require_set(base, "a set filter");
    if (!predicate) fail("Internal error: null filter predicate");
    auto* n = new LazySetNode(SetForm::Filter);
    n->a = base;
    n->predicate = std::move(predicate);
    return Value(Kind::Set, 0, n);
}

Value Value::set_union(const Value& a, const Value& b) {
    require_set(a, "\\cup");
    require_set(b, "\\cup");
    bool finite = a.is_finite_set() && b.is_finite_set();
    if (finite && (a.is_unordered_set() || b.is_unordered_set())) return union_with_unordered(a, b);
    if (finite) return make_enumerated(merged(a.enumerate(), b.enumerate()));
    return make_lazy(SetForm::Cup, a, b);
}

Value Value::symbolic_union(const Value& a, const Value& b) {
    return make_lazy(SetForm::Cup, a, b);
}

Value Value::set_intersection(const Value& a, const Value& b) {
    require_set(a, "\\cap");
    require_set(b, "\\cap");
    if (a.is_finite_set()) return kept_set(a, [&](const Value& x) { return b.contains(x); });
    if (b.is_finite_set()) return kept_set(b, [&](const Value& x) { return a.contains(x); });
    return make_lazy(SetForm::Cap, a, b);
}

Value Value::set_difference(const Value& a, const Value& b) {
    require_set(a, "\\");
    require_set(b, "\\");
    if (a.is_finite_set()) return kept_set(a, [&](const Value& x) { return !b.contains(x); });
    return make_lazy(SetForm::Diff, a, b);
}

// ---- Inspection ----

SetForm Value::set_form() const {
    return set_node(*this).form;
}

bool Value::is_finite_set() const {
    const auto& node = set_node(*this);
    switch (node.form) {
    case SetForm::Enumerated:
    case SetForm::Interval:
        return true;
    case SetForm::Nat:
    case SetForm::Int:
    case SetForm::String:
    case SetForm::Any:
    case SetForm::SeqSet:
        return false;
    case SetForm::Subset:
    case SetForm::Filter:
        return lazy_node(*this).a.is_finite_set();
    case SetForm::Union: {
        const Value& base = lazy_node(*this).a;
        if (!base.is_finite_set()) return false;
        for (const Value& member : base.enumerate())
            if (member.is_set() && !member.is_finite_set()) return false;
        return true;
    }
    case SetForm::FunctionSet: {
        const auto& n = lazy_node(*this);
        return n.a.is_finite_set() && n.b.is_finite_set();
    }
    case SetForm::RecordSet:
    case SetForm::Product:
        return std::all_of(lazy_node(*this).parts.begin(), lazy_node(*this).parts.end(),
                           [](const Value& p) { return p.is_finite_set(); });
    case SetForm::Cup:
        return lazy_node(*this).a.is_finite_set() && lazy_node(*this).b.is_finite_set();
    case SetForm::Cap:
        return lazy_node(*this).a.is_finite_set() || lazy_node(*this).b.is_finite_set();
    case SetForm::Diff:
        return lazy_node(*this).a.is_finite_set();
    }
    return false;
}

bool Value::is_unordered_set() const noexcept {
    return unordered_node(*this) != nullptr;
}

std::span<const Value> Value::elements_in_tlc_order() const {
    if (const EnumSetNode* n = unordered_node(*this)) return n->elements;
    return enumerate();
}

void require_ordered(const Value& v) {
    if (v.is_set()) {
        if (const EnumSetNode* n = unordered_node(v)) fail_unordered(*n);
        if (v.set_form() == SetForm::Enumerated)
            for (const Value& x : v.enumerate())
                require_ordered(x);
        return;
    }
    if (v.is_function() && !v.is_lazy_function()) {
        if (v.is_sequence()) {
            for (const Value& x : v.items())
                require_ordered(x);
            return;
        }
        for (const Value& x : v.keys())
            require_ordered(x);
        for (const Value& x : v.values())
            require_ordered(x);
    }
}

bool Value::contains(const Value& x) const {
    if (!is_set()) {
        fail("Attempted to check if the value: {} is an element of the {} {}", brief(x),
             kind_name(*this), brief(*this));
    }
    const auto& node = node_as<SetNode>(*this);
    switch (node.form) {
    case SetForm::Enumerated: {
        const auto& elems = node_as<EnumSetNode>(*this).elements;
        if (node_as<EnumSetNode>(*this).unordered_error) {
            // TLC searches an unnormalized set linearly, each element's equality first.
            for (const Value& e : elems)
                if (equals(e, x)) return true;
            return false;
        }
        auto it =
            std::lower_bound(elems.begin(), elems.end(), x,
                             [](const Value& e, const Value& v) { return compare_fast(e, v) < 0; });
        return it != elems.end() && compare_fast(*it, x) == 0;
    }
    case SetForm::Interval: {
        const auto& iv = node_as<IntervalNode>(*this);
        if (x.is_model_value()) return false;
        if (!x.is_int())
            fail("Attempted to check if the value: {} is in the integer interval {}", brief(x),
                 brief(*this));
        if (x.is_big_int()) return false;
        return iv.low <= x.as_int_unchecked() && x.as_int_unchecked() <= iv.high;
    }
    case SetForm::Nat:
    case SetForm::Int:
        if (x.is_model_value()) return false;
        if (!x.is_int()) membership_error(x, *this);
        return node.form == SetForm::Int || to_big_int(x) >= 0;
    case SetForm::String:
        if (x.is_model_value()) return false;
        if (!x.is_string()) membership_error(x, *this);
        return true;
    case SetForm::Any:
        return true;
    case SetForm::Subset:
        return subset_contains(*this, x);
    case SetForm::Union:
        for (const Value& member : lazy_node(*this).a.enumerate())
            if (member.contains(x)) return true;
        return false;
    case SetForm::FunctionSet:
        return function_set_contains(*this, x);
    case SetForm::RecordSet:
        return record_set_contains(*this, x);
    case SetForm::Product:
        return product_contains(*this, x);
    case SetForm::SeqSet:
        return seq_set_contains(*this, x);
    case SetForm::Filter:
        return lazy_node(*this).a.contains(x) && predicate_holds(*lazy_node(*this).predicate, x);
    case SetForm::Cup:
        return lazy_node(*this).a.contains(x) || lazy_node(*this).b.contains(x);
    case SetForm::Cap:
        return lazy_node(*this).a.contains(x) && lazy_node(*this).b.contains(x);
    case SetForm::Diff:
        return lazy_node(*this).a.contains(x) && !lazy_node(*this).b.contains(x);
    }
    return false;
}

std::span<const Value> Value::enumerate() const {
    const auto& node = set_node(*this);
    if (node.form == SetForm::Enumerated) {
        const auto& n = node_as<EnumSetNode>(*this);
        if (n.unordered_error) fail_unordered(n);
        return n.elements;
    }
    // A message about a set that cannot be enumerated prints the set, and printing tries to
    // enumerate it: that inner attempt must fail instead of waiting for the outer one.
    thread_local std::vector<const SetNode*> in_progress;
    if (std::find(in_progress.begin(), in_progress.end(), &node) != in_progress.end())
        fail("Attempted to enumerate a set while enumerating it");
    in_progress.push_back(&node);
    struct Done {
        ~Done() { in_progress.pop_back(); }
    } done;
    std::call_once(node.enumerate_once, [&] { node.enumerated = compute_elements(*this); });
    return node.enumerated;
}

void Value::for_each_element(const std::function<bool(const Value&)>& fn) const {
    const auto& node = set_node(*this);
    if (node.form == SetForm::Interval) {
        const auto& iv = node_as<IntervalNode>(*this);
        if (iv.low > iv.high) return;
        for (std::int64_t i = iv.low;; ++i) {
            if (!fn(integer(i)) || i == iv.high) return;
        }
    }
    for (const Value& x : enumerate())
        if (!fn(x)) return;
}

std::int64_t Value::cardinality() const {
    const auto& node = set_node(*this);
    switch (node.form) {
    case SetForm::Enumerated:
        return static_cast<std::int64_t>(enumerate().size());
    case SetForm::Interval: {
        const auto& iv = node_as<IntervalNode>(*this);
        if (iv.low > iv.high) return 0;
        std::int64_t diff = 0;
        if (__builtin_sub_overflow(iv.high, iv.low, &diff) ||
            diff == std::numeric_limits<std::int64_t>::max())
            fail("The set {} has too many elements", brief(*this));
        return diff + 1;
    }
    case SetForm::Subset: {
        std::int64_t n = lazy_node(*this).a.cardinality();
        if (n >= 63) fail("The set {} has too many elements", brief(*this));
        return std::int64_t{1} << n;
    }
    case SetForm::FunctionSet: {
        const auto& n = lazy_node(*this);
        return checked_pow(n.b.cardinality(), n.a.cardinality(), *this);
    }
    case SetForm::RecordSet:
    case SetForm::Product: {
        std::int64_t r = 1;
        for (const Value& p : lazy_node(*this).parts)
            r = checked_mul(r, p.cardinality(), *this);
        return r;
    }
    default:
        if (!is_finite_set())
            fail("Attempted to compute the cardinality of the infinite set {}", brief(*this));
        return static_cast<std::int64_t>(enumerate().size());
    }
}

Value Value::normalized() const {
    const auto& node = set_node(*this);
    if (node.form == SetForm::Enumerated) return *this;
    auto elems = enumerate();
    return make_enumerated(std::vector<Value>(elems.begin(), elems.end()));
}

std::int64_t Value::interval_low() const {
    if (set_form() != SetForm::Interval) fail("Internal error: not an interval");
    return node_as<IntervalNode>(*this).low;
}

std::int64_t Value::interval_high() const {
    if (set_form() != SetForm::Interval) fail("Internal error: not an interval");
    return node_as<IntervalNode>(*this).high;
}

const Value& Value::base_set() const {
    switch (set_form()) {
    case SetForm::Subset:
    case SetForm::Union:
    case SetForm::SeqSet:
    case SetForm::Filter:
    case SetForm::Cup:
    case SetForm::Cap:
    case SetForm::Diff:
        return lazy_node(*this).a;
    default:
        fail("Internal error: {} has no base set", brief(*this));
    }
}

std::shared_ptr<const Operator> Value::filter_predicate() const {
    if (set_form() != SetForm::Filter) fail("Internal error: not a set filter");
    return lazy_node(*this).predicate;
}

const Value& Value::function_set_domain() const {
    if (set_form() != SetForm::FunctionSet) fail("Internal error: not a set of functions");
    return lazy_node(*this).a;
}

const Value& Value::function_set_range() const {
    SetForm f = set_form();
    if (f != SetForm::FunctionSet && f != SetForm::Cup && f != SetForm::Cap && f != SetForm::Diff)
        fail("Internal error: not a set of functions");
    return lazy_node(*this).b;
}

std::span<const Value> Value::product_factors() const {
    if (set_form() != SetForm::Product) fail("Internal error: not a Cartesian product");
    return lazy_node(*this).parts;
}

std::span<const std::string> Value::record_set_fields() const {
    if (set_form() != SetForm::RecordSet) fail("Internal error: not a set of records");
    return lazy_node(*this).fields;
}

std::span<const Value> Value::record_set_field_sets() const {
    if (set_form() != SetForm::RecordSet) fail("Internal error: not a set of records");
    return lazy_node(*this).parts;
}

} // namespace tlatv::eval
