// Properties of the value model checked on many pseudo-random values (fixed seed): the order is
// antisymmetric and agrees with equality, equal values hash alike, printing reads back, set
// algebra agrees with a naive computation.
#include "evaluator/value.hpp"
#include "evaluator/value_parse.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>

using tlatv::eval::compare;
using tlatv::eval::equals;
using tlatv::eval::EvalError;
using tlatv::eval::Value;

namespace {

// Characters of generated strings, escapes included.
constexpr char kCharacters[] = "abd\"\\\n\t";

class ValueGenerator {
public:
    explicit ValueGenerator(unsigned seed)
        : rng_(seed) {}

    // A value of one "shape" (so that sets of them are well-typed), nested `depth` levels.
    Value of_shape(int shape, int depth) {
        switch (shape) {
        case 0:
            return Value::integer(pick(-3, 3));
        case 1:
            return Value::string(std::string(1, kCharacters[pick(0, sizeof kCharacters - 2)]));
        case 2:
            return Value::boolean(pick(0, 1) == 1);
        default:
            break;
        }
        if (depth == 0) return Value::integer(pick(-3, 3));
        int inner = pick(0, 2);
        switch (shape) {
        case 3: { // a set
            if (pick(0, 3) == 0) return Value::interval(pick(-2, 2), pick(-2, 3));
            std::vector<Value> elements;
            for (int n = pick(0, 3); n > 0; --n)
                elements.push_back(of_shape(inner, depth - 1));
            return Value::set(std::move(elements));
        }
        case 4: { // a tuple
            std::vector<Value> items;
            for (int n = pick(0, 3); n > 0; --n)
                items.push_back(of_shape(inner, depth - 1));
            return Value::tuple(std::move(items));
        }
        case 5: { // a record
            std::vector<std::pair<std::string, Value>> fields;
            for (char name : std::string("abc"))
                if (pick(0, 1))
                    fields.emplace_back(std::string(1, name), of_shape(inner, depth - 1));
            if (fields.empty()) fields.emplace_back("a", of_shape(inner, depth - 1));
            return Value::record(std::move(fields));
        }
        default: { // a function on integers
            std::vector<std::pair<Value, Value>> pairs;
            for (int k = pick(-1, 1); k <= pick(1, 3); ++k)
                pairs.emplace_back(Value::integer(k), of_shape(inner, depth - 1));
            return Value::function_from_pairs(std::move(pairs));
        }
        }
    }

    Value any(int depth) { return of_shape(pick(0, 6), depth); }
    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

private:
    std::mt19937 rng_;
};

std::optional<int> try_compare(const Value& a, const Value& b) {
    try {
        return compare(a, b);
    } catch (const EvalError&) {
        return std::nullopt;
    }
}

std::optional<bool> try_equals(const Value& a, const Value& b) {
    try {
        return equals(a, b);
    } catch (const EvalError&) {
        return std::nullopt;
    }
}

} // namespace

TEST_CASE("order, equality and hashing agree on random values") {
    ValueGenerator gen(20261125);
    for (int round = 0; round < 3000; ++round) {
        int shape = gen.pick(0, 6);
        Value a = gen.of_shape(shape, 2);
        Value b = gen.pick(0, 4) == 0 ? a : gen.of_shape(shape, 2);
        INFO(a.to_string() << " vs " << b.to_string());
        auto ab = try_compare(a, b);
        auto ba = try_compare(b, a);
        REQUIRE(ab.has_value() == ba.has_value());
        if (ab) {
            CHECK(*ab == -*ba);
            auto eq = try_equals(a, b);
            if (eq) CHECK(*eq == (*ab == 0));
        }
        if (a == b) CHECK(a.hash() == b.hash());
        if (ab && *ab == 0) CHECK(a == b);
    }
}

TEST_CASE("printed values read back as equal values") {
    ValueGenerator gen(7);
    for (int round = 0; round < 2000; ++round) {
        Value a = gen.any(3);
        INFO(a.to_string());
        Value back = tlatv::eval::parse_value(a.to_string());
        CHECK(equals(a, back));
        CHECK(back.to_string() == a.to_string());
    }
}

