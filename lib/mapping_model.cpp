#include "lib/mapping_model.hpp"

#include "evaluator/eval.hpp"
#include "evaluator/value_parse.hpp"
#include "parser/parse.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <span>

namespace tlatv::lib {

namespace {

using eval::Value;

// The name the mapping's TLA+ gives the window, as SysMoBench's TV modules do.
constexpr std::string_view kWindow = "w";
constexpr std::string_view kDefinitionPrefix = "TLATV_Mapping_";
// Modules the mapping's TLA+ may use besides the spec's names, as the TV modules EXTEND them.
constexpr std::string_view kStandardModules[] = {"Naturals", "Sequences", "FiniteSets", "TLC"};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

bool identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The identifiers of a TLA+ text, outside its strings.
std::vector<std::string> identifiers_in(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            ++i;
        } else if (identifier_char(text[i])) {
            std::size_t end = i;
            while (end < text.size() && identifier_char(text[end]))
                ++end;
            out.emplace_back(text.substr(i, end - i));
            i = end;
        } else {
            ++i;
        }
    }
    return out;
}

// Calls fn on every expression inside `e`, `e` first.
template <typename Fn>
void visit(ast::Expr& e, Fn& fn);

template <typename Fn>
void visit_unit(ast::Unit& unit, Fn& fn) {
    if (auto* def = std::get_if<ast::OperatorDef>(&unit.node)) {
        fn.span(def->span);
        for (ast::Param& p : def->params)
            fn.span(p.span);
        visit(def->body, fn);
    } else if (auto* fun = std::get_if<ast::FunctionDef>(&unit.node)) {
        fn.span(fun->span);
        for (ast::Binder& b : fun->binders) {
            fn.span(b.span);
            for (ast::Expr& s : b.set)
                visit(s, fn);
        }
        visit(fun->body, fn);
    } else if (auto* instance = std::get_if<ast::InstanceDef>(&unit.node)) {
        fn.span(instance->span);
        for (ast::Substitution& s : instance->instance.substitutions)
            visit(s.value, fn);
    }
}

template <typename Fn>
void visit(ast::Expr& e, Fn& fn) {
    fn.expr(e);
    fn.span(e.span);
    for (ast::Expr& a : e.args)
        visit(a, fn);
    for (ast::Binder& b : e.binders) {
        fn.span(b.span);
        for (ast::Expr& s : b.set)
            visit(s, fn);
    }
    for (ast::Qualifier& q : e.qualifiers)
        for (ast::Expr& a : q.args)
            visit(a, fn);
    for (ast::ExceptClause& c : e.clauses) {
        for (ast::ExceptStep& step : c.path)
            for (ast::Expr& i : step.index)
                visit(i, fn);
        for (ast::Expr& v : c.value)
            visit(v, fn);
    }
    for (ast::Param& p : e.params)
        fn.span(p.span);
    for (ast::Unit& u : e.units)
        visit_unit(u, fn);
}

// Moves the spans of a text's syntax tree from the text to the mapping file, and collects the
// names it uses (identifiers applied without a qualifier).
struct Relocate {
    const MappingValue& text;
    std::set<std::string, std::less<>> names;

    ast::Position position(const ast::Position& p) const {
        if (text.tla_origin.empty()) return {text.where.line, text.where.column, 0};
        const MappingLocation& at =
            text.tla_origin[std::min<std::size_t>(p.offset, text.tla_origin.size() - 1)];
        return {at.line, at.column, 0};
    }
    void span(ast::Span& s) const {
        s.begin = position(s.begin);
        s.end = position(s.end);
    }
    void expr(const ast::Expr& e) {
        if (e.kind == ast::ExprKind::Name && e.qualifiers.empty()) names.insert(e.name);
    }
};

