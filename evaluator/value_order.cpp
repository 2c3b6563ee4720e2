// TLC's equality and total order on values, structural identity, and hashing.
#include "evaluator/value.hpp"
#include "evaluator/value_internal.hpp"
#include "evaluator/value_node.hpp"

#include <boost/container_hash/hash.hpp>

#include <algorithm>

namespace tlatv::eval {

using namespace detail;

namespace {

int three_way(auto x, auto y) {
    return x < y ? -1 : (y < x ? 1 : 0);
}

int compare_ints(const Value& a, const Value& b) {
    if (!a.is_big_int() && !b.is_big_int())
        return three_way(a.as_int_unchecked(), b.as_int_unchecked());
    return three_way(to_big_int(a), to_big_int(b));
}

bool is_symbolic_infinite(SetForm f) {
    return f == SetForm::Nat || f == SetForm::Int || f == SetForm::String || f == SetForm::Any;
}

[[noreturn]] void kind_mismatch_for_equality(const Value& a, const Value& b) {
    switch (a.kind()) {
    case Kind::Int:
        fail("Attempted to check equality of integer {} with non-integer: {}", brief(a), brief(b));
    case Kind::String:
        fail("Attempted to check equality of string {} with non-string: {}", brief(a), brief(b));
    case Kind::Bool:
        fail("Attempted to compare equality of boolean {} with non-boolean: {}", brief(a),
             brief(b));
    case Kind::Set:
        fail("Attempted to check equality of the set {} with the value: {}", brief(a), brief(b));
    case Kind::Function:
        if (a.is_record())
            fail("Attempted to check equality of record: {} with non-record {}", brief(a),
                 brief(b));
        fail("Attempted to check equality of the function {} with the value: {}", brief(a),
             brief(b));
    default:
        fail("Attempted to check equality of the {} {} with the value: {}", kind_name(a), brief(a),
             brief(b));
    }
}

bool sets_equal(const Value& a, const Value& b) {
    bool a_finite = a.is_finite_set();
    bool b_finite = b.is_finite_set();
    if (a_finite && b_finite) {
        if (a.set_form() == SetForm::Interval && b.set_form() == SetForm::Interval) {
            if (a.cardinality() == 0 || b.cardinality() == 0)
                return a.cardinality() == b.cardinality();
            return a.interval_low() == b.interval_low() && a.interval_high() == b.interval_high();
        }
        if (a.cardinality() != b.cardinality()) return false;
        auto x = a.enumerate();
        auto y = b.enumerate();
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equals(x[i], y[i])) return false;
        return true;
    }
    if (a_finite != b_finite) {
        fail("Attempted to check equality of the set {} with the value: {}", brief(a), brief(b));
    }
    SetForm f = a.set_form();
    if (f == b.set_form()) {
        if (is_symbolic_infinite(f)) return true;
        if (f == SetForm::SeqSet || f == SetForm::Subset) return equals(a.base_set(), b.base_set());
        if (f == SetForm::FunctionSet)
            return equals(a.function_set_domain(), b.function_set_domain()) &&
                   equals(a.function_set_range(), b.function_set_range());
    }
    fail("Attempted to check equality of the infinite set {} with the set {}", brief(a), brief(b));
}

bool functions_equal(const Value& f, const Value& g) {
    if (f.is_sequence()) {
        if (!g.is_sequence()) return false;
        auto x = f.items();
        auto y = g.items();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equals(x[i], y[i])) return false;
        return true;
    }
    if (f.is_record()) {
        if (g.is_sequence() && g.size() == 0) return false;
        if (!g.is_record())
            fail("Attempted to check equality of record: {} with non-record {}", brief(f),
                 brief(g));
    }
    if (f.size() != g.size()) return false;
    if (!equals(f.domain(), g.domain())) return false;
    auto x = f.values();
    auto y = g.values();
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!equals(x[i], y[i])) return false;
    return true;
}

int compare_sequences_of_values(std::span<const Value> x, std::span<const Value> y) {
    for (std::size_t i = 0; i < x.size(); ++i)
        if (int c = compare(x[i], y[i])) return c;
    return 0;
}

bool identical_spans(std::span<const Value> x, std::span<const Value> y) {
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin());
}

// Every element of `part` is structurally identical to some element of `whole`.
bool includes_structurally(std::span<const Value> part, std::span<const Value> whole) {
    return std::all_of(part.begin(), part.end(), [&](const Value& x) {
        return std::find(whole.begin(), whole.end(), x) != whole.end();
    });
}

