// A mapping compiled against a model: its constants given to the spec, and its TLA+ texts
// (definitions, values, derived variables, constraints) compiled as definitions of a module that
// EXTENDS the spec, so that a mapping file says what a SysMoBench TV module says without one.
//
// Each TLA+ text becomes a definition `TLATV_Mapping_<k>` of that module: with no parameter
// when it does not mention the window, and evaluated once here; with the parameter `w` (the
// window as logged, see window_record in lib/mapping_apply.hpp) otherwise, evaluated per window
// by MappingApplier. The
// mapping's own definitions are given to each text that uses them as a LET. Errors point into
// the mapping file.
#pragma once

#include "lib/mapping.hpp"
#include "lib/mapping_apply.hpp"
#include "lib/model.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace tlatv::lib {

struct MappingModel {
    // The model extended with the mapping; empty when the mapping has neither constants nor TLA+
    // expressions (the model given is used as it is).
    std::optional<Model> model;
    // The mapping with its TLA+ values evaluated or bound to their definitions in `model`.
    Mapping mapping;
    std::vector<Diagnostic> errors;

    bool ok() const { return errors.empty(); }
    const Model& model_or(const Model& given) const { return model ? *model : given; }
};

MappingModel compile_mapping(const Model& model, const Mapping& mapping);

// Evaluates the mapping's per-window TLA+ against `spec` (the model compile_mapping gave), with
// one evaluation context per thread; for MappingApplier.
std::shared_ptr<const MappingEvaluator>
mapping_evaluator(std::shared_ptr<const eval::CompiledSpec> spec);

} // namespace tlatv::lib
