// The Python module `tlatv`, over the public C++ API. Errors become Python exceptions
// (tlatv.Error, with the diagnostics); verdicts and reports are objects with plain attributes,
// each also as a dict (to_dict) and JSON (to_json); windows are given as dicts.
#include "tlatv/tlatv.hpp"

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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

[[noreturn]] void raise_error(const std::string& message) {
    PyErr_SetString(tlatv_error, message.c_str());
    throw py::error_already_set();
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

std::string failure_name(tlatv::FailureKind kind) {
    switch (kind) {
    case tlatv::FailureKind::Rejected:
        return "rejected";
    case tlatv::FailureKind::AcceptedImpossible:
        return "accepted_impossible";
    case tlatv::FailureKind::None:
        break;
    }
    return "none";
}

std::string expectation_name(tlatv::Expectation e) {
    switch (e) {
    case tlatv::Expectation::Pass:
        return "pass";
    case tlatv::Expectation::Fail:
        return "fail";
    case tlatv::Expectation::Unspecified:
        break;
    }
    return "unspecified";
}

// ---- Windows as dicts ----

// A Python value: a tlatv.Value as it is, a set as a TLA+ set, anything else through JSON.
tlatv::Value to_value(const py::handle& object) {
    if (py::isinstance<tlatv::Value>(object)) return object.cast<tlatv::Value>();
    if (py::isinstance<py::set>(object) || py::isinstance<py::frozenset>(object)) {
        std::vector<tlatv::Value> elements;
        for (const py::handle& element : object)
            elements.push_back(to_value(element));
        return tlatv::Value::set(elements);
    }
    static const py::object dumps = py::module_::import("json").attr("dumps");
    return tlatv::Value::json(dumps(object).cast<std::string>());
}

// A state: TLC's state text (str), or a dict of variables.
tlatv::State to_state(const py::handle& object, const char* which) {
    if (py::isinstance<py::str>(object)) return tlatv::State::tla(object.cast<std::string>());
    if (!py::isinstance<py::dict>(object))
        raise_error(std::string("the window's ") + which + " is a dict of variables or state text");
    tlatv::State state;
    for (const auto& [name, value] : object.cast<py::dict>())
        state.set(py::str(name).cast<std::string>(), to_value(value));
    return state;
}

// A window dict, with the fields of docs/windows-format.md's tlatv format:
// {"action": "Request", "args": {"c": "c1"}, "pre": {...}, "post": {...}, "id": ...,
//  "expect": "pass" | "fail", "actor": ..., "input": ...}.
tlatv::Window to_window(const py::handle& object) {
    if (py::isinstance<tlatv::Window>(object)) return object.cast<tlatv::Window>();
    if (!py::isinstance<py::dict>(object)) raise_error("a window is a dict");
    tlatv::Window w;
    for (const auto& [key_object, value] : object.cast<py::dict>()) {
        const std::string key = py::str(key_object).cast<std::string>();
        if (key == "action") {
            w.action = py::str(value).cast<std::string>();
        } else if (key == "args") {
            if (py::isinstance<py::dict>(value)) {
                for (const auto& [name, argument] : value.cast<py::dict>())
                    w.arguments.push_back({py::str(name).cast<std::string>(), to_value(argument)});
            } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
                for (const py::handle& argument : value)
                    w.arguments.push_back({"", to_value(argument)});
            } else {
                raise_error("the window's args are a dict (named) or a list (positional)");
            }
        } else if (key == "pre") {
            w.pre = to_state(value, "pre");
        } else if (key == "post") {
            w.post = to_state(value, "post");
        } else if (key == "id") {
            w.id = py::str(value).cast<std::string>();
        } else if (key == "expect") {
            const std::string expect = py::str(value).cast<std::string>();
            if (expect == "pass")
                w.expect = tlatv::Expectation::Pass;
            else if (expect == "fail")
                w.expect = tlatv::Expectation::Fail;
            else
                raise_error("the window's expect is \"pass\" or \"fail\", not \"" + expect + "\"");
        } else if (key == "actor") {
            w.actor = to_value(value);
        } else if (key == "input") {
            w.input = to_value(value);
        } else {
            raise_error("unknown field \"" + key + "\" in a window");
        }
    }
    if (w.action.empty()) raise_error("a window needs an \"action\"");
    return w;
}

// ---- Verdicts and reports as dicts ----

py::object diagnostic_dict(const std::optional<tlatv::Diagnostic>& d) {
    if (!d) return py::none();
    py::dict out;
    out["file"] = d->file;
    out["line"] = d->line;
    out["column"] = d->column;
    out["message"] = d->message;
    return out;
}

