#include "evaluator/resolve.hpp"

#include "evaluator/eval_ops.hpp"
#include "evaluator/stdlib_modules.hpp"

#include <fmt/format.h>

#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

namespace tlatv::eval {
namespace {

using ir::Node;
using ir::NodeKind;

// Thrown inside the resolver at the first semantic error; converted to a Diagnostic at the top.
struct ResolveFailure {
    Diagnostic diagnostic;
};

// The names a module (as instantiated once) makes visible inside itself and to its users.
struct ModuleNames {
    Names all;
    Names exported;
};

// One instantiation of a module: the substitutions for the CONSTANTs and VARIABLEs it (and the
// modules it extends) declares, and the level its definitions are made at.
struct Instantiation {
    bool root = false;       // the root module: constants and variables get slots
    std::uint32_t level = 0; // 0, or 1 inside a parameterised instance
    std::map<std::string, Symbol, std::less<>> substitutions;
    std::map<std::string, std::shared_ptr<const ModuleNames>, std::less<>> done;
    std::set<std::string, std::less<>> in_progress;
};

// A name bound inside an expression: a bound variable or operator parameter (a frame slot), or a
// LET definition.
struct Local {
    std::string name;
    enum class Kind : std::uint8_t { Slot, LetDefinition, Instance } kind = Kind::Slot;
    std::uint32_t level = 0;
    std::uint32_t index = 0; // slot, definition or instance
    int arity = 0;           // > 0 for operator parameters
    // Definition bodies open when it was bound: bodies deeper than that are inside its scope.
    std::uint32_t bodies = 0;
};

// Operators of the evaluator whose value depends only on their arguments within one run (the
// environment and the files read do not change while a spec is checked), so that a definition
// using them can be evaluated once, as TLC evaluates constant-level definitions once.
bool depends_only_on_arguments(ir::EvalOp op) {
    switch (op) {
    case ir::EvalOp::IOEnv:
    case ir::EvalOp::JsonDeserialize:
    case ir::EvalOp::NdJsonDeserialize:
    case ir::EvalOp::Deserialize:
    case ir::EvalOp::Atoi:
    case ir::EvalOp::ZeroPadN:
    case ir::EvalOp::TLCModelValue:
    case ir::EvalOp::TLCEval:
    case ir::EvalOp::TLCCache:
    case ir::EvalOp::Any:
        return true;
    default: // registers, output, assertions, time, randomness, the model checker's state
        return false;
    }
}

struct FrameAllocation {
    std::uint32_t next = 0;
    std::uint32_t max = 0;
};

std::string quote(std::string_view name) {
    return fmt::format("`{}'", name);
}

class Resolver {
public:
    Resolver(const ModuleProvider& modules, const ResolveOptions& options, ResolvedSpec& out)
        : modules_(modules)
        , options_(options)
        , out_(out) {}

    void resolve_root(const ast::Module& root) {
        out_.root_module = root.name;
        Instantiation inst;
        inst.root = true;
        auto names = resolve_module_in(root, inst);
        out_.root_names = names->all;
    }

private:
    const ModuleProvider& modules_;
    const ResolveOptions& options_;
    ResolvedSpec& out_;

    // Modules declared inside other modules (`---- MODULE Inner ----` nested).
    std::map<std::string, const ast::Module*, std::less<>> inner_modules_;
    std::map<std::string, Names, std::less<>> inner_context_;

    // Where a module-level definition, theorem or assumption was written, for the selectors
    // `Def!2`, `Def(a)!Label`, `Thm!:` (see "Selectors" below).
    struct DefinitionSource {
        const ast::Expr* body = nullptr;
        const std::vector<ast::Param>* params = nullptr;
        const Names* names = nullptr;
        std::uint16_t file = 0;
        std::uint32_t level = 0;
    };
    std::map<std::uint32_t, DefinitionSource> definition_sources_;
    // Every module's names, kept for the sources' scopes (an instantiation drops its own).
    std::vector<std::shared_ptr<const ModuleNames>> resolved_modules_;
    // The definitions made for selected parts, by definition and path.
    std::map<std::string, std::uint32_t, std::less<>> selected_definitions_;
    // Theorems stated as ASSUME ... PROVE: their names are not expressions.
    std::set<std::uint32_t> assume_prove_theorems_;
    static inline const std::vector<ast::Param> kNoParams{};
    // Modules that declare no CONSTANT or VARIABLE are the same in every instantiation.
    std::map<std::string, std::shared_ptr<const ModuleNames>, std::less<>> shared_modules_;
    std::map<std::string, bool, std::less<>> has_parameters_;

    // ---- Expression scope ----
    std::uint16_t file_ = 0; // current file index
    const Names* names_ = nullptr;
    std::vector<Local> locals_;
    std::vector<FrameAllocation> frames_; // level = frames_.size()
    std::vector<bool> reads_state_;       // one flag per definition body being resolved
    // Per definition: its body reads the state or has effects (operator parameters of its own
    // excepted). A zero-argument definition at level 0 without it is constant-level.
    std::vector<bool> varies_;
    int except_depth_ = 0;

    std::uint32_t level() const { return static_cast<std::uint32_t>(frames_.size()); }

    [[noreturn]] void fail(const ast::Span& span, std::string message) const {
        Diagnostic d;
        d.file = out_.files.empty() ? std::string() : out_.files[file_];
        d.line = span.begin.line;
        d.column = span.begin.column;
        d.message = std::move(message);
        throw ResolveFailure{std::move(d)};
    }

    std::uint16_t file_index(const std::string& file) {
        for (std::size_t i = 0; i < out_.files.size(); ++i)
            if (out_.files[i] == file) return static_cast<std::uint16_t>(i);
        out_.files.push_back(file);
        return static_cast<std::uint16_t>(out_.files.size() - 1);
    }

    // The body being resolved reads the state (or has effects): it is not constant-level.
    void mark_state() {
        if (!reads_state_.empty()) reads_state_.back() = true;
    }

    // A use of operator parameter `param`: the bodies nested inside its definition depend on
    // the operator passed, the definition itself does not (its callers account for the
    // operators they pass, see resolve_argument).
    void mark_operator_parameter(const Local& param) {
        for (std::size_t i = param.bodies; i < reads_state_.size(); ++i)
            reads_state_[i] = true;
    }

    // Whether calling definition `index` may give another value for the same arguments: it reads
    // the state, has effects, is not resolved yet (RECURSIVE), or a cfg may replace it.
    bool varies(std::uint32_t index) const {
        const ir::Definition& d = out_.definitions[index];
        return !d.body || (index < varies_.size() && varies_[index]) ||
               options_.replaced_definitions.count(d.name) > 0;
    }

    void set_varies(std::uint32_t index, bool value) {
        if (varies_.size() <= index) varies_.resize(index + 1, false);
        varies_[index] = value;
    }

    // ---- Modules ----

    const ast::Module* find_module(std::string_view name) const {
        if (auto it = inner_modules_.find(name); it != inner_modules_.end()) return it->second;
        if (const ast::Module* m = modules_ ? modules_(name) : nullptr) return m;
        // Standard modules that tlatv ships as TLA+ source (stdlib_modules.hpp).
        return stdlib_module(name);
    }

    bool has_parameters(std::string_view name) {
        if (auto it = has_parameters_.find(name); it != has_parameters_.end()) return it->second;
        has_parameters_[std::string(name)] = false; // guards against EXTENDS cycles
        bool result = false;
        if (const ast::Module* m = find_module(name)) {
            for (const auto& ext : m->extends)
                result = result || has_parameters(ext);
            for (const auto& unit : m->units)
                if (std::holds_alternative<ast::ConstantDecl>(unit.node) ||
                    std::holds_alternative<ast::VariableDecl>(unit.node))
                    result = true;
        }
        has_parameters_[std::string(name)] = result;
        return result;
    }

    // The CONSTANTs and VARIABLEs of `m` and of the modules it extends, for building the
    // substitutions of an instance.
    void collect_parameters(const ast::Module& m,
                            std::vector<std::pair<std::string, ast::Span>>& out,
                            std::set<std::string, std::less<>>& seen) {
        if (!seen.insert(m.name).second) return;
        for (const auto& ext : m.extends)
            if (const ast::Module* e = find_module(ext)) collect_parameters(*e, out, seen);
        for (const auto& unit : m.units) {
            if (const auto* c = std::get_if<ast::ConstantDecl>(&unit.node))
                for (const auto& p : c->constants)
                    out.emplace_back(p.name, p.span);
            if (const auto* v = std::get_if<ast::VariableDecl>(&unit.node))
                for (const auto& p : v->variables)
                    out.emplace_back(p.name, p.span);
        }
    }

