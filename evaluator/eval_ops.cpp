#include "evaluator/eval_ops.hpp"

#include <array>

namespace tlatv::eval {
namespace {

using ir::EvalOp;

constexpr std::array kEvalOps{
    EvalOpInfo{"TLC", "TLCGet", 1, EvalOp::TLCGet, false},
    EvalOpInfo{"TLC", "TLCSet", 2, EvalOp::TLCSet, false},
    EvalOpInfo{"TLC", "Print", 2, EvalOp::Print, true},
    EvalOpInfo{"TLC", "PrintT", 1, EvalOp::PrintT, true},
    EvalOpInfo{"TLC", "Assert", 2, EvalOp::Assert, true},
    EvalOpInfo{"TLC", "JavaTime", 0, EvalOp::JavaTime, false},
    EvalOpInfo{"TLC", "RandomElement", 1, EvalOp::RandomElement, false},
    EvalOpInfo{"TLC", "TLCEval", 1, EvalOp::TLCEval, true},
    EvalOpInfo{"TLC", "Any", 0, EvalOp::Any, true},
    EvalOpInfo{"IOUtils", "IOEnv", 0, EvalOp::IOEnv, false},
    EvalOpInfo{"Json", "JsonDeserialize", 1, EvalOp::JsonDeserialize, false},
    EvalOpInfo{"Json", "ndJsonDeserialize", 1, EvalOp::NdJsonDeserialize, false},
};

} // namespace

std::span<const EvalOpInfo> eval_ops_of(std::string_view module) {
    std::size_t first = 0;
    while (first < kEvalOps.size() && kEvalOps[first].module != module)
        ++first;
    std::size_t last = first;
    while (last < kEvalOps.size() && kEvalOps[last].module == module)
        ++last;
    return std::span<const EvalOpInfo>(kEvalOps.data() + first, last - first);
}

const EvalOpInfo* find_eval_op(std::string_view module, std::string_view name) {
    for (const EvalOpInfo& op : eval_ops_of(module))
        if (op.name == name) return &op;
    return nullptr;
}

bool has_eval_ops(std::string_view module) {
    return module == "IOUtils";
}

} // namespace tlatv::eval