py::dict verdict_dict(const tlatv::WindowVerdict& v) {
    py::dict out;
    out["index"] = v.index;
    out["id"] = v.id;
    out["event"] = v.event;
    out["action"] = v.action;
    py::list arguments;
    for (const auto& a : v.arguments) {
        py::dict argument;
        argument["name"] = a.name;
        argument["value"] = a.value.text();
        arguments.append(argument);
    }
    out["arguments"] = arguments;
    out["verdict"] = verdict_name(v.verdict);
    out["failure"] = failure_name(v.failure);
    out["expect"] = expectation_name(v.expect);
    out["passed_by"] = v.passed_by;
    out["enabled"] = v.enabled;
    out["false_conjunct"] = py::none();
    if (v.false_conjunct) {
        py::dict fc;
        fc["file"] = v.false_conjunct->file;
        fc["line"] = v.false_conjunct->line;
        fc["column"] = v.false_conjunct->column;
        fc["text"] = v.false_conjunct->text;
        py::list operands;
        for (const auto& o : v.false_conjunct->operands) {
            py::dict operand;
            operand["text"] = o.text;
            operand["value"] = o.value;
            operands.append(operand);
        }
        fc["operands"] = operands;
        out["false_conjunct"] = fc;
    }
    out["closest"] = py::none();
    if (v.closest) {
        py::dict closest;
        closest["action"] = v.closest->action;
        py::list differing;
        for (const auto& d : v.closest->differing) {
            py::dict variable;
            variable["variable"] = d.variable;
            variable["observed"] = d.observed;
            variable["spec"] = d.spec;
            differing.append(variable);
        }
        closest["differing"] = differing;
        out["closest"] = closest;
    }
    out["error"] = diagnostic_dict(v.error);
    out["outcomes"] = py::none();
    if (v.outcomes) {
        py::dict outcomes;
        outcomes["outcomes"] = v.outcomes->outcomes;
        outcomes["extra"] = v.outcomes->extra;
        outcomes["extra_examples"] = v.outcomes->extra_examples;
        outcomes["invariant_violations"] = v.outcomes->invariant_violations;
        outcomes["error"] = diagnostic_dict(v.outcomes->error);
        out["outcomes"] = outcomes;
    }
    return out;
}

// One entry of the verdict's dict (taken out of the dict before the dict goes).
py::object verdict_field(const tlatv::WindowVerdict& v, const char* name) {
    py::dict all = verdict_dict(v);
    return all[name];
}

py::object to_json(const py::dict& d) {
    return py::module_::import("json").attr("dumps")(d);
}

// Validation through the C++ API with the GIL released; the Python source and callback take it
// back when called. An exception they raise ends validation and is raised again, unchanged.
class PythonCalls {
public:
    tlatv::WindowSource source(py::iterator& windows) {
        return [this, &windows]() -> std::optional<tlatv::Window> {
            py::gil_scoped_acquire gil;
            try {
                if (windows == py::iterator::sentinel()) return std::nullopt;
                tlatv::Window w = to_window(*windows);
                ++windows;
                return w;
            } catch (py::error_already_set& e) {
                raised_ = std::move(e);
                throw std::runtime_error("the Python window source raised");
            }
        };
    }
    tlatv::VerdictCallback callback(const py::object& on_verdict) {
        if (on_verdict.is_none()) return {};
        return [this, on_verdict](const tlatv::WindowVerdict& v) {
            py::gil_scoped_acquire gil;
            try {
                on_verdict(v);
            } catch (py::error_already_set& e) {
                raised_ = std::move(e);
                throw std::runtime_error("the Python verdict callback raised");
            }
        };
    }
    // Raises what Python code raised during validation, if anything. Called with the GIL.
    void reraise() {
        if (raised_) {
            py::error_already_set e = std::move(*raised_);
            raised_.reset();
            throw e;
        }
    }

private:
    std::optional<py::error_already_set> raised_;
};

tlatv::ValidateOptions validate_options(const std::string& mapping, unsigned threads,
                                        const std::vector<std::string>& invariants) {
    tlatv::ValidateOptions options;
    options.mapping_file = mapping;
    options.threads = threads;
    options.invariants = invariants;
    return options;
}

} // namespace

