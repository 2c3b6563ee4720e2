// The .cfg parser and the module loader together on the corpus: every operator a configuration
// names (sections and `<-` targets) is declared or defined in the spec it configures (the .tla of
// the same name), or in a module that spec EXTENDS or INSTANCEs without a name. Catches names read
// wrongly (a keyword swallowed, a name cut short) and modules the loader failed to bring in.
#include "lib/module_loader.hpp"
#include "parser/cfg_parse.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_text(fs::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

using Names = std::set<std::string, std::less<>>;

// The names module `name` makes visible to a module that extends it (LOCAL ones excluded), with
// those of the modules it extends or instantiates without a name.
void collect_visible(tlatv::LoadedSpec const& spec, std::string const& name, bool is_root,
                     Names& names, Names& done) {
    if (!done.insert(name).second) return;
    auto const found = spec.modules.find(name);
    if (found == spec.modules.end()) return; // a built-in standard module
    auto const& module = found->second.module;
    for (auto const& extended : module.extends)
        collect_visible(spec, extended, false, names, done);
    for (auto const& unit : module.units) {
        std::visit(
            [&](auto const& node) {
                using Node = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<Node, tlatv::ast::OperatorDef> ||
                              std::is_same_v<Node, tlatv::ast::FunctionDef> ||
                              std::is_same_v<Node, tlatv::ast::InstanceDef>) {
                    if (is_root || !node.local) names.insert(node.name);
                } else if constexpr (std::is_same_v<Node, tlatv::ast::ConstantDecl>) {
                    for (auto const& constant : node.constants)
                        names.insert(constant.name);
                } else if constexpr (std::is_same_v<Node, tlatv::ast::VariableDecl>) {
                    for (auto const& variable : node.variables)
                        names.insert(variable.name);
                } else if constexpr (std::is_same_v<Node, tlatv::ast::Instance>) {
                    if (is_root || !node.local)
                        collect_visible(spec, node.module, false, names, done);
                }
            },
            unit.node);
    }
}

} // namespace

TEST_CASE("corpus: every operator a .cfg names is declared or defined in its spec") {
    fs::path const specs = fs::path(TLATV_SHARED_DIR) / "corpus/specs";
    REQUIRE(fs::exists(specs));
    std::vector<fs::path> configs;
    for (auto const& entry : fs::recursive_directory_iterator(specs))
        if (entry.path().extension() == ".cfg") configs.push_back(entry.path());
    std::sort(configs.begin(), configs.end());

    std::size_t checked = 0;
    std::size_t without_spec = 0;
    std::vector<std::string> unresolved;
    for (auto const& cfg_file : configs) {
        fs::path tla_file = cfg_file;
        tla_file.replace_extension(".tla");
        if (!fs::exists(tla_file)) {
            ++without_spec;
            continue;
        }
        auto const config = tlatv::cfg::parse_config(read_text(cfg_file), cfg_file.string());
        REQUIRE(config.config);
        auto const load = tlatv::load_modules(tla_file);
        if (!load.spec) continue; // SANY rejects some corpus modules too (see the manifest)
        ++checked;

        Names visible;
        Names done;
        collect_visible(*load.spec, load.spec->root, true, visible, done);
        auto check = [&](tlatv::cfg::Name const& name) {
            if (name.name.find('!') != std::string::npos) return; // I!Op: another module's
            if (visible.contains(name.name)) return;
            unresolved.push_back(fmt::format("{}:{}:{}: {}", cfg_file.string(),
                                             name.span.begin.line, name.span.begin.column,
                                             name.name));
        };
        auto const& c = *config.config;
        for (auto const* single :
             {&c.specification, &c.init, &c.next, &c.view, &c.symmetry, &c.alias, &c.postcondition})
            if (*single) check(**single);
        for (auto const* list :
             {&c.invariants, &c.properties, &c.constraints, &c.action_constraints})
            for (auto const& name : *list)
                check(name);
        // Left-hand sides are not checked: TLC lets a configuration replace operators of standard
        // modules (`Seq <- MCSeq`, `Nat <- MCNat`) and ignores assignments to names the spec
        // does not declare (`s1 = 1` in etcd's MCetcdraft.cfg).
        for (auto const& replacement : c.replacements)
            if (replacement.module.empty()) check(replacement.replacement);
    }
    WARN("checked " << checked << " .cfg files against their spec (" << without_spec
                    << " have no .tla of the same name)");
    CHECK(checked > 150);
    for (auto const& name : unresolved)
        UNSCOPED_INFO(name);
    CHECK(unresolved.empty());
}