// A diagnostic of the parser, located in the text, moved to the mapping file.
Diagnostic relocate(Diagnostic d, const MappingValue& text, const std::string& file) {
    std::size_t offset = 0;
    for (std::uint32_t line = 1; line < d.line && offset < text.tla_text.size(); ++offset)
        if (text.tla_text[offset] == '\n') ++line;
    offset += d.column > 0 ? d.column - 1 : 0;
    const MappingLocation at = text.tla_origin.empty()
                                   ? text.where
                                   : text.tla_origin[std::min(offset, text.tla_origin.size() - 1)];
    d.file = file;
    d.line = at.line;
    d.column = at.column;
    d.source_line.clear();
    return d;
}

Diagnostic located(const Mapping& mapping, const MappingLocation& where, std::string message) {
    return Diagnostic{mapping.file, where.line, where.column, std::move(message), {}};
}

// One TLA+ text of the mapping parsed, with what it uses.
struct ParsedText {
    std::optional<ast::Expr> expr;
    std::set<std::string, std::less<>> names;
};

ParsedText parse_text(const MappingValue& text, const std::string& file,
                      std::vector<Diagnostic>& errors) {
    ParsedText out;
    auto parsed = parser::parse_expression(text.tla_text, file);
    if (!parsed.expr) {
        for (Diagnostic& d : parsed.errors)
            errors.push_back(relocate(std::move(d), text, file));
        return out;
    }
    Relocate relocate_spans{text, {}};
    visit(*parsed.expr, relocate_spans);
    out.expr = std::move(parsed.expr);
    out.names = std::move(relocate_spans.names);
    return out;
}

// The mapping's definitions, parsed, with which ones depend on the window.
struct Definitions {
    std::vector<const MappingDefinition*> written;
    std::vector<ParsedText> parsed;
    std::vector<bool> uses_window;

    std::optional<std::size_t> find(std::string_view name) const {
        for (std::size_t i = 0; i < written.size(); ++i)
            if (written[i]->name == name) return i;
        return std::nullopt;
    }

    // The definitions `names` uses, directly or through each other, and whether they reach `w`.
    std::pair<std::vector<bool>, bool> closure(const std::set<std::string, std::less<>>& names,
                                               const std::vector<std::string>& bound = {}) const {
        std::vector<bool> used(written.size(), false);
        bool window = names.count(kWindow) > 0 &&
                      std::find(bound.begin(), bound.end(), kWindow) == bound.end();
        std::vector<std::size_t> todo;
        for (const std::string& name : names)
            if (auto i = find(name)) todo.push_back(*i);
        while (!todo.empty()) {
            const std::size_t i = todo.back();
            todo.pop_back();
            if (used[i]) continue;
            used[i] = true;
            window = window || uses_window[i];
            for (const std::string& name : parsed[i].names)
                if (auto j = find(name); j && *j < i) todo.push_back(*j);
        }
        return {used, window};
    }
};

// `LET <the definitions used> IN body`.
ast::Expr with_definitions(ast::Expr body, const Definitions& definitions,
                           const std::vector<bool>& used) {
    ast::Expr let;
    let.kind = ast::ExprKind::Let;
    let.span = body.span;
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) continue;
        ast::OperatorDef def;
        def.name = definitions.written[i]->name;
        for (const std::string& p : definitions.written[i]->parameters)
            def.params.push_back(ast::Param{p, 0, body.span});
        def.body = *definitions.parsed[i].expr;
        def.span = def.body.span;
        let.units.push_back(ast::Unit{std::move(def)});
    }
    if (let.units.empty()) return body;
    let.args.push_back(std::move(body));
    return let;
}

// A TLA+ text written where a value goes is a value in TLC's printed form (`{n1, n2}`, `"a"`,
// model values as bare words) when it names nothing of the spec or the mapping; otherwise it is
// an expression.
bool names_something(std::string_view text, const eval::Names& spec_names,
                     const Definitions& definitions) {
    for (const std::string& id : identifiers_in(text))
        if (id == kWindow || spec_names.count(id) > 0 || definitions.find(id)) return true;
    return false;
}

struct Compiled {
    MappingValue* text;
    bool per_window = false;
    std::string definition;
};

