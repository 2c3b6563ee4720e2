// Builtin tables of the standard modules added with tlatv's stdlib (evaluator/stdlib_modules.hpp
// holds those shipped as TLA+ source): one file per module in this directory. A module with both
// (Relation, Graphs, VectorClocks) takes these operators in place of the source's definitions of
// the same name.
#pragma once

#include "evaluator/builtins.hpp"

#include <span>
#include <vector>

namespace tlatv::eval::builtins {

std::span<const Builtin> bitwise_builtins();       // bitwise.cpp
std::span<const Builtin> csv_builtins();           // csv.cpp
std::span<const Builtin> graphs_builtins();        // graphs.cpp (ConnectionsIn only)
std::span<const Builtin> randomization_builtins(); // randomization.cpp
std::span<const Builtin> reals_builtins();         // reals.cpp
std::span<const Builtin> relation_builtins();      // relation.cpp (TransitiveClosure only)
std::span<const Builtin> statistics_builtins();    // statistics.cpp
std::span<const Builtin> svg_builtins();           // svg.cpp
std::span<const Builtin> vectorclocks_builtins();  // vectorclocks.cpp (CausalOrder only)

// Warshall's algorithm (relation.cpp): reach is an n x n boolean matrix, row-major; afterwards
// reach[i * n + j] says a non-empty path of the original relation leads from i to j.
void close_transitively(std::vector<char>& reach, std::size_t n);

// The function [<<x, y>> \in S \X S |-> holds[i * n + j]] for the elements of S in order.
Value relation_on_pairs(std::span<const Value> elements, const std::vector<char>& holds);

} // namespace tlatv::eval::builtins
