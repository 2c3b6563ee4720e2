// A window built through the API: one observed transition (pre-state, action, post-state), as a
// line of a windows file holds it (docs/windows-format.md), with the log's names (a mapping,
// when given, translates them to the spec's).
//
//     tlatv::Window w;
//     w.action = "Request";
//     w.arguments.push_back({"c", tlatv::Value::string("c1")});
//     w.pre = tlatv::State::json(R"({"holder": "none", "waiting": []})");
//     w.post = tlatv::State::tla("/\\ holder = \"c1\"\n/\\ waiting = <<>>");
#pragma once

#include "tlatv/value.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tlatv {

// A state: variables and their values, possibly partial (a variable the log does not record is
// left out and stays unconstrained). Parts are read in order; a later one overrides an earlier
// one for the same variable.
class State {
public:
    State() = default;
    // A JSON object of variables, `{"x": 1, "y": [1, 2]}`.
    static State json(std::string object_text);
    // TLC's state text, `/\ x = 1 /\ y = <<1, 2>>` (one conjunct a line, or several on one).
    static State tla(std::string state_text);

    // Adds a part to those given so far.
    State& add_json(std::string object_text);
    State& add_tla(std::string state_text);
    State& set(std::string variable, Value value);

    struct Part {
        enum class Kind { JsonObject, TlaText, Variable } kind;
        std::string text; // JsonObject, TlaText: the text; Variable: the variable's name
        Value value;      // Variable: its value
    };
    const std::vector<Part>& parts() const { return parts_; }
    bool empty() const { return parts_.empty(); }

private:
    std::vector<Part> parts_;
};

// What the caller says the spec should answer on a window.
enum class Expectation {
    Unspecified,
    Pass, // the spec can take this step
    Fail, // the step is impossible in the spec (a negative example)
};

// An argument of the logged action: named, or positional when `name` is empty.
struct Argument {
    std::string name;
    Value value;
};

struct Window {
    std::string action; // the event as logged; the spec action unless a mapping says otherwise
    std::vector<Argument> arguments;
    State pre;
    State post;
    std::string id;             // the caller's id for the window, shown in reports; may be empty
    std::optional<Value> actor; // the process that took the step
    std::optional<Value> input; // the message or input that triggered the step
    Expectation expect = Expectation::Unspecified;
};

} // namespace tlatv