// One evaluation context per thread, over the model compile_mapping gave.
class ThreadEvaluator final : public MappingEvaluator {
public:
    explicit ThreadEvaluator(std::shared_ptr<const eval::CompiledSpec> spec)
        : spec_(std::move(spec)) {}

    Value evaluate(std::uint32_t definition, const Value& w, const std::vector<Value>* state,
                   const std::vector<Value>* next) const override {
        auto& slot = contexts_.local();
        if (!slot) slot = std::make_unique<eval::EvalContext>(spec_);
        eval::EvalContext& ctx = *slot;
        struct ClearStates {
            eval::EvalContext& ctx;
            ~ClearStates() { ctx.clear_states(); }
        } clear{ctx};
        if (state != nullptr) ctx.set_state(*state);
        if (next != nullptr) ctx.set_next_state({next->begin(), next->end()});
        try {
            return ctx.evaluate(definition, std::span<const Value>(&w, 1));
        } catch (const eval::EvalFailure& failure) {
            // Keep the place in the mapping file for whoever reports the window's error.
            throw eval::EvalError(fmt::format("{}:{}:{}: {}", failure.file, failure.span.begin.line,
                                              failure.span.begin.column, failure.what()));
        }
    }

private:
    std::shared_ptr<const eval::CompiledSpec> spec_;
    mutable tbb::enumerable_thread_specific<std::unique_ptr<eval::EvalContext>> contexts_;
};

} // namespace

std::shared_ptr<const MappingEvaluator>
mapping_evaluator(std::shared_ptr<const eval::CompiledSpec> spec) {
    return std::make_shared<const ThreadEvaluator>(std::move(spec));
}