    static void add_name(Names& names, const std::string& name, const Symbol& symbol,
                         const std::function<void()>& on_conflict) {
        auto [it, inserted] = names.emplace(name, symbol);
        if (!inserted && !(it->second == symbol)) on_conflict();
    }

    static bool is_declaration(const Symbol& s) {
        return s.kind == Symbol::Kind::Constant || s.kind == Symbol::Kind::Variable;
    }

    // Imports names (EXTENDS, INSTANCE). As SANY's Context.mergeExtendContext: a name already
    // there stays when both are definitions (or both declarations), SANY only warns; a definition
    // meeting a declaration is an error.
    void merge(ModuleNames& into, const Names& from, bool exported, const ast::Span& span) {
        for (const auto& entry : from) {
            // Plain references, not structured bindings: clang before 16 cannot capture those.
            const auto& name = entry.first;
            const auto& symbol = entry.second;
            auto conflict = [&] {
                fail(span, fmt::format("Operator {} already defined or declared.", name));
            };
            auto add = [&](Names& names) {
                auto [it, inserted] = names.emplace(name, symbol);
                if (!inserted && !(it->second == symbol) &&
                    is_declaration(it->second) != is_declaration(symbol))
                    conflict();
            };
            add(into.all);
            if (exported) add(into.exported);
        }
    }

    // Names of a standard module that the builtin registry implements and no file provides.
    std::shared_ptr<const ModuleNames> native_module(std::string_view name) {
        auto names = std::make_shared<ModuleNames>();
        for (std::string_view ext : standard_module_extends(name)) {
            auto sub = module_names(std::string(ext), nullptr, ast::Span{});
            merge(*names, sub->exported, true, ast::Span{});
        }
        for (const Builtin& b : builtins_of(name)) {
            Symbol s{Symbol::Kind::Builtin, 0, &b, b.arity};
            names->all[std::string(b.name)] = s;
            names->exported[std::string(b.name)] = s;
        }
        for (const EvalOpInfo& op : eval_ops_of(name)) {
            Symbol s{Symbol::Kind::EvalOp, static_cast<std::uint32_t>(op.op), nullptr, op.arity};
            if (op.only_if_not_builtin && names->all.count(op.name)) continue;
            names->all[std::string(op.name)] = s;
            names->exported[std::string(op.name)] = s;
        }
        return names;
    }

    // The names of module `name` within instantiation `inst` (or shared, when it has no
    // parameters). `inst` may be null for modules known to have no parameters.
    std::shared_ptr<const ModuleNames> module_names(const std::string& name, Instantiation* inst,
                                                    const ast::Span& used_at) {
        if (auto it = shared_modules_.find(name); it != shared_modules_.end()) return it->second;
        const ast::Module* m = find_module(name);
        if (m == nullptr) {
            if (is_standard_module(name) || has_eval_ops(name)) {
                auto names = native_module(name);
                shared_modules_[name] = names;
                return names;
            }
            fail(used_at, fmt::format("Cannot find source file for module {}.", name));
        }
        if (!has_parameters(name)) {
            // Resolved at level 0 whatever the current scope is.
            auto saved_frames = std::move(frames_);
            auto saved_locals = std::move(locals_);
            auto saved_reads = std::move(reads_state_);
            const Names* saved_names = names_;
            const std::uint16_t saved_file = file_;
            frames_.clear();
            locals_.clear();
            reads_state_.clear();
            Instantiation shared;
            auto names = resolve_module_in(*m, shared);
            shared_modules_[name] = names;
            frames_ = std::move(saved_frames);
            locals_ = std::move(saved_locals);
            reads_state_ = std::move(saved_reads);
            names_ = saved_names;
            file_ = saved_file;
            return names;
        }
        if (inst == nullptr) fail(used_at, fmt::format("Module {} declares parameters.", name));
        if (auto it = inst->done.find(name); it != inst->done.end()) return it->second;
        if (inst->in_progress.count(name))
            fail(used_at, fmt::format("Circular dependency among modules involving {}.", name));
        return resolve_module_in(*m, *inst);
    }

    std::shared_ptr<const ModuleNames> resolve_module_in(const ast::Module& m,
                                                         Instantiation& inst) {
        inst.in_progress.insert(m.name);
        auto names = std::make_shared<ModuleNames>();
        // A nested module sees what its enclosing module defined before it.
        if (auto it = inner_context_.find(m.name); it != inner_context_.end())
            names->all = it->second;
        const std::uint16_t file = file_index(m.file);

        // Nested modules are visible to the units after them.
        for (const auto& unit : m.units)
            if (const auto* inner = std::get_if<std::shared_ptr<ast::Module>>(&unit.node))
                if (*inner) inner_modules_[(*inner)->name] = inner->get();

        for (const auto& ext : m.extends) {
            auto sub = module_names(ext, &inst, m.span);
            file_ = file;
            merge(*names, sub->exported, true, m.span);
        }
        const bool standard = is_standard_module(m.name);
        for (const auto& unit : m.units) {
            file_ = file;
            if (const auto* inner = std::get_if<std::shared_ptr<ast::Module>>(&unit.node))
                if (*inner) inner_context_[(*inner)->name] = names->all;
            resolve_unit(unit, m, standard, inst, *names);
        }
        inst.in_progress.erase(m.name);
        inst.done[m.name] = names;
        resolved_modules_.push_back(names);
        return names;
    }

    void define(ModuleNames& names, const std::string& name, const Symbol& symbol, bool local,
                const ast::Span& span) {
        auto conflict = [&] {
            fail(span, fmt::format("Operator {} already defined or declared.", name));
        };
        add_name(names.all, name, symbol, conflict);
        if (!local) add_name(names.exported, name, symbol, conflict);
    }

    // A symbol already bound to a RECURSIVE declaration of this name, if any.
    std::optional<std::uint32_t> predeclared(const ModuleNames& names, const std::string& name) {
        auto it = names.all.find(name);
        if (it == names.all.end() || it->second.kind != Symbol::Kind::Definition) return {};
        const ir::Definition& d = out_.definitions[it->second.index];
        if (d.body || assume_prove_theorems_.count(it->second.index)) return {};
        return it->second.index;
    }

    void resolve_unit(const ast::Unit& unit, const ast::Module& m, bool standard,
                      Instantiation& inst, ModuleNames& names) {
        if (const auto* def = std::get_if<ast::OperatorDef>(&unit.node)) {
            if (standard) {
                if (const Builtin* b = find_builtin(m.name, def->name)) {
                    define(names, def->name, Symbol{Symbol::Kind::Builtin, 0, b, b->arity},
                           def->local, def->span);
                    return;
                }
                if (const EvalOpInfo* op = find_eval_op(m.name, def->name)) {
                    define(names, def->name,
                           Symbol{Symbol::Kind::EvalOp, static_cast<std::uint32_t>(op->op), nullptr,
                                  op->arity},
                           def->local, def->span);
                    return;
                }
            }
            names_ = &names.all;
            auto recursive = predeclared(names, def->name);
            std::uint32_t index =
                recursive ? *recursive : new_definition(def->name, inst.level, def->span);
            define(names, def->name, definition_symbol(index, def->params.size()), def->local,
                   def->span);
            out_.module_definitions[m.name][def->name].push_back(index);
            definition_sources_[index] = {&def->body, &def->params, &names.all, file_, inst.level};
            resolve_operator_body(index, def->params, def->body);
            return;
        }
        if (const auto* fdef = std::get_if<ast::FunctionDef>(&unit.node)) {
            names_ = &names.all;
            auto recursive = predeclared(names, fdef->name);
            std::uint32_t index =
                recursive ? *recursive : new_definition(fdef->name, inst.level, fdef->span);
            define(names, fdef->name, definition_symbol(index, 0), fdef->local, fdef->span);
            resolve_function_body(index, *fdef);
            return;
        }
        if (const auto* rec = std::get_if<ast::RecursiveDecl>(&unit.node)) {
            for (const auto& p : rec->operators) {
                std::uint32_t index = new_definition(p.name, inst.level, p.span);
                out_.definitions[index].param_arities.assign(static_cast<std::size_t>(p.arity), 0);
                define(names, p.name, definition_symbol(index, static_cast<std::size_t>(p.arity)),
                       false, p.span);
            }
            return;
        }
        if (const auto* c = std::get_if<ast::ConstantDecl>(&unit.node)) {
            for (const auto& p : c->constants)
                define(names, p.name, parameter_symbol(p, inst, false), false, p.span);
            return;
        }
        if (const auto* v = std::get_if<ast::VariableDecl>(&unit.node)) {
            for (const auto& p : v->variables)
                define(names, p.name, parameter_symbol(p, inst, true), false, p.span);
            return;
        }
        if (const auto* idef = std::get_if<ast::InstanceDef>(&unit.node)) {
            names_ = &names.all;
            resolve_named_instance(*idef, inst, names);
            return;
        }
        if (const auto* instance = std::get_if<ast::Instance>(&unit.node)) {
            names_ = &names.all;
            Instantiation sub;
            sub.level = inst.level;
            auto imported =
                instantiate(instance->module, instance->substitutions, sub, instance->span);
            file_ = file_index(m.file);
            merge(names, imported->exported, !instance->local, instance->span);
            return;
        }
        if (const auto* assume = std::get_if<ast::Assumption>(&unit.node)) {
            names_ = &names.all;
            std::uint32_t index =
                new_definition(assume->name.empty() ? std::string("ASSUME") : assume->name,
                               inst.level, assume->span);
            resolve_operator_body(index, {}, assume->body);
            if (inst.root) out_.assumptions.push_back(index);
            if (!assume->name.empty()) {
                definition_sources_[index] = {&assume->body, &kNoParams, &names.all, file_,
                                              inst.level};
                define(names, assume->name, definition_symbol(index, 0), false, assume->span);
            }
            return;
        }
        if (const auto* theorem = std::get_if<ast::Theorem>(&unit.node)) {
            // A named theorem's statement is an expression others may use (`Thm`, `Thm!:`);
            // nothing refers to an unnamed one. Its proof is not kept.
            if (theorem->name.empty()) return;
            names_ = &names.all;
            std::uint32_t index = new_definition(theorem->name, inst.level, theorem->span);
            if (theorem->body.empty()) {
                assume_prove_theorems_.insert(index);
            } else {
                definition_sources_[index] = {&theorem->body[0], &kNoParams, &names.all, file_,
                                              inst.level};
                resolve_operator_body(index, {}, theorem->body[0]);
            }
            define(names, theorem->name, definition_symbol(index, 0), false, theorem->span);
            return;
        }
        // Nested modules need nothing here.
    }

