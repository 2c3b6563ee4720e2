#include "lib/module_loader.hpp"

#include "lib/standard_modules.hpp"
#include "parser/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <system_error>
#include <utility>

namespace tlatv {

namespace fs = std::filesystem;

namespace {

// ---- Imports of a parsed module ----

struct Import {
    std::string module;      // the imported module's name
    std::string importer;    // the (possibly nested) module that imports it
    bool is_extends = false; // EXTENDS (located by scanning the text) or INSTANCE (has a span)
    ast::Span where;         // the INSTANCE, or the importing module for EXTENDS
};

// Lists a top-level module's imports in source order, and the names of the modules nested in
// it (which imports resolve to before looking for files).
class ImportCollector {
public:
    std::vector<Import> imports;
    std::set<std::string, std::less<>> nested_modules;

    void module(ast::Module const& m) {
        for (auto const& name : m.extends)
            imports.push_back({name, m.name, true, m.span});
        units(m.units, m.name);
    }

private:
    void units(std::vector<ast::Unit> const& units, std::string const& owner) {
        for (auto const& unit : units)
            std::visit([&](auto const& node) { visit(node, owner); }, unit.node);
    }

    void visit(ast::OperatorDef const& def, std::string const& owner) { expr(def.body, owner); }
    void visit(ast::FunctionDef const& def, std::string const& owner) {
        binders(def.binders, owner);
        expr(def.body, owner);
    }
    void visit(ast::InstanceDef const& def, std::string const& owner) {
        visit(def.instance, owner);
    }
    void visit(ast::Instance const& instance, std::string const& owner) {
        imports.push_back({instance.module, owner, false, instance.span});
        for (auto const& substitution : instance.substitutions)
            expr(substitution.value, owner);
    }
    void visit(ast::Assumption const& assumption, std::string const& owner) {
        expr(assumption.body, owner);
    }
    void visit(std::shared_ptr<ast::Module> const& nested, std::string const&) {
        if (!nested) return;
        nested_modules.insert(nested->name);
        module(*nested);
    }
    void visit(ast::ConstantDecl const&, std::string const&) {}
    void visit(ast::VariableDecl const&, std::string const&) {}
    void visit(ast::RecursiveDecl const&, std::string const&) {}
    void visit(ast::Theorem const&, std::string const&) {}

    void binders(std::vector<ast::Binder> const& binders, std::string const& owner) {
        for (auto const& binder : binders)
            for (auto const& set : binder.set)
                expr(set, owner);
    }

    // LET can define instances (`LET I == INSTANCE M IN ...`), so every expression is searched.
    void expr(ast::Expr const& e, std::string const& owner) {
        for (auto const& arg : e.args)
            expr(arg, owner);
        binders(e.binders, owner);
        for (auto const& qualifier : e.qualifiers)
            for (auto const& arg : qualifier.args)
                expr(arg, owner);
        for (auto const& clause : e.clauses) {
            for (auto const& step : clause.path)
                for (auto const& index : step.index)
                    expr(index, owner);
            for (auto const& value : clause.value)
                expr(value, owner);
        }
        units(e.units, owner);
    }
};

// ---- Source text helpers ----

ast::Position position_at(std::string_view text, std::size_t offset) {
    ast::Position position{1, 1, static_cast<std::uint32_t>(offset)};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char const c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++position.column; // columns count code points
        }
    }
    return position;
}

std::string line_at(std::string_view text, std::uint32_t line) {
    std::size_t begin = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        begin = text.find('\n', begin);
        if (begin == std::string_view::npos) return {};
        ++begin;
    }
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string(text.substr(begin, end - begin));
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Skips white space and TLA+ comments (`\*` to the end of the line, nested `(* *)`).
std::size_t skip_blank(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        char const c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++i;
        } else if (text.compare(i, 2, "\\*") == 0) {
            i = text.find('\n', i);
            if (i == std::string_view::npos) return text.size();
        } else if (text.compare(i, 2, "(*") == 0) {
            int depth = 0;
            do {
                if (text.compare(i, 2, "(*") == 0) {
                    ++depth;
                    i += 2;
                } else if (text.compare(i, 2, "*)") == 0) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (depth > 0 && i < text.size());
        } else {
            break;
        }
    }
    return i;
}

