// JSON files read by JsonDeserialize / ndJsonDeserialize, shared by the evaluation contexts of
// one run so that each file is read once however many contexts ask for it (SysMoBench's TV
// modules read the whole windows file in every window's context). A run takes the files as
// constant, as TLC does within one model check.
#pragma once

#include "evaluator/value.hpp"

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace tlatv::eval {

class JsonFileCache {
public:
    enum class Format { Json, NdJson };

    // The file's value, read with `read` on the first request for (format, path). Reading is
    // done outside the lock (two first requests may both read; the first value stored wins); a
    // file that fails to read is not cached.
    template <typename Read>
    Value get(Format format, std::string_view path, Read&& read) {
        Key key{format, std::string(path)};
        {
            std::lock_guard lock(mutex_);
            if (auto it = files_.find(key); it != files_.end()) return it->second;
        }
        Value value = std::forward<Read>(read)();
        std::lock_guard lock(mutex_);
        return files_.try_emplace(std::move(key), std::move(value)).first->second;
    }

private:
    using Key = std::pair<Format, std::string>;
    std::mutex mutex_;
    std::map<Key, Value> files_;
};

} // namespace tlatv::eval
