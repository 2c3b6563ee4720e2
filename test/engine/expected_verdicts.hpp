// TLC's verdicts for SysMoBench's windows, as the corpus states them beside each TV module.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace tlatv::test {

// TLC's verdict per window index, from expected_TV_<Action>.tsv (window, verdict, tlc_exit).
inline std::map<std::uint64_t, std::string> expected_verdicts(const std::filesystem::path& tsv) {
    std::map<std::uint64_t, std::string> out;
    std::ifstream in(tsv);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::uint64_t index = 0;
        std::string verdict;
        if (fields >> index >> verdict) out[index] = verdict;
    }
    return out;
}

} // namespace tlatv::test
