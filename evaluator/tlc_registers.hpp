// TLC's integer registers (TLCSet(i, v) / TLCGet(i)). An evaluation context has its own unless
// the caller gives several contexts one store: the contexts of a trace search share one, as
// TLC's single worker does (trace specs that use registers assume one worker, and keep in them
// what every state's evaluation adds to, such as the furthest log line reached).
#pragma once

#include "evaluator/value.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace tlatv::eval {

class TlcRegisters {
public:
    std::optional<Value> get(std::int64_t index) const {
        std::lock_guard lock(mutex_);
        auto it = values_.find(index);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }
    void set(std::int64_t index, Value value) {
        std::lock_guard lock(mutex_);
        values_.insert_or_assign(index, std::move(value));
    }
    std::map<std::int64_t, Value> values() const {
        std::lock_guard lock(mutex_);
        return values_;
    }

private:
    mutable std::mutex mutex_;
    std::map<std::int64_t, Value> values_;
};

} // namespace tlatv::eval
