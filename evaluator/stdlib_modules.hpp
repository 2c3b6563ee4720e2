// Standard modules that tlatv ships as TLA+ source of its own: CommunityModules' Relation, Graphs,
// UndirectedGraphs, VectorClocks, DyadicRationals and Combinatorics, whose operators are plain
// TLA+ definitions, and FunctionTheorems, whose theorems are left out (see its text).
// The texts are tlatv's own definitions with the documented meaning of each operator (not copies
// of CommunityModules' text); where CommunityModules' definition only enumerates (transitive
// closure, connectivity, simple paths), ours computes the same value directly. A module that is
// also in the builtin registry takes the registry's operators in place of the source's
// definitions of the same names (VectorClocks' CausalOrder is native).
//
// The resolver asks here for a module that no file and no native builtin table provides.
#pragma once

#include "parser/ast.hpp"

#include <span>
#include <string_view>

namespace tlatv::eval {

// The parsed module `name`, or nullptr when tlatv ships no source for it. Parsed once on first
// use; safe to call from several threads. The module's `file` is "<tlatv>/Name.tla".
const ast::Module* stdlib_module(std::string_view name);

// The TLA+ text of module `name` (empty when there is none), e.g. for tests and documentation.
std::string_view stdlib_module_source(std::string_view name);

// The names of the modules shipped as source, in alphabetical order.
std::span<const std::string_view> stdlib_module_names();

} // namespace tlatv::eval