TEST_CASE("set algebra agrees with a naive computation") {
    ValueGenerator gen(99);
    for (int round = 0; round < 1000; ++round) {
        int shape = gen.pick(0, 6);
        std::vector<Value> xs, ys;
        for (int n = gen.pick(0, 5); n > 0; --n)
            xs.push_back(gen.of_shape(shape, 1));
        for (int n = gen.pick(0, 5); n > 0; --n)
            ys.push_back(gen.of_shape(shape, 1));
        std::vector<Value> all(xs);
        all.insert(all.end(), ys.begin(), ys.end());
        Value x = Value::set(xs);
        Value y = Value::set(ys);
        // Elements TLC cannot compare, e.g. <<1>> and <<"a">>, make unordered sets (value_test).
        if (Value::set(all).is_unordered_set() || x.is_unordered_set() || y.is_unordered_set())
            continue;
        auto in = [](const Value& s, const Value& e) {
            return std::any_of(s.enumerate().begin(), s.enumerate().end(),
                               [&](const Value& m) { return m == e; });
        };
        std::vector<Value> both, only_x;
        for (const Value& e : x.enumerate())
            (in(y, e) ? both : only_x).push_back(e);
        INFO(x.to_string() << " and " << y.to_string());
        CHECK(Value::set_union(x, y) == Value::set(all));
        CHECK(Value::set_intersection(x, y) == Value::set(both));
        CHECK(Value::set_difference(x, y) == Value::set(only_x));
        std::shuffle(all.begin(), all.end(), std::mt19937(static_cast<unsigned>(round)));
        CHECK(Value::set(all) == Value::set_union(y, x));
        for (const Value& e : all)
            CHECK(Value::set_union(x, y).contains(e));
    }
}

namespace {

struct IsPositive final : tlatv::eval::Operator {
    Value call(std::span<const Value> args) const override {
        return Value::boolean(args[0].is_int() ? args[0].as_int() > 0 : args[0].size() > 1);
    }
    std::size_t arity() const override { return 1; }
    std::string name() const override { return "IsPositive"; }
};

} // namespace

TEST_CASE("lazy finite sets: membership agrees with enumeration") {
    ValueGenerator gen(4242);
    auto small_int_set = [&] {
        std::vector<Value> elements;
        for (int n = gen.pick(0, 3); n > 0; --n)
            elements.push_back(Value::integer(gen.pick(-2, 2)));
        return gen.pick(0, 2) == 0 ? Value::interval(gen.pick(-1, 1), gen.pick(-1, 2))
                                   : Value::set(std::move(elements));
    };
    for (int round = 0; round < 300; ++round) {
        Value s = small_int_set();
        Value t = small_int_set();
        std::vector<Value> lazies = {
            Value::subset(s),
            Value::union_of(Value::set({s, t})),
            Value::function_set(s, t),
            Value::record_set({{"a", s}, {"b", t}}),
            Value::product({s, t}),
            Value::product({s, t, s}),
            Value::filter(s, std::make_shared<IsPositive>()),
            Value::symbolic_union(s, t),
        };
        for (const Value& lazy : lazies) {
            INFO(lazy.to_string() << " from " << s.to_string() << ", " << t.to_string());
            REQUIRE(lazy.is_finite_set());
            auto elements = lazy.enumerate();
            CHECK(static_cast<std::size_t>(lazy.cardinality()) == elements.size());
            CHECK(std::is_sorted(elements.begin(), elements.end(),
                                 [](const Value& a, const Value& b) { return compare(a, b) < 0; }));
            for (const Value& e : elements)
                CHECK(lazy.contains(e));
            CHECK(equals(lazy, lazy.normalized()));
            CHECK(lazy.hash() == lazy.normalized().hash());
            // Values of the same shape that are not elements.
            std::vector<Value> others = {Value::set({Value::integer(7)}),
                                         Value::tuple({Value::integer(7), Value::integer(7)}),
                                         Value::record({{"a", Value::integer(7)}}),
                                         Value::integer(7)};
            for (const Value& o : others) {
                bool listed = std::any_of(elements.begin(), elements.end(),
                                          [&](const Value& e) { return e == o; });
                std::optional<bool> member;
                try {
                    member = lazy.contains(o);
                } catch (const EvalError&) {
                    // TLC refuses some mixed-kind membership tests; checked elsewhere.
                }
                if (member) CHECK(*member == listed);
            }
        }
    }
}
