#include "lib/window.hpp"

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

} // namespace tlatv::lib