    Symbol definition_symbol(std::uint32_t index, std::size_t arity) const {
        return Symbol{Symbol::Kind::Definition, index, nullptr, static_cast<int>(arity)};
    }

    std::uint32_t new_definition(const std::string& name, std::uint32_t level,
                                 const ast::Span& span) {
        ir::Definition d;
        d.name = name;
        d.level = level;
        d.file = file_;
        d.span = span;
        out_.definitions.push_back(std::move(d));
        return static_cast<std::uint32_t>(out_.definitions.size() - 1);
    }

    Symbol parameter_symbol(const ast::Param& p, Instantiation& inst, bool variable) {
        if (auto it = inst.substitutions.find(p.name); it != inst.substitutions.end())
            return it->second;
        if (!inst.root)
            fail(p.span, fmt::format("Substitution missing for symbol {} declared at line {}, "
                                     "col {}.",
                                     p.name, p.span.begin.line, p.span.begin.column));
        if (variable) {
            out_.variables.push_back(ir::VariableInfo{p.name, file_, p.span});
            return Symbol{Symbol::Kind::Variable,
                          static_cast<std::uint32_t>(out_.variables.size() - 1), nullptr, 0};
        }
        out_.constants.push_back(ir::ConstantInfo{p.name, p.arity, file_, p.span});
        return Symbol{Symbol::Kind::Constant, static_cast<std::uint32_t>(out_.constants.size() - 1),
                      nullptr, p.arity};
    }

    // ---- Instances ----

    // Resolves `module` with the given substitutions (`WITH`), completed by the implicit ones
    // (a parameter of the same name visible here). The substitution expressions are resolved in
    // the current scope; the instance's definitions are made at `sub.level`.
    std::shared_ptr<const ModuleNames> instantiate(const std::string& module,
                                                   const std::vector<ast::Substitution>& with,
                                                   Instantiation& sub, const ast::Span& span) {
        const ast::Module* m = find_module(module);
        if (m == nullptr || !has_parameters(module)) {
            for (const auto& s : with)
                fail(s.span, fmt::format("Module {} has no parameter {}.", module, s.name));
            return module_names(module, nullptr, span);
        }
        std::vector<std::pair<std::string, ast::Span>> params;
        std::set<std::string, std::less<>> seen;
        collect_parameters(*m, params, seen);
        for (const auto& s : with) {
            bool known = false;
            for (const auto& p : params)
                known = known || p.first == s.name;
            if (!known) fail(s.span, fmt::format("Module {} has no parameter {}.", module, s.name));
            sub.substitutions[s.name] = substitution_symbol(s.name, s.value, sub.level);
        }
        for (const auto& [name, pspan] : params) {
            if (sub.substitutions.count(name)) continue;
            std::optional<Symbol> found;
            if (is_local_slot(name)) {
                // `P(x) == INSTANCE M` with a parameter x of M: x <- x through a definition.
                ast::Expr ref;
                ref.kind = ast::ExprKind::Name;
                ref.name = name;
                ref.span = span;
                found = substitution_symbol(name, ref, sub.level);
            } else {
                found = lookup_module_level(name);
            }
            if (!found)
                fail(span, fmt::format("Substitution missing for symbol {} declared at line {}, "
                                       "col {} of module {}.",
                                       name, pspan.begin.line, pspan.begin.column, module));
            sub.substitutions[name] = *found;
        }
        const std::uint16_t saved_file = file_;
        const Names* saved_names = names_;
        auto saved_locals = std::move(locals_);
        locals_.clear();
        auto result = resolve_module_in(*m, sub);
        locals_ = std::move(saved_locals);
        names_ = saved_names;
        file_ = saved_file;
        return result;
    }

    bool is_local_slot(std::string_view name) const {
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
            if (it->name == name && it->kind != Local::Kind::Instance)
                return it->kind == Local::Kind::Slot;
        return false;
    }

    std::optional<Symbol> lookup_module_level(std::string_view name) const {
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
            if (it->name == name && it->kind != Local::Kind::Instance) {
                if (it->kind == Local::Kind::LetDefinition)
                    return definition_symbol(it->index, static_cast<std::size_t>(it->arity));
                return std::nullopt; // parameters are substituted through definitions below
            }
        if (names_ != nullptr)
            if (auto it = names_->find(name); it != names_->end()) return it->second;
        if (const Builtin* b = find_builtin(kLanguageModule, name))
            return Symbol{Symbol::Kind::Builtin, 0, b, b->arity};
        return std::nullopt;
    }

    // `x <- e`: a module-level name stays what it denotes (so a substituted variable stays a
    // variable, primes included); anything else becomes a definition made at `level`.
    Symbol substitution_symbol(const std::string& name, const ast::Expr& value,
                               std::uint32_t level) {
        if (value.kind == ast::ExprKind::Name && value.args.empty() && value.qualifiers.empty()) {
            bool is_local = false;
            for (const auto& l : locals_)
                is_local = is_local || l.name == value.name;
            if (!is_local)
                if (auto s = lookup_module_level(value.name)) return *s;
        }
        if (value.kind == ast::ExprKind::OpRef) {
            if (auto s = lookup_module_level(value.name)) return *s;
            fail(value.span, fmt::format("Unknown operator: {}.", quote(value.name)));
        }
        std::uint32_t index = new_definition(name, level, value.span);
        if (value.kind == ast::ExprKind::Lambda) {
            resolve_operator_body(index, value.params, value.args.at(0));
            return definition_symbol(index, value.params.size());
        }
        resolve_operator_body(index, {}, value);
        return definition_symbol(index, 0);
    }

    void resolve_named_instance(const ast::InstanceDef& idef, Instantiation& inst,
                                ModuleNames& names) {
        InstanceInfo info;
        info.name = idef.name;
        info.arity = static_cast<std::uint32_t>(idef.params.size());
        Instantiation sub;
        sub.level = inst.level;
        if (!idef.params.empty()) {
            if (inst.level != 0 || level() != 0)
                fail(idef.span, "A parameterised INSTANCE inside an instantiated module is not "
                                "supported.");
            frames_.push_back({});
            for (const auto& p : idef.params) {
                if (p.arity > 0)
                    fail(p.span, "Operator parameters of a parameterised INSTANCE are not "
                                 "supported.");
                bind_slot(p.name, p.span, 0);
            }
            sub.level = 1;
            auto exported =
                instantiate(idef.instance.module, idef.instance.substitutions, sub, idef.span);
            info.names = std::make_shared<const Names>(exported->exported);
            for (std::size_t i = 0; i < idef.params.size(); ++i)
                locals_.pop_back();
            frames_.pop_back();
        } else {
            auto exported =
                instantiate(idef.instance.module, idef.instance.substitutions, sub, idef.span);
            info.names = std::make_shared<const Names>(exported->exported);
        }
        out_.instances.push_back(std::move(info));
        define(names, idef.name,
               Symbol{Symbol::Kind::Instance, static_cast<std::uint32_t>(out_.instances.size() - 1),
                      nullptr, static_cast<int>(idef.params.size())},
               idef.local, idef.span);
    }

