// Choosing the actions a user names: a definition without parameters is taken whole (and split
// into TLC's actions); a definition with parameters means every instance of it in the spec's
// next-state relation, as TLC names them (`Request` stands for `Request(c1)`, `Request(c2)`, ...);
// a label (`Request(c1)`) names one instance.
#pragma once

#include "evaluator/action.hpp"
#include "lib/model.hpp"

#include <string_view>
#include <vector>

namespace tlatv {

// The name of the next-state relation: the cfg's NEXT, the N of its SPECIFICATION's [][N]_v, or
// "Next".
std::string next_relation_name(const Model& model);

// The actions `name` denotes (see above). Throws eval::EvalFailure / eval::EvalError when the
// name is not a definition of the spec or names no action of the next-state relation.
std::vector<eval::Action> select_actions(eval::EvalContext& ctx, const Model& model,
                                         std::string_view name);

} // namespace tlatv