PYBIND11_MODULE(tlatv, m) {
    m.doc() =
        "TLA+ trace validation: load specs, evaluate, enumerate successors, validate windows.";
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

    py::class_<tlatv::Value>(m, "Value",
                             "A TLA+ value given as TLA+ text (TLC's printed form) or JSON text.")
        .def_static("tla", &tlatv::Value::tla, py::arg("text"))
        .def_static("json", &tlatv::Value::json, py::arg("text"))
        .def_property_readonly("text", &tlatv::Value::text)
        .def("__eq__", [](const tlatv::Value& a, const tlatv::Value& b) { return a == b; })
        .def("__repr__", [](const tlatv::Value& v) {
            switch (v.form()) {
            case tlatv::Value::Form::Json:
                return "tlatv.Value.json(" + py::repr(py::str(v.text())).cast<std::string>() + ")";
            case tlatv::Value::Form::Tla:
                return "tlatv.Value.tla(" + py::repr(py::str(v.text())).cast<std::string>() + ")";
            case tlatv::Value::Form::Invalid:
                break;
            }
            return "<invalid tlatv.Value: " + v.text() + ">";
        });
    m.def("tla", &tlatv::Value::tla, py::arg("text"),
          "A value in TLA+ text, e.g. tlatv.tla('{n1, n2}') for a set of model values.");

    py::class_<tlatv::WindowVerdict>(m, "WindowVerdict",
                                     "One window's verdict; to_dict() gives every detail.")
        .def_readonly("index", &tlatv::WindowVerdict::index)
        .def_readonly("id", &tlatv::WindowVerdict::id)
        .def_readonly("event", &tlatv::WindowVerdict::event)
        .def_readonly("action", &tlatv::WindowVerdict::action)
        .def_property_readonly(
            "verdict", [](const tlatv::WindowVerdict& v) { return verdict_name(v.verdict); })
        .def_property_readonly(
            "failure", [](const tlatv::WindowVerdict& v) { return failure_name(v.failure); })
        .def_readonly("passed_by", &tlatv::WindowVerdict::passed_by)
        .def_property_readonly(
            "arguments",
            [](const tlatv::WindowVerdict& v) { return verdict_field(v, "arguments"); })
        .def_property_readonly(
            "false_conjunct",
            [](const tlatv::WindowVerdict& v) { return verdict_field(v, "false_conjunct"); })
        .def_property_readonly(
            "closest", [](const tlatv::WindowVerdict& v) { return verdict_field(v, "closest"); })
        .def_property_readonly(
            "error", [](const tlatv::WindowVerdict& v) { return verdict_field(v, "error"); })
        .def_property_readonly(
            "outcomes", [](const tlatv::WindowVerdict& v) { return verdict_field(v, "outcomes"); })
        .def("to_dict", &verdict_dict)
        .def("to_json", [](const tlatv::WindowVerdict& v) { return to_json(verdict_dict(v)); })
        .def("__repr__", [](const tlatv::WindowVerdict& v) {
            return "<WindowVerdict #" + std::to_string(v.index) + " " + v.action + " " +
                   verdict_name(v.verdict) + ">";
        });

    py::class_<tlatv::FailureCluster>(m, "FailureCluster")
        .def_readonly("feature", &tlatv::FailureCluster::feature)
        .def_readonly("failing", &tlatv::FailureCluster::failing)
        .def_readonly("passing", &tlatv::FailureCluster::passing)
        .def("__repr__", [](const tlatv::FailureCluster& c) {
            return "<FailureCluster " + c.feature + ": " + std::to_string(c.failing) +
                   " failing, " + std::to_string(c.passing) + " passing>";
        });

    py::class_<tlatv::ActionReport>(m, "ActionReport",
                                    "One action's figures (docs/report-format.md).")
        .def_readonly("action", &tlatv::ActionReport::action)
        .def_readonly("windows", &tlatv::ActionReport::windows)
        .def_readonly("passes", &tlatv::ActionReport::passes)
        .def_readonly("fails", &tlatv::ActionReport::fails)
        .def_readonly("errors", &tlatv::ActionReport::errors)
        .def_readonly("analysed", &tlatv::ActionReport::analysed)
        .def_readonly("with_extra_outcomes", &tlatv::ActionReport::with_extra_outcomes)
        .def_readonly("extra_outcomes", &tlatv::ActionReport::extra_outcomes)
        .def_readonly("unobserved_groups", &tlatv::ActionReport::unobserved_groups)
        .def_readonly("accepted_impossible", &tlatv::ActionReport::accepted_impossible)
        .def_readonly("invariant_violations", &tlatv::ActionReport::invariant_violations)
        .def_readonly("clusters", &tlatv::ActionReport::clusters)
        .def_readonly("failing_windows", &tlatv::ActionReport::failing_windows)
        .def_readonly("examples", &tlatv::ActionReport::examples)
        .def_property_readonly("pass_rate", &tlatv::ActionReport::pass_rate)
        .def("__repr__", [](const tlatv::ActionReport& a) {
            return "<ActionReport " + a.action + ": " + std::to_string(a.windows) + " windows, " +
                   std::to_string(a.fails) + " fail>";
        });

    py::class_<tlatv::ValidationReport>(
        m, "Report",
        "The per-action report of a validation run. to_dict() and the json attribute give it as "
        "docs/report-format.md describes; report[key] reads that dict.")
        .def_readonly("windows", &tlatv::ValidationReport::windows)
        .def_readonly("passes", &tlatv::ValidationReport::passes)
        .def_readonly("fails", &tlatv::ValidationReport::fails)
        .def_readonly("errors", &tlatv::ValidationReport::errors)
        .def_readonly("actions", &tlatv::ValidationReport::actions)
        .def_readonly("table", &tlatv::ValidationReport::table)
        .def_readonly("json", &tlatv::ValidationReport::json)
        .def_property_readonly("all_pass", &tlatv::ValidationReport::all_pass)
        .def("to_dict",
             [](const tlatv::ValidationReport& r) {
                 return py::module_::import("json").attr("loads")(r.json);
             })
        .def("to_json", [](const tlatv::ValidationReport& r) { return r.json; })
        .def("__getitem__",
             [](const tlatv::ValidationReport& r, const std::string& key) -> py::object {
                 if (key == "table") return py::str(r.table);
                 return py::module_::import("json").attr("loads")(r.json)[py::str(key)];
             })
        .def("__repr__", [](const tlatv::ValidationReport& r) {
            return "<Report " + std::to_string(r.windows) + " windows, " + std::to_string(r.fails) +
                   " fail, " + std::to_string(r.errors) + " errors>";
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
            "check_window",
            [](const tlatv::Spec& s, const py::handle& window, const std::string& mapping,
               const std::vector<std::string>& invariants) {
                const tlatv::Window w = to_window(window);
                auto result = [&] {
                    py::gil_scoped_release release;
                    return s.check_window(w, validate_options(mapping, 1, invariants));
                }();
                return value_or_raise(std::move(result));
            },
            py::arg("window"), py::arg("mapping") = "",
            py::arg("invariants") = std::vector<std::string>{},
            "One window (a dict: action, args, pre, post, ...) checked; its WindowVerdict.")
        .def(
            "validate",
            [](const tlatv::Spec& s, const py::object& windows, const std::string& mapping,
               unsigned threads, const std::vector<std::string>& invariants,
               const py::object& on_verdict) {
                PythonCalls calls;
                const auto options = validate_options(mapping, threads, invariants);
                const auto callback = calls.callback(on_verdict);
                std::optional<tlatv::Result<tlatv::ValidationReport>> result;
                if (py::isinstance<py::str>(windows) || py::hasattr(windows, "__fspath__")) {
                    const std::string file =
                        py::module_::import("os").attr("fspath")(windows).cast<std::string>();
                    py::gil_scoped_release release;
                    result = s.validate({file, mapping, threads, invariants}, callback);
                } else {
                    py::iterator iterator = py::iter(windows);
                    const auto source = calls.source(iterator);
                    py::gil_scoped_release release;
                    result = s.validate_stream(source, options, callback);
                }
                calls.reraise();
                return value_or_raise(std::move(*result));
            },
            py::arg("windows"), py::arg("mapping") = "", py::arg("threads") = 0u,
            py::arg("invariants") = std::vector<std::string>{}, py::arg("on_verdict") = py::none(),
            "Validate windows per action: a windows file (a path), or any iterable of window "
            "dicts, read a batch at a time. on_verdict(verdict), when given, receives each "
            "WindowVerdict as it is produced. Returns the Report.");

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
        "load_text",
        [](const std::string& module, const std::string& config,
           const std::map<std::string, std::string>& modules,
           const std::vector<std::string>& search_path, bool exact_integers) {
            tlatv::SpecText text{module, config, modules};
            tlatv::SpecOptions options;
            options.search_path = search_path;
            options.integers =
                exact_integers ? tlatv::IntegerMode::Exact : tlatv::IntegerMode::Tlc32;
            auto result = [&] {
                py::gil_scoped_release release;
                return tlatv::Spec::load_text(text, options);
            }();
            return value_or_raise(std::move(result));
        },
        py::arg("module"), py::arg("config") = "",
        py::arg("modules") = std::map<std::string, std::string>{},
        py::arg("search_path") = std::vector<std::string>{}, py::arg("exact_integers") = false,
        "Load a spec given as text: the root module, the .cfg text, further modules by name.");
    m.def(
        "evaluate",
        [](const std::string& expression, const std::vector<std::string>& extends) {
            return value_or_raise(tlatv::evaluate(expression, extends));
        },
        py::arg("expression"),
        py::arg("extends") = std::vector<std::string>{"Integers", "Sequences", "FiniteSets", "TLC"},
        "Evaluate a constant expression; the value in TLC's printed form.");
}
