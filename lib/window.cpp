#include "lib/window.hpp"

#include "lib/json_value.hpp"

namespace tlatv::lib {

const eval::Value* Window::parameter(std::string_view name) const {
    for (const Parameter& p : parameters)
        if (p.name == name) return &p.value;
    return nullptr;
}

std::string_view to_string(Expectation expectation) {
    switch (expectation) {
    case Expectation::Unspecified:
        return "unspecified";
    case Expectation::Pass:
        return "pass";
    case Expectation::Fail:
        return "fail";
    }
    return "unspecified";
}

std::string state_to_json(const State& state) {
    std::string out = "{";
    for (const auto& [name, value] : state) {
        if (out.size() > 1) out += ',';
        out += value_to_json(eval::Value::string(name)); // a JSON string, escaped
        out += ':';
        out += value_to_json(value);
    }
    out += '}';
    return out;
}

} // namespace tlatv::lib
