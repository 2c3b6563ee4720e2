// What a tlatv::Spec holds: the model, and for a spec given as text, its sources.
//
// A spec given as text is written to a private temporary directory that lives as long as the
// spec: the module loader then resolves its imports exactly as for files (in-memory modules in
// the root's directory come before the search path, as SANY's order has it), and diagnostics
// can quote the source lines. Diagnostics name the files `<Name>.tla`, without the directory.
#pragma once

#include "lib/model.hpp"
#include "tlatv/result.hpp"
#include "tlatv/spec.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace tlatv::detail {

class SpecSources {
public:
    // Writes the modules and configuration of `text`; errors when a module name is not a TLA+
    // identifier or the files cannot be written.
    static Result<SpecSources> write(const SpecText& text);

    SpecSources(SpecSources&& other) noexcept;
    SpecSources& operator=(SpecSources&& other) noexcept;
    SpecSources(const SpecSources&) = delete;
    ~SpecSources(); // removes the directory

    std::string root_file() const { return (directory_ / (root_ + ".tla")).string(); }
    std::string config_file() const { return (directory_ / (root_ + ".cfg")).string(); }
    // `file` without the private directory, when it is one of ours.
    std::string display(const std::string& file) const;

private:
    SpecSources(std::filesystem::path directory, std::string root)
        : directory_(std::move(directory))
        , root_(std::move(root)) {}
    void remove() noexcept;
    std::filesystem::path directory_;
    std::string root_;
};

struct SpecData {
    Model model;
    std::shared_ptr<const SpecSources> sources; // a spec loaded from text

    std::string display(const std::string& file) const {
        return sources ? sources->display(file) : file;
    }
};

} // namespace tlatv::detail