    // ---- Definitions ----

    std::uint32_t bind_slot(const std::string& name, const ast::Span& span, int arity) {
        FrameAllocation& f = frames_.back();
        std::uint32_t slot = f.next++;
        f.max = std::max(f.max, f.next);
        locals_.push_back(Local{name, Local::Kind::Slot, level(), slot, arity,
                                static_cast<std::uint32_t>(reads_state_.size())});
        return slot;
    }

    // Resolves the body of a definition with parameters in a frame of its own.
    void resolve_operator_body(std::uint32_t index, const std::vector<ast::Param>& params,
                               const ast::Expr& body) {
        frames_.push_back({});
        reads_state_.push_back(false);
        const std::size_t locals_before = locals_.size();
        std::vector<int> arities;
        for (const auto& p : params) {
            arities.push_back(p.arity);
            bind_slot(p.name, p.span, p.arity);
        }
        auto node = std::make_unique<Node>(resolve(body));
        locals_.resize(locals_before);
        ir::Definition& d = out_.definitions[index];
        d.param_arities = std::move(arities);
        d.frame_size = frames_.back().max;
        d.body = std::move(node);
        d.constant_level = params.empty() && !reads_state_.back();
        set_varies(index, reads_state_.back());
        reads_state_.pop_back();
        frames_.pop_back();
    }

    // `f[x \in S] == e`: a zero-argument definition whose body is a function constructor that
    // may refer to f.
    void resolve_function_body(std::uint32_t index, const ast::FunctionDef& fdef) {
        frames_.push_back({});
        reads_state_.push_back(false);
        const std::size_t locals_before = locals_.size();
        Node node = resolve_function_constructor(fdef.binders, fdef.body, fdef.span);
        locals_.resize(locals_before);
        ir::Definition& d = out_.definitions[index];
        d.frame_size = frames_.back().max;
        d.body = std::make_unique<Node>(std::move(node));
        d.is_function = true;
        d.constant_level = !reads_state_.back();
        set_varies(index, reads_state_.back());
        reads_state_.pop_back();
        frames_.pop_back();
    }

    // ---- Expressions ----

    Node make(NodeKind kind, const ast::Expr& e) const {
        Node n;
        n.kind = kind;
        n.file = file_;
        n.span = e.span;
        return n;
    }

    Node make_at(NodeKind kind, const ast::Span& span) const {
        Node n;
        n.kind = kind;
        n.file = file_;
        n.span = span;
        return n;
    }

    std::vector<Node> resolve_all(const std::vector<ast::Expr>& exprs) {
        std::vector<Node> out;
        out.reserve(exprs.size());
        for (const auto& e : exprs)
            out.push_back(resolve(e));
        return out;
    }

    std::vector<Node> resolve_arguments(const std::vector<ast::Expr>& exprs) {
        std::vector<Node> out;
        out.reserve(exprs.size());
        for (const auto& e : exprs)
            out.push_back(resolve_argument(e));
        return out;
    }

    Node literal(const ast::Expr& e, Value v) const {
        Node n = make(NodeKind::Literal, e);
        n.value = std::move(v);
        return n;
    }

