// The registry of builtin operators: which standard module defines what, and what each module
// extends.
#include "evaluator/builtins.hpp"
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

#include <algorithm>
#include <array>

namespace tlatv::eval {

namespace {

using builtins::ModuleTable;

const std::array<ModuleTable, 22>& module_tables() {
    static const std::array<ModuleTable, 22> tables = {{
        {kLanguageModule, builtins::language_builtins()},
        {"Naturals", builtins::naturals_builtins()},
        {"Integers", builtins::integers_builtins()},
        {"Sequences", builtins::sequences_builtins()},
        {"FiniteSets", builtins::finitesets_builtins()},
        {"TLC", builtins::tlc_builtins()},
        {"Bags", builtins::bags_builtins()},
        {"BagsExt", builtins::bagsext_builtins()},
        {"Folds", builtins::folds_builtins()},
        {"Functions", builtins::functions_builtins()},
        {"FiniteSetsExt", builtins::finitesetsext_builtins()},
        {"SequencesExt", builtins::sequencesext_builtins()},
        {"Json", builtins::json_builtins()},
        {"Bitwise", builtins::bitwise_builtins()},
        {"CSV", builtins::csv_builtins()},
        {"Randomization", builtins::randomization_builtins()},
        {"Statistics", builtins::statistics_builtins()},
        {"SVG", builtins::svg_builtins()},
        {"VectorClocks", builtins::vectorclocks_builtins()},
        {"Reals", builtins::reals_builtins()},
        {"Relation", builtins::relation_builtins()},
        {"Graphs", builtins::graphs_builtins()},
    }};
    return tables;
}

constexpr std::string_view kStandardModules[] = {
    "Naturals", "Integers", "Sequences", "FiniteSets",    "TLC",          "Bags",
    "BagsExt",  "Folds",    "Functions", "FiniteSetsExt", "SequencesExt", "Json",
    "Bitwise",  "CSV",      "Randomization", "Statistics", "SVG", "VectorClocks", "Reals",
    "Relation", "Graphs"};

// What each module EXTENDS (LOCAL INSTANCEs are not visible to its users, so not listed), as in
// the module headers of the TLC and CommunityModules versions the oracle was made with: e.g. with
// `EXTENDS Integers, FiniteSets, Bags`, TLC accepts `1 :> 2`, so Bags extends TLC; with
// `EXTENDS FiniteSetsExt` alone, `-1` and `Cardinality` are defined.
struct Extension {
    std::string_view module;
    std::span<const std::string_view> extends;
};

constexpr std::string_view kIntegersExtends[] = {"Naturals"};
constexpr std::string_view kBagsExtends[] = {"TLC"};
constexpr std::string_view kFunctionsExtends[] = {"Integers", "FiniteSets", "Folds"};
constexpr std::string_view kFiniteSetsExtExtends[] = {"Integers", "FiniteSets", "Folds",
                                                      "Functions"};
constexpr std::string_view kStatisticsExtends[] = {"Naturals"};
constexpr std::string_view kRealsExtends[] = {"Integers"};
constexpr std::string_view kSequencesExtExtends[] = {
    "Sequences", "Naturals", "FiniteSets", "FiniteSetsExt", "Folds", "Functions", "Bags", "TLC"};

constexpr Extension kExtensions[] = {
    {"Integers", kIntegersExtends},         {"Bags", kBagsExtends},
    {"Functions", kFunctionsExtends},       {"FiniteSetsExt", kFiniteSetsExtExtends},
    {"SequencesExt", kSequencesExtExtends}, {"Statistics", kStatisticsExtends},
    {"Reals", kRealsExtends},
};

// Other spellings of canonical operator symbols.
struct Synonym {
    std::string_view spelling;
    std::string_view canonical;
};

constexpr Synonym kSynonyms[] = {
    {"<=", "\\leq"},          {"=<", "\\leq"},     {">=", "\\geq"}, {"\\circ", "\\o"},
    {"(+)", "\\oplus"},       {"(-)", "\\ominus"}, {"/=", "#"},     {"\\union", "\\cup"},
    {"\\intersect", "\\cap"}, {"\\times", "\\X"},
};

std::string_view canonical(std::string_view name) {
    for (const auto& s : kSynonyms)
        if (s.spelling == name) return s.canonical;
    return name;
}

const Builtin* find_in(std::span<const Builtin> table, std::string_view name) {
    for (const Builtin& b : table)
        if (b.name == name) return &b;
    return nullptr;
}

const Builtin* find_visible(std::string_view module, std::string_view name, int depth) {
    if (depth > 16) return nullptr;
    if (const Builtin* b = find_in(builtins_of(module), name)) return b;
    for (std::string_view parent : standard_module_extends(module))
        if (const Builtin* b = find_visible(parent, name, depth + 1)) return b;
    return nullptr;
}

} // namespace

std::span<const Builtin> builtins_of(std::string_view module) {
    for (const ModuleTable& t : module_tables())
        if (t.module == module) return t.builtins;
    return {};
}

const Builtin* find_builtin(std::string_view module, std::string_view name) {
    return find_in(builtins_of(module), canonical(name));
}

const Builtin* find_builtin_visible(std::string_view module, std::string_view name) {
    return find_visible(module, canonical(name), 0);
}

std::span<const std::string_view> standard_modules() {
    return kStandardModules;
}

bool is_standard_module(std::string_view module) {
    return std::find(std::begin(kStandardModules), std::end(kStandardModules), module) !=
           std::end(kStandardModules);
}

std::span<const std::string_view> standard_module_extends(std::string_view module) {
    for (const Extension& e : kExtensions)
        if (e.module == module) return e.extends;
    return {};
}

} // namespace tlatv::eval
