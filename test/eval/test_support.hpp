// Helpers of the evaluator tests: compile modules from text and evaluate expressions.
#pragma once

#include "evaluator/eval.hpp"
#include "evaluator/eval_expression.hpp"
#include "evaluator/spec.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tlatv::eval::test {

// Modules given as text, parsed once; the first one is the root.
class ModuleSet {
public:
    explicit ModuleSet(const std::vector<std::string>& texts);
    const ast::Module& root() const { return *root_; }
    ModuleProvider provider() const;
    CompileResult compile(const SpecConfig& config = {}) const;

private:
    std::map<std::string, std::shared_ptr<ast::Module>, std::less<>> modules_;
    std::shared_ptr<ast::Module> root_;
};

// The first diagnostic of compiling `texts`, or "" when it compiles.
std::string compile_error(const std::vector<std::string>& texts);

// Evaluates E of the single module `text`.
Value eval_module(const std::string& text, const std::string& name = "E");

// Evaluates an expression with the given EXTENDS.
ExpressionResult eval_text(const std::string& text,
                           const std::vector<std::string>& extends = {"Integers", "Sequences",
                                                                      "FiniteSets", "TLC"});
// The value of an expression, parsed from its TLC printed form (same default extends).
Value value_of(const std::string& text);

} // namespace tlatv::eval::test
