// Finds and parses every module a spec depends on.
//
// Resolution follows SANY: a module imported with EXTENDS or INSTANCE (anywhere: top level,
// LET, nested modules, named and parameterised instances) is, in order,
//   1. a nested module of the importing file (`---- MODULE Inner ----` inside it);
//   2. for the root file only, a further top-level module written after the root module
//      (the "monolith" form TLC accepts: `---- MODULE A ---- ... ==== ---- MODULE B ---- ...`);
//   3. `<Name>.tla` in the root module's directory, then in each search-path directory;
//   4. a standard module (lib/standard_modules.hpp), which is built in and not read from disk.
// A user's file therefore takes precedence over a standard module of the same name, as in SANY.
// TLC still applies its Java implementations to such a module's operators (they are bound by
// module and operator name, not by file), so the evaluator should use its native operators for
// a module whose `standard_name` is set, and the file's definitions for everything else.
#pragma once

#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv {

struct LoadedModule {
    ast::Module module;
    std::string path;           // the file it was read from; the root's file name for text
    bool standard_name = false; // also the name of a standard module (see above)
};

struct LoadedSpec {
    std::string root; // the root module's name
    // Every module parsed from source, by name, the root included. Nested modules stay inside
    // their enclosing module's units.
    std::map<std::string, LoadedModule, std::less<>> modules;
    // The standard modules imported and resolved to tlatv's built-in implementation.
    std::set<std::string, std::less<>> standard;
    // The names in `modules`, each after every module it imports (a topological order).
    std::vector<std::string> load_order;
};

struct ModuleLoad {
    std::optional<LoadedSpec> spec; // set when every module was found and parsed
    std::vector<Diagnostic> errors; // parse errors, missing modules, cycles, misnamed files
};

// Loads the module in `root_file` and everything it imports. Never throws on bad input and
// never prints. Deterministic: the same files give the same result and the same errors.
ModuleLoad load_modules(std::filesystem::path const& root_file,
                        std::vector<std::filesystem::path> const& search_path = {});

// The same for a root module given as text. `file_name` is used in spans and diagnostics only;
// imported modules are looked up in `search_path` (there is no root directory).
ModuleLoad load_modules_from_text(std::string_view root_text, std::string_view file_name,
                                  std::vector<std::filesystem::path> const& search_path = {});

} // namespace tlatv
