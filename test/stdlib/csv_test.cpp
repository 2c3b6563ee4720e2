#include "stdlib_test_support.hpp"

#include <catch2/catch.hpp>

using tlatv::eval::stdlib_test::error_of;

TEST_CASE("CSV: reading and writing files are errors that say why", "[stdlib][CSV]") {
    const std::vector<std::string> csv = {"CSV"};
    CHECK(error_of("CSVWrite(\"%1$s\", <<1>>, \"out.csv\")", csv) ==
          "CSVWrite needs file access (writes \"out.csv\"); tlatv does not write files unless "
          "allowed, and its CSV operators are never allowed to.");
    CHECK(error_of("CSVRecords(\"in.csv\")", csv) ==
          "CSVRecords needs file access (reads \"in.csv\"); tlatv does not read files unless "
          "allowed, and its CSV operators are never allowed to.");
    CHECK(error_of("CSVRead(<<\"a\">>, \",\", \"in.csv\")", csv) ==
          "CSVRead needs file access (reads \"in.csv\"); tlatv does not read files unless "
          "allowed, and its CSV operators are never allowed to.");
}
