// The modules TLC resolves without a file of the user's: those of the TLC distribution and of
// the CommunityModules library. tlatv builds them in (the evaluator implements their operators
// natively) instead of reading their source. This is the one list of them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace tlatv {

enum class ModuleProvider : std::uint8_t {
    Tlc,              // tla2sany/StandardModules of the TLC distribution
    CommunityModules, // tlaplus/CommunityModules, which TLC finds on its class path
};

struct StandardModule {
    std::string_view name;
    ModuleProvider provider;
};

// In alphabetical order of name.
std::span<StandardModule const> standard_modules();

// nullptr when `name` is not a standard module.
StandardModule const* find_standard_module(std::string_view name);

inline bool is_standard_module(std::string_view name) {
    return find_standard_module(name) != nullptr;
}

} // namespace tlatv