// Where `name` is written in the EXTENDS clause of the module whose header starts at
// `module_begin`. The AST keeps no span for EXTENDS entries, so the header is re-read:
// `---- MODULE M ----` then `EXTENDS A, B, ...`.
std::optional<std::size_t> find_extends_entry(std::string_view text, std::size_t module_begin,
                                              std::string_view name) {
    std::size_t i = skip_blank(text, module_begin);
    auto word = [&](std::size_t at) {
        std::size_t end = at;
        while (end < text.size() && is_word_char(text[end]))
            ++end;
        return text.substr(at, end - at);
    };
    while (i < text.size() && text[i] == '-')
        ++i; // the opening dash line
    i = skip_blank(text, i);
    if (word(i) != "MODULE") return std::nullopt;
    i = skip_blank(text, i + 6);
    i = skip_blank(text, i + word(i).size()); // the module's name
    while (i < text.size() && text[i] == '-')
        ++i;
    i = skip_blank(text, i);
    if (word(i) != "EXTENDS") return std::nullopt;
    i += 7;
    while (true) {
        i = skip_blank(text, i);
        auto const entry = word(i);
        if (entry.empty()) return std::nullopt;
        if (entry == name) return i;
        i = skip_blank(text, i + entry.size());
        if (i >= text.size() || text[i] != ',') return std::nullopt;
        ++i;
    }
}

std::optional<std::string> read_file(fs::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(text).str();
}

// ---- The loader ----

// One file's worth of modules: the text is kept for locating errors.
struct SourceFile {
    std::string path;
    std::string text;
};

class Loader {
public:
    explicit Loader(std::vector<fs::path> directories)
        : directories_(std::move(directories)) {}

    ModuleLoad load_root(std::string text, std::string path, bool check_file_name) {
        auto parsed = parser::parse_module(text, path);
        if (!parsed.module) return failure(std::move(parsed.errors));
        auto const source = std::make_shared<SourceFile>(SourceFile{path, std::move(text)});
        if (check_file_name && !file_name_matches(*parsed.module, fs::path(path), source->text))
            return failure(std::move(errors_));
        find_further_modules(*parsed.module, source);

        spec_.root = parsed.module->name;
        add_and_load(std::move(*parsed.module), source);
        if (!errors_.empty()) return failure(std::move(errors_));
        ModuleLoad result;
        result.spec = std::move(spec_);
        return result;
    }

private:
    enum class State { Loading, Loaded };

    ModuleLoad failure(std::vector<Diagnostic> errors) {
        ModuleLoad result;
        result.errors = std::move(errors);
        return result;
    }

    // SANY requires `X.tla` to hold `MODULE X`.
    bool file_name_matches(ast::Module const& module, fs::path const& file, std::string_view text) {
        auto const stem = file.stem().string();
        if (stem == module.name) return true;
        error_at(module.span.begin, file.string(), text,
                 fmt::format("File name '{}' does not match the name '{}' of the top level "
                             "module it contains.",
                             stem, module.name));
        return false;
    }

    // TLC accepts further top-level modules after the root module's `====` (a "monolith"
    // spec); each is parsed now and becomes visible to imports under its name.
    void find_further_modules(ast::Module const& root, std::shared_ptr<SourceFile> const& source) {
        static std::regex const header(R"(-{4,}[ \t]*MODULE[ \t]+([A-Za-z0-9_]+))");
        std::size_t from = root.span.end.offset;
        std::string const& text = source->text;
        std::smatch match;
        while (from < text.size() &&
               std::regex_search(text.cbegin() + static_cast<std::ptrdiff_t>(from), text.cend(),
                                 match, header)) {
            std::size_t const begin = from + static_cast<std::size_t>(match.position(0));
            // Blank what precedes the header so that positions stay those of the file.
            std::string blanked = text;
            for (std::size_t i = 0; i < begin; ++i)
                if (blanked[i] != '\n') blanked[i] = ' ';
            auto parsed = parser::parse_module(blanked, source->path);
            if (!parsed.module || parsed.module->span.end.offset <= begin) {
                further_modules_.emplace(match[1].str(), std::move(parsed));
                break; // cannot tell where a module that does not parse ends
            }
            from = parsed.module->span.end.offset;
            further_modules_.emplace(parsed.module->name, std::move(parsed));
        }
    }

    void add_and_load(ast::Module module, std::shared_ptr<SourceFile> const& source) {
        std::string const name = module.name;
        LoadedModule loaded{std::move(module), source->path, is_standard_module(name)};
        auto const it = spec_.modules.emplace(name, std::move(loaded)).first;
        sources_[name] = source;
        load_imports(it->first, it->second.module);
    }

