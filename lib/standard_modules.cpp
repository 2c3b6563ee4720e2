#include "lib/standard_modules.hpp"

#include <algorithm>
#include <array>

namespace tlatv {

namespace {

// The proof system's modules (TLAPS, NaturalsInduction, FiniteSetTheorems, ...) are absent: they
// are not on TLC's path either (SANY reports them missing). CommunityModules' FunctionTheorems is
// on it; tlatv ships its imports (evaluator/stdlib_modules.hpp).
constexpr std::array<StandardModule, 33> modules{{
    {"Bags", ModuleProvider::Tlc},
    {"BagsExt", ModuleProvider::CommunityModules},
    {"Bitwise", ModuleProvider::CommunityModules},
    {"CSV", ModuleProvider::CommunityModules},
    {"Combinatorics", ModuleProvider::CommunityModules},
    {"DifferentialEquations", ModuleProvider::CommunityModules},
    {"DyadicRationals", ModuleProvider::CommunityModules},
    {"FiniteSets", ModuleProvider::Tlc},
    {"FiniteSetsExt", ModuleProvider::CommunityModules},
    {"Folds", ModuleProvider::CommunityModules},
    {"FunctionTheorems", ModuleProvider::CommunityModules},
    {"Functions", ModuleProvider::CommunityModules},
    {"GraphViz", ModuleProvider::CommunityModules},
    {"Graphs", ModuleProvider::CommunityModules},
    {"HTML", ModuleProvider::CommunityModules},
    {"IOUtils", ModuleProvider::CommunityModules},
    {"Integers", ModuleProvider::Tlc},
    {"Json", ModuleProvider::CommunityModules},
    {"Naturals", ModuleProvider::Tlc},
    {"Randomization", ModuleProvider::Tlc},
    {"RealTime", ModuleProvider::Tlc},
    {"Reals", ModuleProvider::Tlc},
    {"Relation", ModuleProvider::CommunityModules},
    {"SVG", ModuleProvider::CommunityModules},
    {"Sequences", ModuleProvider::Tlc},
    {"SequencesExt", ModuleProvider::CommunityModules},
    {"ShiViz", ModuleProvider::CommunityModules},
    {"Statistics", ModuleProvider::CommunityModules},
    {"TLC", ModuleProvider::Tlc},
    {"TLCExt", ModuleProvider::Tlc},
    {"Toolbox", ModuleProvider::Tlc},
    {"UndirectedGraphs", ModuleProvider::CommunityModules},
    {"VectorClocks", ModuleProvider::CommunityModules},
}};

constexpr bool sorted_by_name() {
    for (std::size_t i = 1; i < modules.size(); ++i)
        if (!(modules[i - 1].name < modules[i].name)) return false;
    return true;
}
static_assert(sorted_by_name(), "keep the list sorted: find_standard_module searches it");

} // namespace

std::span<StandardModule const> standard_modules() {
    return modules;
}

StandardModule const* find_standard_module(std::string_view name) {
    auto const it = std::lower_bound(
        modules.begin(), modules.end(), name,
        [](StandardModule const& module, std::string_view key) { return module.name < key; });
    if (it == modules.end() || it->name != name) return nullptr;
    return &*it;
}

} // namespace tlatv
