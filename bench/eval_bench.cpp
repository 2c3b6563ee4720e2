// Evaluation speed of compiled definitions (parsing and resolution are done once, outside the
// timed loop), with a pre-state so that state variables are read as in trace validation. Each
// definition reads a state variable, so none is answered from the constant cache.
#include "evaluator/eval.hpp"
#include "evaluator/spec.hpp"
#include "parser/parse.hpp"

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

using namespace tlatv::eval;

namespace {

constexpr const char* kModule = R"(---- MODULE Bench ----
EXTENDS Integers, Sequences, FiniteSets
VARIABLES log, counters
RecordUpdate == [counters EXCEPT !.b = @ + 1, !.c = [@ EXCEPT ![2] = 0]]
SetFilter == Cardinality({x \in 1..1000 : x % 7 = Len(log) % 7})
FunctionApplication == LET f == [i \in 1..100 |-> i * Len(log)] IN f[50] + f[99]
PointApplication == [i \in 1..100000 |-> i * Len(log)][777]
RECURSIVE SumTo(_)
SumTo(n) == IF n = 0 THEN 0 ELSE n + SumTo(n - 1)
Recursion == SumTo(200)
Quantifier == \A i \in 1..Len(log) : log[i].term >= 0
====
)";

std::shared_ptr<const CompiledSpec> compile() {
    auto parsed = tlatv::parser::parse_module(kModule, "Bench.tla");
    if (!parsed.module) throw std::runtime_error(parsed.errors.at(0).format());
    auto compiled = compile_spec(*parsed.module, {});
    if (!compiled.spec) throw std::runtime_error(compiled.errors.at(0).format());
    return compiled.spec;
}

void set_state(EvalContext& ctx) {
    std::vector<Value> log;
    for (int i = 0; i < 100; ++i)
        log.push_back(Value::record({{"term", Value::integer(i)}, {"value", Value::string("v")}}));
    Value counters = Value::record({{"a", Value::integer(1)},
                                    {"b", Value::integer(2)},
                                    {"c", Value::tuple({Value::integer(3), Value::integer(4)})}});
    ctx.set_state({Value::tuple(std::move(log)), counters});
}

void run(benchmark::State& state, const char* definition) {
    auto spec = compile();
    EvalContext ctx(spec);
    set_state(ctx);
    auto index = spec->find_definition(definition).value();
    for (auto _ : state)
        benchmark::DoNotOptimize(ctx.evaluate(index));
}

void BM_RecordUpdate(benchmark::State& s) {
    run(s, "RecordUpdate");
}
void BM_SetFilter(benchmark::State& s) {
    run(s, "SetFilter");
}
void BM_FunctionApplication(benchmark::State& s) {
    run(s, "FunctionApplication");
}
void BM_PointApplication(benchmark::State& s) {
    run(s, "PointApplication");
}
void BM_Recursion(benchmark::State& s) {
    run(s, "Recursion");
}
void BM_Quantifier(benchmark::State& s) {
    run(s, "Quantifier");
}

} // namespace

BENCHMARK(BM_RecordUpdate);
BENCHMARK(BM_SetFilter);
BENCHMARK(BM_FunctionApplication);
BENCHMARK(BM_PointApplication);
BENCHMARK(BM_Recursion);
BENCHMARK(BM_Quantifier);
