// Helpers shared by the parser tests.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tlatv::parser::test {

std::string read_file(const std::filesystem::path& path);

// The S-expression of `text` parsed as an expression, or "error: <formatted diagnostic>".
std::string expr_sexpr(std::string_view text);

// The S-expression of `text` parsed as a module, or "error: <formatted diagnostic>".
std::string module_sexpr(std::string_view text, std::string_view file = "<string>");

// The first diagnostic's "file:line:col: error: message" line when parsing fails, else "".
std::string module_error(std::string_view text, std::string_view file = "test.tla");
std::string expr_error(std::string_view text);

} // namespace tlatv::parser::test
