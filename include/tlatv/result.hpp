// Results as values: either a value or the diagnostics that explain why there is none.
// No exception crosses tlatv's public API.
#pragma once

#include "tlatv/diagnostic.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace tlatv {

template <typename T>
class Result {
public:
    static Result success(T value) {
        Result r;
        r.value_ = std::move(value);
        return r;
    }
    static Result failure(std::vector<Diagnostic> errors) {
        Result r;
        r.errors_ = std::move(errors);
        if (r.errors_.empty()) r.errors_.push_back({"", 0, 0, "unknown error", ""});
        return r;
    }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }

    // Empty when ok().
    const std::vector<Diagnostic>& errors() const { return errors_; }
    // All diagnostics formatted, one after the other (for printing).
    std::string error_text() const {
        std::string out;
        for (const auto& e : errors_) {
            if (!out.empty()) out += '\n';
            out += e.format();
        }
        return out;
    }

private:
    Result() = default;
    std::optional<T> value_;
    std::vector<Diagnostic> errors_;
};

} // namespace tlatv
