// A small command-line reader shared by the subcommands: `--flag`, `--name value`,
// `--name=value`, repeated options and positional arguments, with usage errors as values.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::cli {

struct OptionSpec {
    std::string name;        // without the leading "--"
    bool takes_value = true; // false for boolean flags
    bool repeated = false;   // may be given more than once
};

class Args {
public:
    // Reads argv[first..argc). On a usage error, error() is set and the rest is unspecified.
    Args(int argc, char** argv, int first, const std::vector<OptionSpec>& specs);

    const std::string& error() const { return error_; }
    bool has(std::string_view name) const;
    std::optional<std::string> value(std::string_view name) const;
    std::vector<std::string> values(std::string_view name) const;
    const std::vector<std::string>& positional() const { return positional_; }

    // The value parsed as a non-negative integer; error() is set on bad text.
    std::optional<long> integer(std::string_view name);

private:
    std::map<std::string, std::vector<std::string>, std::less<>> options_;
    std::set<std::string, std::less<>> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

} // namespace tlatv::cli
