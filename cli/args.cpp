#include "cli/args.hpp"

#include <charconv>

namespace tlatv::cli {

Args::Args(int argc, char** argv, int first, const std::vector<OptionSpec>& specs) {
    auto find_spec = [&](std::string_view name) -> const OptionSpec* {
        for (const auto& s : specs)
            if (s.name == name) return &s;
        return nullptr;
    };
    bool only_positional = false;
    for (int i = first; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (only_positional || arg.size() < 3 || arg.substr(0, 2) != "--") {
            if (arg == "--") {
                only_positional = true;
                continue;
            }
            positional_.emplace_back(arg);
            continue;
        }
        std::string_view name = arg.substr(2);
        std::optional<std::string_view> inline_value;
        if (auto eq = name.find('='); eq != std::string_view::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* spec = find_spec(name);
        if (!spec) {
            error_ = "unknown option --" + std::string(name);
            return;
        }
        if (!spec->takes_value) {
            if (inline_value) {
                error_ = "option --" + std::string(name) + " takes no value";
                return;
            }
            flags_.emplace(name);
            continue;
        }
        std::string value;
        if (inline_value) {
            value = std::string(*inline_value);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            error_ = "option --" + std::string(name) + " needs a value";
            return;
        }
        auto& slot = options_[std::string(name)];
        if (!slot.empty() && !spec->repeated) {
            error_ = "option --" + std::string(name) + " given twice";
            return;
        }
        slot.push_back(std::move(value));
    }
}

bool Args::has(std::string_view name) const {
    return flags_.count(name) > 0 || options_.find(name) != options_.end();
}

std::optional<std::string> Args::value(std::string_view name) const {
    auto it = options_.find(name);
    if (it == options_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(std::string_view name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<long> Args::integer(std::string_view name) {
    auto text = value(name);
    if (!text) return std::nullopt;
    long result = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), result);
    if (ec != std::errc{} || end != text->data() + text->size() || result < 0) {
        error_ =
            "option --" + std::string(name) + " needs a non-negative integer, not '" + *text + "'";
        return std::nullopt;
    }
    return result;
}

} // namespace tlatv::cli
