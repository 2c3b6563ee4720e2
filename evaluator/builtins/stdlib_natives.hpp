// Builtin tables of the standard modules added with tlatv's stdlib (evaluator/stdlib_modules.hpp
// holds those shipped as TLA+ source): one file per module in this directory. A module with both
// (VectorClocks) takes these operators in place of the source's definitions of the same name.
#pragma once

#include "evaluator/builtins.hpp"

#include <span>

namespace tlatv::eval::builtins {

std::span<const Builtin> bitwise_builtins();       // bitwise.cpp
std::span<const Builtin> csv_builtins();           // csv.cpp
std::span<const Builtin> randomization_builtins(); // randomization.cpp
std::span<const Builtin> reals_builtins();         // reals.cpp
std::span<const Builtin> statistics_builtins();    // statistics.cpp
std::span<const Builtin> svg_builtins();           // svg.cpp
std::span<const Builtin> vectorclocks_builtins();  // vectorclocks.cpp (CausalOrder only)

} // namespace tlatv::eval::builtins
