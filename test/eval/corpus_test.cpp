// Resolution of the real-world specs of shared/corpus/specs: every module SANY accepts must
// resolve, and the modules SANY rejects with a semantic error must be rejected too.
#include "evaluator/resolve.hpp"
#include "parser/parse.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace tlatv;
using namespace tlatv::eval;

namespace {

// Raise as resolution improves (a ratchet).
constexpr int kMinimumResolved = 275;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Modules looked up as `<Name>.tla` next to the root file, parsed once.
class DirectoryModules {
public:
    explicit DirectoryModules(std::filesystem::path dir)
        : dir_(std::move(dir)) {}
    const ast::Module* find(std::string_view name) {
        auto it = parsed_.find(std::string(name));
        if (it != parsed_.end()) return it->second.get();
        std::filesystem::path file = dir_ / (std::string(name) + ".tla");
        std::shared_ptr<ast::Module> module;
        if (std::filesystem::exists(file)) {
            auto parse = parser::parse_module(read_file(file), file.filename().string());
            if (parse.module) module = std::make_shared<ast::Module>(std::move(*parse.module));
        }
        parsed_[std::string(name)] = module;
        return module.get();
    }

private:
    std::filesystem::path dir_;
    std::map<std::string, std::shared_ptr<ast::Module>> parsed_;
};

} // namespace

TEST_CASE("corpus specs resolve as SANY says", "[corpus]") {
    const std::filesystem::path root = std::filesystem::path(TLATV_SHARED_DIR) / "corpus/specs";
    std::ifstream manifest(root / "manifest.tsv");
    if (!manifest) {
        WARN("corpus not found");
        return;
    }
    std::string line;
    std::getline(manifest, line); // header
    int resolved = 0, checked = 0;
    std::map<std::string, int> first_words;
    std::vector<std::string> failures;
    while (std::getline(manifest, line)) {
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');)
            cols.push_back(c);
        if (cols.size() < 3 || (cols[2] != "ok" && cols[2] != "semantic_error")) continue;
        const std::filesystem::path file = root / cols[0];
        auto parse = parser::parse_module(read_file(file), file.filename().string());
        if (!parse.module) continue; // the parser's tests cover this
        ++checked;
        DirectoryModules modules(file.parent_path());
        ModuleProvider provider = [&](std::string_view name) { return modules.find(name); };
        ResolveResult r = resolve_module(*parse.module, provider);
        const bool expect_ok = cols[2] == "ok";
        if (r.errors.empty() == expect_ok) {
            ++resolved;
        } else {
            std::string got = r.errors.empty() ? "resolved" : r.errors[0].format();
            failures.push_back(cols[0] + ": SANY " + cols[2] +
                               ", tlatv: " + got.substr(0, got.find('\n')));
        }
    }
    std::cout << "Corpus resolution agreeing with SANY: " << resolved << " / " << checked << "\n";
    for (const auto& f : failures)
        std::cout << "  " << f << "\n";
    CHECK(resolved >= kMinimumResolved);
}
