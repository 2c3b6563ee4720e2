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
    EvalOpInfo{"IOUtils", "atoi", 1, EvalOp::Atoi, false},
    EvalOpInfo{"IOUtils", "zeroPadN", 2, EvalOp::ZeroPadN, false},
    EvalOpInfo{"IOUtils", "IOExec", 1, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "IOEnvExec", 2, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "IOExecTemplate", 2, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "IOEnvExecTemplate", 3, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "IOSerialize", 3, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "IODeserialize", 2, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "Serialize", 3, EvalOp::Unsupported, false},
    EvalOpInfo{"IOUtils", "Deserialize", 2, EvalOp::Deserialize, false},
    EvalOpInfo{"Json", "JsonDeserialize", 1, EvalOp::JsonDeserialize, false},
    EvalOpInfo{"Json", "ndJsonDeserialize", 1, EvalOp::NdJsonDeserialize, false},
    EvalOpInfo{"Json", "JsonSerialize", 2, EvalOp::Unsupported, true},
    EvalOpInfo{"Json", "ndJsonSerialize", 2, EvalOp::Unsupported, true},
    EvalOpInfo{"TLCExt", "TLCModelValue", 1, EvalOp::TLCModelValue, false},
    EvalOpInfo{"TLCExt", "AssertEq", 2, EvalOp::AssertEq, false},
    EvalOpInfo{"TLCExt", "AssertError", 2, EvalOp::Unsupported, false},
    EvalOpInfo{"TLCExt", "TLCCache", 2, EvalOp::TLCCache, false},
    EvalOpInfo{"TLCExt", "TLCGetOrDefault", 2, EvalOp::TLCGetOrDefault, false},
    EvalOpInfo{"TLCExt", "TLCGetAndSet", 4, EvalOp::Unsupported, false},
    EvalOpInfo{"TLCExt", "TLCDefer", 1, EvalOp::Unsupported, false},
    EvalOpInfo{"TLCExt", "PickSuccessor", 1, EvalOp::PickSuccessor, false},
    EvalOpInfo{"TLCExt", "Trace", 0, EvalOp::Unsupported, false},
    EvalOpInfo{"TLCExt", "CounterExample", 0, EvalOp::Unsupported, false},
    EvalOpInfo{"TLCExt", "ToTrace", 1, EvalOp::Unsupported, false},
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
    return module == "IOUtils" || module == "TLCExt";
}

} // namespace tlatv::eval
