#include "test_support.hpp"

#include "parser/ast_printer.hpp"
#include "parser/parse.hpp"

#include <fstream>
#include <sstream>

namespace tlatv::parser::test {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

namespace {
std::string first_line(const std::string& s) {
    return s.substr(0, s.find('\n'));
}
} // namespace

std::string expr_sexpr(std::string_view text) {
    ExpressionParse parsed = parse_expression(text, "<string>");
    if (!parsed.expr) return "error: " + parsed.errors.at(0).format();
    return to_sexpr(*parsed.expr);
}

std::string module_sexpr(std::string_view text, std::string_view file) {
    ModuleParse parsed = parse_module(text, file);
    if (!parsed.module) return "error: " + parsed.errors.at(0).format();
    return to_sexpr(*parsed.module);
}

std::string module_error(std::string_view text, std::string_view file) {
    ModuleParse parsed = parse_module(text, file);
    return parsed.module ? "" : first_line(parsed.errors.at(0).format());
}

std::string expr_error(std::string_view text) {
    ExpressionParse parsed = parse_expression(text, "<string>");
    return parsed.expr ? "" : first_line(parsed.errors.at(0).format());
}

} // namespace tlatv::parser::test
