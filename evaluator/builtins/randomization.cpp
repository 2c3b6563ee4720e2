// Randomization (TLC): RandomSubset, RandomSetOfSubsets, RandomSubsetSet and
// TestRandomSetOfSubsets, with the meaning of TLC's module (and its Java overrides):
//   RandomSubset(k, S)            a subset of S with exactly k elements
//   RandomSetOfSubsets(k, n, S)   k draws of a subset of S, each element of S in it with
//                                 probability n / Cardinality(S); duplicates collapse
//   RandomSubsetSet(k, p, S)      the same with the probability p given as a string ("0.25")
//   TestRandomSetOfSubsets(k, n, S)  the cardinalities of five RandomSetOfSubsets(k, n, S)
//
// Deterministic: as TLC's breadth-first mode, which derives its choices from the state so that
// a run can be repeated, the pseudo-random generator (mt19937_64, fully specified by the C++
// standard) is seeded from the hash of the arguments. The same arguments give the same choice on
// every run and every thread.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

#include <charconv>
#include <random>

namespace tlatv::eval::builtins {

namespace {

std::mt19937_64 generator_for(std::string_view op, Args args) {
    std::uint64_t seed = std::hash<std::string_view>{}(op);
    for (const Value& v : args)
        seed = seed * 0x9e3779b97f4a7c15ull + v.hash();
    return std::mt19937_64(seed);
}

// A uniformly distributed double in [0, 1) from 53 random bits.
double uniform01(std::mt19937_64& g) {
    return static_cast<double>(g() >> 11) * 0x1.0p-53;
}

std::int64_t natural_arg(std::string_view op, Args a, std::size_t index) {
    const std::int64_t n = small_int_arg(op, a, index);
    if (n < 0) bad_argument(op, index, "a natural number", a[index]);
    return n;
}

// One subset of `elements`, each element in it with probability `p`.
Value bernoulli_subset(std::span<const Value> elements, double p, std::mt19937_64& g) {
    std::vector<Value> chosen;
    for (const Value& x : elements)
        if (uniform01(g) < p) chosen.push_back(x);
    return set_from_sorted(std::move(chosen));
}

Value set_of_subsets(std::int64_t k, std::span<const Value> elements, double p,
                     std::mt19937_64& g) {
    std::vector<Value> subsets;
    for (std::int64_t i = 0; i < k; ++i)
        subsets.push_back(bernoulli_subset(elements, p, g));
    return Value::set(std::move(subsets));
}

double fraction(std::int64_t n, std::size_t size) {
    return size == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(size);
}

// n must lie in 0..Cardinality(S) for the probability n / Cardinality(S).
std::int64_t expected_size_arg(std::string_view op, Args a, std::size_t size) {
    const std::int64_t n = natural_arg(op, a, 1);
    if (static_cast<std::uint64_t>(n) > size)
        bad_argument(op, 1, fmt::format("a natural number at most the cardinality {}", size), a[1]);
    return n;
}

Value random_subset(Args a, const EvalOptions&) {
    const std::int64_t k = natural_arg("RandomSubset", a, 0);
    auto elements = finite_set_arg("RandomSubset", a, 1).enumerate();
    if (static_cast<std::uint64_t>(k) > elements.size())
        bad_argument("RandomSubset", 0,
                     fmt::format("a natural number at most the cardinality {} of the second",
                                 elements.size()),
                     a[0]);
    // A partial Fisher-Yates shuffle picks k distinct positions.
    std::vector<Value> pool(elements.begin(), elements.end());
    auto g = generator_for("RandomSubset", a);
    for (std::size_t i = 0; i < static_cast<std::size_t>(k); ++i) {
        const std::size_t j = i + static_cast<std::size_t>(g() % (pool.size() - i));
        std::swap(pool[i], pool[j]);
    }
    pool.resize(static_cast<std::size_t>(k));
    return Value::set(std::move(pool));
}

Value random_set_of_subsets(Args a, const EvalOptions&) {
    const std::int64_t k = natural_arg("RandomSetOfSubsets", a, 0);
    auto elements = finite_set_arg("RandomSetOfSubsets", a, 2).enumerate();
    const std::int64_t n = expected_size_arg("RandomSetOfSubsets", a, elements.size());
    auto g = generator_for("RandomSetOfSubsets", a);
    return set_of_subsets(k, elements, fraction(n, elements.size()), g);
}

Value random_subset_set(Args a, const EvalOptions&) {
    const std::int64_t k = natural_arg("RandomSubsetSet", a, 0);
    if (!a[1].is_string())
        bad_argument("RandomSubsetSet", 1, "a string holding a probability such as \"0.5\"", a[1]);
    std::string_view text = a[1].as_string();
    double p = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p);
    if (ec != std::errc() || end != text.data() + text.size() || !(p >= 0.0 && p <= 1.0))
        bad_argument("RandomSubsetSet", 1, "a string holding a probability in [0, 1]", a[1]);
    auto elements = finite_set_arg("RandomSubsetSet", a, 2).enumerate();
    auto g = generator_for("RandomSubsetSet", a);
    return set_of_subsets(k, elements, p, g);
}

Value test_random_set_of_subsets(Args a, const EvalOptions& options) {
    const std::int64_t k = natural_arg("TestRandomSetOfSubsets", a, 0);
    auto elements = finite_set_arg("TestRandomSetOfSubsets", a, 2).enumerate();
    const std::int64_t n = expected_size_arg("TestRandomSetOfSubsets", a, elements.size());
    auto g = generator_for("TestRandomSetOfSubsets", a);
    std::vector<Value> sizes;
    for (int i = 0; i < 5; ++i)
        sizes.push_back(count_value(
            set_of_subsets(k, elements, fraction(n, elements.size()), g).cardinality(), options));
    return Value::tuple(std::move(sizes));
}

constexpr std::string_view M = "Randomization";

const Builtin kRandomization[] = {
    {M, "RandomSubset", 2, random_subset},
    {M, "RandomSetOfSubsets", 3, random_set_of_subsets},
    {M, "RandomSubsetSet", 3, random_subset_set},
    {M, "TestRandomSetOfSubsets", 3, test_random_set_of_subsets},
};

} // namespace

std::span<const Builtin> randomization_builtins() {
    return kRandomization;
}

} // namespace tlatv::eval::builtins
