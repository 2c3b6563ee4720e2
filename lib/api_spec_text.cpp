// A spec given as text, written where the module loader reads it (lib/api_spec_data.hpp).
#include "lib/api_spec_data.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <system_error>

namespace tlatv::detail {

namespace fs = std::filesystem;

namespace {

bool is_module_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

// The name in the module's header, or "Spec" when there is none (the parser then says what is
// wrong with the text).
std::string root_module_name(const std::string& text) {
    static const std::regex header(R"(-{4,}[ \t]*MODULE[ \t]+([A-Za-z0-9_]+))");
    std::smatch match;
    return std::regex_search(text, match, header) ? match[1].str() : "Spec";
}

bool write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

Diagnostic message_only(std::string message) {
    return {"", 0, 0, std::move(message), ""};
}

} // namespace

Result<SpecSources> SpecSources::write(const SpecText& text) {
    for (const auto& [name, module] : text.modules)
        if (!is_module_name(name))
            return Result<SpecSources>::failure(
                {message_only(fmt::format("`{}` is not a module name", name))});
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    if (ec)
        return Result<SpecSources>::failure(
            {message_only(fmt::format("no temporary directory: {}", ec.message()))});
    std::string pattern = (temp / "tlatv-spec-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        return Result<SpecSources>::failure(
            {message_only(fmt::format("cannot create a directory in {}", temp.string()))});
    SpecSources sources(pattern, root_module_name(text.module));
    bool written = write_file(sources.root_file(), text.module);
    if (!text.config.empty()) written = written && write_file(sources.config_file(), text.config);
    for (const auto& [name, module] : text.modules) {
        if (name == sources.root_)
            return Result<SpecSources>::failure(
                {message_only(fmt::format("module {} is also the root module", name))});
        written = written && write_file(sources.directory_ / (name + ".tla"), module);
    }
    if (!written)
        return Result<SpecSources>::failure(
            {message_only(fmt::format("cannot write the spec's modules to {}", pattern))});
    return Result<SpecSources>::success(std::move(sources));
}

SpecSources::SpecSources(SpecSources&& other) noexcept
    : directory_(std::move(other.directory_))
    , root_(std::move(other.root_)) {
    other.directory_.clear();
}

SpecSources& SpecSources::operator=(SpecSources&& other) noexcept {
    if (this != &other) {
        remove();
        directory_ = std::move(other.directory_);
        root_ = std::move(other.root_);
        other.directory_.clear();
    }
    return *this;
}

SpecSources::~SpecSources() {
    remove();
}

void SpecSources::remove() noexcept {
    if (directory_.empty()) return;
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
}

std::string SpecSources::display(const std::string& file) const {
    const std::string prefix = directory_.string() + "/";
    if (!directory_.empty() && file.starts_with(prefix)) return file.substr(prefix.size());
    return file;
}

} // namespace tlatv::detail
