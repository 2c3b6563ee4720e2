#include "evaluator/spec.hpp"

#include <fmt/format.h>

namespace tlatv::eval {

struct CompileAccess {
    // Replaces a definition and every copy an INSTANCE made of it: TLC binds a cfg replacement
    // to the definition itself, which instances share, so `NoVal <- TraceNil` also holds inside
    // `KVS == INSTANCE KeyValueStore`.
    static void replace_everywhere(ResolvedSpec& ir, std::uint32_t from, std::uint32_t to) {
        const std::string name = ir.definitions[from].name;
        const auto file = ir.definitions[from].file;
        const auto offset = ir.definitions[from].span.begin.offset;
        const auto arity = ir.definitions[from].arity();
        for (auto& d : ir.definitions)
            if (d.name == name && d.file == file && d.span.begin.offset == offset &&
                d.arity() == arity)
                d.replaced_by = to;
    }

    static CompileResult compile(const ast::Module& root, const ModuleProvider& modules,
                                 const SpecConfig& config) {
        CompileResult result;
        ResolveOptions options;
        options.int_mode = config.int_mode;
        for (const auto& [name, target] : config.replacements) {
            options.replaced_builtins.insert(name);
            options.replaced_definitions.insert(name);
        }
        for (const auto& r : config.module_replacements)
            options.replaced_definitions.insert(r.name);
        ResolveResult resolved = resolve_module(root, modules, options);
        if (!resolved.spec) {
            result.errors = std::move(resolved.errors);
            return result;
        }
        auto spec = std::make_shared<CompiledSpec>();
        spec->int_mode_ = config.int_mode;
        ResolvedSpec& ir = *resolved.spec;
        spec->constant_values_.resize(ir.constants.size());
        spec->constant_definitions_.resize(ir.constants.size());
        auto error = [&](std::string message) {
            Diagnostic d;
            d.file = root.file;
            d.message = std::move(message);
            result.errors.push_back(std::move(d));
        };
        for (const auto& [name, value] : config.constants) {
            auto it = ir.root_names.find(name);
            if (it != ir.root_names.end() && it->second.kind == Symbol::Kind::Definition &&
                it->second.arity == 0) {
                // TLC: a value assigned to a definition overrides it.
                ir.definitions[it->second.index].value_override = value;
                continue;
            }
            if (it == ir.root_names.end() || it->second.kind != Symbol::Kind::Constant) {
                error(fmt::format("The configuration assigns {}, which is not a CONSTANT of "
                                  "module {}.",
                                  name, ir.root_module));
                continue;
            }
            spec->constant_values_[it->second.index] = value;
        }
        for (const auto& [name, target] : config.replacements) {
            auto from = ir.root_names.find(name);
            auto to = ir.root_names.find(target);
            if (to == ir.root_names.end() || to->second.kind != Symbol::Kind::Definition) {
                error(fmt::format("The configuration replaces {} by {}, which is not a "
                                  "definition of module {}.",
                                  name, target, ir.root_module));
                continue;
            }
            if (from == ir.root_names.end()) {
                error(fmt::format("The configuration replaces {}, which module {} does not "
                                  "define or declare.",
                                  name, ir.root_module));
                continue;
            }
            if (from->second.kind == Symbol::Kind::Builtin) {
                auto stub = ir.builtin_stubs.find(name);
                // A builtin nothing uses needs no replacement.
                if (stub != ir.builtin_stubs.end())
                    ir.definitions[stub->second].replaced_by = to->second.index;
            } else if (from->second.kind == Symbol::Kind::Constant) {
                spec->constant_definitions_[from->second.index] = to->second.index;
            } else if (from->second.kind == Symbol::Kind::Definition) {
                if (from->second.arity != to->second.arity) {
                    error(fmt::format("The configuration replaces {} by {}, which takes another "
                                      "number of arguments.",
                                      name, target));
                    continue;
                }
                replace_everywhere(ir, from->second.index, to->second.index);
            } else {
                error(fmt::format("The configuration cannot replace {}.", name));
            }
        }
        for (const auto& r : config.module_replacements) {
            auto to = ir.root_names.find(r.target);
            auto module = ir.module_definitions.find(r.module);
            const std::vector<std::uint32_t>* defs = nullptr;
            if (module != ir.module_definitions.end())
                if (auto it = module->second.find(r.name); it != module->second.end())
                    defs = &it->second;
            if (to == ir.root_names.end() || to->second.kind != Symbol::Kind::Definition ||
                defs == nullptr) {
                error(fmt::format("The configuration replaces {} of module {} by {}, but one of "
                                  "them is not a definition of the spec.",
                                  r.name, r.module, r.target));
                continue;
            }
            for (std::uint32_t index : *defs) {
                if (ir.definitions[index].arity() != ir.definitions[to->second.index].arity()) {
                    error(fmt::format("The configuration replaces {} by {}, which takes another "
                                      "number of arguments.",
                                      r.name, r.target));
                    break;
                }
                ir.definitions[index].replaced_by = to->second.index;
            }
        }
        if (!result.errors.empty()) return result;
        spec->ir_ = std::move(resolved.spec);
        result.spec = std::move(spec);
        return result;
    }
};

std::optional<std::uint32_t> CompiledSpec::find_definition(std::string_view name) const {
    auto it = ir_->root_names.find(name);
    if (it == ir_->root_names.end() || it->second.kind != Symbol::Kind::Definition) return {};
    return it->second.index;
}

const ir::Definition& CompiledSpec::definition(std::uint32_t index) const {
    return ir_->definitions.at(index);
}

std::optional<std::uint32_t> CompiledSpec::find_variable(std::string_view name) const {
    for (std::size_t i = 0; i < ir_->variables.size(); ++i)
        if (ir_->variables[i].name == name) return static_cast<std::uint32_t>(i);
    return {};
}

const Value* CompiledSpec::constant_value(std::uint32_t index) const {
    const auto& v = constant_values_.at(index);
    return v ? &*v : nullptr;
}

std::optional<std::uint32_t> CompiledSpec::constant_definition(std::uint32_t index) const {
    return constant_definitions_.at(index);
}

CompileResult compile_spec(const ast::Module& root, const ModuleProvider& modules,
                           const SpecConfig& config) {
    return CompileAccess::compile(root, modules, config);
}

} // namespace tlatv::eval
