#include "test_support.hpp"

#include "parser/parse.hpp"

#include <stdexcept>

namespace tlatv::eval::test {

ModuleSet::ModuleSet(const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto parsed = parser::parse_module(texts[i], "M" + std::to_string(i) + ".tla");
        if (!parsed.module)
            throw std::runtime_error("test module does not parse: " + parsed.errors.at(0).format());
        auto m = std::make_shared<ast::Module>(std::move(*parsed.module));
        if (i == 0) root_ = m;
        modules_[m->name] = m;
    }
}

ModuleProvider ModuleSet::provider() const {
    return [this](std::string_view name) -> const ast::Module* {
        auto it = modules_.find(name);
        return it == modules_.end() ? nullptr : it->second.get();
    };
}

CompileResult ModuleSet::compile(const SpecConfig& config) const {
    return compile_spec(*root_, provider(), config);
}

std::string compile_error(const std::vector<std::string>& texts) {
    ModuleSet set(texts);
    CompileResult r = set.compile();
    return r.errors.empty() ? std::string() : r.errors[0].format();
}

Value eval_module(const std::string& text, const std::string& name) {
    ModuleSet set({text});
    CompileResult r = set.compile();
    if (!r.spec) throw std::runtime_error("does not compile: " + r.errors.at(0).format());
    EvalContext ctx(r.spec);
    return ctx.evaluate(name);
}

ExpressionResult eval_text(const std::string& text, const std::vector<std::string>& extends) {
    return evaluate_expression(text, extends);
}

Value value_of(const std::string& text) {
    ExpressionResult r = eval_text(text);
    if (!r.value) throw std::runtime_error("expected value does not evaluate: " + text);
    return *r.value;
}

} // namespace tlatv::eval::test
