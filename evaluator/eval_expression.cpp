#include "evaluator/eval_expression.hpp"

#include "evaluator/spec.hpp"
#include "parser/parse.hpp"

#include <fmt/format.h>

namespace tlatv::eval {
namespace {

constexpr std::string_view kFileName = "<expression>";
constexpr std::uint32_t kIndent = 4;

// Moves a diagnostic about the generated module back onto the expression's own text.
Diagnostic relocate(Diagnostic d, std::uint32_t header_lines) {
    d.file = std::string(kFileName);
    if (d.line > header_lines) {
        d.line -= header_lines;
        d.column = d.column > kIndent ? d.column - kIndent : 1;
    } else {
        d.line = 0;
        d.column = 0;
    }
    d.source_line.clear();
    return d;
}

} // namespace

ExpressionResult evaluate_expression(std::string_view text, std::span<const std::string> extends,
                                     const ExpressionSetup& setup) {
    ExpressionResult result;
    std::string module = "---- MODULE Expression ----\n";
    std::uint32_t header_lines = 1;
    if (!extends.empty()) {
        module += "EXTENDS ";
        for (std::size_t i = 0; i < extends.size(); ++i)
            module += (i ? ", " : "") + extends[i];
        module += "\n";
        ++header_lines;
    }
    module += "E ==\n";
    ++header_lines;
    std::string_view rest = text;
    while (true) {
        const std::size_t end = rest.find('\n');
        module += std::string(kIndent, ' ');
        module += rest.substr(0, end);
        module += "\n";
        if (end == std::string_view::npos) break;
        rest = rest.substr(end + 1);
    }
    module += "====\n";

    parser::ModuleParse parsed = parser::parse_module(module, kFileName);
    if (!parsed.module) {
        for (auto& d : parsed.errors)
            result.errors.push_back(relocate(std::move(d), header_lines));
        return result;
    }
    result.stage = ExpressionResult::Stage::Resolve;
    SpecConfig config;
    config.int_mode = setup.int_mode;
    CompileResult compiled = compile_spec(*parsed.module, setup.modules, config);
    if (!compiled.spec) {
        for (auto& d : compiled.errors)
            result.errors.push_back(relocate(std::move(d), header_lines));
        return result;
    }
    result.stage = ExpressionResult::Stage::Evaluate;
    EvalContext context(compiled.spec);
    if (setup.configure) setup.configure(context);
    try {
        Value value = context.evaluate("E");
        // TLC orders every set of the value it prints.
        require_ordered(value);
        result.value = std::move(value);
        result.stage = ExpressionResult::Stage::Done;
    } catch (const EvalFailure& failure) {
        result.errors.push_back(relocate(failure.diagnostic(), header_lines));
    } catch (const EvalError& error) {
        Diagnostic d;
        d.file = std::string(kFileName);
        d.message = error.what();
        result.errors.push_back(std::move(d));
    }
    return result;
}

} // namespace tlatv::eval
