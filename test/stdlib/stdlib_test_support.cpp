#include "stdlib_test_support.hpp"

#include "evaluator/eval_expression.hpp"
#include "evaluator/value_parse.hpp"

#include <catch2/catch.hpp>

namespace tlatv::eval::stdlib_test {

Value eval(const std::string& expression, const std::vector<std::string>& extends) {
    ExpressionResult r = evaluate_expression(expression, extends);
    INFO(expression);
    if (!r.value) FAIL((r.errors.empty() ? std::string("no value") : r.errors.front().message));
    return *r.value;
}

std::string error_of(const std::string& expression, const std::vector<std::string>& extends) {
    ExpressionResult r = evaluate_expression(expression, extends);
    if (r.value) return "";
    return r.errors.empty() ? std::string("no diagnostic") : r.errors.front().message;
}

Value value(const std::string& printed) {
    return parse_value(printed);
}

} // namespace tlatv::eval::stdlib_test
