#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

// Not implemented yet: the registry finds no operator of this module.
std::span<const Builtin> json_builtins() {
    return {};
}

} // namespace tlatv::eval::builtins