// Forms that can be materialized without risking an error.
bool safely_finite(const Value& s) {
    try {
        return s.is_finite_set() && (s.set_form() == SetForm::Enumerated ||
                                     s.set_form() == SetForm::Interval || (s.enumerate(), true));
    } catch (const EvalError&) {
        return false;
    }
}

std::size_t hash_combine(std::size_t seed, std::size_t h) {
    boost::hash_combine(seed, h);
    return seed;
}

std::size_t compute_hash(const Value& v) {
    switch (v.kind()) {
    case Kind::Bool:
        return v.as_bool() ? 0x51ed27u : 0x2f1a3bu;
    case Kind::Int:
        if (v.is_big_int()) return hash_combine(0x1b7, std::hash<std::string>{}(v.to_string()));
        return hash_combine(0x1b7, std::hash<std::int64_t>{}(v.as_int_unchecked()));
    case Kind::String:
        return hash_combine(0x5a3, std::hash<std::string_view>{}(v.as_string()));
    case Kind::ModelValue:
        return hash_combine(0x3c9, std::hash<std::string_view>{}(v.model_value_name()));
    case Kind::Operator:
        return std::hash<const void*>{}(&v.as_operator());
    case Kind::Set: {
        std::size_t h = 0x7e1;
        if (v.is_unordered_set()) {
            // Independent of the order the elements were given in (and of duplicates).
            std::vector<std::size_t> hashes;
            for (const Value& x : v.elements_in_tlc_order())
                hashes.push_back(x.hash());
            std::sort(hashes.begin(), hashes.end());
            hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
            for (std::size_t x : hashes)
                h = hash_combine(h, x);
            return hash_combine(h, 0x0dd);
        }
        if (safely_finite(v)) {
            if (v.set_form() == SetForm::Interval) {
                v.for_each_element([&](const Value& x) {
                    h = hash_combine(h, x.hash());
                    return true;
                });
                return h;
            }
            for (const Value& x : v.enumerate())
                h = hash_combine(h, x.hash());
            return h;
        }
        h = hash_combine(h, static_cast<std::size_t>(v.set_form()));
        switch (v.set_form()) {
        case SetForm::Subset:
        case SetForm::SeqSet:
        case SetForm::Union:
        case SetForm::Filter:
            return hash_combine(h, v.base_set().hash());
        case SetForm::FunctionSet:
        case SetForm::Cup:
        case SetForm::Cap:
        case SetForm::Diff:
            return hash_combine(hash_combine(h, v.base_set().hash()),
                                v.function_set_range().hash());
        case SetForm::Product:
            for (const Value& p : v.product_factors())
                h = hash_combine(h, p.hash());
            return h;
        case SetForm::RecordSet:
            for (const Value& p : v.record_set_field_sets())
                h = hash_combine(h, p.hash());
            return h;
        default:
            return h;
        }
    }
    case Kind::Function: {
        std::size_t h = 0x9f3;
        if (v.is_lazy_function() && !safely_finite(v.domain()))
            return hash_combine(h, std::hash<const void*>{}(v.node()));
        if (v.is_sequence()) {
            for (const Value& x : v.items())
                h = hash_combine(h, x.hash());
            return h;
        }
        for (const Value& k : v.keys())
            h = hash_combine(h, k.hash());
        for (const Value& x : v.values())
            h = hash_combine(h, x.hash());
        return h;
    }
    }
    return 0;
}

} // namespace

bool equals(const Value& a, const Value& b) {
    if (a.is_model_value() || b.is_model_value())
        return a.is_model_value() && b.is_model_value() &&
               a.model_value_name() == b.model_value_name();
    if (a.kind() != b.kind()) kind_mismatch_for_equality(a, b);
    switch (a.kind()) {
    case Kind::Bool:
        return a.as_bool() == b.as_bool();
    case Kind::Int:
        return compare_ints(a, b) == 0;
    case Kind::String:
        return a.node() == b.node() || a.as_string() == b.as_string();
    case Kind::Set:
        return a.node() == b.node() || sets_equal(a, b);
    case Kind::Function:
        return a.node() == b.node() || functions_equal(a, b);
    case Kind::Operator:
        fail("Attempted to check equality of the operator {}", brief(a));
    case Kind::ModelValue:
        break;
    }
    return false;
}

