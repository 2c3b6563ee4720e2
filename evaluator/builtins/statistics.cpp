// Statistics (CommunityModules): ChiSquare(expected, actual, alpha).
//
// Pearson's chi-square goodness-of-fit test, as TLC's override (Apache Commons Math's
// ChiSquareTest) performs it: `expected` and `actual` are functions on the same domain to the
// expected counts and the observed counts; when their totals differ, the expected counts are
// scaled to the observed total. The statistic is compared with the chi-square distribution with
// (number of categories - 1) degrees of freedom. ChiSquare is FALSE when the observed counts
// reject the expected distribution at significance level alpha (a string such as "0.05", in
// (0, 0.5]), that is, when the p-value is below alpha; TRUE otherwise.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

#include <charconv>
#include <cmath>

namespace tlatv::eval::builtins {

namespace {

// The regularized lower incomplete gamma function P(s, x), by its power series for x < s + 1 and
// by the continued fraction of Q = 1 - P otherwise (both converge quickly there).
double regularized_lower_gamma(double s, double x) {
    if (x <= 0) return 0;
    const double log_prefactor = s * std::log(x) - x - std::lgamma(s);
    constexpr double kEpsilon = 1e-15;
    if (x < s + 1) {
        double term = 1.0 / s;
        double sum = term;
        for (int n = 1; n < 10000 && std::abs(term) > std::abs(sum) * kEpsilon; ++n) {
            term *= x / (s + n);
            sum += term;
        }
        return sum * std::exp(log_prefactor);
    }
    // Modified Lentz's method for the continued fraction of Q(s, x).
    constexpr double kTiny = 1e-300;
    double b = x + 1 - s;
    double c = 1 / kTiny;
    double d = 1 / b;
    double h = d;
    for (int n = 1; n < 10000; ++n) {
        const double an = -n * (n - s);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < kTiny) d = kTiny;
        c = b + an / c;
        if (std::abs(c) < kTiny) c = kTiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < kEpsilon) break;
    }
    return 1 - std::exp(log_prefactor) * h;
}

std::vector<double> counts(Args a, std::size_t index, bool positive) {
    const Value& f = function_arg("ChiSquare", a, index);
    std::vector<double> result;
    for (const Value& v : f.values()) {
        if (!v.is_int() || v.is_big_int() || v.as_int() < (positive ? 1 : 0))
            bad_argument("ChiSquare", index,
                         positive ? "a function to positive integers"
                                  : "a function to natural numbers",
                         a[index]);
        result.push_back(static_cast<double>(v.as_int()));
    }
    return result;
}

Value chi_square(Args a, const EvalOptions&) {
    const std::vector<double> expected = counts(a, 0, true);
    const std::vector<double> observed = counts(a, 1, false);
    if (expected.size() < 2)
        bad_argument("ChiSquare", 0, "a function with at least two categories", a[0]);
    if (expected.size() != observed.size())
        bad_argument("ChiSquare", 1, "a function with as many categories as the first", a[1]);
    if (!a[2].is_string())
        bad_argument("ChiSquare", 2, "a string holding a significance level in (0, 0.5]", a[2]);
    std::string_view text = a[2].as_string();
    double alpha = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), alpha);
    if (ec != std::errc() || end != text.data() + text.size() || !(alpha > 0 && alpha <= 0.5))
        bad_argument("ChiSquare", 2, "a string holding a significance level in (0, 0.5]", a[2]);

    double expected_total = 0;
    double observed_total = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        expected_total += expected[i];
        observed_total += observed[i];
    }
    const double scale = observed_total / expected_total;
    double statistic = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double e = expected[i] * scale;
        const double deviation = observed[i] - e;
        statistic += deviation * deviation / e;
    }
    const double degrees_of_freedom = static_cast<double>(expected.size() - 1);
    const double p_value = 1 - regularized_lower_gamma(degrees_of_freedom / 2, statistic / 2);
    return Value::boolean(!(p_value < alpha));
}

const Builtin kStatistics[] = {
    {"Statistics", "ChiSquare", 3, chi_square},
};

} // namespace

std::span<const Builtin> statistics_builtins() {
    return kStatistics;
}

} // namespace tlatv::eval::builtins
