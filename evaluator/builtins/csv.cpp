// CSV (CommunityModules): CSVWrite(template, val, file), CSVRead(columns, delimiter, file) and
// CSVRecords(file) read and write files on disk. tlatv's builtins are given no file access (the
// library never touches files on its own), so each of them fails with an error that says so.
#include "evaluator/builtins/stdlib_natives.hpp"
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

[[noreturn]] void needs_file_access(std::string_view op, std::string_view what, const Value& file) {
    fail("{} needs file access ({} {}); tlatv does not {} files unless allowed, and its CSV "
         "operators are never allowed to.",
         op, what, brief(file), what == "writes" ? "write" : "read");
}

Value csv_write(Args a, const EvalOptions&) {
    needs_file_access("CSVWrite", "writes", a[2]);
}

Value csv_read(Args a, const EvalOptions&) {
    needs_file_access("CSVRead", "reads", a[2]);
}

Value csv_records(Args a, const EvalOptions&) {
    needs_file_access("CSVRecords", "reads", a[0]);
}

constexpr std::string_view M = "CSV";

const Builtin kCsv[] = {
    {M, "CSVWrite", 3, csv_write},
    {M, "CSVRead", 3, csv_read},
    {M, "CSVRecords", 1, csv_records},
};

} // namespace

std::span<const Builtin> csv_builtins() {
    return kCsv;
}

} // namespace tlatv::eval::builtins