int compare(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) {
        if (a.is_model_value()) return -1;
        if (b.is_model_value()) return 1;
        if (a.is_set())
            fail("Attempted to compare the set {} with the value: {}", brief(a), brief(b));
        if (b.is_set())
            fail("Attempted to compare the set {} with the value: {}", brief(b), brief(a));
        fail("Attempted to compare {} {} with {}: {}", kind_name(a), brief(a), kind_name(b),
             brief(b));
    }
    switch (a.kind()) {
    case Kind::Bool:
        return three_way(a.as_bool(), b.as_bool());
    case Kind::Int:
        return compare_ints(a, b);
    case Kind::String: {
        int c = a.as_string().compare(b.as_string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Kind::ModelValue: {
        int c = a.model_value_name().compare(b.model_value_name());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Kind::Set: {
        if (a.node() == b.node()) return 0;
        if (!a.is_finite_set() || !b.is_finite_set())
            fail("Attempted to compare the infinite set {} with {}",
                 brief(a.is_finite_set() ? b : a), brief(a.is_finite_set() ? a : b));
        std::int64_t size = a.cardinality();
        if (int c = three_way(size, b.cardinality())) return c;
        if (size == 0) return 0;
        if (a.set_form() == SetForm::Interval && b.set_form() == SetForm::Interval)
            return three_way(a.interval_low(), b.interval_low());
        return compare_sequences_of_values(a.enumerate(), b.enumerate());
    }
    case Kind::Function: {
        if (a.node() == b.node()) return 0;
        if (int c = three_way(a.size(), b.size())) return c;
        if (a.is_sequence() && b.is_sequence())
            return compare_sequences_of_values(a.items(), b.items());
        if (int c = compare_sequences_of_values(a.keys(), b.keys())) return c;
        return compare_sequences_of_values(a.values(), b.values());
    }
    case Kind::Operator:
        fail("Attempted to compare the operator {}", brief(a));
    }
    return 0;
}

bool operator==(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Kind::Bool:
        return a.as_bool() == b.as_bool();
    case Kind::Int:
        return compare_ints(a, b) == 0;
    case Kind::String:
        return a.as_string() == b.as_string();
    case Kind::ModelValue:
        return a.model_value_name() == b.model_value_name();
    case Kind::Operator:
        return &a.as_operator() == &b.as_operator();
    case Kind::Set: {
        if (a.node() == b.node()) return true;
        if (a.hash() != b.hash()) return false;
        if (a.is_unordered_set() || b.is_unordered_set())
            return a.is_unordered_set() && b.is_unordered_set() &&
                   includes_structurally(a.elements_in_tlc_order(), b.elements_in_tlc_order()) &&
                   includes_structurally(b.elements_in_tlc_order(), a.elements_in_tlc_order());
        bool fa = safely_finite(a), fb = safely_finite(b);
        if (fa != fb) return false;
        if (fa) return identical_spans(a.enumerate(), b.enumerate());
        if (a.set_form() != b.set_form()) return false;
        switch (a.set_form()) {
        case SetForm::Subset:
        case SetForm::SeqSet:
        case SetForm::Union:
            return a.base_set() == b.base_set();
        case SetForm::Filter:
            return a.base_set() == b.base_set() && a.filter_predicate() == b.filter_predicate();
        case SetForm::FunctionSet:
        case SetForm::Cup:
        case SetForm::Cap:
        case SetForm::Diff:
            return a.base_set() == b.base_set() && a.function_set_range() == b.function_set_range();
        case SetForm::Product:
            return identical_spans(a.product_factors(), b.product_factors());
        case SetForm::RecordSet:
            return std::ranges::equal(a.record_set_fields(), b.record_set_fields()) &&
                   identical_spans(a.record_set_field_sets(), b.record_set_field_sets());
        default:
            return true; // Nat, Int, STRING, Any
        }
    }
    case Kind::Function: {
        if (a.node() == b.node()) return true;
        if (a.hash() != b.hash()) return false;
        bool lazy_infinite_a = a.is_lazy_function() && !safely_finite(a.domain());
        bool lazy_infinite_b = b.is_lazy_function() && !safely_finite(b.domain());
        if (lazy_infinite_a || lazy_infinite_b) return false;
        if (a.is_sequence() != b.is_sequence()) return false;
        if (a.is_sequence()) return identical_spans(a.items(), b.items());
        return identical_spans(a.keys(), b.keys()) && identical_spans(a.values(), b.values());
    }
    }
    return false;
}

std::size_t Value::hash() const {
    const Node* n = node();
    if (!n) return compute_hash(*this);
    std::size_t h = n->cached_hash.load(std::memory_order_relaxed);
    if (h != 0) return h;
    h = compute_hash(*this);
    if (h == 0) h = 1;
    n->cached_hash.store(h, std::memory_order_relaxed);
    return h;
}

} // namespace tlatv::eval