namespace {

// The mapping's constants as the model's values. Constants are values: the spec is compiled with
// them, so nothing can be evaluated before.
std::map<std::string, Value, std::less<>> constant_values(Mapping& mapping, const Model& model,
                                                          std::vector<Diagnostic>& errors) {
    const eval::Names& spec_names = model.spec->ir().root_names;
    std::map<std::string, Value, std::less<>> out;
    for (auto& [name, constant] : mapping.constants) {
        if (!constant.resolved()) {
            try {
                constant.value = eval::parse_value(trimmed(constant.tla_text));
            } catch (const eval::EvalError& e) {
                errors.push_back(located(
                    mapping, constant.where,
                    fmt::format("constants.{}: {} is not a value in TLC's printed form ({})", name,
                                constant.tla_text, e.what())));
                continue;
            }
        }
        const auto symbol = spec_names.find(name);
        if (symbol == spec_names.end() || symbol->second.kind != eval::Symbol::Kind::Constant) {
            errors.push_back(located(mapping, constant.where,
                                     fmt::format("constants.{}: {} is not a constant of module {}",
                                                 name, name, model.spec->root_module())));
            continue;
        }
        out.emplace(name, *constant.value);
    }
    return out;
}

Definitions parse_definitions(const Mapping& mapping, const Model& model,
                              std::vector<Diagnostic>& errors) {
    Definitions definitions;
    for (const MappingDefinition& d : mapping.definitions) {
        if (model.spec->ir().root_names.count(d.name) > 0)
            errors.push_back(located(mapping, d.body.where,
                                     fmt::format("definitions.{}: module {} already defines {}",
                                                 d.name, model.spec->root_module(), d.name)));
        definitions.written.push_back(&d);
        definitions.parsed.push_back(parse_text(d.body, mapping.file, errors));
        definitions.uses_window.push_back(
            definitions.closure(definitions.parsed.back().names, d.parameters).second);
    }
    return definitions;
}

// The TLA+ texts to compile: values that are expressions, derived variables and constraints.
// Values in TLC's printed form are read here.
std::vector<Compiled> texts_to_compile(Mapping& mapping, const Model& model,
                                       const Definitions& definitions) {
    std::set<const MappingValue*> constants;
    for (const auto& [name, constant] : mapping.constants)
        constants.insert(&constant);
    std::vector<Compiled> texts;
    for (MappingValue* v : mapping.tla_values()) {
        if (constants.count(v) > 0) continue;
        if (!names_something(v->tla_text, model.spec->ir().root_names, definitions)) {
            try {
                v->value = eval::parse_value(trimmed(v->tla_text));
                continue;
            } catch (const eval::EvalError&) {
                // not a printed value: an expression
            }
        }
        texts.push_back({v, false, {}});
    }
    for (auto& [name, derived] : mapping.derived)
        texts.push_back({&derived.expression, true, {}});
    for (MappingValue& constraint : mapping.constraints)
        texts.push_back({&constraint, true, {}});
    return texts;
}

// The module that EXTENDS the spec with one definition per text (named in `texts`).
ast::Module extension_module(const Mapping& mapping, const Model& model,
                             const Definitions& definitions, std::vector<Compiled>& texts,
                             std::vector<Diagnostic>& errors) {
    ast::Module module;
    module.name = model.spec->root_module() + "_mapping";
    module.file = mapping.file;
    module.extends.push_back(model.spec->root_module());
    for (std::string_view standard : kStandardModules)
        if (standard != model.spec->root_module()) module.extends.emplace_back(standard);
    for (std::size_t k = 0; k < texts.size(); ++k) {
        Compiled& text = texts[k];
        ParsedText parsed = parse_text(*text.text, mapping.file, errors);
        if (!parsed.expr) continue;
        const auto [used, window] = definitions.closure(parsed.names);
        text.per_window = text.per_window || window;
        text.definition = fmt::format("{}{}", kDefinitionPrefix, k + 1);
        ast::OperatorDef def;
        def.name = text.definition;
        def.body = with_definitions(std::move(*parsed.expr), definitions, used);
        def.span = def.body.span;
        if (text.per_window) def.params.push_back(ast::Param{std::string(kWindow), 0, def.span});
        module.units.push_back(ast::Unit{std::move(def)});
    }
    return module;
}

// Each text bound to its definition in the extended model, or evaluated there when it does not
// depend on the window.
void bind_texts(const Mapping& mapping, const Model& extended, const std::vector<Compiled>& texts,
                std::vector<Diagnostic>& errors) {
    eval::EvalContext ctx(extended.spec);
    for (const Compiled& text : texts) {
        const auto index = extended.spec->find_definition(text.definition);
        if (!index) {
            errors.push_back(located(mapping, text.text->where,
                                     fmt::format("{} was not compiled", text.text->tla_text)));
            continue;
        }
        if (text.per_window) {
            text.text->definition = *index;
            continue;
        }
        try {
            text.text->value = ctx.evaluate(*index);
        } catch (const eval::EvalFailure& failure) {
            errors.push_back(failure.diagnostic());
        } catch (const eval::EvalError& e) {
            errors.push_back(located(mapping, text.text->where, e.what()));
        }
    }
}

} // namespace

MappingModel compile_mapping(const Model& model, const Mapping& given) {
    MappingModel out;
    out.mapping = given;
    Mapping& mapping = out.mapping;
    std::vector<Diagnostic>& errors = out.errors;

    ModelExtension extension;
    extension.constants = constant_values(mapping, model, errors);
    const Definitions definitions = parse_definitions(mapping, model, errors);
    std::vector<Compiled> texts = texts_to_compile(mapping, model, definitions);
    if (!texts.empty() && model.spec->ir().root_names.count(kWindow) > 0)
        errors.push_back(located(mapping, texts.front().text->where,
                                 fmt::format("module {} defines {}, the name the mapping's TLA+ "
                                             "gives the window",
                                             model.spec->root_module(), kWindow)));
    if (!errors.empty() || (texts.empty() && extension.constants.empty())) return out;

    if (!texts.empty()) {
        extension.root = extension_module(mapping, model, definitions, texts, errors);
        if (!errors.empty()) return out;
    }
    ModelLoad load = extend_model(model, std::move(extension));
    if (!load.model) {
        errors = std::move(load.errors);
        return out;
    }
    bind_texts(mapping, *load.model, texts, errors);
    if (errors.empty()) out.model = std::move(*load.model);
    return out;
}

} // namespace tlatv::lib