    // Like SANY, first locates every module `name` imports directly (reporting those that
    // cannot be found), then loads the located ones depth first.
    void load_imports(std::string const& name, ast::Module const& module) {
        state_[name] = State::Loading;
        stack_.push_back(name);
        ImportCollector collector;
        collector.module(module);
        std::vector<std::pair<Import, std::optional<fs::path>>> located; // no path: further
        std::set<std::string, std::less<>> seen;
        for (auto const& import : collector.imports) {
            if (collector.nested_modules.contains(import.module)) continue;
            if (!seen.insert(import.module).second) continue; // imported twice here
            if (state_.contains(import.module) || spec_.standard.contains(import.module) ||
                failed_.contains(import.module)) {
                located.emplace_back(import, std::nullopt); // settled below
                continue;
            }
            if (further_modules_.contains(import.module)) {
                located.emplace_back(import, std::nullopt);
            } else if (auto file = find_file(import.module)) {
                located.emplace_back(import, std::move(file));
            } else if (is_standard_module(import.module)) {
                spec_.standard.insert(import.module);
            } else {
                error_at_import(
                    name, import,
                    fmt::format("Cannot find source file for module {} imported in module {}.",
                                import.module, import.importer));
            }
        }
        for (auto const& [import, file] : located) {
            if (auto const state = state_.find(import.module); state != state_.end()) {
                if (state->second == State::Loading) report_cycle(name, import);
                continue;
            }
            if (spec_.standard.contains(import.module) || failed_.contains(import.module)) continue;
            if (file)
                load_file(*file, import);
            else
                load_further_module(import.module);
        }
        stack_.pop_back();
        state_[name] = State::Loaded;
        spec_.load_order.push_back(name);
    }

    std::optional<fs::path> find_file(std::string const& module) const {
        for (auto const& directory : directories_) {
            fs::path candidate = directory / (module + ".tla");
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        return std::nullopt;
    }

    void load_further_module(std::string const& module) {
        auto further = further_modules_.find(module);
        if (further == further_modules_.end()) return;
        auto parsed = std::move(further->second);
        further_modules_.erase(further);
        if (!parsed.module) {
            fail_module(module, std::move(parsed.errors));
            return;
        }
        add_and_load(std::move(*parsed.module), sources_.at(spec_.root));
    }

    void load_file(fs::path const& file, Import const& import) {
        auto text = read_file(file);
        if (!text) {
            fail_module(import.module,
                        {Diagnostic{file.string(), 0, 0, "cannot read the file", {}}});
            return;
        }
        auto parsed = parser::parse_module(*text, file.string());
        if (!parsed.module) {
            fail_module(import.module, std::move(parsed.errors));
            return;
        }
        if (!file_name_matches(*parsed.module, file, *text)) {
            failed_.insert(import.module);
            return;
        }
        auto const source =
            std::make_shared<SourceFile>(SourceFile{file.string(), std::move(*text)});
        add_and_load(std::move(*parsed.module), source);
    }

    void fail_module(std::string const& name, std::vector<Diagnostic> errors) {
        failed_.insert(name);
        for (auto& error : errors)
            errors_.push_back(std::move(error));
    }

    void report_cycle(std::string const& importer_file_module, Import const& import) {
        std::string cycle;
        auto const start = std::find(stack_.begin(), stack_.end(), import.module);
        for (auto it = start; it != stack_.end(); ++it)
            cycle += *it + " -> ";
        cycle += import.module;
        error_at_import(importer_file_module, import,
                        fmt::format("Circular dependency among modules: {}", cycle));
    }

    // `file_module` is the top-level module of the file the import is written in.
    void error_at_import(std::string const& file_module, Import const& import,
                         std::string message) {
        auto const& source = *sources_.at(file_module);
        ast::Position where = import.where.begin;
        if (import.is_extends) {
            if (auto const entry =
                    find_extends_entry(source.text, import.where.begin.offset, import.module))
                where = position_at(source.text, *entry);
        }
        error_at(where, source.path, source.text, std::move(message));
    }

    void error_at(ast::Position where, std::string const& path, std::string_view text,
                  std::string message) {
        errors_.push_back(Diagnostic{path, where.line, where.column, std::move(message),
                                     where.line > 0 ? line_at(text, where.line) : std::string()});
    }

    std::vector<fs::path> directories_;
    LoadedSpec spec_;
    std::vector<Diagnostic> errors_;
    std::map<std::string, State, std::less<>> state_;
    std::vector<std::string> stack_; // modules being loaded, outermost first
    std::set<std::string, std::less<>> failed_;
    std::map<std::string, std::shared_ptr<SourceFile>, std::less<>> sources_; // by top-level module
    std::map<std::string, parser::ModuleParse, std::less<>> further_modules_;
};

} // namespace

ModuleLoad load_modules(fs::path const& root_file, std::vector<fs::path> const& search_path) {
    auto text = read_file(root_file);
    if (!text) {
        ModuleLoad result;
        result.errors.push_back(Diagnostic{root_file.string(), 0, 0, "cannot read the file", {}});
        return result;
    }
    std::vector<fs::path> directories;
    directories.push_back(root_file.has_parent_path() ? root_file.parent_path() : fs::path("."));
    directories.insert(directories.end(), search_path.begin(), search_path.end());
    return Loader(std::move(directories)).load_root(std::move(*text), root_file.string(), true);
}

ModuleLoad load_modules_from_text(std::string_view root_text, std::string_view file_name,
                                  std::vector<fs::path> const& search_path) {
    return Loader(search_path).load_root(std::string(root_text), std::string(file_name), false);
}

} // namespace tlatv