    Node resolve(const ast::Expr& e) {
        switch (e.kind) {
        case ast::ExprKind::Name:
            return resolve_name(e);
        case ast::ExprKind::Number:
            return resolve_number(e);
        case ast::ExprKind::Decimal:
            fail(e.span, "Real numbers are not supported.");
        case ast::ExprKind::String:
            return literal(e, Value::string(e.text));
        case ast::ExprKind::At:
            if (except_depth_ == 0) fail(e.span, "`@' used outside an EXCEPT clause.");
            return make(NodeKind::ExceptAt, e);
        case ast::ExprKind::OpRef:
        case ast::ExprKind::Lambda:
            fail(e.span, "An operator can only be used as an argument of another operator.");
        case ast::ExprKind::OpApp:
            return resolve_op_app(e);
        case ast::ExprKind::ConjList:
        case ast::ExprKind::DisjList: {
            Node n = make(e.kind == ast::ExprKind::ConjList ? NodeKind::And : NodeKind::Or, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::FunApp: {
            Node n = make(NodeKind::FunApp, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::Dot: {
            Node n = make(NodeKind::Dot, e);
            n.kids = resolve_all(e.args);
            n.fields.push_back(e.name);
            n.value = Value::string(e.name);
            return n;
        }
        case ast::ExprKind::Tuple: {
            Node n = make(NodeKind::Tuple, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::SetEnum: {
            Node n = make(NodeKind::SetEnum, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::SetFilter:
            return resolve_binding(NodeKind::SetFilter, e);
        case ast::ExprKind::SetMap:
            return resolve_binding(NodeKind::SetMap, e);
        case ast::ExprKind::FunCons:
            return resolve_function_constructor(e.binders, e.args.at(0), e.span);
        case ast::ExprKind::FunSet: {
            Node n = make(NodeKind::FunSet, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::RecordCons:
        case ast::ExprKind::RecordSet: {
            Node n = make(e.kind == ast::ExprKind::RecordCons ? NodeKind::RecordCons
                                                              : NodeKind::RecordSet,
                          e);
            std::set<std::string_view> seen;
            for (const auto& f : e.fields)
                if (!seen.insert(f).second)
                    fail(e.span, fmt::format("Field {} appears twice in a record.", f));
            n.fields = e.fields;
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::Except:
            return resolve_except(e);
        case ast::ExprKind::ActionBox:
        case ast::ExprKind::ActionAngle: {
            Node n = make(e.kind == ast::ExprKind::ActionBox ? NodeKind::ActionBox
                                                             : NodeKind::ActionAngle,
                          e);
            n.kids = resolve_all(e.args);
            mark_state();
            return n;
        }
        case ast::ExprKind::WF:
        case ast::ExprKind::SF: {
            Node n = make(NodeKind::Temporal, e);
            n.text = e.kind == ast::ExprKind::WF ? "WF" : "SF";
            n.kids = resolve_all(e.args);
            mark_state();
            return n;
        }
        case ast::ExprKind::TemporalForall:
        case ast::ExprKind::TemporalExists: {
            Node n = make(NodeKind::Temporal, e);
            n.text = e.kind == ast::ExprKind::TemporalForall ? "\\AA" : "\\EE";
            const std::size_t before = locals_.size();
            for (const auto& b : e.binders)
                for (const auto& name : b.names)
                    bind_slot(name, b.span, 0);
            n.kids = resolve_all(e.args);
            locals_.resize(before);
            mark_state();
            return n;
        }
        case ast::ExprKind::Forall:
            return resolve_binding(NodeKind::Forall, e);
        case ast::ExprKind::Exists:
            return resolve_binding(NodeKind::Exists, e);
        case ast::ExprKind::Choose:
            return resolve_binding(NodeKind::Choose, e);
        case ast::ExprKind::If: {
            Node n = make(NodeKind::If, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        case ast::ExprKind::Case: {
            Node n = make(NodeKind::Case, e);
            n.kids = resolve_all(e.args);
            n.flags = e.has_other ? 1 : 0;
            return n;
        }
        case ast::ExprKind::Let:
            return resolve_let(e);
        case ast::ExprKind::Label:
            return resolve(e.args.at(0));
        }
        fail(e.span, "Unsupported expression.");
    }

    Node resolve_number(const ast::Expr& e) {
        Value v = Value::integer_from_decimal(e.text);
        if (options_.int_mode == IntMode::Tlc32 &&
            (v.is_big_int() || v.as_int() > std::numeric_limits<std::int32_t>::max()))
            fail(e.span, "TLC can't handle a number this big.");
        return literal(e, std::move(v));
    }

    // Bound variables of quantifiers, CHOOSE and set constructors take slots of the current
    // frame; the sets are resolved outside the binder's own names.
    std::vector<ir::Bound> resolve_bounds(const std::vector<ast::Binder>& binders) {
        std::vector<ir::Bound> bounds;
        std::vector<std::unique_ptr<Node>> sets;
        for (const auto& b : binders)
            sets.push_back(b.set.empty() ? nullptr : std::make_unique<Node>(resolve(b.set[0])));
        for (std::size_t i = 0; i < binders.size(); ++i) {
            ir::Bound bound;
            bound.tuple = binders[i].tuple;
            bound.set = std::move(sets[i]);
            for (const auto& name : binders[i].names)
                bound.slots.push_back(bind_slot(name, binders[i].span, 0));
            bounds.push_back(std::move(bound));
        }
        return bounds;
    }

    Node resolve_binding(NodeKind kind, const ast::Expr& e) {
        Node n = make(kind, e);
        const std::size_t locals_before = locals_.size();
        n.bounds = resolve_bounds(e.binders);
        n.kids = resolve_all(e.args);
        locals_.resize(locals_before);
        // The slots stay taken: sibling scopes do not share them. Successor enumeration runs
        // the rest of an action inside a binder's scope (`(\E m \in S : A(m)) /\ \E m2 \in T :
        // B`), and arguments still pending read m after m2 is bound.
        return n;
    }

    Node resolve_function_constructor(const std::vector<ast::Binder>& binders,
                                      const ast::Expr& body, const ast::Span& span) {
        Node n = make_at(NodeKind::FunCons, span);
        const std::size_t locals_before = locals_.size();
        const std::uint32_t slots_before = frames_.back().next;
        n.bounds = resolve_bounds(binders);
        for (const auto& b : n.bounds)
            if (!b.set) fail(span, "A function constructor needs a bounded domain.");
        n.kids.push_back(resolve(body));
        locals_.resize(locals_before);
        frames_.back().next = slots_before;
        return n;
    }

    Node resolve_except(const ast::Expr& e) {
        Node n = make(NodeKind::Except, e);
        n.kids.push_back(resolve(e.args.at(0)));
        for (const auto& c : e.clauses) {
            ir::ExceptClause clause;
            for (const auto& step : c.path) {
                ir::ExceptStep s;
                s.is_field = step.is_field;
                if (step.is_field) {
                    s.field = Value::string(step.field);
                } else if (step.index.size() == 1) {
                    s.index = std::make_unique<Node>(resolve(step.index[0]));
                } else {
                    Node t = make_at(NodeKind::Tuple, step.index.front().span);
                    t.kids = resolve_all(step.index);
                    s.index = std::make_unique<Node>(std::move(t));
                }
                clause.path.push_back(std::move(s));
            }
            ++except_depth_;
            clause.value = std::make_unique<Node>(resolve(c.value.at(0)));
            --except_depth_;
            n.clauses.push_back(std::move(clause));
        }
        return n;
    }

    Node resolve_let(const ast::Expr& e) {
        Node n = make(NodeKind::Let, e);
        const std::size_t locals_before = locals_.size();
        const std::uint32_t first_cache = frames_.back().next;
        std::uint32_t caches = 0;
        auto let_local = [&](const std::string& name) -> Local* {
            for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
                if (static_cast<std::size_t>(locals_.rend() - it) <= locals_before) break;
                if (it->name == name && it->kind == Local::Kind::LetDefinition) return &*it;
            }
            return nullptr;
        };
        auto declare = [&](const std::string& name, const ast::Span& span,
                           std::size_t arity) -> std::uint32_t {
            if (Local* l = let_local(name)) {
                if (!out_.definitions[l->index].body) return l->index; // RECURSIVE
                fail(span, fmt::format("Operator {} already defined or declared.", name));
            }
            std::uint32_t index = new_definition(name, level(), span);
            locals_.push_back(Local{name, Local::Kind::LetDefinition, level(), index,
                                    static_cast<int>(arity), 0});
            return index;
        };
        auto add_cache = [&](std::uint32_t index) {
            std::uint32_t slot = frames_.back().next++;
            frames_.back().max = std::max(frames_.back().max, frames_.back().next);
            out_.definitions[index].let_cache_slot = slot;
            ++caches;
        };
        for (const auto& unit : e.units) {
            if (const auto* def = std::get_if<ast::OperatorDef>(&unit.node)) {
                std::uint32_t index = declare(def->name, def->span, def->params.size());
                if (def->params.empty()) add_cache(index);
                resolve_operator_body(index, def->params, def->body);
            } else if (const auto* fdef = std::get_if<ast::FunctionDef>(&unit.node)) {
                std::uint32_t index = declare(fdef->name, fdef->span, 0);
                add_cache(index);
                resolve_function_body(index, *fdef);
            } else if (const auto* rec = std::get_if<ast::RecursiveDecl>(&unit.node)) {
                for (const auto& p : rec->operators) {
                    std::uint32_t index =
                        declare(p.name, p.span, static_cast<std::size_t>(p.arity));
                    out_.definitions[index].param_arities.assign(static_cast<std::size_t>(p.arity),
                                                                 0);
                }
            } else if (const auto* idef = std::get_if<ast::InstanceDef>(&unit.node)) {
                // LET I == INSTANCE M IN ...: M's definitions are made at this level, so their
                // substitutions may use this frame.
                if (!idef->params.empty())
                    fail(idef->span, "A parameterised INSTANCE inside a LET is not supported.");
                Instantiation sub;
                sub.level = level();
                auto exported = instantiate(idef->instance.module, idef->instance.substitutions,
                                            sub, idef->span);
                InstanceInfo info;
                info.name = idef->name;
                info.names = std::make_shared<const Names>(exported->exported);
                out_.instances.push_back(std::move(info));
                locals_.push_back(Local{idef->name, Local::Kind::Instance, level(),
                                        static_cast<std::uint32_t>(out_.instances.size() - 1), 0,
                                        0});
            } else {
                fail(e.span, "Only operator, function and instance definitions are supported in "
                             "a LET.");
            }
        }
        n.index = first_cache;
        n.count = caches;
        n.kids.push_back(resolve(e.args.at(0)));
        locals_.resize(locals_before);
        // The caches stay allocated: the LET's definitions may be running while a sibling
        // expression reuses the following slots.
        return n;
    }

    // ---- Names and operator applications ----

    // An expression in argument position: an operator name without arguments, an operator symbol
    // or a LAMBDA denotes the operator itself.
    Node resolve_argument(const ast::Expr& e) {
        if (e.kind == ast::ExprKind::Lambda) {
            std::uint32_t index = new_definition("LAMBDA", level(), e.span);
            resolve_operator_body(index, e.params, e.args.at(0));
            Node n = make(NodeKind::OperatorArg, e);
            n.flags = static_cast<std::uint8_t>(ir::OperatorArgKind::Definition);
            n.index = index;
            n.hops = 0;
            n.text = "LAMBDA";
            // Reading this frame's variables is reading the caller's own values; only the
            // state (or an operator parameter of an enclosing definition) makes the call vary.
            if (varies(index)) mark_state();
            return n;
        }
        if (e.kind == ast::ExprKind::OpRef) return operator_reference(e, e.name);
        if (e.kind == ast::ExprKind::Name && e.args.empty() && e.qualifiers.empty()) {
            for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
                if (it->name == e.name && it->kind != Local::Kind::Instance) {
                    if (it->arity > 0) return operator_reference(e, e.name);
                    return resolve(e);
                }
            if (auto s = lookup_module_level(e.name); s && s->arity != 0)
                return operator_reference(e, e.name);
        }
        if (e.kind == ast::ExprKind::Name && e.args.empty() && !e.qualifiers.empty()) {
            Symbol s = qualified_symbol(e);
            if (s.arity != 0 && s.kind == Symbol::Kind::Definition && e.qualifiers[0].args.empty())
                return operator_value(e, s, e.name);
        }
        return resolve(e);
    }

    // A builtin the cfg replaces is used through a stand-in definition.
    std::optional<Symbol> replaced_builtin(const Symbol& s) {
        if (s.kind != Symbol::Kind::Builtin || !options_.replaced_builtins.count(s.builtin->name))
            return std::nullopt;
        const std::string name(s.builtin->name);
        auto it = out_.builtin_stubs.find(name);
        if (it == out_.builtin_stubs.end()) {
            std::uint32_t index = new_definition(name, 0, ast::Span{});
            out_.definitions[index].param_arities.assign(
                s.arity == kVariadic ? 0 : static_cast<std::size_t>(s.arity), 0);
            it = out_.builtin_stubs.emplace(name, index).first;
        }
        return definition_symbol(it->second, out_.definitions[it->second].arity());
    }

    Node operator_value(const ast::Expr& e, const Symbol& given, const std::string& name) {
        const Symbol s = replaced_builtin(given).value_or(given);
        Node n = make(NodeKind::OperatorArg, e);
        n.text = name;
        switch (s.kind) {
        case Symbol::Kind::Definition: {
            const ir::Definition& d = out_.definitions[s.index];
            n.flags = static_cast<std::uint8_t>(ir::OperatorArgKind::Definition);
            n.index = s.index;
            n.hops = level() - d.level;
            if (varies(s.index)) mark_state();
            return n;
        }
        case Symbol::Kind::Builtin:
            n.flags = static_cast<std::uint8_t>(ir::OperatorArgKind::Builtin);
            n.builtin = s.builtin;
            return n;
        default:
            fail(e.span, fmt::format("{} cannot be passed as an operator argument.", quote(name)));
        }
    }

    Node operator_reference(const ast::Expr& e, const std::string& name) {
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
            if (it->name != name || it->kind == Local::Kind::Instance) continue;
            if (it->kind == Local::Kind::Slot) {
                Node n = make(NodeKind::OperatorArg, e);
                n.flags = static_cast<std::uint8_t>(ir::OperatorArgKind::Param);
                n.index = it->index;
                n.hops = level() - it->level;
                n.text = name;
                mark_operator_parameter(*it);
                return n;
            }
            return operator_value(e, definition_symbol(it->index, it->arity), name);
        }
        auto s = lookup_module_level(name);
        if (!s) fail(e.span, fmt::format("Unknown operator: {}.", quote(name)));
        return operator_value(e, *s, name);
    }

    // The symbol of `I!J!Op` (qualifiers resolved through the instances' exported names).
    Symbol qualified_symbol(const ast::Expr& e) {
        const Names* names = names_;
        for (std::size_t i = 0; i < e.qualifiers.size(); ++i) {
            const ast::Qualifier& q = e.qualifiers[i];
            std::optional<std::uint32_t> instance;
            if (i == 0)
                for (auto l = locals_.rbegin(); l != locals_.rend() && !instance; ++l)
                    if (l->name == q.name && l->kind == Local::Kind::Instance) instance = l->index;
            if (!instance) {
                auto it = names->find(q.name);
                if (it == names->end() || it->second.kind != Symbol::Kind::Instance)
                    fail(e.span, fmt::format("Unknown instance: {}.", quote(q.name)));
                instance = it->second.index;
            }
            const InstanceInfo& info = out_.instances[*instance];
            if (q.args.size() != info.arity)
                fail(e.span,
                     fmt::format("The instance {} requires {} arguments.", q.name, info.arity));
            if (i > 0 && !q.args.empty())
                fail(e.span, "A parameterised instance inside another instance is not supported.");
            names = info.names.get();
        }
        auto it = names->find(e.name);
        if (it == names->end()) {
            if (const Builtin* b = find_builtin(kLanguageModule, e.name))
                return Symbol{Symbol::Kind::Builtin, 0, b, b->arity};
            std::string written;
            for (const auto& q : e.qualifiers)
                written += q.name + "!";
            fail(e.span, fmt::format("Unknown operator: {}.", quote(written + e.name)));
        }
        return it->second;
    }

    void check_arity(const ast::Expr& e, const std::string& name, int arity, std::size_t given) {
        if (arity == kVariadic) return;
        if (static_cast<std::size_t>(arity) != given)
            fail(e.span, fmt::format("The operator {} requires {} argument{}.", name, arity,
                                     arity == 1 ? "" : "s"));
    }

    // ---- Selectors (SANY's subexpression names): `Inv!2`, `Def(a)!Lbl!1`, `Thm!:`, `Q!(v)` ----
    //
    // After the definition's name: `:` names its whole body; a label name the part so labelled
    // immediately within it (not inside another label or a LET's definition), the label's
    // parameters taking the arguments given; a number n (`<<` the first, `>>` the second of two)
    // the n-th operand, where the operands of a quantifier or set constructor are its bound sets;
    // `(e1, ..., ek)` the body of a quantifier, set constructor or function constructor with its
    // bound identifiers taking e1..ek. The part is resolved once, as a definition of its own in
    // the scope of the selected definition whose parameters are the definition's followed by the
    // bound identifiers and label parameters met on the way; a use calls it with the arguments.

    struct SelectorStep {
        const std::string* name;
        const std::vector<ast::Expr>* args;
    };

    struct SelectedPart {
        const ast::Expr* expr = nullptr;
        std::vector<ast::Param> params;
        std::vector<ast::Expr> args;
        std::vector<const ast::Expr*> lets; // LETs the part lies in, outermost first
    };

    static bool is_positional(const std::string& step) {
        return step == "<<" || step == ">>" ||
               (!step.empty() && step.find_first_not_of("0123456789") == std::string::npos);
    }

    static bool is_label_step(const std::string& step) {
        return step != ":" && step != "@" && step != "()" && !is_positional(step);
    }

    // The 1-based operand that a positional step names among `count`, or 0 (SANY's ArgNum).
    static std::size_t operand_number(const std::string& step, std::size_t count) {
        if (step == "<<") return count > 0 ? 1 : 0;
        if (step == ">>") return count == 2 ? 2 : 0;
        if (step.size() > 9) return 0;
        const std::size_t k = std::stoul(step);
        return k >= 1 && k <= count ? k : 0;
    }

    static bool binds_identifiers(ast::ExprKind kind) {
        switch (kind) {
        case ast::ExprKind::Forall:
        case ast::ExprKind::Exists:
        case ast::ExprKind::Choose:
        case ast::ExprKind::SetFilter:
        case ast::ExprKind::SetMap:
        case ast::ExprKind::FunCons:
        case ast::ExprKind::TemporalForall:
        case ast::ExprKind::TemporalExists:
            return true;
        default:
            return false;
        }
    }

    // The label `name` immediately within `x`; the LETs whose body it lies in go to `lets`.
    static const ast::Expr* find_label(const ast::Expr& x, const std::string& name,
                                       std::vector<const ast::Expr*>& lets) {
        if (x.kind == ast::ExprKind::Label) return x.name == name ? &x : nullptr;
        if (x.kind == ast::ExprKind::Let) {
            lets.push_back(&x);
            if (const ast::Expr* found = find_label(x.args.at(0), name, lets)) return found;
            lets.pop_back();
            return nullptr;
        }
        for (const auto& b : x.binders)
            for (const auto& set : b.set)
                if (const ast::Expr* found = find_label(set, name, lets)) return found;
        for (const auto& a : x.args)
            if (const ast::Expr* found = find_label(a, name, lets)) return found;
        for (const auto& c : x.clauses)
            for (const auto& v : c.value)
                if (const ast::Expr* found = find_label(v, name, lets)) return found;
        return nullptr;
    }

    [[noreturn]] void no_operand(const ast::Expr& e, const std::string& step) const {
        fail(e.span, fmt::format("Nonexistent operand specified by `{}'.", step));
    }

    // Takes the positional step `steps[i]` (and the next one for CASE) from `part.expr`.
    void select_operand(const ast::Expr& e, const std::vector<SelectorStep>& steps, std::size_t& i,
                        SelectedPart& part) {
        const std::string& step = *steps[i].name;
        if (!steps[i].args->empty())
            fail(e.span, fmt::format("Selector `{}' should not have argument(s).", step));
        const ast::Expr* x = part.expr;
        while (x->kind == ast::ExprKind::Label)
            x = &x->args.at(0);
        auto operand = [&](const std::vector<ast::Expr>& operands) {
            const std::size_t k = operand_number(step, operands.size());
            if (k == 0) no_operand(e, step);
            return &operands[k - 1];
        };
        switch (x->kind) {
        case ast::ExprKind::Let:
            if (operand_number(step, 1) != 1)
                fail(e.span, "A LET/IN expression has only one operand.");
            part.lets.push_back(x);
            part.expr = &x->args.at(0);
            return;
        case ast::ExprKind::Case: {
            if (i + 1 == steps.size()) fail(e.span, "Subexpression of CASE must have form !i!j.");
            const std::size_t arms = x->args.size() / 2 + (x->has_other ? 1 : 0);
            const std::size_t arm = operand_number(step, arms);
            if (arm == 0) no_operand(e, step);
            const std::string& which = *steps[++i].name;
            const std::size_t k = operand_number(which, 2);
            if (k == 0 || !steps[i].args->empty())
                fail(e.span, "Second selector for CASE subexpression must specify one of two "
                             "operands.");
            if (x->has_other && arm == arms) {
                if (k == 1) fail(e.span, "Selecting OTHER in a CASE statement.");
                part.expr = &x->args.back();
                return;
            }
            part.expr = &x->args[2 * (arm - 1) + (k - 1)];
            return;
        }
        case ast::ExprKind::Except:
            if (operand_number(step, x->clauses.size() + 1) > 1)
                fail(e.span, "Selecting subexpression of an EXCEPT not yet implemented.");
            part.expr = operand(x->args);
            return;
        case ast::ExprKind::FunApp:
        case ast::ExprKind::Dot:
            // f[a, b]'s second operand is the tuple <<a, b>>, r.f's the string "f": neither is
            // written in the text.
            if (operand_number(step, 2) == 2 &&
                (x->kind == ast::ExprKind::Dot || x->args.size() > 2))
                fail(e.span,
                     fmt::format("Selecting `{}' of this expression is not supported.", step));
            part.expr = operand(x->args);
            return;
        case ast::ExprKind::Lambda:
            fail(e.span, fmt::format("Cannot use !{} to select subexpression of a LAMBDA.", step));
        case ast::ExprKind::Name:
        case ast::ExprKind::OpApp:
        case ast::ExprKind::ConjList:
        case ast::ExprKind::DisjList:
        case ast::ExprKind::Tuple:
        case ast::ExprKind::SetEnum:
        case ast::ExprKind::FunSet:
        case ast::ExprKind::RecordCons:
        case ast::ExprKind::RecordSet:
        case ast::ExprKind::ActionBox:
        case ast::ExprKind::ActionAngle:
        case ast::ExprKind::WF:
        case ast::ExprKind::SF:
        case ast::ExprKind::If:
            if (x->args.empty())
                fail(e.span, "Selecting subexpression of expression that has none.");
            part.expr = operand(x->args);
            return;
        default:
            break;
        }
        if (binds_identifiers(x->kind)) {
            // The operands are the bound sets, outside the identifiers' scope.
            std::vector<const ast::Expr*> sets;
            for (const auto& b : x->binders)
                for (const auto& set : b.set)
                    sets.push_back(&set);
            const std::size_t k = operand_number(step, sets.size());
            if (k == 0) no_operand(e, step);
            part.expr = sets[k - 1];
            return;
        }
        fail(e.span, "Selecting subexpression of expression that has none.");
    }

    // `!(e1, ..., ek)`: the body of the binding construct at `part.expr`, its bound identifiers
    // taking e1..ek.
    void select_body(const ast::Expr& e, const std::vector<ast::Expr>& args, SelectedPart& part) {
        const ast::Expr* x = part.expr;
        while (x->kind == ast::ExprKind::Label)
            x = &x->args.at(0);
        std::vector<ast::Param> bound;
        if (x->kind == ast::ExprKind::Lambda) {
            bound = x->params;
        } else if (binds_identifiers(x->kind)) {
            for (const auto& b : x->binders)
                for (const auto& name : b.names)
                    bound.push_back(ast::Param{name, 0, b.span});
        } else {
            fail(e.span, "The selector `(...)' needs a quantifier, a set or function constructor "
                         "or a LAMBDA.");
        }
        if (bound.size() != args.size())
            fail(e.span, fmt::format("Selector with {} argument(s) used for quantifier with {} "
                                     "bound identifier(s).",
                                     args.size(), bound.size()));
        for (std::size_t k = 0; k < bound.size(); ++k) {
            part.params.push_back(bound[k]);
            part.args.push_back(args[k]);
        }
        part.expr = &x->args.at(0);
    }

    // The label `step` immediately within `part.expr`, the definition's body or, after a label
    // step, the body of that label.
    void select_label(const ast::Expr& e, const std::string& step,
                      const std::vector<ast::Expr>& args, bool after_label, SelectedPart& part) {
        const ast::Expr* within = after_label ? &part.expr->args.at(0) : part.expr;
        const ast::Expr* label = find_label(*within, step, part.lets);
        if (label == nullptr) fail(e.span, fmt::format("Cannot find label `{}'.", step));
        if (label->params.size() != args.size())
            fail(e.span, fmt::format("Label `{}' used with wrong number of arguments.", step));
        for (std::size_t k = 0; k < args.size(); ++k) {
            part.params.push_back(ast::Param{label->params[k].name, 0, label->params[k].span});
            part.args.push_back(args[k]);
        }
        part.expr = label;
    }

    // Follows `steps` from the definition's body; returns the path they spell.
    std::string select_part(const ast::Expr& e, const std::vector<SelectorStep>& steps,
                            SelectedPart& part) {
        enum class After : std::uint8_t { Name, Label, Operand } after = After::Name;
        std::string path;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const std::string& step = *steps[i].name;
            const std::vector<ast::Expr>& args = *steps[i].args;
            const bool last = i + 1 == steps.size();
            if (step == ":") {
                if (after != After::Name || !(last || is_label_step(*steps[i + 1].name)))
                    fail(e.span, "`!:' can be used only after a name and either at the end "
                                 "after an operator name or before an operator name.");
                path += "!:";
                continue;
            }
            if (step == "@")
                fail(e.span, "`!@' names an operator, not an expression: give the bound "
                             "identifiers' values with `!(...)'.");
            if (step == "()") {
                select_body(e, args, part);
                after = After::Operand;
                path += "!()";
                continue;
            }
            if (is_positional(step)) {
                const std::size_t first = i;
                select_operand(e, steps, i, part);
                for (std::size_t k = first; k <= i; ++k)
                    path += "!" + *steps[k].name;
                after = After::Operand;
                continue;
            }
            if (after == After::Operand)
                fail(e.span, fmt::format("Selecting the LET definition `{}' of a part is not "
                                         "supported.",
                                         step));
            select_label(e, step, args, after == After::Label, part);
            path += "!" + step;
            after = After::Label;
        }
        return path;
    }

    // The expression of a selected part, inside the LETs it lies in.
    static ast::Expr part_expression(const SelectedPart& part) {
        ast::Expr x = *part.expr;
        for (auto it = part.lets.rbegin(); it != part.lets.rend(); ++it) {
            ast::Expr let;
            let.kind = ast::ExprKind::Let;
            let.span = (*it)->span;
            let.units = (*it)->units;
            let.args.push_back(std::move(x));
            x = std::move(let);
        }
        return x;
    }

    // `Def!...` where Def (perhaps reached through instances, `I!Def!2`) is a module-level
    // definition, theorem or assumption; nullopt for an instance's operator `I!J!Op`.
    std::optional<Node> resolve_selector(const ast::Expr& e) {
        if (names_ == nullptr) return std::nullopt;
        const ast::Qualifier& first = e.qualifiers[0];
        for (auto l = locals_.rbegin(); l != locals_.rend(); ++l)
            if (l->name == first.name) {
                if (l->kind == Local::Kind::Instance) return std::nullopt;
                fail(e.span, fmt::format("Selecting a part of {} (a LET definition or a "
                                         "parameter) is not supported.",
                                         quote(first.name)));
            }
        const Names* names = names_;
        std::size_t at = 0;
        bool parameterised_instance = false;
        for (; at < e.qualifiers.size(); ++at) {
            auto it = names->find(e.qualifiers[at].name);
            if (it == names->end() || it->second.kind != Symbol::Kind::Instance) break;
            const InstanceInfo& info = out_.instances[it->second.index];
            parameterised_instance = parameterised_instance || info.arity > 0;
            names = info.names.get();
        }
        if (at == e.qualifiers.size()) return std::nullopt;
        const ast::Qualifier& selected = e.qualifiers[at];
        auto it = names->find(selected.name);
        if (it == names->end())
            fail(e.span, fmt::format("Unknown operator: {}.", quote(selected.name)));
        if (it->second.kind != Symbol::Kind::Definition)
            fail(e.span, fmt::format("Cannot take subexpression of {}.", quote(selected.name)));
        const std::uint32_t index = it->second.index;
        if (assume_prove_theorems_.count(index))
            fail(e.span, "ASSUME/PROVE used where an expression is required.");
        auto source = definition_sources_.find(index);
        if (source == definition_sources_.end())
            fail(e.span,
                 fmt::format("Selecting a part of {} is not supported.", quote(selected.name)));
        if (source->second.level != 0 || parameterised_instance)
            fail(e.span, fmt::format("Selecting a part of {} inside a parameterised instance is "
                                     "not supported.",
                                     quote(selected.name)));
        const DefinitionSource& src = source->second;
        check_arity(e, selected.name, static_cast<int>(src.params->size()), selected.args.size());

        SelectedPart part;
        part.expr = src.body;
        part.params = *src.params;
        part.args = selected.args;
        std::vector<SelectorStep> steps;
        for (std::size_t i = at + 1; i < e.qualifiers.size(); ++i)
            steps.push_back({&e.qualifiers[i].name, &e.qualifiers[i].args});
        steps.push_back({&e.name, &e.args});
        const std::string path = select_part(e, steps, part);

        std::string written;
        for (std::size_t i = 0; i <= at; ++i)
            written += (i > 0 ? "!" : "") + e.qualifiers[i].name;
        written += path;
        if (part.expr == src.body && part.lets.empty())
            return call_symbol(e, it->second, written, part.args); // `Def!:` is Def
        const std::string key = fmt::format("{}{}", index, path);
        std::uint32_t part_index;
        if (auto cached = selected_definitions_.find(key); cached != selected_definitions_.end()) {
            part_index = cached->second;
        } else {
            const ast::Expr body = part_expression(part);
            const Names* saved_names = names_;
            const std::uint16_t saved_file = file_;
            auto saved_locals = std::move(locals_);
            auto saved_frames = std::move(frames_);
            auto saved_reads = std::move(reads_state_);
            locals_.clear();
            frames_.clear();
            reads_state_.clear();
            names_ = src.names;
            file_ = src.file;
            part_index = new_definition(written, 0, e.span);
            resolve_operator_body(part_index, part.params, body);
            names_ = saved_names;
            file_ = saved_file;
            locals_ = std::move(saved_locals);
            frames_ = std::move(saved_frames);
            reads_state_ = std::move(saved_reads);
            selected_definitions_[key] = part_index;
        }
        return call_symbol(e, definition_symbol(part_index, part.params.size()), written,
                           part.args);
    }

    Node resolve_name(const ast::Expr& e) {
        if (!e.qualifiers.empty()) {
            if (auto selected = resolve_selector(e)) return std::move(*selected);
            Symbol s = qualified_symbol(e);
            Node n = call_symbol(e, s, e.name, e.args);
            const ast::Qualifier& first = e.qualifiers[0];
            if (!first.args.empty() && n.kind == NodeKind::CallDef &&
                out_.definitions[n.index].level == 1) {
                // P(a)!Op(b): the call builds P's frame from the instance arguments.
                std::vector<Node> kids = resolve_all(first.args);
                n.count = static_cast<std::uint32_t>(kids.size());
                for (auto& k : n.kids)
                    kids.push_back(std::move(k));
                n.kids = std::move(kids);
                n.hops = 0;
            } else if (n.kind == NodeKind::CallDef && out_.definitions[n.index].level > level()) {
                fail(e.span, "This instance operator cannot be used here.");
            }
            return n;
        }
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
            if (it->name != e.name || it->kind == Local::Kind::Instance) continue;
            if (it->kind == Local::Kind::LetDefinition)
                return call_symbol(e, definition_symbol(it->index, it->arity), e.name, e.args);
            check_arity(e, e.name, it->arity, e.args.size());
            if (it->arity > 0) {
                Node n = make(NodeKind::CallParam, e);
                n.index = it->index;
                n.hops = level() - it->level;
                n.text = e.name;
                n.kids = resolve_arguments(e.args);
                mark_operator_parameter(*it);
                return n;
            }
            Node n = make(NodeKind::Slot, e);
            n.index = it->index;
            n.hops = level() - it->level;
            n.text = e.name;
            return n;
        }
        auto s = lookup_module_level(e.name);
        if (!s) fail(e.span, fmt::format("Unknown operator: {}.", quote(e.name)));
        return call_symbol(e, *s, e.name, e.args);
    }

    Node call_symbol(const ast::Expr& e, const Symbol& s, const std::string& name,
                     const std::vector<ast::Expr>& args) {
        switch (s.kind) {
        case Symbol::Kind::Definition: {
            const ir::Definition& d = out_.definitions[s.index];
            if (assume_prove_theorems_.count(s.index))
                fail(e.span, "ASSUME/PROVE used where an expression is required.");
            check_arity(e, name, s.arity, args.size());
            Node n = make(NodeKind::CallDef, e);
            n.index = s.index;
            n.hops = level() >= d.level ? level() - d.level : 0;
            n.text = name;
            // The arguments are resolved here: they mark this body themselves when they vary.
            if (varies(s.index)) mark_state();
            n.kids = resolve_arguments(args);
            return n;
        }
        case Symbol::Kind::Builtin: {
            check_arity(e, name, s.arity, args.size());
            if (auto stub = replaced_builtin(s)) return call_symbol(e, *stub, name, args);
            if (s.arity == 0) {
                // Constants of the standard modules (Nat, BOOLEAN, ...) are computed once.
                Node n = make(NodeKind::Literal, e);
                try {
                    n.value = s.builtin->fn({}, EvalOptions{options_.int_mode, {}});
                } catch (const EvalError& err) {
                    fail(e.span, err.what());
                }
                return n;
            }
            if (s.builtin->module == kLanguageModule && s.builtin->name == "DOMAIN" &&
                args.size() == 1 && args[0].kind == ast::ExprKind::FunCons) {
                // As TLC's lazy functions: the domain without the images.
                Node n = make(NodeKind::ConstructorDomain, e);
                n.kids.push_back(resolve(args[0]));
                return n;
            }
            Node n = make(NodeKind::CallBuiltin, e);
            n.builtin = s.builtin;
            n.text = name;
            n.kids = resolve_arguments(args);
            return n;
        }
        case Symbol::Kind::EvalOp: {
            check_arity(e, name, s.arity, args.size());
            Node n = make(NodeKind::CallEvalOp, e);
            n.index = s.index;
            n.text = name;
            n.kids = resolve_arguments(args);
            if (!depends_only_on_arguments(static_cast<ir::EvalOp>(s.index))) mark_state();
            return n;
        }
        case Symbol::Kind::Constant: {
            check_arity(e, name, s.arity, args.size());
            Node n = make(NodeKind::Constant, e);
            n.index = s.index;
            n.text = name;
            n.kids = resolve_arguments(args);
            return n;
        }
        case Symbol::Kind::Variable: {
            check_arity(e, name, 0, args.size());
            Node n = make(NodeKind::StateVar, e);
            n.index = s.index;
            n.text = name;
            mark_state();
            return n;
        }
        case Symbol::Kind::Instance:
            fail(e.span, fmt::format("The instance {} is used without an operator.", name));
        }
        fail(e.span, fmt::format("Unknown operator: {}.", quote(name)));
    }

    Node unary(NodeKind kind, const ast::Expr& e) {
        if (e.args.size() != 1) fail(e.span, fmt::format("{} takes one operand.", e.name));
        Node n = make(kind, e);
        n.kids = resolve_all(e.args);
        return n;
    }

    Node binary(NodeKind kind, const ast::Expr& e) {
        if (e.args.size() != 2) fail(e.span, fmt::format("{} takes two operands.", e.name));
        Node n = make(kind, e);
        n.kids = resolve_all(e.args);
        return n;
    }

    Node resolve_op_app(const ast::Expr& e) {
        const std::string& op = e.name;
        if (op == "=") return binary(NodeKind::Eq, e);
        if (op == "#" || op == "/=") return binary(NodeKind::Neq, e);
        if (op == "/\\" || op == "\\land") {
            Node n = make(NodeKind::And, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        if (op == "\\/" || op == "\\lor") {
            Node n = make(NodeKind::Or, e);
            n.kids = resolve_all(e.args);
            return n;
        }
        if (op == "~" || op == "\\lnot" || op == "\\neg") return unary(NodeKind::Not, e);
        if (op == "=>") return binary(NodeKind::Implies, e);
        if (op == "<=>" || op == "\\equiv") return binary(NodeKind::Equiv, e);
        if (op == "\\in") return binary(NodeKind::In, e);
        if (op == "\\notin") return binary(NodeKind::NotIn, e);
        if (op == "'") {
            mark_state();
            return unary(NodeKind::Prime, e);
        }
        if (op == "UNCHANGED") {
            mark_state();
            return unary(NodeKind::Unchanged, e);
        }
        if (op == "ENABLED") {
            mark_state();
            return unary(NodeKind::Enabled, e);
        }
        if (op == "\\cdot") {
            mark_state();
            return binary(NodeKind::Cdot, e);
        }
        if (op == "[]" || op == "<>" || op == "~>" || op == "-+->") {
            Node n = make(NodeKind::Temporal, e);
            n.text = op;
            n.kids = resolve_all(e.args);
            mark_state();
            return n;
        }
        // Every other operator is looked up like a name: user definitions first.
        ast::Expr as_name;
        as_name.kind = ast::ExprKind::Name;
        as_name.span = e.span;
        as_name.name = op;
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
            if (it->name == op && it->kind != Local::Kind::Instance)
                return resolve_name_with_args(as_name, e.args);
        auto s = lookup_module_level(op);
        if (!s) fail(e.span, fmt::format("Unknown operator: {}.", quote(op)));
        return call_symbol(e, *s, op, e.args);
    }

    Node resolve_name_with_args(ast::Expr as_name, const std::vector<ast::Expr>& args) {
        as_name.args = args;
        return resolve_name(as_name);
    }
};

} // namespace

ResolveResult resolve_module(const ast::Module& root, const ModuleProvider& modules,
                             const ResolveOptions& options) {
    ResolveResult result;
    auto spec = std::make_shared<ResolvedSpec>();
    try {
        Resolver resolver(modules, options, *spec);
        resolver.resolve_root(root);
        result.spec = std::move(spec);
    } catch (const ResolveFailure& failure) {
        result.errors.push_back(failure.diagnostic);
    } catch (const EvalError& error) {
        Diagnostic d;
        d.file = root.file;
        d.message = error.what();
        result.errors.push_back(std::move(d));
    }
    return result;
}

} // namespace tlatv::eval
