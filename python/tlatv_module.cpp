// The Python module `tlatv`, over the public C++ API. Errors become Python exceptions
// (tlatv.Error, with the diagnostics); verdicts are objects with plain attributes.
#include "tlatv/tlatv.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

namespace py = pybind11;

namespace {

// Raised for bad input: its message holds every diagnostic, `file:line:col: error: ...`.
PyObject* tlatv_error = nullptr;

template <typename T>
T value_or_raise(tlatv::Result<T> result) {
    if (!result) {
        PyErr_SetString(tlatv_error, result.error_text().c_str());
        throw py::error_already_set();
    }
    return std::move(result).value();
}

std::string verdict_name(tlatv::Verdict v) {
    switch (v) {
    case tlatv::Verdict::Pass:
        return "pass";
    case tlatv::Verdict::Fail:
        return "fail";
    case tlatv::Verdict::Error:
        return "error";
    }
    return "error";
}

} // namespace

PYBIND11_MODULE(tlatv, m) {
    m.doc() = "TLA+ trace validation: load specs, evaluate, enumerate successors, check windows.";
    m.attr("__version__") = tlatv::version_string;
    tlatv_error = PyErr_NewException("tlatv.Error", PyExc_ValueError, nullptr);
    m.attr("Error") = py::handle(tlatv_error);

    py::class_<tlatv::CheckOutcome>(m, "CheckOutcome")
        .def_property_readonly("verdict",
                               [](const tlatv::CheckOutcome& o) { return verdict_name(o.verdict); })
        .def_readonly("action", &tlatv::CheckOutcome::action)
        .def_readonly("unconstrained", &tlatv::CheckOutcome::unconstrained)
        .def_readonly("explanation", &tlatv::CheckOutcome::explanation)
        .def("__repr__", [](const tlatv::CheckOutcome& o) {
            return "<CheckOutcome " + verdict_name(o.verdict) +
                   (o.action.empty() ? "" : " by " + o.action) + ">";
        });

    py::class_<tlatv::Spec>(m, "Spec")
        .def_property_readonly("module_name", &tlatv::Spec::module_name)
        .def_property_readonly("variables", &tlatv::Spec::variables)
        .def(
            "evaluate",
            [](const tlatv::Spec& s, const std::string& name) {
                return value_or_raise(s.evaluate(name));
            },
            py::arg("definition"), "The value of a zero-argument definition, in TLC's format.")
        .def(
            "successors",
            [](const tlatv::Spec& s, const std::string& state, const std::string& action) {
                return value_or_raise(s.successors(state, action));
            },
            py::arg("state"), py::arg("action") = "Next",
            "Every successor of a state (TLC state text) under an action.")
        .def(
            "check",
            [](const tlatv::Spec& s, const std::string& pre, const std::string& post,
               const std::string& action) {
                py::gil_scoped_release release;
                return s.check(pre, post, action);
            },
            py::arg("pre"), py::arg("post"), py::arg("action") = "Next",
            "Whether the action takes pre to post (TLC state text; post may be partial).")
        .def(
            "validate",
            [](const tlatv::Spec& s, const std::string& windows, const std::string& mapping,
               unsigned threads, const std::vector<std::string>& invariants) {
                auto result = [&] {
                    py::gil_scoped_release release;
                    return s.validate({windows, mapping, threads, invariants});
                }();
                auto report = value_or_raise(std::move(result));
                // The JSON report (docs/report-format.md) as Python objects, plus the table.
                py::dict out = py::module_::import("json").attr("loads")(report.json);
                out["table"] = report.table;
                return out;
            },
            py::arg("windows"), py::arg("mapping") = "", py::arg("threads") = 0u,
            py::arg("invariants") = std::vector<std::string>{},
            "Validate a windows file per action; the report as a dict (see "
            "docs/report-format.md).");

    m.def(
        "load",
        [](const std::string& spec_file, const std::string& config,
           const std::vector<std::string>& search_path, bool exact_integers) {
            tlatv::SpecOptions options;
            options.config_file = config;
            options.search_path = search_path;
            options.integers =
                exact_integers ? tlatv::IntegerMode::Exact : tlatv::IntegerMode::Tlc32;
            auto result = [&] {
                py::gil_scoped_release release;
                return tlatv::Spec::load(spec_file, options);
            }();
            return value_or_raise(std::move(result));
        },
        py::arg("spec_file"), py::arg("config") = "",
        py::arg("search_path") = std::vector<std::string>{}, py::arg("exact_integers") = false,
        "Load a spec and what it imports, with an optional TLC .cfg (raises tlatv.Error).");
    m.def(
        "evaluate",
        [](const std::string& expression, const std::vector<std::string>& extends) {
            return value_or_raise(tlatv::evaluate(expression, extends));
        },
        py::arg("expression"),
        py::arg("extends") = std::vector<std::string>{"Integers", "Sequences", "FiniteSets", "TLC"},
        "Evaluate a constant expression; the value in TLC's printed form.");
}
