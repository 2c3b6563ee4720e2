// TLC's printed form of a state, as in its error traces and state-graph dumps:
//
//   /\ x = 1
//   /\ votes = ( a1 :> {<<0, v1>>} @@
//     a2 :> {} )
//
// or, for a spec with a single variable, `x = 1` with no bullet. Lines that do not start a new
// `/\ ` conjunct continue the previous value (TLC wraps long values at 80 columns).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv {

struct StateTextEntry {
    std::string variable;
    std::string value_text;   // TLA+ text of the value, continuation lines joined with '\n'
    std::uint32_t line = 0;   // 1-based line of the entry within the state text
    std::uint32_t column = 0; // 1-based column where value_text starts
};

struct StateTextSplit {
    std::vector<StateTextEntry> entries;
    std::string error; // empty on success; otherwise what is wrong and on which line
};

// Splits state text into one entry per variable, in the order written. Does not parse the values.
StateTextSplit split_state_text(std::string_view text);

} // namespace tlatv
