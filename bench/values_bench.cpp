// Costs of the value operations the evaluator leans on most.
#include "evaluator/builtins.hpp"
#include "evaluator/value.hpp"

#include <benchmark/benchmark.h>

using tlatv::eval::Value;

namespace {

Value int_set(std::int64_t from, std::int64_t count) {
    std::vector<Value> elements;
    for (std::int64_t i = 0; i < count; ++i)
        elements.push_back(Value::integer(from + i));
    return Value::set(std::move(elements));
}

void record_update(benchmark::State& state) {
    Value r = Value::record({{"pc", Value::string("idle")},
                             {"term", Value::integer(3)},
                             {"log", Value::tuple({Value::integer(1), Value::integer(2)})},
                             {"votes", int_set(0, 3)}});
    const Value field = Value::string("term");
    std::int64_t i = 0;
    for (auto _ : state) {
        Value updated = r.with_updated(field, Value::integer(++i));
        benchmark::DoNotOptimize(updated);
    }
}
BENCHMARK(record_update);

void set_union(benchmark::State& state) {
    Value a = int_set(0, state.range(0));
    Value b = int_set(state.range(0) / 2, state.range(0));
    for (auto _ : state) {
        Value u = Value::set_union(a, b);
        benchmark::DoNotOptimize(u);
    }
}
BENCHMARK(set_union)->Arg(10)->Arg(1000);

void function_application(benchmark::State& state) {
    std::vector<std::pair<Value, Value>> pairs;
    for (int i = 0; i < 100; ++i)
        pairs.emplace_back(Value::string("node" + std::to_string(i)), Value::integer(i));
    Value f = Value::function_from_pairs(std::move(pairs));
    const Value arg = Value::string("node42");
    for (auto _ : state)
        benchmark::DoNotOptimize(f.apply(arg));
}
BENCHMARK(function_application);

void sequence_indexing(benchmark::State& state) {
    std::vector<Value> items;
    for (int i = 0; i < 100; ++i)
        items.push_back(Value::integer(i));
    Value s = Value::tuple(std::move(items));
    const Value index = Value::integer(42);
    for (auto _ : state)
        benchmark::DoNotOptimize(s.apply(index));
}
BENCHMARK(sequence_indexing);

void set_construction_1000_ints(benchmark::State& state) {
    std::vector<Value> shuffled;
    for (std::int64_t i = 0; i < 1000; ++i)
        shuffled.push_back(Value::integer((i * 7919) % 1000));
    for (auto _ : state) {
        Value s = Value::set(shuffled);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(set_construction_1000_ints);

void hash_of_nested_value(benchmark::State& state) {
    for (auto _ : state) {
        // A fresh value each time: the hash is cached per node after the first call.
        Value v = Value::record({{"a", int_set(0, 20)}, {"b", Value::string("x")}});
        benchmark::DoNotOptimize(v.hash());
    }
}
BENCHMARK(hash_of_nested_value);

} // namespace
